"""One measurement type: "20mm", "1.5cm", "13pt", "0.5in" (or a bare number of points) -> points."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer

PT_PER = {"pt": 1.0, "mm": 72.0 / 25.4, "cm": 72.0 / 2.54, "in": 72.0}
_MEASURE = re.compile(r"\s*(-?[0-9]+(?:\.[0-9]+)?)\s*(pt|mm|cm|in)?\s*")


def to_points(value: Any) -> float:
    """Parse a length; raises ``ValueError`` naming the accepted units."""
    if isinstance(value, bool):
        raise ValueError("a length, e.g. 20mm, 1.5cm, 13pt")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str) and (m := _MEASURE.fullmatch(value)):
        return float(m[1]) * PT_PER[m[2] or "pt"]
    raise ValueError(f"not a length: {value!r} (use mm, cm, pt or in, e.g. 20mm)")


def mm(value: float) -> float:
    """Millimetres to points."""
    return value * PT_PER["mm"]


def pt_to_mm(value: float) -> float:
    return value / PT_PER["mm"]


Measure = Annotated[float, BeforeValidator(to_points), PlainSerializer(lambda v: f"{v:g}pt")]
"""A length in points, read from "20mm" / "1.5cm" / "13pt" / a number of points."""
