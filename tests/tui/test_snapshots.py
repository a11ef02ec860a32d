"""Screenshots of three screens (pytest-textual-snapshot), deterministic by the test settings.

Update after an intended change: ``pytest tests/tui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tui_helpers import SIZE, flatten, make_app, open_first_draft, preload, type_into

ROOT = Path(__file__).resolve().parents[2]
KHAI_SINH = json.loads((ROOT / "examples/khai-sinh/valid-1.json").read_text(encoding="utf-8"))


def test_start_screen(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE)


def test_section_with_an_error(snap_compare: Any, tmp_path: Path) -> None:
    async def wrong_id(pilot: Any) -> None:
        await pilot.press(*"khai sinh", "enter")
        await type_into(pilot, "nguoi_yeu_cau.ho_ten", "Trần Thị Hường")
        await type_into(pilot, "nguoi_yeu_cau.so_dinh_danh_ca_nhan", "08719501234")
        await pilot.press("pagedown")
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=wrong_id)


def test_review(snap_compare: Any, tmp_path: Path) -> None:
    preload(tmp_path, "khai-sinh", flatten(KHAI_SINH), "hoan_tat")

    async def to_review(pilot: Any) -> None:
        await open_first_draft(pilot)
        await pilot.press("pagedown")
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=to_review)
