"""The review page: whole-form rules attach to their fields; "Sửa" jumps there and comes back."""

from __future__ import annotations

import json
from pathlib import Path

from tui_helpers import SIZE, flatten, make_app, open_first_draft, preload, screen_text, type_into

from formfill.tui.screens.finish import FinishScreen
from formfill.tui.screens.review import ReviewItem, ReviewScreen
from formfill.tui.screens.wizard import WizardScreen

ROOT = Path(__file__).resolve().parents[2]
KHAI_SINH = json.loads((ROOT / "examples/khai-sinh/valid-1.json").read_text(encoding="utf-8"))


async def test_whole_form_rule_on_review_then_edit_and_come_back(tmp_path: Path) -> None:
    answers = flatten(KHAI_SINH)
    answers["ngay_lam"] = "01/01/2026"  # before the birth (02/10/2026): a whole-form rule
    preload(tmp_path, "khai-sinh", answers, "hoan_tat")

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_draft(pilot)
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        text = screen_text(app)
        assert "không được sau ngày làm tờ khai (01/01/2026)" in text
        focused = app.focused
        assert isinstance(focused, ReviewItem) and focused.item.path == "nguoi_duoc_khai_sinh.ngay_sinh"
        await pilot.press("pagedown")  # finishing is refused while an error is left
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("enter")  # Sửa
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen) and app.screen.section.key == "nguoi_duoc_khai_sinh"
        assert app.screen.targets()["nguoi_duoc_khai_sinh.ngay_sinh"].control is app.focused
        await type_into(pilot, "nguoi_duoc_khai_sinh.ngay_sinh", "02102025")
        await pilot.press("pagedown")  # back to the review, not to the next section
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "⚠" not in screen_text(app)
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, FinishScreen)
        assert app.screen.path.exists()
        await pilot.press("n")  # a new declaration: back to the start, the draft is gone
        await pilot.pause()
        assert "Bản nháp" not in screen_text(app)
