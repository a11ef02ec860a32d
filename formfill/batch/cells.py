"""Roster cells: one cell's value as given (text, or a typed .xlsx cell) turned into the value the form's
schema reads, by the kind of field its column feeds (text, digits, date, yes/no, JSON list, …).

Problems a person must fix in the cell (a number in an ID column, an Excel formula with no cached
value, …) are reported through the caller's ``err`` callback; the value is then ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Protocol

from formfill.base.i18n import tr
from formfill.base.json_input import loads_strict
from formfill.base.text import fold, mask
from formfill.batch.xlsx import XCell

MAX_CELL_CHARS = 10_000  # the longest field of any form is ~1,000 characters

_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_FLOATISH = re.compile(r"^\d+[.,]0+$")
_LONG_DIGITS = re.compile(r"\d{9,}")
_TRUE = {"co", "x", "1", "true", "yes", "y", "c", "dung"}
_FALSE = {"khong", "0", "false", "no", "n", "k", "sai"}


class CellErr(Protocol):
    def __call__(self, type_: str, shown: Any, **ctx: Any) -> None: ...


def excel_date(serial: float, date1904: bool) -> dt.date:
    """An Excel date serial as a date. 1900 system: serial 60 is the phantom 29/02/1900 (refused)."""
    day = int(serial)
    if date1904:
        return dt.date(1904, 1, 1) + dt.timedelta(days=day)
    if day == 60:
        raise ValueError("phantom 1900-02-29")
    if day < 1:
        raise ValueError("before 1900-01-01")
    if day < 60:
        return dt.date(1899, 12, 31) + dt.timedelta(days=day)
    return dt.date(1899, 12, 30) + dt.timedelta(days=day)


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


def scrubbed(message: str) -> str:
    """A message with every run of 9 digits or more masked: an ID number (9 or 12 digits) or a phone
    number (10, or 9 without its 0) quoted by a parser or a rule. Messages leave the row's own PDF
    (reports, screens, e-mails); the PDF is the only place for the whole number."""
    return _LONG_DIGITS.sub(lambda m: mask(m.group()), message)


def convert_cell(value: Any, cell: XCell | None, kind: str, date1904: bool, err: CellErr) -> Any:
    """A cell's value for pydantic, or ``None`` (not given, or refused through ``err``)."""
    if cell is None or cell.kind == "text":
        return _from_text(value if isinstance(value, str) else str(value), kind, err)
    return _TYPED[cell.kind](cell, value, kind, date1904, err)


# --- typed .xlsx cells: one function per cell kind ---------------------------------------------------
def _formula(cell: XCell, value: Any, kind: str, date1904: bool, err: CellErr) -> Any:
    err("batch_formula_no_value", "")
    return None


def _excel_error(cell: XCell, value: Any, kind: str, date1904: bool, err: CellErr) -> Any:
    err("batch_excel_error", value, value=cell.value)
    return None


# A TRUE/FALSE cell is a yes/no answer: anywhere else it is the error of the column's own type.
_NOT_A_BOOL = {"date": "date_type", "partial_date": "date_type", "int": "int_type", "json": "list_type"}


def _boolean(cell: XCell, value: Any, kind: str, date1904: bool, err: CellErr) -> Any:
    if kind == "bool":
        return cell.value
    err(_NOT_A_BOOL.get(kind, "string_type"), value)
    return None


def _number(cell: XCell, value: Any, kind: str, date1904: bool, err: CellErr) -> Any:
    """A number or date cell: never an ID (Excel ate its leading zero), a date by format or column."""
    number = float(cell.value)
    if kind == "digits":
        shown = number_text(number)
        err("batch_numeric_id", shown, value=mask(shown))  # the report masks ``shown`` too
        return None
    if cell.kind == "date" or kind == "date" or (kind == "partial_date" and number > 9999):
        try:
            return excel_date(number, date1904).strftime("%d/%m/%Y")
        except (ValueError, OverflowError):
            err("batch_excel_date", number_text(number), value=number_text(number))
            return None
    if kind == "int" and number.is_integer():
        return int(number)
    return number_text(number)


_TYPED = {"formula": _formula, "error": _excel_error, "bool": _boolean, "number": _number, "date": _number}


# --- text cells (CSV, and text in .xlsx) --------------------------------------------------------------
def _from_text(text: str, kind: str, err: CellErr) -> Any:
    if len(text) > MAX_CELL_CHARS:
        err("batch_cell_too_long", text[:40] + "…", length=len(text), max_length=MAX_CELL_CHARS)
        return None
    text = text.strip()
    if not text:
        return None
    if kind == "digits" and (_SCIENTIFIC.match(text) or _FLOATISH.match(text)):
        err("batch_numeric_id", text, value=mask(text))
        return None
    if kind == "bool":
        answer = yes_no(text)
        return text if answer is None else answer
    if kind == "json":
        return _json_list(text, err)
    return text


def _json_list(text: str, err: CellErr) -> Any:
    """A repeating group given as one JSON cell: a list of objects."""
    try:
        items = loads_strict(text)
    except ValueError as exc:  # JSONDepthError too: a cell's error, with its row and column
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


def as_given(raw: Any, cell: XCell | None) -> Any:
    """A cell's value as the report shows it (what the person typed or sees in Excel)."""
    if cell is None or cell.kind == "text":
        return raw
    if cell.kind in ("number", "date"):
        return number_text(float(cell.value))
    if cell.kind == "formula":
        return "=…"
    return str(cell.value)
