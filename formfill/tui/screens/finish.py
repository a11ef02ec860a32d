"""The end: where the PDF is, printing, and a new declaration."""

from __future__ import annotations

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

    def __init__(self, title: str, path: Path) -> None:
        super().__init__(classes="finish")
        self.form_title = title
        self.path = path
        self.message = Static("", id="print-result")

    def compose(self) -> ComposeResult:
        yield Static(self.form_title, id="form-title")
        yield Static(tr("Đã xong", "Done"), id="progress")
        with Vertical(id="body"):
            yield Static(
                tr("Tờ khai đã được lưu thành tệp PDF:", "The declaration was saved as a PDF:"),
                classes="label",
            )
            yield Static(str(self.path), id="pdf-path")
            yield Static(
                tr(
                    "Mang tờ khai đã in tới bộ phận một cửa, ký tên trước mặt cán bộ tiếp nhận.",
                    "Bring the printed form to the office and sign it in front of the officer.",
                ),
                classes="help",
            )
            with Horizontal(id="nav"):
                if printer_available():
                    yield Button(tr("In (P)", "Print (P)"), id="print")
                yield Button(tr("Tờ khai mới (N)", "New declaration (N)"), variant="primary", id="new")
            yield self.message
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#new", Button).focus()

    def action_print(self) -> None:
        if not printer_available():
            self.message.update(
                tr("Máy này không có lệnh in (lp).", "No print command (lp) on this machine.")
            )
            return
        ok, said = print_pdf(self.path)
        self.message.update(
            tr("Đã gửi tới máy in. ", "Sent to the printer. ") + said
            if ok
            else tr("Không in được: ", "Could not print: ") + said
        )

    def action_new(self) -> None:
        self.app.action_home()  # type: ignore[attr-defined]

    @on(Button.Pressed, "#print")
    def _print(self) -> None:
        self.action_print()

    @on(Button.Pressed, "#new")
    def _new(self) -> None:
        self.action_new()
