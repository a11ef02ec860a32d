"""Type-ahead choice: an input with a short list of matches under it (ethnicity, commune, ...).

↓/↑ move in the list, Enter takes the highlighted option, Esc closes the list. Matching ignores
accents ("sa dec" finds Phường Sa Đéc). Leaving the field completes an exact match ("nu" -> "Nữ").
"""

from __future__ import annotations

from typing import Any

from textual.actions import SkipAction
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from formfill.session.choices import Choice, Source, canonical
from formfill.tui.widgets.inputs import ImeInput


class ChoiceList(OptionList, can_focus=False):
    """The list under a :class:`ChoiceInput` (never focused itself: the input drives it)."""

    DEFAULT_CSS = """
    ChoiceList { height: auto; max-height: 8; display: none; }
    ChoiceList.-open { display: block; }
    """

    owner: ChoiceInput | None = None

    def on_mouse_down(self, event: Any) -> None:
        """A tap on an option takes it at once: the tap moves the focus away, which closes the list."""
        index = event.style.meta.get("option") if event.style else None
        owner = self.owner
        if owner is not None and index is not None and index < len(owner.choices):
            event.stop()
            owner.take(owner.choices[index])
            owner.focus()


class ChoiceInput(ImeInput):
    """An input whose answer is usually one of a list of options."""

    BINDINGS = [
        Binding("down", "move(1)", show=False, id="choice.down"),
        Binding("up", "move(-1)", show=False, id="choice.up"),
        Binding("escape", "close", show=False, id="choice.close"),
    ]

    class Picked(Message):
        """An option was taken (``choice.extra`` may fill sibling fields)."""

        def __init__(self, input: ChoiceInput, choice: Choice) -> None:
            super().__init__()
            self.input = input
            self.choice = choice

        @property
        def control(self) -> ChoiceInput:
            return self.input

    def __init__(self, source: Source, *args: Any, strict: bool = False, **kwargs: Any) -> None:
        # Set before Input.__init__, which assigns the initial value (and so runs _watch_value).
        self.source = source
        self.strict = strict
        self.choices: list[Choice] = []
        self.list = ChoiceList()
        self.list.owner = self
        self._quiet = False
        self._tapped = False  # a click or tap opens the list (a touch screen has no ↓)
        super().__init__(*args, **kwargs)

    def _refresh_list(self) -> None:
        self.choices = self.source(self.value)
        self.list.set_options([Option(c.label) for c in self.choices])
        exact = len(self.choices) == 1 and self.choices[0].value == self.value
        wanted = bool(self.value.strip() or self.strict or self._tapped)
        show = bool(self.choices) and self.has_focus and not exact and wanted
        self.list.set_class(show, "-open")
        if show:
            self.list.highlighted = 0

    def _watch_value(self, value: str) -> None:
        super()._watch_value(value)
        if not self._quiet and self.is_mounted:
            self._refresh_list()

    def _on_focus(self, event: Any) -> None:
        if self.strict and not self.value:
            self._refresh_list()

    def on_click(self) -> None:
        self._tapped = True
        self._refresh_list()

    def _on_blur(self, event: Any) -> None:
        self._tapped = False
        self.list.remove_class("-open")
        found = canonical(self.source, self.value)
        if found is not None and found.value != self.value:
            self.take(found)

    @property
    def is_open(self) -> bool:
        return self.list.has_class("-open")

    def take(self, choice: Choice) -> None:
        """Put an option into the field."""
        self._quiet = True
        try:
            self.value = choice.value
            self.cursor_position = len(self.value)
        finally:
            self._quiet = False
        self.list.remove_class("-open")
        self.post_message(self.Picked(self, choice))

    def action_move(self, step: int) -> None:
        if not self.is_open:
            raise SkipAction()
        if step > 0:
            self.list.action_cursor_down()
        else:
            self.list.action_cursor_up()

    def action_close(self) -> None:
        if not self.is_open:
            raise SkipAction()
        self.list.remove_class("-open")

    async def action_submit(self) -> None:
        if self.is_open and self.list.highlighted is not None and self.choices:
            self.take(self.choices[self.list.highlighted])
            return
        await super().action_submit()
