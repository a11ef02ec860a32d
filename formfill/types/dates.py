"""Dates as Vietnamese forms write them: always day first ("15/07/2024"), never month first.

``VnDate`` is a :class:`datetime.date` that reads "dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy",
"dd.mm.yyyy" and ISO "yyyy-mm-dd", and is written back as "dd/mm/yyyy" in JSON.
``PartialDate`` keeps a year, a month and year, or a full date: birth dates of older people are
often known only as a year. The NĐ 30/2020 date-line rule lives in :func:`date_line_parts`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, GetCoreSchemaHandler, GetJsonSchemaHandler, PlainSerializer
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from formfill.base import clock
from formfill.base.messages import vn_error
from formfill.types import fast
from formfill.types._base import schema, validator

MIN_YEAR, MAX_YEAR = 1800, 2200

_DMY = re.compile(r"([0-9]{1,2})\s*([/.-])\s*([0-9]{1,2})\s*\2\s*([0-9]{4})")
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?)?")
_MY = re.compile(r"([0-9]{1,2})\s*[/.-]\s*([0-9]{4})")
_ISO_YM = re.compile(r"([0-9]{4})-([0-9]{1,2})")
_Y = re.compile(r"[0-9]{4}")
_DD_MM_YYYY = re.compile(r"[0-9]{2}/[0-9]{2}/[0-9]{4}")  # the usual spelling: no regex groups needed


def today() -> date:
    """Today's date (:func:`formfill.base.clock.today`: ``FORMFILL_TODAY`` pins it)."""
    return clock.today()


def _make_date(year: int, month: int, day: int, text: str) -> date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise vn_error("vn_date_invalid", value=text)
    try:
        return date(year, month, day)
    except ValueError:
        raise vn_error("vn_date_invalid", value=text) from None


def parse_vn_date(value: Any) -> date:
    """A date from day-first text, ISO text, or a ``date``/``datetime`` object."""
    if type(value) is str and _DD_MM_YYYY.fullmatch(value):
        return _make_date(int(value[6:]), int(value[3:5]), int(value[:2]), value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            raise vn_error("vn_date_invalid", value=value.isoformat())
        return value
    if not isinstance(value, str):
        raise vn_error("vn_date_format")
    text = value.strip()
    if m := _DMY.fullmatch(text):
        return _make_date(int(m[4]), int(m[3]), int(m[1]), text)
    if m := _ISO.fullmatch(text):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), text)
    raise vn_error("vn_date_format")


def format_date(d: date) -> str:
    """ "dd/mm/yyyy" — the form used for data on every form ("cấp ngày 20/11/2021")."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def date_parts(d: date) -> tuple[str, str, str]:
    """("dd", "mm", "yyyy"), both day and month zero-padded, for boxed date fields."""
    return f"{d.day:02d}", f"{d.month:02d}", f"{d.year:04d}"


def date_line_parts(d: date) -> tuple[str, str, str]:
    """Day, month, year for a "ngày … tháng … năm …" line under NĐ 30/2020/NĐ-CP.

    Days below 10 and the months January and February get a leading zero ("05", "01", "02");
    other months do not ("3" … "12") — the rule exists so "tháng 1" cannot be altered into "tháng 11".
    """
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return day, month, f"{d.year:04d}"


def _not_future(d: date) -> date:
    if d > today():
        raise vn_error("vn_date_future", value=format_date(d))
    return d


fast.mark(_not_future, fast.not_after)


_DATE_SCHEMA = schema("vn-date", ["15/07/2024"], pattern=r"^[0-9]{2}/[0-9]{2}/[0-9]{4}$")
_DATE_OUT = PlainSerializer(format_date, return_type=str, when_used="json")

VnDate = Annotated[date, validator(parse_vn_date), _DATE_OUT, _DATE_SCHEMA]
"""A calendar date; input day first, JSON output "dd/mm/yyyy"."""

BirthDate = Annotated[date, validator(parse_vn_date), AfterValidator(_not_future), _DATE_OUT, _DATE_SCHEMA]
"""A date of birth: a :data:`VnDate` that is not in the future."""

PastDate = Annotated[date, validator(parse_vn_date), AfterValidator(_not_future), _DATE_OUT, _DATE_SCHEMA]
"""A date that has happened (issue dates of papers): not in the future."""


@dataclass(frozen=True)
class PartialDate:
    """A year, a month of a year, or a full date — as much of a date as the person knows.

    ``str()`` and JSON give "yyyy", "mm/yyyy" or "dd/mm/yyyy".
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a PartialDate with a day needs a month")
        if self.day is not None and self.month is not None:
            date(self.year, self.month, self.day)  # raises ValueError when impossible
        elif self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not 1..12")

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.month:02d}/{self.year:04d}"
        return f"{self.day:02d}/{self.month:02d}/{self.year:04d}"

    @property
    def is_complete(self) -> bool:
        """True when day, month and year are all known."""
        return self.day is not None

    def as_date(self) -> date | None:
        """The full date, or ``None`` when a part is unknown."""
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    def is_after(self, d: date) -> bool:
        """True when every date this value could mean lies after ``d``."""
        if self.year != d.year or self.month is None:
            return self.year > d.year
        if self.day is None or self.month != d.month:
            return self.month > d.month
        return self.day > d.day

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """From "yyyy", "mm/yyyy", "m/yyyy", "yyyy-mm", a day-first or ISO date, or a date object."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, date | datetime):
            d = parse_vn_date(value)
            return cls(d.year, d.month, d.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise vn_error("vn_partial_date_format")
        text = value.strip()
        if _Y.fullmatch(text):
            return cls(_check_year(int(text), text))
        if (m := _MY.fullmatch(text)) or (m := _ISO_YM.fullmatch(text)):
            month, year = (int(m[1]), int(m[2])) if m.re is _MY else (int(m[2]), int(m[1]))
            _check_year(year, text)
            if not 1 <= month <= 12:
                raise vn_error("vn_date_invalid", value=text)
            return cls(year, month)
        if _DMY.fullmatch(text) or _ISO.fullmatch(text):
            d = parse_vn_date(text)
            return cls(d.year, d.month, d.day)
        raise vn_error("vn_partial_date_format")

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse,
            serialization=core_schema.plain_serializer_function_ser_schema(str, when_used="json"),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "format": "vn-partial-date",
            "pattern": r"^([0-9]{2}/)?([0-9]{2}/)?[0-9]{4}$",
            "examples": ["1950", "03/1950", "15/03/1950"],
        }


def _check_year(year: int, text: str) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise vn_error("vn_date_invalid", value=text)
    return year


def _partial_not_future(value: PartialDate) -> PartialDate:
    if value.is_after(today()):
        raise vn_error("vn_date_future", value=str(value))
    return value


PartialBirthDate = Annotated[PartialDate, AfterValidator(_partial_not_future)]
"""A birth date known fully or in part, not in the future."""
