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

from formfill.base.i18n import tr
from formfill.forms.field_docs import FieldDoc, field_adapter
from formfill.session.choices import source_for
from formfill.storage import JSONValue
from formfill.tui.widgets.checklist import CheckList
from formfill.tui.widgets.inputs import DateInput, ImeInput, SchemaValidator, digits_to_date, widget_id
from formfill.tui.widgets.picker import ChoiceInput
from formfill.tui.widgets.qr import QR_SETTLE_SECONDS, CardRead, card_values, looks_like_qr, read_card
from formfill.tui.widgets.yesno import YesNo
from formfill.types.contact import format_phone_national

AUTOSAVE_SECONDS = 1.0
_NO_IME_FORMATS = {"vn-phone", "email", "vn-personal-id", "vn-cmnd"}


def make_control(
    doc: FieldDoc, validator: SchemaValidator, value: JSONValue, *, room_for_qr: bool = False
) -> Widget:
    """The input for a field, chosen from its kind, format and widget hint.

    ``room_for_qr``: no length cap on a text input, so a CCCD QR code pasted into it arrives whole
    (the schema's validator still reports an over-long answer).
    """
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
    max_length = 0 if room_for_qr else doc.max_length or 0
    return ImeInput(text, placeholder=placeholder, max_length=max_length, **common)


class FieldRow(Vertical):
    """A leaf field of the form at a concrete path (``thanh_vien.2.ho_ten``).

    ``qr_block``: the person block the field belongs to, when a CCCD card can fill it. A QR code
    typed or pasted into such a field is not an answer: the field takes the card's value (or goes
    back to what it held, when the card has none for it) and posts :class:`CardRead` for the block.
    """

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

    def __init__(
        self,
        model: type[BaseModel],
        doc: FieldDoc,
        path: str,
        value: JSONValue,
        *,
        hint: str = "",
        qr_block: str | None = None,
    ) -> None:
        super().__init__(id=widget_id("f", path), classes="field")
        self.doc = doc
        self.path = path
        self.qr_block = qr_block
        self.validator = SchemaValidator(field_adapter(model, path))
        self.control = make_control(doc, self.validator, value, room_for_qr=qr_block is not None)
        self.control.add_class("control")
        self.hint = hint
        self.error = Static("", classes="error")
        self._pending: Timer | None = None
        self._kept: JSONValue = value  # the answer before the text being typed: what a QR code gives back

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
        self._kept = value
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
            if canon is not None and self.doc.format == "vn-phone":
                canon = format_phone_national(canon)  # as the PDF prints it, not "+84…"
            if canon is not None and canon != control.value:
                control.value = canon

    def _commit(self, value: JSONValue, extra: dict[str, str] | None = None) -> None:
        self._kept = value
        self.post_message(self.Committed(self, value, extra))

    def take_card(self) -> bool:
        """When the text is a CCCD QR code of the field's person block: take the card instead (True)."""
        if self.qr_block is None or not isinstance(self.control, Input):
            return False
        qr = read_card(self.control.value)
        if qr is None:
            return False
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        # The card's value for this field, or what it held before; the block's handler fills the rest.
        self.set_value(card_values(qr).get(self.doc.key, self._kept))
        self.post_message(CardRead(self, self.qr_block, qr, from_field=True))
        return True

    @on(Input.Changed, ".control")
    def _typing(self, event: Input.Changed) -> None:
        # Typing pauses count as leaving the field for saving: a closed terminal loses at most ~1 s.
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        if self.control.has_focus:
            qr_like = self.qr_block is not None and looks_like_qr(event.value)
            self._pending = self.set_timer(QR_SETTLE_SECONDS if qr_like else AUTOSAVE_SECONDS, self._autosave)

    def _autosave(self) -> None:
        self._pending = None
        if self.control.has_focus and not self.take_card():
            self._commit(self.value)

    @on(Input.Blurred, ".control")
    def _blurred(self, event: Input.Blurred) -> None:
        event.stop()
        if self.take_card():
            return
        self._normalise()
        self._commit(self.value)

    @on(Input.Submitted, ".control")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.take_card():
            self._normalise()
            self._commit(self.value)
        self.screen.focus_next()

    @on(YesNo.Changed, ".control")
    def _toggled(self, event: YesNo.Changed) -> None:
        event.stop()
        self._commit(event.value)

    @on(CheckList.Changed, ".control")
    def _ticked(self, event: CheckList.Changed) -> None:
        event.stop()
        self._commit(event.value)

    @on(ChoiceInput.Picked, ".control")
    def _picked(self, event: ChoiceInput.Picked) -> None:
        event.stop()
        self.check()
        self._commit(self.value, event.choice.extra)


def without_id_hint(other_label: str) -> str:
    """The footnote-(2) hint for fields needed only without a personal ID number."""
    lowered = other_label[:1].lower() + other_label[1:]
    return tr(f"Chỉ ghi khi không có {lowered}.", f"Only when there is no {other_label}.")
