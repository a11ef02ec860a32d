"""Issue 12, items 13–14: what the screen draws at 80×24 (no stray glyph, a person block mostly in view)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from textual.widgets import DataTable, Input
from tui_helpers import flatten, make_app, open_first_draft, preload

from formfill.tui.widgets.field import FieldRow

ROOT = Path(__file__).resolve().parents[2]
LONG_NAME = "Tôn Nữ Thị Phương Thảo Nguyễn Hoàng"  # wider than the name column at 80 columns


_TEXT = re.compile(r'<text[^>]*\bx="([0-9.]+)" y="([0-9.]+)" textLength="([0-9.]+)"[^>]*>([^<]*)</text>')


def _lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The screen as the terminal shows it, one string per row, read from Textual's public SVG
    screenshot (each text run carries its x, y and width in pixels; a cell is one character)."""
    runs = [
        (float(x), float(y), float(w), html.unescape(t).replace("\xa0", " "))
        for x, y, w, t in _TEXT.findall(app.export_screenshot())
    ]
    cell = min(w / len(t) for _, _, w, t in runs if t.strip() and len(t) == 1)
    rows: dict[float, list[str]] = {}
    for x, y, _, text in runs:
        row = rows.setdefault(y, [" "] * app.size.width)
        for i, ch in enumerate(text.replace("\n", "")):
            col = round(x / cell) + i
            if col < len(row):
                row[col] = ch
    return ["".join(rows[y]) for y in sorted(rows)]


async def test_no_stray_bar_under_the_member_rows_even_with_a_long_name(tmp_path: Path) -> None:
    ct01 = json.loads((ROOT / "examples/ct01/valid-1.json").read_text(encoding="utf-8"))
    ct01["thanh_vien"][0]["ho_ten"] = LONG_NAME
    preload(tmp_path, "ct01", flatten(ct01), "thanh_vien")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        table = app.screen.query_one(DataTable)
        table.focus()
        await pilot.pause()
        lines = _lines(app)
        top = table.region.y
        last_row = top + table.row_count  # header + rows
        below = lines[last_row + 1 : last_row + 3]  # up to the buttons' top edge
        assert all(ch not in line for line in below for ch in "▎▊▏▍▌▋▉"), below
        shown = "\n".join(lines[top : last_row + 1])
        assert "Tôn Nữ Thị Phương Thả…" in shown and "Quan hệ" in shown  # cut, every column in view
        assert table.max_scroll_x == 0


async def test_at_80x24_the_mothers_main_fields_are_on_one_screen(tmp_path: Path) -> None:
    """From the top of the mother's step: name, birth, ethnicity and nationality all in view.

    The whole block (two nested blocks, long help texts) cannot fit 24 rows; these four are what a
    citizen types without a card, so they must not need a scroll.
    """
    data = json.loads((ROOT / "examples/khai-sinh/valid-1.json").read_text(encoding="utf-8"))
    preload(tmp_path, "khai-sinh", flatten(data), "me")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        visible = app.screen.query_one("#body").region
        wanted = ["me.ho_ten", "me.ngay_sinh", "me.dan_toc", "me.quoc_tich"]
        rows = {r.path: r for r in app.screen.query(FieldRow).results() if r.path in wanted}
        assert set(rows) == set(wanted)
        for path, row in rows.items():
            box = row.query_one(Input).region
            assert box.height == 1, (path, box)
            assert visible.contains_region(box), (path, box, visible)


async def test_a_wider_row_added_later_keeps_every_column_in_line(tmp_path: Path) -> None:
    """A member whose name is wider than every earlier one widens the name column, every cell in line.

    Seen once in tmux after adding a row through the dialog: the new, wider row drawn past its column.
    The table now rebuilds its columns with its rows; under Pilot the old code drew this case right
    too, so this guards the layout rather than reproducing that terminal."""
    from formfill.tui.widgets.rows import RowsEditor

    ct01 = json.loads((ROOT / "examples/ct01/valid-1.json").read_text(encoding="utf-8"))
    last = ct01["thanh_vien"].pop()  # "Nguyễn Phạm Khánh Linh", the widest name, comes back later
    preload(tmp_path, "ct01", flatten(ct01), "thanh_vien")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_draft(pilot)
        editor = app.screen.query_one(RowsEditor)
        editor.session.set_row("thanh_vien", 3, last)
        editor.refresh_rows()
        await pilot.pause()
        lines = _lines(app)
        header = next(line for line in lines if "Ngày sinh" in line)
        rows = [line for line in lines if "/20" in line or "/19" in line]
        assert len(rows) == 3, rows
        column = header.index("Ngày sinh")
        assert [row.index(next(w for w in row.split() if w.count("/") == 2)) for row in rows] == [column] * 3
