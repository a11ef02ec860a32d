"""Text inputs: Vietnamese composition (Telex/VNI), dd/mm/yyyy dates, and the schema's validator."""

from __future__ import annotations

import re
from typing import Any

from pydantic import TypeAdapter, ValidationError
from textual import events
from textual.validation import ValidationResult, Validator
from textual.widgets import Input

from formfill.forms import explain
from formfill.session.ime import Composer, Edit


def widget_id(prefix: str, path: str) -> str:
    """A DOM id for a field path (dots are not allowed in ids)."""
    return f"{prefix}-{path.replace('.', '--')}"


class SchemaValidator(Validator):
    """Asks the field's own pydantic type; the failure text is the schema's Vietnamese message.

    Empty is accepted here: whether a field is required is decided when the section is checked.
    """

    def __init__(self, adapter: TypeAdapter[Any]) -> None:
        super().__init__()
        self.adapter = adapter

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        try:
            self.adapter.validate_python(value)
        except ValidationError as exc:
            return self.failure(" ".join(dict.fromkeys(e.message for e in explain(exc))))
        return self.success()

    def canonical(self, value: str) -> str | None:
        """The value as the schema writes it ("2/10/2026" -> "02/10/2026"), when it is text."""
        try:
            out = self.adapter.dump_python(self.adapter.validate_python(value), mode="json")
        except (ValidationError, ValueError, TypeError):
            return None
        return out if isinstance(out, str) else None


class ImeInput(Input):
    """An Input that composes Vietnamese as you type when the app's Telex/VNI switch is on.

    The method comes from ``app.ime_method`` (None = off) at each keystroke, so the footer switch
    applies at once to every field; ``ime=False`` opts a field out (numbers, QR codes).
    """

    def __init__(self, *args: Any, ime: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)
        self.ime_enabled = ime
        self.composer = Composer()

    def on_mount(self) -> None:
        if getattr(self.app, "steady_cursor", False):
            self.cursor_blink = False  # test settings: deterministic screenshots

    def _method(self) -> Any:
        return getattr(self.app, "ime_method", None) if self.ime_enabled else None

    def _apply(self, edit: Edit) -> None:
        end = self.cursor_position
        self.replace(edit.insert, end - edit.delete, end)

    async def _on_key(self, event: events.Key) -> None:
        self.composer.method = self._method()
        if self.composer.active and event.is_printable and event.character and self.selection.is_empty:
            edit = self.composer.key(event.character, self.value[: self.cursor_position])
            if edit is not None:
                event.stop()
                event.prevent_default()
                self._apply(edit)
                return
            return
        if event.key != "backspace":
            self.composer.reset()
        # Not handled here: Textual then runs Input._on_key (handlers run base-ward along the MRO).

    def action_delete_left(self) -> None:
        self.composer.method = self._method()
        if self.composer.active and self.selection.is_empty:
            edit = self.composer.backspace(self.value[: self.cursor_position])
            if edit is not None:
                self._apply(edit)
                return
        super().action_delete_left()

    def _on_paste(self, event: events.Paste) -> None:
        self.composer.reset()  # Input._on_paste then inserts the text


_DD = re.compile(r"[0-9]{2}")
_DD_MM = re.compile(r"[0-9]{2}/[0-9]{2}")


class DateInput(ImeInput):
    """dd/mm/yyyy: the slashes appear by themselves as the digits are typed ("02102026")."""

    def __init__(self, *args: Any, partial: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("placeholder", "yyyy, mm/yyyy, dd/mm/yyyy" if partial else "dd/mm/yyyy")
        super().__init__(*args, ime=False, restrict=r"[0-9/.\- ]*", max_length=10, **kwargs)
        self.partial = partial

    async def _on_key(self, event: events.Key) -> None:
        ch = event.character or ""
        at_end = self.cursor_position == len(self.value)
        # Partial dates may be a bare year, so only full dates get the live mask.
        if (
            not self.partial
            and ch.isdigit()
            and at_end
            and (_DD.fullmatch(self.value) or _DD_MM.fullmatch(self.value))
        ):
            self.insert_text_at_cursor("/")


def digits_to_date(text: str) -> str:
    """ "02102026" -> "02/10/2026", "101950" -> "10/1950"; anything else unchanged."""
    t = text.strip()
    if t.isdigit() and len(t) == 8:
        return f"{t[:2]}/{t[2:4]}/{t[4:]}"
    if t.isdigit() and len(t) == 6:
        return f"{t[:2]}/{t[2:]}"
    return text
