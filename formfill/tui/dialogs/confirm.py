"""A yes/no question over the current screen: ``ConfirmDialog(text)`` dismisses with a bool."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from formfill.base.i18n import tr
from formfill.tui.keymap import LocalizedBindings, shown


class ConfirmDialog(LocalizedBindings, ModalScreen[bool]):
    """Enter / c confirms, Esc / k cancels."""

    BINDINGS = [
        shown("escape,k,n", "answer(False)", "Không", "No", id="confirm.no"),
        shown("c,y", "answer(True)", "Có", "Yes", id="confirm.yes"),
    ]

    def __init__(self, question: str, yes: str | None = None, no: str | None = None) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.yes = yes or tr("Có", "Yes")
        self.no = no or tr("Không", "No")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.question, classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, variant="error", id="yes")
                yield Button(self.no, variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
