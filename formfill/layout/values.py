"""Values a template binds and measures: schema-field bindings and widths (re-exported by
:mod:`formfill.layout.model`, kept apart so the model stays one module of element kinds)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from formfill.layout.units import to_points


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- bindings --------------------------------------------------------------------------------
_PATH = re.compile(r"^(@index|[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*)$")


def _binding_in(value: Any) -> Any:
    if isinstance(value, str):
        path, _, fmt = value.partition("|")
        return {"field": path.strip(), "format": fmt.strip() or "text"}
    return value


class Binding(Strict):
    """A schema field path (dotted, relative to the row inside a table) and a formatter name.

    ``prefix`` is printed before a non-empty value, ``suffix`` after it (punctuation that must follow
    the value directly: "…, tỉnh Đồng Tháp, ngày"); ``or`` is printed when this field is empty (the ID
    number, else the identity paper). ``declared``: print only a value the input gave, not a default.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    field: str
    format: str = "text"
    prefix: str = ""
    suffix: str = ""
    declared: bool = False
    alternative: Annotated[
        Binding | None, BeforeValidator(lambda v: _binding_in(v) if v is not None else v)
    ] = Field(None, alias="or")

    @model_validator(mode="after")
    def _check(self) -> Binding:
        if not _PATH.match(self.field):
            raise ValueError(f"not a field path: {self.field!r} (dotted snake_case keys)")
        return self


BindingIn = Annotated[Binding, BeforeValidator(_binding_in)]


# --- widths ----------------------------------------------------------------------------------
def _width_in(value: Any) -> Any:
    if isinstance(value, Width | dict):
        return value
    if isinstance(value, str) and value.strip().endswith("%"):
        return {"fraction": float(value.strip()[:-1]) / 100.0}
    if value == "rest":
        return {"rest": True}
    return {"points": to_points(value)}


class Width(Strict):
    """``"40mm"`` (absolute), ``"30%"`` (of the text width) or ``"rest"`` (to the right margin)."""

    points: float | None = None
    fraction: float | None = None
    rest: bool = False

    def resolve(self, frame_width: float) -> float | None:
        if self.points is not None:
            return self.points
        if self.fraction is not None:
            return self.fraction * frame_width
        return None


WidthIn = Annotated[Width, BeforeValidator(_width_in)]
Style = Literal["regular", "bold", "italic"]
Align = Literal["left", "center", "right"]
