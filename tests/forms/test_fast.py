"""The fast validator (formfill.forms.fast): same results as the model, errors always the model's.

A fast path may only accept what its validator returns unchanged; these tests hold the character
classes, the personal-ID pattern and the whole-form validator to that.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError
from pydantic_core import SchemaValidator

from formfill.base import clock
from formfill.forms import get_form, list_forms
from formfill.forms.fast import fast_validator, with_fast_paths
from formfill.types import PersonalId, PersonName, ShortText, fast
from formfill.types.personal_id import normalise_personal_id
from tests.conftest import EXAMPLES, PINNED_TODAY

DAY = date.fromisoformat(PINNED_TODAY)


def _fast_accepts(schema: Any, value: Any) -> bool:
    try:
        SchemaValidator(schema).validate_python(value)
    except ValidationError:
        return False
    return True


def test_fast_characters_never_change_under_nfc() -> None:
    """Every pair of fast-path characters is NFC as written, so any string of them is (all are
    starters whose decomposition starts with a starter: only neighbours could compose)."""
    chars = fast.text_chars()
    assert set(fast.latin_letters()) <= set(chars)
    for ch in chars:
        assert unicodedata.combining(ch) == 0 and unicodedata.category(ch)[0] in "LNPS", ch
    bad = [(a, b) for a in chars for b in chars if not unicodedata.is_normalized("NFC", a + b)]
    assert bad == []


VALUES = [
    "Nguyễn Thị Hường",
    "Đặng Văn Đức",
    "O'Brien-Smith",
    "Ủy ban nhân dân phường Sa Đéc, tỉnh Đồng Tháp",
    "Số 153 Nguyễn Sinh Sắc",
    "45/2020",
    " Nguyễn",  # leading space: cleaned by the validator, so not fast
    "Nguyễn  Văn",  # double space
    "Nguyê\u0303n",  # not NFC
    "Nguyễn\u200b",  # invisible character
    "Nguyễn 😀",  # unprintable
    "漢字",
    "\u00ad",
    "- -",
    "",
    "x" * 101,
    "Lê 3",
]


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize(
    ("tp", "schema"), [(PersonName, fast.name_schema(100)), (ShortText, fast.text_schema(100))]
)
def test_fast_text_and_names_accept_only_what_the_validator_keeps(tp: Any, schema: Any, value: str) -> None:
    if _fast_accepts(schema, value):
        assert TypeAdapter(tp).validate_python(value) == value


def test_fast_text_takes_the_usual_values() -> None:
    for value in VALUES[:6]:
        assert _fast_accepts(fast.text_schema(100), value), value
    for value in VALUES[:3]:
        assert _fast_accepts(fast.name_schema(100), value), value
    assert not _fast_accepts(fast.name_schema(100), "Lê 3")


@pytest.mark.parametrize("year", [1999, 2000, 2009, 2010, 2026, 2099, 2100, 2150, 2399])
def test_fast_personal_id_follows_the_future_rule(year: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORMFILL_TODAY", f"{year}-06-01")
    schema = fast.personal_id_schema(date(year, 6, 1))
    for century_digit in range(10):
        for yy in (0, 5, 9, 10, 25, 26, 27, 50, 99):
            number = f"087{century_digit}{yy:02d}012345"
            try:
                normalise_personal_id(number)
                valid = True
            except ValueError:
                valid = False
            assert _fast_accepts(schema, number) == valid, number


def test_two_digit_bound() -> None:
    import re

    for n in range(100):
        pattern = re.compile(fast.two_digits_up_to(n))
        assert [k for k in range(100) if pattern.fullmatch(f"{k:02d}")] == list(range(n + 1))


def test_every_form_gets_a_fast_validator_that_takes_its_examples() -> None:
    for spec in list_forms():
        validator = fast_validator(spec.model, DAY)
        assert validator is not spec.model.__pydantic_validator__, spec.id
        for path in sorted((EXAMPLES / spec.id).glob("valid-*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            assert validator.validate_python(data) == spec.model.model_validate(data), path


def _invalid_examples() -> list[Path]:
    return [p for p in sorted(EXAMPLES.glob("*/invalid-*.json")) if not p.name.endswith(".expected.json")]


@pytest.mark.parametrize("path", _invalid_examples(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_errors_are_the_models_own(path: Path) -> None:
    spec = get_form(path.parent.name)
    data = json.loads(path.read_text(encoding="utf-8"))
    with pytest.raises(ValidationError) as exact:
        spec.model.model_validate(data)
    with pytest.raises(ValidationError) as through_fast:
        spec.validate(data)
    assert through_fast.value.errors(include_url=False) == exact.value.errors(include_url=False)


def _rows() -> list[dict[str, Any]]:
    base = json.loads((EXAMPLES / "khai-sinh" / "valid-1.json").read_text(encoding="utf-8"))
    changes: list[tuple[tuple[str, ...], Any]] = [
        (("nguoi_duoc_khai_sinh", "ho_ten"), "  Nguyễn   Bảo Ngọc "),
        (("nguoi_duoc_khai_sinh", "ho_ten"), "Nguye\u0302\u0303n Ngọc"),
        (("nguoi_duoc_khai_sinh", "ngay_sinh"), "2026-10-02"),
        (("nguoi_duoc_khai_sinh", "ngay_sinh"), "02/12/2026"),  # after today
        (("nguoi_duoc_khai_sinh", "gioi_tinh"), "nu"),
        (("nguoi_duoc_khai_sinh", "dan_toc"), "kinh"),
        (("nguoi_duoc_khai_sinh", "quoc_tich"), "viet nam"),
        (("nguoi_duoc_khai_sinh", "noi_sinh"), "Bệnh viện\u200b"),
        (("me", "so_dinh_danh_ca_nhan"), "087 195 012 345"),
        (("me", "so_dinh_danh_ca_nhan"), 87195012345),
        (("me", "so_dinh_danh_ca_nhan"), "087395012345"),  # born 2095
        (("cha", "so_dinh_danh_ca_nhan"), "087192004321"),  # a woman's number for the father
        (("kinh_gui",), ""),
        (("lam_tai",), "x" * 101),
    ]
    rows = []
    for path, value in changes:
        row = json.loads(json.dumps(base))
        target = row
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        rows.append(row)
    return rows


@pytest.mark.parametrize("row", _rows())
def test_same_result_as_the_model(row: dict[str, Any]) -> None:
    spec = get_form("khai-sinh")
    try:
        expected: Any = spec.model.model_validate(row)
    except ValidationError as exc:
        expected = exc.errors(include_url=False)
    try:
        got: Any = spec.validate(row)
    except ValidationError as exc:
        got = exc.errors(include_url=False)
    assert got == expected


def test_fast_validator_follows_the_pinned_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast "not in the future" check uses the day of the run, as the model does."""
    spec = get_form("khai-sinh")
    row = json.loads((EXAMPLES / "khai-sinh" / "valid-1.json").read_text(encoding="utf-8"))
    spec.validate(row)
    monkeypatch.setenv("FORMFILL_TODAY", "2026-10-01")  # before the child's birth and the declaration
    with pytest.raises(ValidationError) as info:
        spec.validate(row)
    assert {e["type"] for e in info.value.errors()} == {"vn_date_future"}


def test_same_day_reads_the_clock_once(monkeypatch: pytest.MonkeyPatch) -> None:
    with clock.same_day() as day:
        assert day == DAY
        monkeypatch.setenv("FORMFILL_TODAY", "2030-01-01")
        assert clock.today() == DAY
        with clock.same_day() as inner:
            assert inner == DAY
    assert clock.today() == date(2030, 1, 1)


def test_schema_without_fast_paths_is_unchanged() -> None:
    schema = {"type": "str", "max_length": 3}
    assert with_fast_paths(schema, DAY) == schema
    assert TypeAdapter(PersonalId).validate_python("087195012345") == "087195012345"
