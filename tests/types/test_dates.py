from datetime import date, datetime

import pytest
from pydantic import BaseModel

from formfill.types import (
    BirthDate,
    PartialBirthDate,
    PartialDate,
    PastDate,
    VnDate,
    date_line_parts,
    date_parts,
    format_date,
)


class M(BaseModel):
    d: VnDate
    born: BirthDate | None = None
    issued: PastDate | None = None
    partial: PartialBirthDate | None = None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("15/07/2024", date(2024, 7, 15)),
        ("5/1/2004", date(2004, 1, 5)),
        ("05-01-2004", date(2004, 1, 5)),
        ("05.01.2004", date(2004, 1, 5)),
        (" 05 / 01 / 2004 ", date(2004, 1, 5)),
        ("2004-01-05", date(2004, 1, 5)),
        ("03/04/2021", date(2021, 4, 3)),  # day first, never month first
        ("29/02/2024", date(2024, 2, 29)),
        (date(2021, 11, 20), date(2021, 11, 20)),
        (datetime(2021, 11, 20, 8, 30), date(2021, 11, 20)),
        ("01/01/1800", date(1800, 1, 1)),
        ("31/12/2200", date(2200, 12, 31)),
    ],
)
def test_valid(raw: object, expected: date) -> None:
    assert M(d=raw).d == expected


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("31/02/2024", "vn_date_invalid"),
        ("29/02/2023", "vn_date_invalid"),
        ("00/01/2020", "vn_date_invalid"),
        ("01/13/2020", "vn_date_invalid"),
        ("2024-02-30", "vn_date_invalid"),
        ("01/01/1799", "vn_date_invalid"),
        ("01/01/2201", "vn_date_invalid"),
        (date(1700, 1, 1), "vn_date_invalid"),
        ("15/07/24", "vn_date_format"),
        ("15/07-2024", "vn_date_format"),
        ("July 15, 2024", "vn_date_format"),
        ("15072024", "vn_date_format"),
        ("", "vn_date_format"),
        (20240715, "vn_date_format"),
        (None, "vn_date_format"),
    ],
)
def test_invalid(raw: object, error: str, error_types) -> None:
    assert error_types(VnDate, raw) == [error]


def test_future(error_types) -> None:
    assert M(d="01/01/2030", born="01/12/2025", issued="30/11/2025").born == date(2025, 12, 1)
    assert error_types(BirthDate, "02/12/2025") == ["vn_date_future"]
    assert error_types(PastDate, "01/01/2026") == ["vn_date_future"]


def test_json_is_day_first() -> None:
    m = M(d="5/1/2004", born="2000-02-29", partial="3/1950")
    assert m.model_dump(mode="json") == {
        "d": "05/01/2004",
        "born": "29/02/2000",
        "issued": None,
        "partial": "03/1950",
    }
    assert m.model_dump()["d"] == date(2004, 1, 5)
    assert M.model_validate_json(m.model_dump_json()) == m
    schema = M.model_json_schema()["properties"]
    assert schema["d"]["format"] == "vn-date" and schema["d"]["examples"]


def test_format_helpers() -> None:
    d = date(2021, 1, 5)
    assert format_date(d) == "05/01/2021"
    assert date_parts(d) == ("05", "01", "2021")
    assert date_line_parts(d) == ("05", "01", "2021")
    assert date_line_parts(date(2021, 2, 28)) == ("28", "02", "2021")
    assert date_line_parts(date(2021, 3, 15)) == ("15", "3", "2021")
    assert date_line_parts(date(2021, 12, 9)) == ("09", "12", "2021")


@pytest.mark.parametrize(
    ("raw", "expected", "text"),
    [
        ("1950", PartialDate(1950), "1950"),
        ("3/1950", PartialDate(1950, 3), "03/1950"),
        ("03/1950", PartialDate(1950, 3), "03/1950"),
        ("1950-03", PartialDate(1950, 3), "03/1950"),
        ("15/03/1950", PartialDate(1950, 3, 15), "15/03/1950"),
        ("1950-03-15", PartialDate(1950, 3, 15), "15/03/1950"),
        (date(1950, 3, 15), PartialDate(1950, 3, 15), "15/03/1950"),
        (1950, PartialDate(1950), "1950"),
    ],
)
def test_partial_valid(raw: object, expected: PartialDate, text: str) -> None:
    value = M(d="01/01/2000", partial=raw).partial
    assert value == expected
    assert str(value) == text


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("13/1950", "vn_date_invalid"),
        ("0/1950", "vn_date_invalid"),
        ("31/02/1950", "vn_date_invalid"),
        ("1799", "vn_date_invalid"),
        ("50", "vn_partial_date_format"),
        ("tháng 3 năm 1950", "vn_partial_date_format"),
        (None, "vn_partial_date_format"),
        ("2026", "vn_date_future"),
        ("12/2025", None),  # this month: not in the future
        ("01/2026", "vn_date_future"),
        ("02/12/2025", "vn_date_future"),
    ],
)
def test_partial_invalid(raw: object, error: str | None, error_types) -> None:
    if error is None:
        assert M(d="01/01/2000", partial=raw).partial is not None
    else:
        assert error_types(PartialBirthDate, raw) == [error]


def test_partial_helpers() -> None:
    assert PartialDate(1950, 3, 15).as_date() == date(1950, 3, 15)
    assert PartialDate(1950, 3).as_date() is None
    assert not PartialDate(1950).is_complete
    with pytest.raises(ValueError):
        PartialDate(1950, None, 3)
    schema = M.model_json_schema()["properties"]["partial"]["anyOf"][0]
    assert schema["format"] == "vn-partial-date"
