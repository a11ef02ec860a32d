"""Operator mode after the PIN: today's submissions, find, figures, export, delete (really gone), leave."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import DataTable

from formfill.storage.submissions import SubmissionStore
from formfill.tui.kiosk.operator import OperatorScreen
from formfill.tui.kiosk.screens import NoticeScreen
from tests.kiosk.kiosk_helpers import PIN, make_kiosk
from tests.kiosk.test_receipt import fill_and_finish
from tests.tui.tui_helpers import type_keys


async def test_operator_lists_finds_figures_exports_and_deletes(tmp_path: Path) -> None:
    out = tmp_path / "kiosk-out"
    app = make_kiosk(tmp_path, output_dir=out)
    async with app.run_test(size=(100, 32)) as pilot:
        code = await fill_and_finish(app, pilot)
        app.wipe()
        await pilot.pause()
        await pilot.press("f12")
        await type_keys(pilot, PIN + "\r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OperatorScreen)
        table = screen.query_one("#subs", DataTable)
        assert table.row_count == 1 and table.get_row_at(0)[0] == code
        await pilot.click("#figures")
        text = str(screen.query_one("#op-result").render())
        assert "khai-sinh: 1 tờ khai" in text
        await pilot.click("#export")
        exported = json.loads((out / f"ho-so-{code}.json").read_text(encoding="utf-8"))
        assert exported["code"] == code and exported["form"] == "khai-sinh"
        assert (out / f"ho-so-{code}.json").stat().st_mode & 0o077 == 0
        await pilot.click("#delete")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert screen.query_one("#subs", DataTable).row_count == 0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
    with SubmissionStore(tmp_path / "data" / "drafts.sqlite3") as store:
        assert store.get(code) is None


async def test_operator_find_keeps_todays_list_and_dates_read_dd_mm_yyyy(tmp_path: Path) -> None:
    app = make_kiosk(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        first = await fill_and_finish(app, pilot)
        app.wipe()
        await pilot.pause()
        second = await fill_and_finish(app, pilot)
        app.wipe()
        await pilot.pause()
        await pilot.press("f12")
        await type_keys(pilot, PIN + "\r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OperatorScreen)
        table = screen.query_one("#subs", DataTable)
        today = f"{app.store.today():%d/%m/%Y}"
        assert today in str(screen.query_one("#progress").render())
        assert table.row_count == 2 and str(table.get_row_at(0)[2]).startswith(today)
        screen.query_one("#find").focus()
        await type_keys(pilot, second.lower().replace("-", " ") + "\r")
        await pilot.pause()
        assert [table.get_row_at(i)[0] for i in range(table.row_count)] == [second]
        assert "Kết quả tìm" in str(screen.query_one("#progress").render())
        await pilot.press("escape")  # back to today's list, still in operator mode
        await pilot.pause()
        assert app.screen is screen
        assert {table.get_row_at(i)[0] for i in range(table.row_count)} == {first, second}
        await pilot.click("#figures")
        figures = str(screen.query_one("#op-result").render())
        assert today in figures and app.store.today().isoformat() not in figures
        await pilot.press("escape")  # a second Esc leaves
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
