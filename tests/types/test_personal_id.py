from datetime import date

import pytest
from pydantic import BaseModel

from formfill.types import (
    CmndNumber,
    PartialDate,
    PersonalId,
    PersonalIdInfo,
    check_personal_id,
    personal_id_info,
)


class M(BaseModel):
    so_dinh_danh_ca_nhan: PersonalId
    cmnd: CmndNumber | None = None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("025188001010", "025188001010"),
        ("025 188 001 010", "025188001010"),
        (" 001090123456\n", "001090123456"),
        ("999090123456", "999090123456"),  # not a legacy province code: registered abroad, accepted
        (790123456789, "790123456789"),  # a spreadsheet number cell
    ],
)
def test_valid(raw: object, expected: str) -> None:
    assert M(so_dinh_danh_ca_nhan=raw).so_dinh_danh_ca_nhan == expected


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("02518800101", "vn_personal_id_format"),
        ("0251880010100", "vn_personal_id_format"),
        ("02518800101O", "vn_personal_id_format"),
        ("025-188-001-010", "vn_personal_id_format"),
        ("０２５１８８００１０１０", "vn_personal_id_format"),  # full-width digits are not accepted silently
        ("", "vn_personal_id_format"),
        ("025488001010", "vn_personal_id_future"),  # digit 4 = 4: born 2188
        ("025230001010", "vn_personal_id_future"),  # 2030 > pinned today (2025)
        (None, "string_type"),
        (12.5, "string_type"),
    ],
)
def test_invalid(raw: object, error: str, error_types) -> None:
    assert error_types(PersonalId, raw) == [error]


def test_format_error_counts_characters(model_errors) -> None:
    from pydantic import ValidationError

    try:
        M(so_dinh_danh_ca_nhan="12345678901")
    except ValidationError as exc:
        assert exc.errors()[0]["ctx"] == {"length": 11}
    else:  # pragma: no cover
        raise AssertionError


def test_info_decodes_layout() -> None:
    info = personal_id_info("025188001010")
    assert info == PersonalIdInfo("025", "Phú Thọ", "Nữ", 1900, 88, 1988)
    info = personal_id_info("087205000123")
    assert (info.province_name, info.sex, info.century_start, info.birth_year) == (
        "Đồng Tháp",
        "Nam",
        2000,
        2005,
    )
    assert personal_id_info("999090123456").province_name is None


@pytest.mark.parametrize(
    ("cmnd", "ok"),
    [
        ("012345678", True),
        ("012 345 678", True),
        ("01234567", False),
        ("0123456789", False),
        ("01234567a", False),
    ],
)
def test_cmnd(cmnd: str, ok: bool, error_types) -> None:
    if ok:
        assert M(so_dinh_danh_ca_nhan="025188001010", cmnd=cmnd).cmnd == cmnd.replace(" ", "")
    else:
        assert error_types(CmndNumber, cmnd) == ["vn_cmnd_format"]


def test_check_agrees() -> None:
    assert check_personal_id("025188001010", date(1988, 3, 1), "Nữ") == []
    assert check_personal_id("025188001010", PartialDate(1988), "nu") == []
    assert check_personal_id(None, date(1990, 1, 1), "Nam") == []
    assert check_personal_id("bad", date(1990, 1, 1), "Nam") == []  # the field reports the format itself


def test_check_birth_year_and_gender() -> None:
    problems = check_personal_id("025188001010", date(1989, 3, 1), "Nam")
    assert [(f, e.type) for f, e in problems] == [
        ("so_dinh_danh_ca_nhan", "vn_personal_id_birth_year"),
        ("so_dinh_danh_ca_nhan", "vn_personal_id_gender"),
    ]
    assert problems[0][1].context == {"expected": 1988, "given": 1989}
    assert problems[1][1].context == {"expected": "Nữ", "given": "Nam"}


def test_check_year_only_and_unknown_gender() -> None:
    assert [e.type for _, e in check_personal_id("001090123456", PartialDate(1991))] == [
        "vn_personal_id_birth_year"
    ]
    assert check_personal_id("001090123456", None, "không rõ") == []


def test_json_schema() -> None:
    schema = M.model_json_schema()["properties"]["so_dinh_danh_ca_nhan"]
    assert schema["format"] == "vn-personal-id"
    assert schema["examples"] and schema["maxLength"] == 12
