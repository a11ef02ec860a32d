from datetime import date

import pytest
from pydantic import ValidationError

from formfill.types import parse_cccd_qr

GOOD = "025188001010|012345678|NGUYỄN THỊ HƯỜNG|20111988|Nữ|Số 153 Nguyễn Sinh Sắc, Phường Sa Đéc, Đồng Tháp|15042021"


def test_parse() -> None:
    card = parse_cccd_qr(GOOD)
    assert card.so_dinh_danh_ca_nhan == "025188001010"
    assert card.so_cmnd == "012345678"
    assert card.ho_ten == "NGUYỄN THỊ HƯỜNG"
    assert card.ngay_sinh == date(1988, 11, 20)
    assert card.gioi_tinh == "Nữ"
    assert card.noi_thuong_tru.startswith("Số 153")
    assert card.ngay_cap == date(2021, 4, 15)
    assert card.model_dump(mode="json")["ngay_sinh"] == "20/11/1988"


@pytest.mark.parametrize(
    "text",
    [
        GOOD.replace("|012345678|", "||"),  # never had a CMND
        f"  {GOOD}\r\n",
        "\ufeff" + GOOD,
        GOOD + "|extra|fields|from|a|newer|card",
        GOOD.replace("025188001010|012345678", "CCCD:025188001010|CMND:012345678"),
        GOOD.replace("025188001010|012345678", "CCCD: 025188001010|CMND: "),
    ],
)
def test_tolerant(text: str) -> None:
    card = parse_cccd_qr(text)
    assert card.so_dinh_danh_ca_nhan == "025188001010"
    assert card.ngay_cap == date(2021, 4, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", {(): "vn_qr_field_count"}),
        ("025188001010|012345678|NGUYEN VAN A|20111988|Nam|X", {(): "vn_qr_field_count"}),
        (GOOD.replace("025188001010", "02518800101"), {("so_dinh_danh_ca_nhan",): "vn_personal_id_format"}),
        (GOOD.replace("012345678", "0123"), {("so_cmnd",): "vn_cmnd_format"}),
        (GOOD.replace("20111988", "31021988"), {("ngay_sinh",): "vn_date_invalid"}),
        (GOOD.replace("20111988", "1988"), {("ngay_sinh",): "vn_date_format"}),
        (GOOD.replace("15042021", "15042099"), {("ngay_cap",): "vn_date_future"}),
        (GOOD.replace("|Nữ|", "|X|"), {("gioi_tinh",): "vn_gender_invalid"}),
        (GOOD.replace("NGUYỄN THỊ HƯỜNG", "NGUYEN 2"), {("ho_ten",): "vn_name_chars"}),
    ],
)
def test_invalid(text: str, expected: dict[tuple[str, ...], str]) -> None:
    with pytest.raises(ValidationError) as info:
        parse_cccd_qr(text)
    assert {tuple(e["loc"]): e["type"] for e in info.value.errors()} == expected


def test_field_count_context() -> None:
    with pytest.raises(ValidationError) as info:
        parse_cccd_qr("a|b|c")
    assert info.value.errors()[0]["ctx"] == {"count": 3}
