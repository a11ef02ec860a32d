"""The assistant's app: ``create_app(settings)`` for the CLI and the tests, ``run_app()`` for ``formfill``."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import ValidationError
from textual.app import App
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Input

from formfill.base import clock as base_clock
from formfill.base.errors import FormfillError
from formfill.base.i18n import set_lang, tr
from formfill.base.settings import problem
from formfill.catalog import get_form
from formfill.session.ime import METHODS
from formfill.session.settings import Settings, SettingsError
from formfill.storage import DraftStore, StorageError
from formfill.tui import served
from formfill.tui.keymap import shown
from formfill.tui.screens.start import StartScreen
from formfill.tui.widgets.status import StatusBar, storage_message

if TYPE_CHECKING:
    from formfill.session.answers import FormSession

MIN_SIZE = (80, 24)  # columns × rows every screen is laid out for
IDLE_SECONDS = 5.0  # how often a blocked WAL checkpoint is retried while the app runs

CONTRAST = Theme(
    name="formfill-contrast",
    primary="#FFD700",
    secondary="#00D7FF",
    accent="#FFD700",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#262626",
    boost="#1C1C1C",
    error="#FF5F5F",
    success="#5FFF5F",
    warning="#FFAF00",
    dark=True,
)


class FormfillApp(App[int]):
    """Start screen → wizard (one section per step) → review → finish."""

    CSS_PATH = "formfill.tcss"
    TITLE = "formfill"
    ENABLE_COMMAND_PALETTE = False  # its Quit/Screenshot entries have no place on a shared terminal
    BINDINGS = [
        shown("f2", "toggle_ime", "Bộ gõ", "Typing", id="app.ime", priority=True),  # short: 80 columns
        shown("ctrl+q", "quit", "Thoát", "Quit", id="app.quit", priority=True),
        # served only (check_action): a tab's draft outlives the tab only under a resume code
        shown("f9", "save_tab", "Lưu để làm tiếp", "Save for later", id="app.save", priority=True),
    ]

    ime_method: reactive[str | None] = reactive(None)

    def __init__(
        self,
        settings: Settings,
        *,
        store: DraftStore | None = None,
        clock: Callable[[], datetime] | None = None,
        served: bool = False,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.served = served  # in a browser tab (formfill serve): see formfill.tui.served
        self.tab_drafts: list[str] = []
        self._store = store
        self.clock = clock or base_clock.now
        self._own_clock = clock is not None
        self._told_small = False
        self.steady_cursor = not settings.cursor_blink
        self.set_reactive(FormfillApp.ime_method, None if settings.ime == "off" else settings.ime)

    @property
    def store(self) -> DraftStore:
        if self._store is None:
            kwargs = {}
            if self._own_clock:
                kwargs["clock"] = lambda: self.clock().astimezone()
            if self.served:  # resume codes live beside the drafts
                from formfill.storage.submissions import SubmissionStore

                self._store = SubmissionStore(self.settings.drafts_path, settings=self.settings, **kwargs)
            else:
                self._store = DraftStore(self.settings.drafts_path, **kwargs)  # type: ignore[arg-type]
        return self._store

    def on_mount(self) -> None:
        self.register_theme(CONTRAST)
        self.theme = self.settings.theme
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        if self.served:
            from formfill.tui.kiosk.screens import KioskStartScreen  # no drafts list, a resume code

            self.push_screen(KioskStartScreen())
        else:
            self.push_screen(StartScreen())
        self.set_interval(IDLE_SECONDS, self._storage_idle)
        self.call_after_refresh(self._check_size)
        self.call_after_refresh(self._warm_up)

    def _warm_up(self) -> None:
        """Once the start screen is drawn: read and check the pack's templates and load the wizard in
        a background thread, so opening a form is immediate (the start screen needs titles only).
        A broken template is not reported here: ``get_form`` raises it when that form is opened."""

        def run() -> None:
            try:
                from formfill.catalog import check_pack
                from formfill.tui.screens import finish, review, wizard  # noqa: F401

                check_pack()
            except Exception:  # reported by get_form when that form is opened
                return

        threading.Thread(target=run, name="formfill-warm-up", daemon=True).start()

    def on_resize(self) -> None:
        self._check_size()

    def _check_size(self) -> None:
        """Below 80 × 24 some questions or keys cannot be shown: say so plainly, once per shrink."""
        width, height = self.size
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        if small and not self._told_small:
            self.notify(
                tr(
                    f"Cửa sổ quá nhỏ ({width} × {height}): cần ít nhất {MIN_SIZE[0]} × {MIN_SIZE[1]} ô chữ."
                    " Hãy phóng to cửa sổ hoặc giảm cỡ chữ.",
                    f"The window is too small ({width} × {height}): at least {MIN_SIZE[0]} × {MIN_SIZE[1]}"
                    " is needed. Enlarge the window or use a smaller font.",
                ),
                severity="warning",
                timeout=20,
            )
        self._told_small = small

    def _storage_idle(self) -> None:
        """Retry a checkpoint another reader blocked, so a deleted draft leaves the -wal soon."""
        if self._store is not None:
            self._store.idle()

    def on_unmount(self) -> None:
        if self._store is not None:
            if self.served:
                served.forget_tab(self)
            self._store.close()

    # --- in a browser tab (formfill serve) ---------------------------------------------------------
    SAVE_ACTION = "save_tab"  # what the wizard's "Lưu để làm tiếp" button runs (the kiosk has its own)

    @property
    def touch(self) -> bool:
        """On a screen people may tap rather than type (a browser tab, a kiosk): the main buttons stay
        in view under the questions instead of at the end of the page (see WizardScreen)."""
        return self.served

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that do nothing on a screen are not offered there (the footer hides them)."""
        if action == "save_tab":  # in a browser tab, while a declaration is open
            # The wizard's module loads with the first form, not at start: before that no screen is one.
            wizard = sys.modules.get("formfill.tui.screens.wizard")
            return self.served and wizard is not None and isinstance(self.screen, wizard.WizardScreen)
        if action == "toggle_ime":  # only where something is typed
            return typing_screen(self.screen)
        return True

    def action_save_tab(self) -> None:
        served.save_for_later(self)

    def resume_by_code(self, text: str) -> None:
        served.resume_by_code(self, text)

    def wipe(self, message: str | None = None) -> None:
        """After the resume code was shown: back to the start."""
        self.action_home()

    def _handle_exception(self, error: Exception) -> None:
        if self.served:
            served.crash(self, error)
        else:
            super()._handle_exception(error)

    # --- Telex / VNI ---------------------------------------------------------------------------
    def action_toggle_ime(self) -> None:
        order: list[str | None] = [None, *METHODS]
        self.ime_method = order[(order.index(self.ime_method) + 1) % len(order)]

    def watch_ime_method(self, method: str | None) -> None:
        for screen in self.screen_stack:
            for bar in screen.query(StatusBar).results():
                bar.ime = method

    def action_help_quit(self) -> None:
        """Ctrl+C no longer quits (it copies): say how to quit, in the app's language."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(
                    tr(f"Nhấn {key} để thoát.", f"Press {key} to quit."),
                    title=tr("Bạn muốn thoát?", "Do you want to quit?"),
                )
                return

    # --- flow ----------------------------------------------------------------------------------
    def new_declaration(self, form_id: str) -> None:
        from formfill.session.answers import FormSession
        from formfill.tui.screens.wizard import WizardScreen

        spec = get_form(form_id)
        try:
            session = FormSession.new(spec, self.store)
        except StorageError as exc:
            self.notify(
                storage_message(exc),
                title=tr("Không tạo được bản nháp", "Cannot create a draft"),
                severity="error",
            )
            return
        self.tab_drafts.append(session.draft_id)
        self.push_screen(WizardScreen(session, on_review=self.review))

    def resume_draft(self, draft_id: str) -> None:
        from formfill.session.answers import FormSession
        from formfill.tui.screens.wizard import WizardScreen

        try:
            summary = self.store.load(draft_id)
            session = FormSession.resume(get_form(summary.form_id), self.store, draft_id)
        except StorageError as exc:
            self.notify(storage_message(exc), severity="error")
            return
        self.push_screen(WizardScreen(session, on_review=self.review))

    def review(self, session: FormSession) -> None:
        from formfill.tui.screens.review import ReviewScreen

        wizard = self.screen

        async def after(result: str | None) -> None:
            if result is None:
                return
            if result:
                await wizard.edit(result)  # type: ignore[attr-defined]
                return
            self.finish(session)

        self.push_screen(ReviewScreen(session), after)

    def finish(self, session: FormSession) -> None:
        from formfill.session.printout import write_pdf
        from formfill.tui.screens.finish import FinishScreen

        again: Callable[[], None] | None = None
        try:
            if self.served:  # to the browser, to print or save; nothing stays on the server
                again = served.pdf_sender(self, session.spec, session.declaration(), self.clock())
                again()
                path = None
            else:
                path = write_pdf(session.spec, session.declaration(), self.settings.output_dir, self.clock())
        except ValidationError:
            self.notify(tr("Tờ khai còn lỗi.", "The declaration has errors."), severity="error")
            return
        except (OSError, ImportError, FormfillError) as exc:
            self.notify(
                storage_message(exc),
                title=tr("Không ghi được tệp PDF", "Cannot write the PDF"),
                severity="error",
                timeout=15,
            )
            return
        try:
            self.store.delete(session.draft_id)  # done: the PDF is the result, the draft goes
            if session.draft_id in self.tab_drafts:
                self.tab_drafts.remove(session.draft_id)
        except StorageError as exc:
            self.notify(storage_message(exc), severity="warning")
        self.pop_screen()  # the wizard
        self.push_screen(FinishScreen(tr(session.spec.meta.title, session.spec.meta.title_en), path, again))

    def action_home(self) -> None:
        """Back to the start screen."""
        while len(self.screen_stack) > 2:
            self.pop_screen()


def typing_screen(screen: Screen[object]) -> bool:
    """Whether ``screen`` has a text box (the Telex/VNI switch means nothing elsewhere)."""
    return bool(screen.query(Input))


def create_app(settings: Settings | None = None, **kwargs: object) -> FormfillApp:
    """The app, for the CLI and the tests (``clock=``, ``store=`` for tests)."""
    settings = settings or Settings.from_env()
    if settings.lang:
        set_lang(settings.lang)
    app = FormfillApp(settings, **kwargs)  # type: ignore[arg-type]
    themes = sorted({CONTRAST.name, *app.available_themes})
    if settings.theme not in themes:
        raise SettingsError(
            [
                problem(
                    "FORMFILL_THEME",
                    settings.theme,
                    "một trong " + ", ".join(themes),
                    "one of " + ", ".join(themes),
                )
            ]
        )
    return app


def run_app() -> int:
    """Run the assistant in the terminal; the exit code for ``formfill``."""
    app = create_app()
    app.run()
    return app.return_code or 0
