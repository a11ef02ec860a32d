"""The assistant locked down for a public terminal: notice and consent first, one citizen at a time,
an idle wipe, a receipt and an optional survey, operator mode behind a PIN, and a neutral crash screen.

Everything that quits, suspends, opens the command palette or writes a screenshot is bound to nothing;
the only way out is the operator's PIN (F12). An unexpected error shows "Xin lỗi, máy đang khởi động
lại…", wipes, and returns to the notice; when the app itself cannot go on it exits with
:data:`~formfill.session.kiosk.RESTART_CODE` and the supervisor in ``formfill.cli.kiosk`` restarts it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from textual import events
from textual.binding import Binding
from textual.message_pump import active_message_pump

from formfill.base.errors import FormfillError
from formfill.base.i18n import tr
from formfill.catalog import get_form
from formfill.session.answers import is_empty
from formfill.session.kiosk import (
    RESTART_CODE,
    IdleClock,
    KioskConfig,
    KioskSession,
    PinGuard,
    ignore_terminal_signals,
    office_prefill,
    pin_path,
    read_pin,
    restore_signals,
)
from formfill.session.settings import Settings
from formfill.storage import StorageError
from formfill.storage.submissions import SubmissionStore
from formfill.tui.app import CONTRAST, FormfillApp
from formfill.tui.keymap import shown
from formfill.tui.kiosk.screens import (
    CountdownScreen,
    CrashScreen,
    KioskStartScreen,
    MessageScreen,
    NoticeScreen,
    resume_code_screen,
)
from formfill.tui.screens.wizard import WizardScreen
from formfill.tui.widgets.status import storage_message


def kiosk_actor() -> str:
    """This kiosk in the audit log: ``kiosk:<host name>`` (a machine's name, never a person's)."""
    import socket

    return "kiosk:" + (socket.gethostname().split(".")[0][:40] or "?")


log = logging.getLogger("formfill.kiosk")

LOCKED_KEYS = "ctrl+q,ctrl+c,ctrl+z,ctrl+backslash,ctrl+d,ctrl+p,ctrl+s,ctrl+w,f10"
CRASH_PAUSE = 3.0  # seconds the crash screen stays before the notice
MAX_CRASHES = 5  # more in one process: let the supervisor start a fresh one


class KioskApp(FormfillApp, inherit_bindings=False):
    """The kiosk (``formfill kiosk``). ``monotonic`` is injectable so tests drive the idle clock."""

    CSS_PATH = str(Path(__file__).resolve().parent.parent / "formfill.tcss")  # the assistant's one sheet
    BINDINGS = [
        shown("f2", "toggle_ime", "Bộ gõ Telex/VNI", "Telex/VNI typing", id="kiosk.ime", priority=True),
        shown(
            "f9",
            "save_for_later",
            "Lưu lại để làm tiếp",
            "Save to continue later",
            id="kiosk.save",
            priority=True,
        ),
        Binding("f12", "operator", show=False, priority=True, system=True, id="kiosk.operator"),
        Binding(LOCKED_KEYS, "nothing", show=False, priority=True, system=True, id="kiosk.locked"),
    ]

    def __init__(
        self,
        settings: Settings,
        config: KioskConfig,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        **kwargs: Any,
    ) -> None:
        super().__init__(settings, **kwargs)
        self.config = config
        self.monotonic = monotonic
        self.idle = IdleClock(config.idle_seconds, config.countdown_seconds, monotonic)
        self.pin_guard = PinGuard(read_pin(pin_path(config.config_path)), monotonic)
        self.session: KioskSession | None = None
        self.citizen_drafts: list[str] = []
        self.survey_form: str | None = None
        self.resumed_code: str | None = None
        self.crashes = 0
        self._old_signals: dict[int, Any] = {}

    SAVE_ACTION = "save_for_later"

    @property
    def touch(self) -> bool:
        return True  # a public terminal may have a touch screen and no mouse

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """F9 only while a declaration is open (not on the receipt, after it was submitted)."""
        if action == "save_for_later":
            return self.session is not None and isinstance(self.screen, WizardScreen)
        return super().check_action(action, parameters)

    # --- stores -------------------------------------------------------------------------------
    @property
    def store(self) -> SubmissionStore:
        """One store for drafts, submissions, resume codes and ratings (one connection, one file)."""
        if self._store is None:
            path = self.config.store_path or self.settings.drafts_path
            self._store = SubmissionStore(path, settings=self.settings, actor=kiosk_actor())
        return self._store  # type: ignore[return-value]

    @property
    def submissions(self) -> SubmissionStore:
        return self.store

    # --- life -----------------------------------------------------------------------------------
    def on_mount(self, event: events.Mount) -> None:
        event.prevent_default()  # not the assistant's start screen: the notice comes first
        self.register_theme(CONTRAST)
        self.theme = self.settings.theme
        self._old_signals = ignore_terminal_signals()
        self.push_screen(NoticeScreen(self.config))
        self.set_interval(1.0, self.kiosk_tick)
        self.set_interval(5.0, self._storage_idle)

    def on_unmount(self, event: events.Unmount) -> None:
        event.prevent_default()  # FormfillApp's would close the store a second time
        restore_signals(self._old_signals)
        if self.served:  # a closed browser tab: nothing of its citizen stays
            self.forget_citizen()
        if self._store is not None:
            self._store.close()

    async def on_event(self, event: events.Event) -> None:
        # Typing, pasting and a QR scanner (which types) all count as presence.
        if isinstance(event, events.InputEvent | events.Paste) and not getattr(event, "is_forwarded", False):
            self.idle.touch()
        await super().on_event(event)

    # --- locked keys --------------------------------------------------------------------------------
    def action_nothing(self) -> None:
        """Ctrl+Q, Ctrl+C, Ctrl+Z, … do nothing on a public terminal."""

    async def action_quit(self) -> None:
        """Leaving is for the operator (PIN), not for a key."""

    def action_help_quit(self) -> None: ...

    def action_suspend_process(self) -> None: ...

    def action_command_palette(self) -> None: ...

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None: ...

    def save_screenshot(self, *args: Any, **kwargs: Any) -> str:
        return ""  # a screenshot would write a citizen's data to disk

    def deliver_screenshot(self, *args: Any, **kwargs: Any) -> str | None:
        return None

    # --- the idle wipe ------------------------------------------------------------------------------
    def kiosk_tick(self) -> None:
        """Once a second: the countdown after ``idle_seconds`` without input, then the wipe."""
        if isinstance(self.screen, NoticeScreen | CrashScreen) and not self.citizen_drafts:
            self.idle.touch()  # nobody's data on screen: nothing to wipe
            return
        phase = self.idle.phase()
        countdown = self.screen if isinstance(self.screen, CountdownScreen) else None
        if phase == "active":
            if countdown is not None:
                countdown.dismiss(None)
        elif phase == "countdown":
            if countdown is None:
                self.push_screen(CountdownScreen(self.idle.seconds_left()))
            else:
                countdown.show(self.idle.seconds_left())
        else:
            self.wipe()

    def forget_citizen(self) -> None:
        """Delete this citizen's drafts (secure_delete + checkpoint) and everything the app remembers."""
        for draft_id in self.citizen_drafts:
            try:
                self.store.delete(draft_id)
            except StorageError as exc:
                log.error("kiosk: draft not deleted (%s)", type(exc).__name__)
        self.citizen_drafts = []
        self.session = None
        self.survey_form = None
        self.resumed_code = None
        self.copy_to_clipboard("")
        self.ime_method = None if self.settings.ime == "off" else self.settings.ime

    def wipe(self, message: str | None = None) -> None:
        """Forget the citizen and rebuild the screens from the notice."""
        self.forget_citizen()
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(NoticeScreen(self.config))
        self.idle.touch()
        if message:
            self.notify(message, timeout=6)

    # --- the citizen's path ---------------------------------------------------------------------
    def consent_given(self) -> None:
        self.idle.touch()
        self.switch_screen(KioskStartScreen(self.config.forms))

    def _open(self, form_id: str, answers: dict[str, Any] | None = None) -> None:
        spec = get_form(form_id)
        try:
            session = KioskSession.new(spec, self.store)
            session.monotonic = self.monotonic
            self.citizen_drafts.append(session.draft_id)
            values = dict(answers or {})
            for key, value in office_prefill(spec, self.config, self.clock().date()).items():
                if is_empty(values.get(key)):
                    values[key] = value
            session.set_many(values)
        except StorageError as exc:
            self.notify(storage_message(exc), severity="error")
            return
        self.session = session
        self.push_screen(WizardScreen(session, on_review=self.review))

    def new_declaration(self, form_id: str) -> None:
        self._open(form_id)

    def resume_draft(self, draft_id: str) -> None:
        """Drafts are never listed in kiosk mode; only a resume code reopens one."""

    def resume_by_code(self, text: str) -> None:
        from formfill.storage.codes import CodeError, normalize

        try:
            code = normalize(text)
            found = self.submissions.open_resume(code)
        except CodeError as exc:
            self.notify(str(exc), severity="error")
            return
        except (StorageError, FormfillError) as exc:
            self.notify(storage_message(exc), severity="error")
            return
        if found is None:
            self.notify(tr("Không tìm thấy mã này.", "No such code."), severity="error")
            return
        form_id, answers = found
        self.resumed_code = code
        self._open(form_id, answers)

    def action_save_for_later(self) -> None:
        """ "Lưu lại để làm tiếp": the answers under a resume code; the screen forgets them."""
        session = self.session
        if session is None or not isinstance(self.screen, WizardScreen):
            return
        try:
            code = self.submissions.save_resume(session.spec.id, dict(session.answers))
        except (StorageError, FormfillError) as exc:
            self.notify(storage_message(exc), severity="error")
            return
        self.forget_citizen()
        self._show_only(resume_code_screen(code, self.config.draft_hours))

    def _show_only(self, screen: Any) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(screen)

    def finish(self, session: Any) -> None:
        """Store the submission, print, show the receipt; nothing of the citizen stays on the screen."""
        from formfill.tui.kiosk.flow import submit_and_print

        try:
            receipt = submit_and_print(self, session)
        except ValidationError:
            self.notify(tr("Tờ khai còn lỗi.", "The declaration has errors."), severity="error")
            return
        except (StorageError, FormfillError, OSError) as exc:
            self.notify(storage_message(exc), severity="error", timeout=15)
            return
        if self.resumed_code is not None:  # finished: its resume code has done its job
            try:
                self.submissions.forget_resume(self.resumed_code)
            except (StorageError, FormfillError) as exc:
                log.error("kiosk: resume code not removed (%s)", type(exc).__name__)
        self.forget_citizen()
        self.survey_form = session.spec.id
        self._show_only(receipt)

    def after_receipt(self) -> None:
        from formfill.tui.kiosk.receipt import SatisfactionScreen

        self._show_only(SatisfactionScreen())

    def record_satisfaction(self, score: int, comment: str, visits: str | None) -> None:
        if self.survey_form is not None:
            try:
                self.submissions.record_satisfaction(
                    self.survey_form, self.clock().date(), score, comment or None, visits
                )
            except (StorageError, FormfillError) as exc:
                log.error("kiosk: survey not stored (%s)", type(exc).__name__)
        self.after_survey()

    def after_survey(self) -> None:
        self.survey_form = None
        self._show_only(
            MessageScreen(
                tr("Xin cảm ơn", "Thank you"),
                [tr("Chúc ông/bà một ngày tốt lành.", "Have a good day.")],
                auto_seconds=8.0,
            )
        )

    # --- the operator ----------------------------------------------------------------------------
    def action_operator(self) -> None:
        from formfill.tui.kiosk.screens import PinScreen

        if isinstance(self.screen, PinScreen):
            return

        def opened(ok: bool | None) -> None:
            if ok:
                from formfill.tui.kiosk.operator import OperatorScreen

                self.forget_citizen()
                self._show_only(OperatorScreen())

        self.push_screen(PinScreen(self.pin_guard), opened)

    def operator_exit(self) -> None:
        """Only the operator, after the PIN, closes the kiosk."""
        self.exit(0)

    # --- crashes -------------------------------------------------------------------------------
    async def run_action(self, action: Any, *args: Any, **kwargs: Any) -> bool:
        try:
            return await super().run_action(action, *args, **kwargs)
        except Exception as error:  # a failing action must not take the kiosk down
            self._crash(error, recoverable=True)
            return True

    def _handle_exception(self, error: Exception) -> None:
        """Textual's last resort (it would print a traceback with locals): the kiosk's instead.

        A screen's failing handler only stops that screen; when the app's own loop failed it
        cannot go on, and exits for the supervisor to restart it.
        """
        self._crash(error, recoverable=active_message_pump.get(None) is not self)

    def _crash(self, error: Exception, *, recoverable: bool) -> None:
        """No traceback, no value, no label: the error's type alone, then a fresh start."""
        self.crashes += 1
        log.error("kiosk: unexpected error %s", type(error).__name__)
        if self.crashes > MAX_CRASHES or not recoverable:
            self._return_code = RESTART_CODE
            self._close_messages_no_wait()
            return
        self.call_later(self._recover)

    def _recover(self) -> None:
        self.forget_citizen()
        self._show_only(CrashScreen())
        self.set_timer(CRASH_PAUSE, self.wipe)


def create_kiosk_app(
    settings: Settings | None = None, config: KioskConfig | None = None, **kwargs: Any
) -> KioskApp:
    """The kiosk, for the CLI and the tests (``clock=``, ``monotonic=`` for tests)."""
    from formfill.base.i18n import set_lang

    settings = settings or Settings.from_env()
    if settings.lang:
        set_lang(settings.lang)
    return KioskApp(settings, config or KioskConfig.from_settings(settings), **kwargs)
