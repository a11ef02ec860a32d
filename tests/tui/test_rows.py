"""CT01's household members: rows added, edited and removed reach the declaration and the PDF."""

from __future__ import annotations

import json
from pathlib import Path

from test_flow import pdf_text
from test_wizard import QR
from tui_helpers import (
    SIZE,
    flatten,
    make_app,
    open_first_draft,
    preload,
    screen_text,
    tab_to,
    type_into,
    type_keys,
)

from formfill.tui.dialogs.confirm import ConfirmDialog
from formfill.tui.dialogs.row import RowDialog
from formfill.tui.screens.finish import FinishScreen
from formfill.tui.screens.review import ReviewScreen
from formfill.tui.screens.wizard import WizardScreen

ROOT = Path(__file__).resolve().parents[2]
CT01 = json.loads((ROOT / "examples/ct01/valid-2.json").read_text(encoding="utf-8"))

MEMBERS = [
    ("Võ Văn Tâm", "10/05/1965", "Nam", "087065002211", "Chủ hộ"),
    ("Lê Thị Hoa", "20/08/1968", "Nữ", "087168003344", "Vợ"),
]


async def add_member(pilot, values: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("insert")
    await pilot.pause()
    assert isinstance(pilot.app.screen, RowDialog)
    for key, value in zip(
        ("ho_ten", "ngay_sinh", "gioi_tinh", "so_dinh_danh_ca_nhan", "moi_quan_he_voi_chu_ho"),
        values,
        strict=True,
    ):
        await type_into(pilot, f"thanh_vien.{pilot.app.screen.row}.{key}", value)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_member_rows_added_edited_removed_reach_the_pdf(tmp_path: Path) -> None:
    preload(tmp_path, "ct01", flatten(CT01), "thanh_vien")

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_draft(pilot)
        wizard = app.screen
        assert isinstance(wizard, WizardScreen) and wizard.section.key == "thanh_vien"
        session = wizard.session
        await tab_to(pilot, "rows:thanh_vien")
        for member in MEMBERS:
            await add_member(pilot, member)
            assert isinstance(app.screen, WizardScreen), screen_text(app)
        await add_member(pilot, ("Võ Minh Khôi", "01/01/2010", "Nam", "087210001122", "Con"))
        assert session.rows("thanh_vien") == 3

        # A row with a bad ID stays open with its message.
        await pilot.press("insert")
        await type_into(pilot, "thanh_vien.4.ho_ten", "Võ Bé")
        await type_into(pilot, "thanh_vien.4.so_dinh_danh_ca_nhan", "123")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RowDialog)
        assert "12 chữ số" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert session.rows("thanh_vien") == 3

        # Edit row 1: the relationship.
        table = wizard.query_one("#r-thanh_vien").table  # type: ignore[attr-defined]
        table.focus()
        await pilot.press("up", "up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RowDialog) and app.screen.row == 1
        await type_into(pilot, "thanh_vien.1.moi_quan_he_voi_chu_ho", "Chủ hộ (bố)")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert session.answers["thanh_vien.1.moi_quan_he_voi_chu_ho"] == "Chủ hộ (bố)"

        # Remove row 2 (Lê Thị Hoa): row 3 becomes row 2.
        await pilot.press("down", "delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("c")
        await pilot.pause()
        assert session.rows("thanh_vien") == 2
        assert session.answers["thanh_vien.2.ho_ten"] == "Võ Minh Khôi"
        declaration = session.declaration()
        assert [m.ho_ten for m in declaration.thanh_vien] == ["Võ Văn Tâm", "Võ Minh Khôi"]  # type: ignore[attr-defined]

        for _ in range(3):  # the remaining sections were filled before
            await pilot.press("pagedown")
            await pilot.pause()
        assert isinstance(app.screen, ReviewScreen), screen_text(app)
        assert "Võ Minh Khôi" in screen_text(app)
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, FinishScreen), screen_text(app)
        text = pdf_text(app.screen.path)
    for value in ("Võ Văn Tâm", "Chủ hộ (bố)", "Võ Minh Khôi", "087210001122"):
        assert value in text, value
    assert "Lê Thị Hoa" not in text


async def test_member_dialog_fills_from_the_cccd_qr_code(tmp_path: Path) -> None:
    preload(tmp_path, "ct01", flatten(CT01), "thanh_vien")

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_draft(pilot)
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        session = wizard.session
        await tab_to(pilot, "rows:thanh_vien")
        await pilot.press("insert")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RowDialog)
        n = dialog.row
        assert "Điền nhanh từ thẻ CCCD" in screen_text(app)
        await tab_to(pilot, f"qr:thanh_vien.{n}")
        await type_keys(pilot, QR + "\r")  # a scanner types like a keyboard and ends with Enter
        await pilot.pause()
        await type_into(pilot, f"thanh_vien.{n}.moi_quan_he_voi_chu_ho", "Con")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen), screen_text(app)
        row = session.row_values("thanh_vien", n)
        assert row["ho_ten"] == "Trần Thị Hường"
        assert row["ngay_sinh"] == "14/04/1995"
        assert row["so_dinh_danh_ca_nhan"] == "087195012345"
        assert row["gioi_tinh"] == "Nữ"
        table = wizard.query_one("#r-thanh_vien").table  # type: ignore[attr-defined]
        cells = table.get_row(str(n))
        assert {"Trần Thị Hường", "14/04/1995", "087195012345"} <= set(cells)
        member = session.declaration().thanh_vien[n - 1]  # type: ignore[attr-defined]
        assert (member.ho_ten, member.so_dinh_danh_ca_nhan) == ("Trần Thị Hường", "087195012345")
