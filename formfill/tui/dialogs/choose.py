"""Pick one of a few lines over the current screen: ``ChooseDialog(question, options)`` dismisses with
the chosen option's id, or None ("Quay lại", Esc). A tap on a line picks it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from formfill.base.i18n import tr
from formfill.tui.keymap import LocalizedBindings, shown


class ChooseDialog(LocalizedBindings, ModalScreen[str | None]):
    """Enter or a tap picks the line; Esc or "Quay lại" cancels."""

    BINDINGS = [shown("escape", "cancel", "Quay lại", "Back", id="choose.cancel")]

    def __init__(self, question: str, options: list[tuple[str, str]]) -> None:
        """``options``: (id, text) pairs, in the order shown."""
        super().__init__(classes="dialog")
        self.question = question
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.question, classes="dialog-question")
            yield OptionList(*(Option(text, id=key) for key, text in self.options), id="choices")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("Quay lại (Esc)", "Back (Esc)"), variant="primary", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#choices", OptionList).focus()

    @on(OptionList.OptionSelected, "#choices")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
