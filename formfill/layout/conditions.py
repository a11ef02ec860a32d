"""Conditions on a template's elements: an element (or a footnote) printed only for some records.

A template names its conditions once (``conditions:``), each a list of field tests of which any one
holding makes the condition hold; an element or a note says ``when: name`` (or ``when: "!name"``).
The fields are checked against the schema when the template loads, like every other binding, and
the record's conditions pick a variant of the layout (ket-hon's photo boxes only for a marriage
with a foreign element: a party of another nationality, or one living abroad).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from formfill.layout.paths import resolve

WHEN = "@when"  # a grow key of the compiled layout: (WHEN, name) is there when the condition holds
WHEN_RE = re.compile(r"^!?[a-z_][a-z0-9_]*$")
_FIELD_RE = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$")


class FieldTest(BaseModel):
    """Holds when ``field`` is answered with anything other than ``other_than`` (an empty field never
    holds: a nationality left blank by someone with a personal ID number is not a foreign one)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    field: str
    other_than: Any

    @model_validator(mode="after")
    def _check(self) -> FieldTest:
        if not _FIELD_RE.match(self.field):
            raise ValueError(f"not a field path: {self.field!r} (dotted snake_case keys)")
        return self

    def holds(self, declaration: Any) -> bool:
        value = resolve(declaration, self.field)
        if value is None or value == "":
            return False
        value = getattr(value, "value", value)  # an enum answers with its value
        return bool(value != self.other_than)


def split_when(when: str) -> tuple[str, bool]:
    """``"!name"`` -> ``("name", True)``: the condition's name and whether it is negated."""
    return (when[1:], True) if when.startswith("!") else (when, False)


def holding(conditions: dict[str, list[FieldTest]], declaration: Any) -> dict[tuple[Any, ...], int]:
    """The grow keys of the conditions that hold for this record (the layout variant it prints on)."""
    return {
        (WHEN, name): 1
        for name, tests in sorted(conditions.items())
        if any(t.holds(declaration) for t in tests)
    }


def applies(when: str | None, grow: dict[tuple[Any, ...], int]) -> bool:
    """Whether an element or note with this ``when`` is laid out in the variant ``grow`` describes."""
    if when is None:
        return True
    name, negated = split_when(when)
    return ((WHEN, name) in grow) != negated
