"""Several choices at once ("Chọn một hoặc nhiều việc"): ↑/↓ move, space ticks, a tap on a line ticks
it. Value: a list."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class CheckList(Widget, can_focus=True):
    """A list of options, each ticked or not; ``value`` keeps the options' order."""

    DEFAULT_CSS = "CheckList { height: auto; padding: 0 1; }"
    BINDINGS = [
        Binding("down", "move(1)", show=False, id="checklist.down"),
        Binding("up", "move(-1)", show=False, id="checklist.up"),
        Binding("space,x", "tick", show=False, id="checklist.tick"),
    ]

    cursor: reactive[int] = reactive(0)

    class Changed(Message):
        def __init__(self, checklist: CheckList, value: list[str]) -> None:
            super().__init__()
            self.checklist = checklist
            self.value = value

        @property
        def control(self) -> CheckList:
            return self.checklist

    def __init__(self, options: list[str], value: list[str] | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.options = options
        self.ticked = {v for v in (value or []) if v in options}

    @property
    def value(self) -> list[str]:
        return [o for o in self.options if o in self.ticked]

    @value.setter
    def value(self, values: list[str]) -> None:
        self.ticked = {v for v in values if v in self.options}
        self.refresh()

    def render(self) -> Text:
        text = Text()
        for i, option in enumerate(self.options):
            mark = "[x]" if option in self.ticked else "[ ]"
            style = (
                "bold reverse"
                if i == self.cursor and self.has_focus
                else ("bold" if option in self.ticked else "")
            )
            text.append(f"{mark} {option}", style=style)
            if i < len(self.options) - 1:
                text.append("\n")
        return text

    def action_move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(self.options)

    def action_tick(self) -> None:
        option = self.options[self.cursor]
        self.ticked ^= {option}
        self.refresh()
        self.post_message(self.Changed(self, self.value))

    def on_click(self, event: events.Click) -> None:
        """A click or a tap on an option ticks it (or unticks it), as space does on the cursor's."""
        row = event.get_content_offset_capture(self).y
        if 0 <= row < len(self.options):
            self.cursor = row
            self.action_tick()

    def _on_focus(self) -> None:
        self.refresh()

    def _on_blur(self) -> None:
        self.refresh()
