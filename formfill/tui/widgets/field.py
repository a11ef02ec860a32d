"""One question: its label, help, the input chosen from the schema's metadata, and its error line."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static

from formfill.forms.fields import FieldDoc, field_adapter
from formfill.i18n import tr
from formfill.storage import JSONValue
from formfill.tui.choices import source_for
from formfill.tui.widgets.checklist import CheckList
from formfill.tui.widgets.inputs import DateInput, ImeInput, SchemaValidator, digits_to_date
from formfill.tui.widgets.picker import ChoiceInput
from formfill.tui.widgets.yesno import YesNo

AUTOSAVE_SECONDS = 1.0
_NO_IME_FORMATS = {"vn-phone", "email", "vn-personal-id", "vn-cmnd"}


def widget_id(prefix: str, path: str) -> str:
    """A DOM id for a field path (dots are not allowed in ids)."""
    return f"{prefix}-{path.replace('.', '--')}"


def make_control(doc: FieldDoc, validator: SchemaValidator, value: JSONValue) -> Widget:
    """The input for a field, chosen from its kind, format and widget hint."""
    text = "" if value is None or isinstance(value, bool) else str(value)
    common: dict[str, Any] = {"validators": [validator], "validate_on": ["blur", "submitted"]}
    placeholder = tr(f"Ví dụ: {doc.examples[0]}", f"e.g. {doc.examples[0]}") if doc.examples else ""
    if doc.kind == "bool":
        return YesNo(value if isinstance(value, bool) else None)
    if doc.kind == "list":  # a list of options (widget "multichoice")
        items = validator.adapter.json_schema().get("items", {})
        return CheckList(list(items.get("enum", [])), value if isinstance(value, list) else None)
    if doc.kind == "int":
        return ImeInput(text, ime=False, type="integer", **common)
    if doc.kind == "date":
        return DateInput(text, partial=doc.format == "vn-partial-date", **common)
    found = source_for(doc)
    if found is not None:
        source, strict = found
        return ChoiceInput(source, text, strict=strict, placeholder=placeholder, **common)
    if doc.widget == "digits" or doc.format in _NO_IME_FORMATS:
        return ImeInput(text, ime=False, placeholder=placeholder, **common)
    return ImeInput(text, placeholder=placeholder, max_length=doc.max_length or 0, **common)


class FieldRow(Vertical):
    """A leaf field of the form at a concrete path (``thanh_vien.2.ho_ten``)."""

    class Committed(Message):
        """The person left the field (or chose an option): time to save it."""

        def __init__(self, row: FieldRow, value: JSONValue, extra: dict[str, str] | None = None) -> None:
            super().__init__()
            self.row = row
            self.path = row.path
            self.value = value
            self.extra = extra or {}

        @property
        def control(self) -> FieldRow:
            return self.row

    def __init__(self, model: type[BaseModel], doc: FieldDoc, path: str, value: JSONValue, *, hint: str = "") -> None:
        super().__init__(id=widget_id("f", path), classes="field")
        self.doc = doc
        self.path = path
        self.validator = SchemaValidator(field_adapter(model, path))
        self.control = make_control(doc, self.validator, value)
        self.control.add_class("control")
        self.hint = hint
        self.error = Static("", classes="error")
        self._pending: Timer | None = None

    def compose(self) -> ComposeResult:
        star = " *" if self.doc.required and not self.doc.required_without else ""
        yield Static(f"{self.doc.label_for()}{star}", classes="label")
        # A footnote-(2) field shows the short hint instead of the footnote itself.
        notes = [self.hint] if self.hint else [n for n in (self.doc.help_for(),) if n]
        if notes:
            yield Static(" ".join(notes), classes="help")
        yield self.control
        if isinstance(self.control, ChoiceInput):
            yield self.control.list
        yield self.error

    # --- value ---------------------------------------------------------------------------------
    @property
    def value(self) -> JSONValue:
        if isinstance(self.control, YesNo | CheckList):
            return self.control.value
        assert isinstance(self.control, Input)
        return self.control.value

    def set_value(self, value: JSONValue) -> None:
        """Put a value in the field (from a QR code, a picked commune, ...)."""
        if isinstance(self.control, YesNo):
            self.control.value = value if isinstance(value, bool) else None
        elif isinstance(self.control, CheckList):
            self.control.value = value if isinstance(value, list) else []
        elif isinstance(self.control, Input):
            self.control.value = "" if value is None else str(value)
            self.show_error(None)

    def focus_control(self) -> None:
        self.control.focus()
        self.scroll_visible()

    def show_error(self, message: str | None) -> None:
        self.error.update(message or "")
        self.set_class(bool(message), "-error")

    def check(self) -> bool:
        """Validate the value on screen by the field's own type; shows the message."""
        if not isinstance(self.control, Input):
            return True
        result = self.validator.validate(self.control.value)
        self.show_error(None if result.is_valid else "; ".join(result.failure_descriptions))
        return result.is_valid

    # --- events --------------------------------------------------------------------------------
    def _normalise(self) -> None:
        control = self.control
        if not isinstance(control, Input):
            return
        if isinstance(control, DateInput):
            control.value = digits_to_date(control.value)
        if self.check():
            canon = self.validator.canonical(control.value)
            if canon is not None and canon != control.value:
                control.value = canon

    @on(Input.Changed, ".control")
    def _typing(self, event: Input.Changed) -> None:
        # Typing pauses count as leaving the field for saving: a closed terminal loses at most ~1 s.
        if self._pending is not None:
            self._pending.stop()
        if self.control.has_focus:
            self._pending = self.set_timer(AUTOSAVE_SECONDS, self._autosave)

    def _autosave(self) -> None:
        self._pending = None
        if self.control.has_focus:
            self.post_message(self.Committed(self, self.value))

    @on(Input.Blurred, ".control")
    def _blurred(self, event: Input.Blurred) -> None:
        event.stop()
        self._normalise()
        self.post_message(self.Committed(self, self.value))

    @on(Input.Submitted, ".control")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._normalise()
        self.post_message(self.Committed(self, self.value))
        self.screen.focus_next()

    @on(YesNo.Changed, ".control")
    def _toggled(self, event: YesNo.Changed) -> None:
        event.stop()
        self.post_message(self.Committed(self, event.value))

    @on(CheckList.Changed, ".control")
    def _ticked(self, event: CheckList.Changed) -> None:
        event.stop()
        self.post_message(self.Committed(self, event.value))

    @on(ChoiceInput.Picked, ".control")
    def _picked(self, event: ChoiceInput.Picked) -> None:
        event.stop()
        self.check()
        self.post_message(self.Committed(self, self.value, event.choice.extra))


def without_id_hint(other_label: str) -> str:
    """The footnote-(2) hint for fields needed only without a personal ID number."""
    lowered = other_label[:1].lower() + other_label[1:]
    return tr(f"Chỉ ghi khi không có {lowered}.", f"Only when there is no {other_label}.")
