from datetime import date

import pytest

from formfill.types import IdentityKind, IdentityPaper


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("Căn cước công dân", IdentityKind.CAN_CUOC_CONG_DAN),
        ("can cuoc cong dan", IdentityKind.CAN_CUOC_CONG_DAN),
        ("CĂN CƯỚC CÔNG DÂN", IdentityKind.CAN_CUOC_CONG_DAN),
        ("CCCD", IdentityKind.CAN_CUOC_CONG_DAN),
        ("Căn cước", IdentityKind.CAN_CUOC),
        ("thẻ căn cước", IdentityKind.CAN_CUOC),
        ("chứng minh nhân dân", IdentityKind.CMND),
        ("CMND", IdentityKind.CMND),
        ("ho chieu", IdentityKind.HO_CHIEU),
        ("Giấy tờ khác", IdentityKind.KHAC),
    ],
)
def test_kind(raw: str, kind: IdentityKind) -> None:
    number = {IdentityKind.HO_CHIEU: "C1234567", IdentityKind.CMND: "012345678"}.get(kind, "025188001010")
    assert IdentityPaper(loai=raw, so=number).loai is kind


@pytest.mark.parametrize(
    ("kind", "number", "expected"),
    [
        ("Căn cước", "025 188 001 010", "025188001010"),
        ("Căn cước công dân", "025188001010", "025188001010"),
        ("Chứng minh nhân dân", "012345678", "012345678"),
        ("Chứng minh nhân dân", "025188001010", "025188001010"),
        ("Hộ chiếu", "c1234567", "C1234567"),
        ("Hộ chiếu", "B12345678", "B12345678"),
        ("Hộ chiếu", "x9y8z7", "X9Y8Z7"),  # foreign passport
        ("Giấy tờ khác", "Giấy khai sinh số 12/2001", "Giấy khai sinh số 12/2001"),
    ],
)
def test_number_by_kind(kind: str, number: str, expected: str) -> None:
    assert IdentityPaper(loai=kind, so=number).so == expected


@pytest.mark.parametrize(
    ("data", "loc", "error"),
    [
        ({"loai": "Căn cước công dân", "so": "12345"}, "so", "vn_personal_id_format"),
        ({"loai": "Căn cước", "so": "025488001010"}, "so", "vn_personal_id_future"),
        ({"loai": "CMND", "so": "1234567890"}, "so", "vn_identity_cmnd_format"),
        ({"loai": "Hộ chiếu", "so": "12"}, "so", "vn_passport_format"),
        ({"loai": "Hộ chiếu", "so": "CĐ123456"}, "so", "vn_passport_format"),
        ({"loai": "Giấy tờ khác", "so": "x" * 51}, "so", "string_too_long"),
        ({"loai": "bằng lái", "so": "1"}, "loai", "vn_identity_kind_unknown"),
        ({"loai": "CCCD"}, "so", "missing"),
        ({"loai": "CCCD", "so": "025188001010", "ngay_cap": "31/02/2021"}, "ngay_cap", "vn_date_invalid"),
        ({"loai": "CCCD", "so": "025188001010", "ngay_cap": "01/01/2030"}, "ngay_cap", "vn_date_future"),
        ({"loai": "CCCD", "so": "025188001010", "noi_cap": "x" * 251}, "noi_cap", "string_too_long"),
        ({"loai": "CCCD", "so": "025188001010", "khac": 1}, "khac", "extra_forbidden"),
    ],
)
def test_invalid(data: dict[str, object], loc: str, error: str, model_errors) -> None:
    assert model_errors(IdentityPaper, data) == {(loc,): error}


def test_as_text_and_round_trip() -> None:
    paper = IdentityPaper(
        loai="căn cước công dân",
        so="025188001010",
        ngay_cap="20/11/2021",
        noi_cap="Cục Cảnh sát QLHC về TTXH",
    )
    assert (
        paper.as_text()
        == "Căn cước công dân số 025188001010 do Cục Cảnh sát QLHC về TTXH cấp ngày 20/11/2021"
    )
    assert paper.ngay_cap == date(2021, 11, 20)
    dumped = paper.model_dump(mode="json")
    assert dumped == {
        "loai": "Căn cước công dân",
        "so": "025188001010",
        "ngay_cap": "20/11/2021",
        "noi_cap": "Cục Cảnh sát QLHC về TTXH",
    }
    assert IdentityPaper.model_validate(dumped) == paper
    assert IdentityPaper(loai="Hộ chiếu", so="C1234567").as_text() == "Hộ chiếu số C1234567"


def test_schema() -> None:
    schema = IdentityPaper.model_json_schema()
    assert schema["$defs"]["IdentityKind"]["enum"] == [k.value for k in IdentityKind]
    assert schema["properties"]["ngay_cap"]["x-label"] == "Ngày cấp"
