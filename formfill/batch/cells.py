"""Roster cells: one cell's value as given (text, or a typed .xlsx cell) turned into the value the form's
schema reads, by the kind of field its column feeds (text, digits, date, yes/no, JSON list, …).

Problems a person must fix in the cell (a number in an ID column, an Excel formula with no cached
value, …) are reported through the caller's ``err`` callback; the value is then ``None``.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from formfill.base.i18n import tr
from formfill.base.json_input import loads_strict
from formfill.base.text import fold
from formfill.batch.xlsx import XCell, excel_date

MAX_CELL_CHARS = 10_000  # the longest field of any form is ~1,000 characters

_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_FLOATISH = re.compile(r"^\d+[.,]0+$")
_TRUE = {"co", "x", "1", "true", "yes", "y", "c", "dung"}
_FALSE = {"khong", "0", "false", "no", "n", "k", "sai"}


class CellErr(Protocol):
    def __call__(self, type_: str, shown: Any, **ctx: Any) -> None: ...


def number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def yes_no(text: str) -> bool | None:
    """Có/Không, x, 1/0, yes/no, … (accents and case ignored); ``None`` for anything else."""
    folded = fold(text)
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    return None


def convert_cell(value: Any, cell: XCell | None, kind: str, date1904: bool, err: CellErr) -> Any:
    """A cell's value for pydantic, or ``None`` (not given, or refused through ``err``)."""
    if cell is not None and cell.kind != "text":
        if cell.kind == "formula":
            err("batch_formula_no_value", "")
            return None
        if cell.kind == "error":
            err("batch_excel_error", value, value=cell.value)
            return None
        if cell.kind == "bool":
            return cell.value if kind == "bool" else ("Có" if cell.value else "Không")
        number = float(cell.value)
        if kind == "digits":
            err("batch_numeric_id", number_text(number), value=number_text(number))
            return None
        if cell.kind == "date" or kind == "date" or (kind == "partial_date" and number > 9999):
            if kind == "partial_date" and cell.kind != "date" and number <= 9999:
                return number_text(number)
            try:
                return excel_date(number, date1904).strftime("%d/%m/%Y")
            except (ValueError, OverflowError):
                err("batch_excel_date", number_text(number), value=number_text(number))
                return None
        return number_text(number) if kind != "int" or not number.is_integer() else int(number)
    text = value if isinstance(value, str) else str(value)
    if len(text) > MAX_CELL_CHARS:
        err("batch_cell_too_long", text[:40] + "…", length=len(text), max_length=MAX_CELL_CHARS)
        return None
    text = text.strip()
    if not text:
        return None
    if kind == "digits" and (_SCIENTIFIC.match(text) or _FLOATISH.match(text)):
        err("batch_numeric_id", text, value=text)
        return None
    if kind == "bool":
        answer = yes_no(text)
        return text if answer is None else answer
    if kind == "json":
        try:
            items = loads_strict(text)
        except ValueError as exc:
            err("batch_json_cell", text[:60], error=str(exc))
            return None
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            err(
                "batch_json_cell",
                text[:60],
                error=tr("không phải danh sách đối tượng", "not a list of objects"),
            )
            return None
        return items
    return text


def as_given(raw: Any, cell: XCell | None) -> Any:
    """A cell's value as the report shows it (what the person typed or sees in Excel)."""
    if cell is None or cell.kind == "text":
        return raw
    if cell.kind in ("number", "date"):
        return number_text(float(cell.value))
    if cell.kind == "formula":
        return "=…"
    return str(cell.value)
