"""Issue 12: rough edges a citizen met filling khai-sinh and CT01 in a real terminal."""

from __future__ import annotations

import json
from pathlib import Path

from tui_helpers import SIZE, flatten, make_app, open_first_draft, preload, screen_text

from formfill.tui.screens.review import ReviewItem, ReviewScreen
from formfill.tui.screens.wizard import WizardScreen

ROOT = Path(__file__).resolve().parents[2]
KHAI_SINH = json.loads((ROOT / "examples/khai-sinh/valid-1.json").read_text(encoding="utf-8"))


async def test_review_arrows_move_the_selection_and_the_banner_names_them(tmp_path: Path) -> None:
    answers = flatten(KHAI_SINH)
    answers["ngay_lam"] = "01/01/2026"  # an error, so the banner shows
    preload(tmp_path, "khai-sinh", answers, "hoan_tat")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_draft(pilot)
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Chọn dòng bằng ↑/↓ rồi nhấn Enter để sửa." in screen_text(app)
        items = list(app.screen.query(ReviewItem).results())
        start = items.index(app.focused)  # type: ignore[arg-type]
        await pilot.press("down")
        assert app.focused is items[start + 1]
        await pilot.press("down", "down")
        assert app.focused is items[start + 3]
        await pilot.press("up")
        assert app.focused is items[start + 2]
        await pilot.press("enter")  # Sửa on the row the arrows chose
        await pilot.pause()
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        section = wizard.session.section_of_path(items[start + 2].item.path)
        assert section is not None and wizard.section.key == section.key


async def test_copy_without_count_is_refused_on_its_own_step(tmp_path: Path) -> None:
    answers = flatten(KHAI_SINH)
    answers["de_nghi_cap_ban_sao"] = True
    answers.pop("so_luong_ban_sao", None)
    preload(tmp_path, "khai-sinh", answers, "hoan_tat")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_draft(pilot)
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen), "the step passed with a copy and no count"
        assert "ghi số lượng bản (từ 1 trở lên)" in screen_text(app)


async def test_every_error_of_a_step_at_once_id_sex_and_a_missing_answer(tmp_path: Path) -> None:
    preload(
        tmp_path,
        "ket-hon",
        {
            "kinh_gui": "Ủy ban nhân dân phường Sa Đéc, tỉnh Đồng Tháp",
            "@present:ben_nu": True,
            "ben_nu.ho_ten": "Trần Thị Ngọc Hân",
            "ben_nu.ngay_sinh": "14/02/2000",
            "ben_nu.so_dinh_danh_ca_nhan": "087200012345",  # a man's number (sex digit 2 = Nam, 2000s)
        },
        "ben_nu",
    )
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_draft(pilot)
        await pilot.press("pagedown")  # ket_hon_lan_thu is missing AND the ID is a man's: both at once
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen) and app.screen.section.key == "ben_nu"
        text = screen_text(app)
        assert "Còn 2 chỗ cần sửa" in text
        assert "là của người giới tính Nam, nhưng giới tính ghi Nữ" in text
        assert "Chưa điền thông tin bắt buộc này." in text


