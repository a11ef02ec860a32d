"""A two-way switch read aloud as words: "(•) Có   ( ) Không". Keyboard: ←/→, space, c/k (y/n);
a click or a tap on either word chooses it."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from formfill.base.i18n import tr

GAP = "    "


class YesNo(Widget, can_focus=True):
    """A yes/no answer; ``value`` is None until the person chooses."""

    DEFAULT_CSS = """
    YesNo { height: 1; width: auto; padding: 0 1; }
    """
    BINDINGS = [
        Binding("left,right,space", "toggle", show=False, id="yesno.toggle"),
        Binding("c,y", "choose(True)", show=False, id="yesno.yes"),
        Binding("k,n", "choose(False)", show=False, id="yesno.no"),
    ]

    value: reactive[bool | None] = reactive(None)

    class Changed(Message):
        def __init__(self, yesno: YesNo, value: bool) -> None:
            super().__init__()
            self.yesno = yesno
            self.value = value

        @property
        def control(self) -> YesNo:
            return self.yesno

    def __init__(
        self, value: bool | None = None, *, yes: str | None = None, no: str | None = None, **kwargs: object
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.yes_label = yes or tr("Có", "Yes")
        self.no_label = no or tr("Không", "No")
        self.set_reactive(YesNo.value, value)

    def render(self) -> Text:
        def part(label: str, on: bool) -> Text:
            mark = "(•)" if on else "( )"
            return Text(
                f"{mark} {label}", style="bold reverse" if on and self.has_focus else ("bold" if on else "")
            )

        return Text.assemble(
            part(self.yes_label, self.value is True), GAP, part(self.no_label, self.value is False)
        )

    def on_click(self, event: events.Click) -> None:
        """A tap on the "Có" half (its words and half the gap) chooses yes, anywhere else no."""
        offset = event.get_content_offset_capture(self)
        yes_end = cell_len(f"(•) {self.yes_label}") + len(GAP) // 2
        self.action_choose(offset.x < yes_end)

    def action_toggle(self) -> None:
        self.action_choose(not self.value)

    def action_choose(self, value: bool) -> None:
        self.value = value
        self.post_message(self.Changed(self, value))

    def _on_focus(self) -> None:
        self.refresh()

    def _on_blur(self) -> None:
        self.refresh()
