"""The officer's desk (``formfill desk``): login first, then the queue, a dossier, its papers, the figures.

Keyboard first, every action a button too (the desk is also served to a browser tab, where a click is
the natural way). Nothing but the login form is on screen until an account has logged in; the store's
lockout and roles apply (an officer is refused an administrator's action, by the session core).
Papers go to new files in the output folder, or to the browser when served (``deliver_binary``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from textual.app import App

from formfill.base.i18n import tr
from formfill.session.desk import DeskService, Paper
from formfill.session.settings import Settings
from formfill.storage import SubmissionStore
from formfill.tui.app import CONTRAST
from formfill.tui.keymap import shown

MAX_TRIES = 100


class DeskApp(App[int]):
    """``DeskApp(store, settings)``: the desk over an open store (the caller closes it)."""

    CSS_PATH = str(Path(__file__).resolve().parent.parent / "formfill.tcss")
    TITLE = "formfill — bàn tiếp nhận"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [shown("ctrl+q", "quit", "Thoát", "Quit", id="desk.quit", priority=True)]

    def __init__(
        self,
        store: SubmissionStore,
        settings: Settings,
        *,
        clock: Callable[[], datetime] | None = None,
        served: bool | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.desk = DeskService(store, settings, clock=clock)
        self.steady_cursor = not settings.cursor_blink
        self._served = served

    @property
    def served(self) -> bool:
        return self.is_web if self._served is None else self._served

    def on_mount(self) -> None:
        from formfill.tui.desk.screens import LoginScreen

        self.register_theme(CONTRAST)
        self.theme = self.settings.theme
        self.push_screen(LoginScreen())

    def on_unmount(self) -> None:
        if self.desk.officer is not None:
            self.desk.logout()

    def deliver(self, paper: Paper) -> str:
        """Print a paper: to the browser when served, else a new file in the output folder; the message."""
        if self.served:
            from formfill.tui import served

            served.deliver_pdf(self, paper.data, paper.name)
            return tr("Giấy tờ đã mở trong trình duyệt để in.", "The paper opened in the browser, to print.")
        path = write_new(self.settings.output_dir / "desk", paper)
        return tr(f"Đã lưu {path}", f"Saved {path}")

    def _handle_exception(self, error: Exception) -> None:
        """Served: the error's type in the server's log and the tab ends (Textual's own report, a
        traceback with locals, could hold a citizen's values; textual-serve would log it)."""
        if self.served:
            from formfill.tui import served

            served.crash(self, error)
        else:
            super()._handle_exception(error)

    def message(self, exc: BaseException) -> str:
        """What to tell the officer about a refused action (its own words; never a traceback)."""
        vi, en = getattr(exc, "vi", None), getattr(exc, "en", None)
        return tr(vi, en) if isinstance(vi, str) and isinstance(en, str) else str(exc)


def write_new(folder: Path, paper: Paper) -> Path:
    """The paper under its name in ``folder`` (``-2``, ``-3``… when taken), atomically, never replacing."""
    from formfill.base.files import atomic_write_new

    folder.mkdir(parents=True, exist_ok=True)
    stem = paper.name.removesuffix(".pdf")
    for n in range(1, MAX_TRIES + 1):
        path = folder / (f"{stem}.pdf" if n == 1 else f"{stem}-{n}.pdf")
        try:
            return atomic_write_new(path, paper.data)
        except FileExistsError:
            continue
    raise FileExistsError(folder / paper.name)


def create_desk_app(store: SubmissionStore, settings: Settings, **kwargs: Any) -> DeskApp:
    return DeskApp(store, settings, **kwargs)