async def test_ctrl_c_says_how_to_quit_in_vietnamese(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        shown = [(n.title, n.message) for n in app._notifications]
        assert ("Bạn muốn thoát?", "Nhấn ctrl+q để thoát.") in shown
        assert not any("quit" in f"{t} {m}" for t, m in shown)


async def test_prefills_today_and_the_place_and_f4_copies_the_requester(tmp_path: Path) -> None:
    answers = {k: v for k, v in flatten(KHAI_SINH).items() if not k.startswith(("me.", "@present:me"))}
    answers["quan_he_voi_nguoi_duoc_khai_sinh"] = "Mẹ"
    answers["nguoi_yeu_cau.ngay_sinh"] = "14/04/1995"
    for key in ("lam_tai", "ngay_lam"):
        answers.pop(key, None)
    preload(tmp_path, "khai-sinh", answers, "me")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_draft(pilot)
        wizard = app.screen
        assert isinstance(wizard, WizardScreen) and wizard.section.key == "me"
        assert "nhấn F4 để chép thông tin đã khai" in screen_text(app)
        await pilot.press("f4")  # one key: the mother is the requester
        await pilot.pause()
        saved = wizard.session.answers
        for key in ("ho_ten", "ngay_sinh", "so_dinh_danh_ca_nhan"):
            assert saved[f"me.{key}"] == saved[f"nguoi_yeu_cau.{key}"]
        assert wizard.targets()["me.ho_ten"].value == saved["nguoi_yeu_cau.ho_ten"]  # type: ignore[union-attr]
        assert wizard.session.section_errors(wizard.section) == []
        while wizard.section.key != "hoan_tat":
            await pilot.press("pagedown")
            await pilot.pause()
        assert wizard.targets()["ngay_lam"].value == "01/12/2026"  # type: ignore[union-attr]  # FORMFILL_TODAY
        assert wizard.targets()["lam_tai"].value == "phường Sa Đéc, tỉnh Đồng Tháp"  # type: ignore[union-attr]


def test_today_is_a_proposal_of_the_session_not_a_schema_default() -> None:
    from formfill.catalog import get_form
    from formfill.forms.field_docs import field_info
    from formfill.session.prefill import place_from_addressee

    _block, _key, info = field_info(get_form("khai-sinh").model, "ngay_lam")
    assert info.default is None or str(info.default) != "2026-12-01"
    assert place_from_addressee("Ủy ban nhân dân phường Sa Đéc") == "phường Sa Đéc"
    assert place_from_addressee("Sở Tư pháp") is None


async def test_finish_says_what_was_done_before_what_to_do(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from formfill.tui.screens.finish import FinishScreen

    pdf = tmp_path / "khai-sinh-20261201-120000.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))  # no lp: printing unavailable
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(FinishScreen("Tờ khai đăng ký khai sinh", pdf))
        await pilot.pause()
        text = screen_text(app)
        assert "Đã lưu tờ khai thành tệp PDF:" in text and str(pdf) in text
        assert "Máy này không in được" in text
        assert "Mang tờ khai đã in" not in text
    lp = bin_dir / "lp"  # a print command that answers as CUPS does
    lp.write_text("#!/bin/sh\necho 'request id is Office_HP-12 (1 file(s))'\n", encoding="utf-8")
    lp.chmod(0o755)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(FinishScreen("Tờ khai đăng ký khai sinh", pdf))
        await pilot.pause()
        assert "Chưa in. Nhấn P để in" in screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        text = screen_text(app)
        assert "Đã gửi tới máy in Office_HP." in text
        assert "request id" not in text


async def test_delete_draft_dialog_names_the_form_by_its_title(tmp_path: Path) -> None:
    from tui_helpers import tab_to

    from formfill.tui.dialogs.confirm import ConfirmDialog

    preload(tmp_path, "ket-hon", {"ben_nu.ho_ten": "Trần Thị Ngọc Hân"})
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await tab_to(pilot, "drafts")
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Tờ khai đăng ký kết hôn · " in app.screen.question
        assert "ket-hon" not in app.screen.question


async def test_phone_shown_in_the_national_format_after_leaving_the_field(tmp_path: Path) -> None:
    from tui_helpers import type_into

    from formfill.session.review import review_items

    preload(tmp_path, "ct01", {}, "nguoi_ke_khai")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_draft(pilot)
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        await type_into(pilot, "nguoi_ke_khai.so_dien_thoai", "0912345678")
        await pilot.press("tab")  # leave the field
        await pilot.pause()
        assert wizard.targets()["nguoi_ke_khai.so_dien_thoai"].value == "0912 345 678"  # type: ignore[union-attr]
        wizard.session.set("nguoi_ke_khai.so_dien_thoai", "+84912345678")  # as a draft of before held it
        items = review_items(wizard.session, [])
        phone = next(i for its in items.values() for i in its if i.path == "nguoi_ke_khai.so_dien_thoai")
        assert phone.value == "0912 345 678"


async def test_search_cu_tru_then_enter_opens_ct01(tmp_path: Path) -> None:
    from tui_helpers import type_keys

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await type_keys(pilot, "cu tru")
        first = app.screen.form_list.get_option_at_index(0)  # type: ignore[attr-defined]
        assert first.id == "ct01"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen) and app.screen.session.spec.id == "ct01"


async def test_year_only_and_month_year_stay_as_typed(tmp_path: Path) -> None:
    from tui_helpers import type_into

    preload(tmp_path, "khai-tu", {}, "nguoi_da_chet")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_draft(pilot)
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        row = wizard.targets()["nguoi_da_chet.ngay_sinh"]
        await type_into(pilot, "nguoi_da_chet.ngay_sinh", "1965")
        await pilot.press("tab")
        await pilot.pause()
        assert row.value == "1965"  # type: ignore[union-attr]
        assert wizard.session.answers["nguoi_da_chet.ngay_sinh"] == "1965"
        await type_into(pilot, "nguoi_da_chet.ngay_sinh", "7/1965")
        await pilot.press("tab")
        await pilot.pause()
        assert row.value in ("7/1965", "07/1965")  # type: ignore[union-attr]
        assert "/65" not in str(row.value)  # type: ignore[union-attr]


MAN_QR = (
    "087095012345|352123456|Nguyễn Văn Bình|14041995|Nam|Ấp Hòa Khánh, xã Mỹ An Hưng, tỉnh Đồng Tháp|20112021"
)


async def test_a_mans_card_in_the_mothers_block_is_named_and_asked_about(tmp_path: Path) -> None:
    from tui_helpers import tab_to, type_keys

    from formfill.tui.dialogs.confirm import ConfirmDialog

    preload(tmp_path, "khai-sinh", {}, "me")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_draft(pilot)
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        await tab_to(pilot, "@me")
        await pilot.press("c")
        await tab_to(pilot, "qr:me")
        await type_keys(pilot, MAN_QR + "\r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Thẻ này là của một người nam (giới tính Nam)" in app.screen.question
        assert "“Người mẹ” là người nữ" in app.screen.question
        await pilot.press("k")  # do not fill
        await pilot.pause()
        assert app.screen is wizard
        assert "me.ho_ten" not in wizard.session.answers
        await tab_to(pilot, "qr:me")
        await type_keys(pilot, MAN_QR + "\r")
        await pilot.pause()
        await pilot.press("c")  # fill anyway
        await pilot.pause()
        assert wizard.session.answers["me.ho_ten"] == "Nguyễn Văn Bình"


async def test_below_80x24_the_app_says_the_window_is_too_small(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(70, 20)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Cửa sổ quá nhỏ (70 × 20): cần ít nhất 80 × 24 ô chữ.") for m in messages)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not any("quá nhỏ" in n.message for n in app._notifications)


async def test_at_80_columns_the_footer_keeps_quit_and_typing_keys(tmp_path: Path) -> None:
    answers = {k: v for k, v in flatten(KHAI_SINH).items() if not k.startswith(("me.", "@present:me"))}
    preload(tmp_path, "khai-sinh", answers, "me")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        footer = app.screen.query_one("Footer")
        shown = {b.binding.key for b in app.screen.active_bindings.values() if b.binding.show}
        assert {"f4", "ctrl+q", "f2"} <= {k.split(",")[0] for k in shown} | shown
        text = "".join(str(c.render()) for c in footer.query("FooterKey").results())  # type: ignore[attr-defined]
        assert "Thoát" in text and "Bộ gõ" in text and "Chép" in text
        assert sum(c.region.width for c in footer.query("FooterKey").results()) <= 80


async def test_at_80x24_every_column_of_a_member_row_is_visible(tmp_path: Path) -> None:
    from textual.widgets import DataTable

    ct01 = json.loads((ROOT / "examples/ct01/valid-1.json").read_text(encoding="utf-8"))
    preload(tmp_path, "ct01", flatten(ct01), "thanh_vien")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        table = app.screen.query_one(DataTable)
        assert [str(c.label) for c in table.columns.values()][-1] == "Quan hệ"
        needed = sum(c.get_render_width(table) for c in table.columns.values())
        assert needed <= table.scrollable_content_region.width, (needed, table.scrollable_content_region)
        assert table.max_scroll_x == 0  # nothing hidden to the right
