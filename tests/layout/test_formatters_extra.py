"""Formatters added for khai-tu (time of death, death-notice number)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from formfill.forms import get_form
from formfill.layout.formatters import FORMATTERS


def fmt(name: str, value: object) -> str:
    return FORMATTERS[name].func(value)


@pytest.mark.parametrize(
    ("value", "hour", "minute"),
    [(dt.time(10, 30), "10", "30"), (dt.time(7, 5), "7", "05"), (dt.time(0, 0), "0", "00")],
)
def test_hour_and_minute(value: dt.time, hour: str, minute: str) -> None:
    assert fmt("hour", value) == hour
    assert fmt("minute", value) == minute


def test_hour_refuses_what_is_not_a_time() -> None:
    with pytest.raises(TypeError):
        fmt("hour", "10:30")


def test_numbered_prints_the_number_after_a_substitute_papers_name() -> None:
    assert fmt("numbered", SimpleNamespace(so="412/GBT", ten_giay_to=None)) == "412/GBT"
    named = SimpleNamespace(so="12/2026/QĐ-TA", ten_giay_to="Trích lục bản án tuyên bố chết")
    assert fmt("numbered", named) == "Trích lục bản án tuyên bố chết số 12/2026/QĐ-TA"


def test_formatters_on_a_real_death_declaration() -> None:
    spec = get_form("khai-tu")
    raw = {
        "kinh_gui": "Ủy ban nhân dân phường Sa Đéc, tỉnh Đồng Tháp",
        "nguoi_yeu_cau": {"ho_ten": "Nguyễn Văn Phúc", "so_dinh_danh_ca_nhan": "087078001122"},
        "quan_he_voi_nguoi_da_chet": "Con",
        "nguoi_da_chet": {
            "ho_ten": "Nguyễn Văn Tư",
            "ngay_sinh": "12/05/1945",
            "so_dinh_danh_ca_nhan": "087045000981",
        },
        "ngay_chet": "18/11/2026",
        "gio_chet": "7h05",
        "noi_chet": "Tại nhà",
        "nguyen_nhan_chet": "Bệnh già",
        "giay_bao_tu": {
            "loai": "Giấy tờ thay thế Giấy báo tử",
            "ten_giay_to": "Biên bản xác nhận việc chết",
            "so": "05/BB",
            "noi_cap": "Công an phường Sa Đéc",
            "ngay_cap": "19/11/2026",
        },
        "lam_tai": "phường Sa Đéc, tỉnh Đồng Tháp",
        "ngay_lam": "20/11/2026",
    }
    d = spec.validate(raw)
    assert (fmt("hour", d.gio_chet), fmt("minute", d.gio_chet)) == ("7", "05")
    assert fmt("numbered", d.giay_bao_tu) == "Biên bản xác nhận việc chết số 05/BB"
