"""Issue 18, touch: a kiosk needs no keyboard for any choice — consent, a form, the steps, save for
later, the review, the receipt, the survey, the thank-you and the operator's PIN are all taps on
buttons at least 3 rows high that stay in view at 80×24; keys that do not apply are not offered."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.widgets import Button

from formfill.tui.kiosk.operator import OperatorScreen
from formfill.tui.kiosk.receipt import ReceiptScreen, SatisfactionScreen
from formfill.tui.kiosk.screens import KioskStartScreen, MessageScreen, NoticeScreen, PinScreen
from formfill.tui.screens.review import ReviewScreen
from formfill.tui.screens.wizard import WizardScreen
from tests.conftest import EXAMPLES
from tests.kiosk.kiosk_helpers import PIN, make_kiosk
from tests.tui.tui_helpers import flatten

SIZE = (80, 24)
KHAI_SINH = json.loads((EXAMPLES / "khai-sinh" / "valid-1.json").read_text(encoding="utf-8"))


async def tap(pilot: Any, selector: str, **kwargs: Any) -> None:
    """A tap on a button that must be whole on screen and big enough for a finger (no scrolling)."""
    widget = pilot.app.screen.query_one(selector)
    if isinstance(widget, Button):
        assert widget.region.height >= 3, (selector, widget.region)
        assert pilot.app.screen.region.contains_region(widget.region), (selector, widget.region)
    await pilot.click(selector, **kwargs)
    await pilot.pause()


async def test_the_operator_opens_with_taps_on_the_pin_keypad(tmp_path: Path) -> None:
    app = make_kiosk(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await tap(pilot, "#operator")
        assert isinstance(app.screen, PinScreen)
        await tap(pilot, "#pin-back")  # "Quay lại"
        assert isinstance(app.screen, NoticeScreen)
        await tap(pilot, "#operator")
        for key in ("1", "1", "9", "back", "1", "ok"):  # 1119 ⌫ 1 → "1111", wrong
            await tap(pilot, f"#key-{key}")
        assert isinstance(app.screen, PinScreen)
        assert "không đúng" in str(app.screen.query_one("#pin-message").render())
        for digit in PIN:
            await tap(pilot, f"#key-{digit}")
        await tap(pilot, "#key-ok")
        assert isinstance(app.screen, OperatorScreen)


async def test_a_citizen_by_taps_only(tmp_path: Path) -> None:
    app = make_kiosk(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await tap(pilot, "#agree")
        assert isinstance(app.screen, KioskStartScreen)
        await pilot.click("#forms", offset=(2, 1))  # the first form, khai sinh
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen) and app.screen.index == 0
        assert "f9" in app.screen.active_bindings
        await tap(pilot, "#nav-save")  # "Lưu để làm tiếp"
        assert isinstance(app.screen, MessageScreen) and app.screen.code
        code = app.screen.code
        await tap(pilot, "#done")
        assert isinstance(app.screen, NoticeScreen)
        await tap(pilot, "#agree")
        app.screen.query_one("#resume-code").value = code  # type: ignore[attr-defined]  # typed: a keyboard
        await tap(pilot, "#resume-go")  # "Làm tiếp ▶"
        assert isinstance(app.screen, WizardScreen)
        app.screen.session.set_many(flatten(KHAI_SINH))  # the rest, as if typed
        await app.screen.show_section(0)
        for _ in range(8):
            if isinstance(app.screen, ReviewScreen):
                break
            await tap(pilot, "#nav-continue")
        assert isinstance(app.screen, ReviewScreen)
        await tap(pilot, "#review-back")
        assert isinstance(app.screen, WizardScreen) and app.screen.section.key == "hoan_tat"
        await tap(pilot, "#nav-continue")
        await tap(pilot, "#finish")  # "Hoàn tất"
        assert isinstance(app.screen, ReceiptScreen)
        # submitted: saving for later has no sense here, nor the typing switch (nothing is typed)
        assert not app.check_action("save_for_later", ())
        assert {"f9", "f2"}.isdisjoint(app.screen.active_bindings)
        await tap(pilot, "#receipt-next")
        assert isinstance(app.screen, SatisfactionScreen)
        await pilot.click("#score-4")
        await pilot.click("#visits-1")
        await tap(pilot, "#send")
        assert isinstance(app.screen, MessageScreen)  # thank you
        await tap(pilot, "#done")
        assert isinstance(app.screen, NoticeScreen)
        stats = app.submissions.stats()
        assert stats["satisfaction"]["count"] == 1 and stats["satisfaction"]["distribution"]["4"] == 1
