"""The line above the footer: whether the last answer is saved, and the Telex/VNI switch (F2, or a
click or tap on it)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.widget import Widget

from formfill.base.i18n import tr


def ime_label(method: str | None) -> str:
    name = {"telex": "Telex", "vni": "VNI"}.get(method or "", tr("Tắt", "Off"))
    return tr(f"Bộ gõ: {name} (F2)", f"Typing: {name} (F2)")


class StatusBar(Widget):
    """``saved`` is set only after the store returned; ``problem`` shows a storage error."""

    DEFAULT_CSS = "StatusBar { height: 1; }"

    saved: reactive[str] = reactive("")
    problem: reactive[str] = reactive("")
    ime: reactive[str | None] = reactive(None)

    def __init__(self, *, ime_shown: bool = True) -> None:
        super().__init__()
        self.ime_shown = ime_shown  # not on a screen where nothing is typed (the review)

    def render(self) -> Text:
        left = Text(self.problem, style="bold reverse") if self.problem else Text(self.saved, style="bold")
        right = Text(ime_label(self.ime) if self.ime_shown else "")
        pad = max(1, self.size.width - left.cell_len - right.cell_len - 2)
        return Text.assemble(" ", left, " " * pad, right, " ")

    async def on_click(self, event: events.Click) -> None:
        """A click or a tap on "Bộ gõ: …" switches Telex / VNI / off, as F2 does."""
        label = ime_label(self.ime)
        if (
            self.ime_shown
            and event.get_content_offset_capture(self).x >= self.size.width - cell_len(label) - 2
        ):
            await self.app.run_action("toggle_ime")


def storage_message(exc: Exception) -> str:
    """A StorageError in the current language (it carries both wordings)."""
    vi, en = getattr(exc, "vi", None), getattr(exc, "en", None)
    return tr(vi, en) if isinstance(vi, str) and isinstance(en, str) else str(exc)
