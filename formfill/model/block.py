"""Building blocks for schema modules: the field helper, the base model, form metadata.

A schema module (``schemas/<name>.py``) defines ``FORM`` (a :class:`FormMeta`) and ``Declaration``
(a :class:`Block` subclass). Everything a UI or the batch reader needs about a field rides on the
field itself (label, help, section, conditions), so a rule or a label is written in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import time
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from formfill.base.messages import vn_error

EMPTY: tuple[Any, ...] = (None, "", [], {})


def fld(
    label: str,
    default: Any = ...,
    *,
    label_en: str | None = None,
    help: str | None = None,
    help_en: str | None = None,
    required_without: str | None = None,
    show_when: dict[str, Any] | None = None,
    required_when: str | None = None,
    widget: str | None = None,
    examples: Sequence[Any] | None = None,
    **kwargs: Any,
) -> Any:
    """A schema field with its official label and UI metadata.

    - ``label``: the form's own wording ("Họ, chữ đệm, tên").
    - ``required_without``: sibling field whose absence makes this one required (the 2024 series'
      footnote (2): "only when the person gives no personal ID number").
    - ``show_when``: ``{sibling_path: value}`` — the field only applies when the sibling has that value.
    - ``required_when``: human wording for the data dictionary when the rule is a cross-field one.
    """
    extra: dict[str, Any] = {"x-label": label}
    if label_en:
        extra["x-label-en"] = label_en
    if help_en:
        extra["x-help-en"] = help_en
    if required_without:
        extra["x-required-without"] = required_without
    if show_when:
        extra["x-show-when"] = show_when
    if required_when:
        extra["x-required-when"] = required_when
    if widget:
        extra["x-widget"] = widget
    return Field(
        default,
        title=label,
        description=help,
        json_schema_extra=extra,
        examples=list(examples) if examples else None,
        **kwargs,
    )


def field_extra(model: type[BaseModel], name: str) -> dict[str, Any]:
    """The ``x-*`` metadata of a field (empty when it has none)."""
    extra = model.model_fields[name].json_schema_extra
    return extra if isinstance(extra, dict) else {}


def raise_field_errors(
    title: str, errors: Iterable[tuple[tuple[str | int, ...], PydanticCustomError, Any]]
) -> None:
    """Raise one ValidationError whose errors sit on the fields they concern (not on the model)."""
    details = [InitErrorDetails(type=err, loc=loc, input=value) for loc, err, value in errors]
    if details:
        raise ValidationError.from_exception_data(title, details)


class Block(BaseModel):
    """Base of every schema model: unknown keys refused, "" means absent, footnote-(2) rule applied."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        validate_assignment=False,
        populate_by_name=True,
        ser_json_timedelta="iso8601",
    )

    @model_validator(mode="before")
    @classmethod
    def _empty_means_absent(cls, data: Any) -> Any:
        # An empty cell or "" means "not given"; NFC and spacing are each type's own job.
        if isinstance(data, dict) and "" in data.values():
            return {k: None if v == "" else v for k, v in data.items()}
        return data

    @classmethod
    def _conditional_fields(cls) -> tuple[tuple[str, str, str], ...]:
        """(field, the field whose absence makes it required, that field's label), once per class."""
        cached = cls.__dict__.get("_formfill_conditional")
        if cached is None:
            cached = tuple(
                (name, other, field_extra(cls, other).get("x-label", other))
                for name in cls.model_fields
                if (other := field_extra(cls, name).get("x-required-without"))
            )
            type.__setattr__(cls, "_formfill_conditional", cached)
        return cached

    @model_validator(mode="after")
    def _required_without(self) -> Block:
        conditional = self._conditional_fields()
        if not conditional:
            return self
        fields = self.__dict__
        missing = [
            ((name,), vn_error("missing_without_id", other=label), None)
            for name, other, label in conditional
            if fields[name] in EMPTY and (fields[other] if other in fields else getattr(self, other)) in EMPTY
        ]
        if missing:
            raise_field_errors(type(self).__name__, missing)
        return self


@dataclass(frozen=True)
class Section:
    """A group of questions shown together (one wizard step), in the form's official order."""

    key: str
    title: str
    title_en: str
    fields: tuple[str, ...]  # top-level field names, in the form's order
    help: str = ""
    help_en: str = ""


@dataclass(frozen=True)
class Procedure:
    """An administrative procedure a form is handed in for, as the national procedure records list it:
    the kiosk's receipt slip tells the citizen which papers to bring to the counter from this."""

    code: str  # national TTHC code ("1.001193"); "" when unverified (a doubt says so)
    name: str
    time_limit_days: int | None  # working days; 0 = the same working day; None = decided per case
    time_limit: str  # the rule in words, with its exceptions
    handed_in: tuple[str, ...]  # papers handed in (nộp)
    shown: tuple[str, ...]  # papers shown or data looked up (xuất trình / tra cứu)
    fee: str
    legal_source: str  # where the above comes from
    # "received after 15:00: the next working day" (khai sinh): the time after which a same-day
    # procedure counts from the next working day; None where the rule does not say so
    late_after: time | None = None
    # working days an officer may add for checks where the law allows them (ket hon: up to 5);
    # None: the sources name no extension for it, so none is allowed
    extend_days_max: int | None = None

    @property
    def papers(self) -> tuple[str, ...]:
        """What to bring to the counter: the papers handed in, then those shown or looked up."""
        return self.handed_in + self.shown


@dataclass(frozen=True)
class FormMeta:
    """What a form is: public id, official title, legal basis, version, open doubts."""

    id: str
    title: str
    title_en: str
    basis: str  # the "Mẫu … ban hành kèm theo Thông tư …" line
    legal_basis: str  # short: "TT 04/2024/TT-BTP"
    version: str
    effective: str  # dd/mm/yyyy, or "" when uncertain (then a doubt says so)
    description: str
    description_en: str
    sections: tuple[Section, ...]
    doubts: tuple[str, ...] = field(default_factory=tuple)
    procedures: tuple[Procedure, ...] = field(default_factory=tuple)  # what the form is handed in for
    # a few words naming the form where space is short (the office figures' charts and legends:
    # "Khai sinh", "CT01 – cư trú"); "" for a form that has none, which then shows its title
    short_title: str = ""

    @property
    def short_name(self) -> str:
        """The short title, or the title for a form without one."""
        return self.short_title or self.title

    def section_of(self, top_level_field: str) -> Section | None:
        """The section a top-level field is asked in."""
        for section in self.sections:
            if top_level_field in section.fields:
                return section
        return None
