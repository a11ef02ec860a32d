"""One citizen at a time: consent first, prefill from the office, the idle wipe, resume codes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from formfill.tui.kiosk.screens import CountdownScreen, KioskStartScreen, MessageScreen, NoticeScreen
from formfill.tui.screens.wizard import WizardScreen
from tests.kiosk.kiosk_helpers import OFFICE, PLACE, all_text, make_kiosk
from tests.tui.tui_helpers import paste, tab_to, type_into, type_keys

MARKER = "Zyxwquanh"


def db_bytes(tmp: Path) -> bytes:
    folder = tmp / "data"
    return b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith("drafts.sqlite3"))


def table_count(tmp: Path, table: str) -> int:
    """Rows of a table (0 when the kiosk never even created the database)."""
    path = tmp / "data" / "drafts.sqlite3"
    if not path.exists():
        return 0
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


async def open_form(pilot, form: str = "khai sinh") -> None:
    await pilot.click("#agree")
    await pilot.pause()
    await type_keys(pilot, form + "\r")
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (100, 32)])
async def test_consent_comes_first_and_declining_stores_nothing(tmp_path: Path, size) -> None:
    app = make_kiosk(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        text = all_text(app)
        for words in (OFFICE, "24 giờ", "30 ngày", "Quyền của ông/bà", "Đồng ý", "Không đồng ý"):
            assert words in text
        assert not app.screen.query("FieldRow")
        await pilot.click("#decline")
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
    assert table_count(tmp_path, "draft") == 0
    assert table_count(tmp_path, "submission") == 0
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


async def test_start_lists_no_draft_and_prefills_the_office(tmp_path: Path) -> None:
    from tests.tui.tui_helpers import preload

    preload(tmp_path, "khai-sinh", {"nguoi_yeu_cau.ho_ten": "Nguyễn Văn Cũ"})
    app = make_kiosk(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.click("#agree")
        await pilot.pause()
        assert isinstance(app.screen, KioskStartScreen)
        assert "Nguyễn Văn Cũ" not in all_text(app)
        assert not app.screen.draft_list.display and app.screen.draft_list.option_count == 0
        await type_keys(pilot, "khai sinh\r")
        assert isinstance(app.screen, WizardScreen)
        session = app.session
        assert session.get("kinh_gui") == OFFICE
        assert session.get("lam_tai") == PLACE
        assert session.get("ngay_lam") == "20/11/2026"  # the app clock's day (FIXED)


async def test_idle_countdown_then_wipe_leaves_no_trace(tmp_path: Path) -> None:
    app = make_kiosk(tmp_path, idle_seconds=120, countdown_seconds=20)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_form(pilot)
        await type_into(pilot, "nguoi_yeu_cau.ho_ten", MARKER)
        await pilot.press("tab")  # commit: the value is in the draft row now
        await pilot.pause()
        assert app.session.get("nguoi_yeu_cau.ho_ten") == MARKER
        app.copy_to_clipboard(MARKER)
        await pilot.press("f2")  # the citizen switched the input method
        assert app.ime_method is not None
        app.monotonic.advance(119)
        app.kiosk_tick()
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        app.monotonic.advance(2)
        app.kiosk_tick()
        await pilot.pause()
        assert isinstance(app.screen, CountdownScreen)
        assert "Chạm phím bất kỳ để tiếp tục" in all_text(app)
        app.monotonic.advance(20)
        app.kiosk_tick()
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        assert len(app.screen_stack) == 2
        assert MARKER not in all_text(app)
        assert app.clipboard == ""
        assert app.ime_method is None
        assert table_count(tmp_path, "draft") == 0
    assert MARKER.encode() not in db_bytes(tmp_path)
    assert MARKER.encode("utf-16-le") not in db_bytes(tmp_path)


async def test_a_key_during_the_countdown_keeps_the_citizen(tmp_path: Path) -> None:
    app = make_kiosk(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot)
        await type_into(pilot, "nguoi_yeu_cau.ho_ten", MARKER)
        app.monotonic.advance(125)
        app.kiosk_tick()
        await pilot.pause()
        assert isinstance(app.screen, CountdownScreen)
        await pilot.press("space")
        app.kiosk_tick()
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        app.monotonic.advance(100)
        await paste(pilot, "x")  # pasting counts as presence too
        app.monotonic.advance(100)
        app.kiosk_tick()
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)


async def test_resume_code_alone_reopens_the_draft(tmp_path: Path) -> None:
    app = make_kiosk(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_form(pilot)
        await type_into(pilot, "nguoi_yeu_cau.ho_ten", "Trần Thị Mai")
        await pilot.press("tab")
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        code = str(app.screen.query_one("#big-code").render())
        assert len(code) == 9 and code[4] == "-"
        await pilot.click("#done")
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        assert "Trần Thị Mai" not in all_text(app)
        await pilot.click("#agree")
        await pilot.pause()
        # a code with one symbol changed is refused by its check symbol
        wrong = ("1" if code[0] != "1" else "2") + code[1:]
        await tab_to(pilot, "resume-code")
        await type_keys(pilot, wrong + "\r")
        assert isinstance(app.screen, KioskStartScreen)
        await tab_to(pilot, "resume-code")
        await pilot.press("end", "ctrl+u")
        await type_keys(pilot, code.lower().replace("-", " ") + "\r")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert app.session.get("nguoi_yeu_cau.ho_ten") == "Trần Thị Mai"
        # typed into the search box, the code works too; "khai sinh" still opens the form
        await pilot.press("escape")
        await pilot.pause()
        app.screen.search.focus()
        await type_keys(pilot, code + "\r")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert app.session.get("nguoi_yeu_cau.ho_ten") == "Trần Thị Mai"
