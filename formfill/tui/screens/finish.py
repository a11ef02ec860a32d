"""The end: where the PDF is, printing, and a new declaration."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from formfill.base.i18n import tr
from formfill.session.printout import print_pdf, printer_available
from formfill.tui.keymap import LocalizedBindings, shown


class FinishScreen(LocalizedBindings, Screen[None]):
    BINDINGS = [
        shown("p", "print", "In", "Print", id="finish.print"),
        shown("n", "new", "Tờ khai mới", "New declaration", id="finish.new"),
    ]

    def __init__(self, title: str, path: Path | None, again: Callable[[], None] | None = None) -> None:
        """``path``: where the PDF was written; None in a browser tab, where ``again`` sends it once more."""
        super().__init__(classes="finish")
        self.form_title = title
        self.path = path
        self.again = again
        self.message = Static("", id="print-result")

    def compose(self) -> ComposeResult:
        yield Static(self.form_title, id="form-title")
        yield Static(tr("Đã xong", "Done"), id="progress")
        with Vertical(id="body"):
            if self.path is None:  # in a browser: the PDF went to it
                yield Static(self._in_browser(), id="next-step", classes="help")
            else:
                yield Static(
                    tr("Đã lưu tờ khai thành tệp PDF:", "The declaration was saved as a PDF:"),
                    classes="label",
                )
                yield Static(str(self.path), id="pdf-path")
                yield Static(self._next_step(), id="next-step", classes="help")
            with Horizontal(id="nav"):
                if self.again is not None:
                    yield Button(tr("Mở lại tệp PDF", "Open the PDF again"), id="pdf-again")
                elif printer_available():
                    yield Button(tr("In (P)", "Print (P)"), id="print")
                yield Button(tr("Tờ khai mới (N)", "New declaration (N)"), variant="primary", id="new")
            yield self.message
        yield Footer()

    @staticmethod
    def _in_browser() -> str:
        return tr(
            "Tệp PDF của tờ khai đã mở trong trình duyệt: in hoặc lưu từ đó, rồi mang bản in tới bộ phận"
            " một cửa và ký tên trước mặt cán bộ tiếp nhận. Máy chủ không giữ bản nào.",
            "The declaration's PDF opened in the browser: print or save it there, then bring the printout"
            " to the office and sign it in front of the officer. The server keeps no copy.",
        )

    @staticmethod
    def _next_step() -> str:
        """What to do now, for what this machine can do: nothing is printed yet."""
        if printer_available():
            return tr(
                "Chưa in. Nhấn P để in, rồi mang bản in tới bộ phận một cửa và ký tên trước mặt cán bộ tiếp nhận.",
                "Not printed yet. Press P to print, then bring the printout to the office and sign it"
                " in front of the officer.",
            )
        return tr(
            "Máy này không in được (không có lệnh in). Hãy in tệp PDF trên ở máy khác, rồi mang bản in tới"
            " bộ phận một cửa và ký tên trước mặt cán bộ tiếp nhận.",
            "This machine cannot print (no print command). Print the PDF above elsewhere, then bring the"
            " printout to the office and sign it in front of the officer.",
        )

    def on_mount(self) -> None:
        self.query_one("#new", Button).focus()

    def action_print(self) -> None:
        if self.path is None:
            if self.again is not None:
                self.again()
            return
        if not printer_available():
            self.message.update(tr("Máy này không in được (không có lệnh in).", "This machine cannot print."))
            return
        ok, printer = print_pdf(self.path)
        if not ok:
            self.message.update(
                tr(
                    "Không in được: máy in báo lỗi. Kiểm tra máy in rồi nhấn P lần nữa, hoặc in tệp PDF ở máy khác.",
                    "Could not print: the printer reported an error. Check it and press P again,"
                    " or print the PDF elsewhere.",
                )
            )
            return
        where = tr(f"máy in {printer}", f"the printer {printer}") if printer else tr("máy in", "the printer")
        self.message.update(
            tr(
                f"Đã gửi tới {where}. Lấy bản in, mang tới bộ phận một cửa và ký tên trước mặt cán bộ tiếp nhận.",
                f"Sent to {where}. Take the printout to the office and sign it in front of the officer.",
            )
        )
        self.query_one("#next-step", Static).display = False

    def action_new(self) -> None:
        self.app.action_home()  # type: ignore[attr-defined]

    @on(Button.Pressed, "#print")
    def _print(self) -> None:
        self.action_print()

    @on(Button.Pressed, "#pdf-again")
    def _again(self) -> None:
        if self.again is not None:
            self.again()

    @on(Button.Pressed, "#new")
    def _new(self) -> None:
        self.action_new()
