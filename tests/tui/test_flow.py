"""End to end by keys alone: a birth declaration from the start screen to a PDF on disk."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from tui_helpers import SIZE, make_app, screen_text, tab_to, type_into

from formfill.tui.screens.finish import FinishScreen
from formfill.tui.screens.review import ReviewScreen
from formfill.tui.screens.wizard import WizardScreen


def pdf_text(path: Path) -> str:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


async def fill_khai_sinh(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*"khai sinh")
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, WizardScreen)
    wizard = app.screen
    # 1. Người yêu cầu
    await type_into(pilot, "kinh_gui", "Ủy ban nhân dân phường Sa Đéc, tỉnh Đồng Tháp")
    await type_into(pilot, "nguoi_yeu_cau.ho_ten", "Trần Thị Hường")
    await type_into(pilot, "nguoi_yeu_cau.so_dinh_danh_ca_nhan", "087195012345")
    await type_into(pilot, "quan_he_voi_nguoi_duoc_khai_sinh", "Mẹ")
    await pilot.press("pagedown")
    await pilot.pause()
    assert wizard.section.key == "nguoi_duoc_khai_sinh", screen_text(app)
    # 2. Người được khai sinh
    await type_into(pilot, "nguoi_duoc_khai_sinh.ho_ten", "Nguyễn Trần Bảo Ngọc")
    await type_into(pilot, "nguoi_duoc_khai_sinh.ngay_sinh", "15032025")
    await type_into(pilot, "nguoi_duoc_khai_sinh.gioi_tinh", "nu")
    await pilot.press("enter")  # takes the highlighted option
    await type_into(pilot, "nguoi_duoc_khai_sinh.dan_toc", "kinh")
    await pilot.press("enter")
    await type_into(pilot, "nguoi_duoc_khai_sinh.noi_sinh", "Bệnh viện Đa khoa Sa Đéc, tỉnh Đồng Tháp")
    await type_into(pilot, "nguoi_duoc_khai_sinh.que_quan", "xã Tân Khánh Trung, tỉnh Đồng Tháp")
    await pilot.press("pagedown")
    await pilot.pause()
    assert wizard.section.key == "me", screen_text(app)
    # 3. Mẹ: "Có thông tin"
    await tab_to(pilot, "@me")
    await pilot.press("c")
    await pilot.pause()
    await type_into(pilot, "me.ho_ten", "Trần Thị Hường")
    await type_into(pilot, "me.ngay_sinh", "14/04/1995")
    await type_into(pilot, "me.so_dinh_danh_ca_nhan", "087195012345")
    await pilot.press("pagedown")
    await pilot.pause()
    # 4. Cha, 5. Giấy chứng nhận kết hôn: "Không có"
    for block in ("cha", "giay_chung_nhan_ket_hon"):
        await tab_to(pilot, f"@{block}")
        await pilot.press("k")
        await pilot.press("pagedown")
        await pilot.pause()
    assert wizard.section.key == "hoan_tat", screen_text(app)
    # 6. Nơi, ngày làm và bản sao
    await type_into(pilot, "lam_tai", "phường Sa Đéc, tỉnh Đồng Tháp")
    await type_into(pilot, "ngay_lam", "20032025")
    await tab_to(pilot, "de_nghi_cap_ban_sao")
    await pilot.press("c")
    await type_into(pilot, "so_luong_ban_sao", "2")
    await pilot.press("pagedown")
    await pilot.pause()


async def test_khai_sinh_by_keys_to_pdf(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await fill_khai_sinh(pilot, app)
        assert isinstance(app.screen, ReviewScreen), screen_text(app)
        text = screen_text(app)
        assert "Nguyễn Trần Bảo Ngọc" in text and "15/03/2025" in text and "Nữ" in text
        assert "⚠" not in text, text
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, FinishScreen), screen_text(app)
        pdf = app.screen.path
    assert pdf.parent == tmp_path / "out"
    assert pdf.name == "khai-sinh-20261120-093000.pdf"
    text = pdf_text(pdf)
    for value in ("NGUYỄN TRẦN BẢO NGỌC", "Trần Thị Hường", "087195012345", "Kinh", "Sa Đéc"):
        assert value.casefold() in text.casefold(), value
    assert not list((tmp_path / "out").glob("*.tmp*"))
