"""Formatters: how a bound value becomes the text printed on the form.

Each formatter names the Python types it accepts, so a template that prints a date with ``phone``
fails when the form pack loads, not when a citizen prints. The Vietnamese rules themselves live in
``formfill.types`` (``format_date``, ``date_in_words``, ``name_upper``, ``format_phone_national``,
``date_line_parts``); this module only picks one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


def _types() -> Any:
    import formfill.types as vt  # late: the types package imports pydantic and data packages

    return vt


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dt.date):
        return _types().format_date(value)
    as_text = getattr(value, "as_text", None)
    if callable(as_text):
        return str(as_text())
    return str(value)


def _date(value: Any) -> str:
    if isinstance(value, dt.date):
        return _types().format_date(value)
    return str(value)  # PartialDate prints "yyyy", "mm/yyyy" or "dd/mm/yyyy"


def _part(index: int) -> Callable[[Any], str]:
    def fmt(value: dt.date) -> str:
        return str(_types().date_line_parts(value)[index])

    return fmt


def _date_line(value: dt.date) -> str:
    """A whole "ngày 20 tháng 11 năm 2026" (NĐ 30 zeros), for a column too narrow for three dotted slots."""
    day, month, year = _types().date_line_parts(value)
    return f"ngày {day} tháng {month} năm {year}"


def _time_part(index: int) -> Callable[[Any], str]:
    """Hours ("7", "10") or minutes ("05", "30") of a time of day, for "… giờ … phút"."""

    def fmt(value: Any) -> str:
        if isinstance(value, dt.time | dt.datetime):
            return str(value.hour) if index == 0 else f"{value.minute:02d}"
        raise TypeError(f"not a time of day: {value!r}")

    return fmt


def _numbered(value: Any) -> str:
    """A paper's number (``so``); a paper named by the citizen (``ten_giay_to``) as "<name> số <so>"."""
    number = getattr(value, "so", None)
    if number in (None, ""):
        return _text(value)
    name = getattr(value, "ten_giay_to", None)
    return f"{name} số {number}" if name else str(number)


def _join(value: Any) -> str:
    """Several choices on one line, as stored: "Cải chính, Bổ sung thông tin hộ tịch"."""
    if isinstance(value, str):  # one choice
        return value
    return ", ".join(text for text in (_text(item) for item in value) if text.strip())


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _in_sentence(value: Any) -> str:
    """A choice printed inside a sentence ("Đề nghị … về khai sinh"): the closed lists store choices
    capitalised as menu items ("Khai sinh"), but the form's sentence reads them in lower case."""
    if isinstance(value, str):
        return _lower_first(value)
    if isinstance(value, list | tuple):
        return ", ".join(_lower_first(text) for text in (_text(item) for item in value) if text.strip())
    return _lower_first(_text(value))


# level words a place's short form leaves out ("phường Sa Đéc, tỉnh Đồng Tháp" -> "Sa Đéc"), longest first
_LEVEL_WORDS = ("thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "tỉnh", "quận", "huyện", "xã")


def short_place(value: Any) -> str:
    """The short place of a "…, ngày … tháng … năm …" line: its first unit's name without its level word.

    "phường Sa Đéc, tỉnh Đồng Tháp" -> "Sa Đéc" (as official papers write "Sa Đéc, ngày …"); a
    numbered unit keeps its level word ("Phường 1"), and text with no level word stays as written.
    """
    first = str(value).split(",")[0].strip()
    lower = first.lower()
    for word in _LEVEL_WORDS:
        if lower.startswith(word + " "):
            rest = first[len(word) + 1 :].strip()
            return first if not rest or rest[0].isdigit() else rest
    return first


@dataclass(frozen=True)
class Formatter:
    name: str
    func: Callable[[Any], str]
    accepts: str  # "any" | "date" | "str" | "as_text" | "int" | "bool" | "scalars"
    description: str


FORMATTERS: dict[str, Formatter] = {
    f.name: f
    for f in (
        Formatter("text", _text, "any", "as given; dates dd/mm/yyyy, objects by their as_text()"),
        Formatter("date", _date, "date", "dd/mm/yyyy (a partial date as much as is known)"),
        Formatter("date_words", lambda v: _types().date_in_words(v), "date", "the date in words"),
        Formatter(
            "Date_words",
            lambda v: _types().date_in_words(v, capitalize=True),
            "date",
            "in words, capitalised",
        ),
        Formatter("name_upper", lambda v: _types().name_upper(v), "str", "a person's name in capitals"),
        Formatter("digits", str, "str", "one character per box (digit boxes)"),
        Formatter("address", _text, "as_text", "an address by its as_text()"),
        Formatter("paper", _text, "as_text", "an identity paper by its as_text()"),
        Formatter(
            "phone", lambda v: _types().format_phone_national(v), "str", "a phone number, national format"
        ),
        Formatter("day", _part(0), "date", "day of a ngày … tháng … năm … line (NĐ 30 zeros)"),
        Formatter("month", _part(1), "date", "month of a date line (NĐ 30: 01, 02, 3 … 12)"),
        Formatter("year", _part(2), "date", "year of a date line"),
        Formatter("date_line", _date_line, "date", "ngày … tháng … năm … as one text (NĐ 30 zeros)"),
        Formatter("int", str, "int", "a whole number"),
        Formatter("hour", _time_part(0), "any", "hours of a time of day (… giờ … phút): 7, 10"),
        Formatter("minute", _time_part(1), "any", "minutes of a time of day, two digits: 05, 30"),
        Formatter("numbered", _numbered, "any", "a paper's number (so), after its name (ten_giay_to) if any"),
        Formatter(
            "short_place", short_place, "str", 'a place\'s first unit without its level word: "Sa Đéc"'
        ),
        Formatter("join", _join, "scalars", 'a list of choices on one line, joined with ", " as stored'),
        Formatter("in_sentence", _in_sentence, "str", 'a choice inside a sentence, lower case: "khai sinh"'),
        Formatter(
            "join_in_sentence", _in_sentence, "scalars", 'choices inside a sentence: "cải chính, bổ sung …"'
        ),
    )
}
