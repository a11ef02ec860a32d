"""In a browser tab (``formfill serve``): no drafts listed, a draft kept only under a resume code, the
PDF handed to the browser; and the touch targets: review lines and buttons, pickers opened by a tap."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from tui_helpers import FIXED, SIZE, flatten, preload, screen_text, type_into

from formfill.session.choices import _ethnic_choices, _static
from formfill.session.settings import Settings
from formfill.tui.app import FormfillApp, create_app
from formfill.tui.kiosk.screens import KioskStartScreen, MessageScreen
from formfill.tui.screens.finish import FinishScreen
from formfill.tui.screens.review import ReviewItem, ReviewScreen
from formfill.tui.screens.wizard import WizardScreen
from formfill.tui.widgets.picker import ChoiceInput

ROOT = Path(__file__).resolve().parents[2]
KHAI_SINH = json.loads((ROOT / "examples/khai-sinh/valid-1.json").read_text(encoding="utf-8"))
OTHER_TAB = "Nguyễn Văn Bên Cạnh"
MARKER = "Qwservedzy"


class Tab(FormfillApp):
    """A served assistant that records what it would hand to the browser."""

    delivered: list[tuple[bytes, str | None]]

    def deliver_binary(self, path_or_file: Any, **kwargs: Any) -> str | None:  # type: ignore[override]
        self.delivered.append((path_or_file.read(), kwargs.get("save_filename")))
        return "key"


def served_app(tmp: Path) -> Tab:
    settings = Settings(output_dir=tmp / "out", data_dir=tmp / "data", cursor_blink=False, lang="vi")
    app = create_app(settings, clock=lambda: FIXED, served=True)
    app.__class__ = Tab  # the same app, with deliver_binary recorded
    app.delivered = []  # type: ignore[attr-defined]
    return app  # type: ignore[return-value]


def drafts(tmp: Path) -> int:
    with sqlite3.connect(tmp / "data" / "drafts.sqlite3") as conn:
        return conn.execute("SELECT count(*) FROM draft").fetchone()[0]


async def test_a_tab_lists_no_draft_and_keeps_its_own_only_under_a_code(tmp_path: Path) -> None:
    preload(tmp_path, "khai-sinh", {"nguoi_yeu_cau.ho_ten": OTHER_TAB})  # another tab's
    app = served_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, KioskStartScreen)
        assert OTHER_TAB not in screen_text(app) and not app.screen.draft_list.display
        app.new_declaration("khai-sinh")
        await pilot.pause()
        await type_into(pilot, "nguoi_yeu_cau.ho_ten", MARKER)
        assert drafts(tmp_path) == 2
        await pilot.press("f9")  # Lưu để làm tiếp
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen) and app.screen.code
        code = app.screen.code
        assert drafts(tmp_path) == 1  # the tab's draft went; the answers are under the code
        await pilot.click("#done")
        await pilot.pause()
        app.resume_by_code(code)
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert app.screen.session.get("nguoi_yeu_cau.ho_ten") == MARKER
        assert drafts(tmp_path) == 2
    assert drafts(tmp_path) == 1  # the closed tab's draft is gone, the other one stays


async def test_the_finished_pdf_goes_to_the_browser(tmp_path: Path) -> None:
    app = served_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.new_declaration("khai-sinh")
        await pilot.pause()
        app.screen.session.set_many(flatten(KHAI_SINH))
        app.finish(app.screen.session)
        await pilot.pause()
        assert isinstance(app.screen, FinishScreen) and app.screen.path is None
        assert "trình duyệt" in screen_text(app)
        await pilot.click("#pdf-again")
        await pilot.pause()
    assert len(app.delivered) == 2
    data, name = app.delivered[0]
    assert data.startswith(b"%PDF") and name == "khai-sinh-20261120-093000.pdf"
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


async def test_the_review_by_taps(tmp_path: Path) -> None:
    preload(tmp_path, "khai-sinh", flatten(KHAI_SINH), "hoan_tat")
    app = create_app(
        Settings(output_dir=tmp_path / "out", data_dir=tmp_path / "data", cursor_blink=False, lang="vi"),
        clock=lambda: FIXED,
    )
    async with app.run_test(size=SIZE) as pilot:
        app.resume_draft(app.store.list_drafts()[0].id)
        await pilot.pause()
        await tap(pilot, "#nav-continue")
        assert isinstance(app.screen, ReviewScreen)
        await tap(pilot, "#review-back")
        assert isinstance(app.screen, WizardScreen)
        await tap(pilot, "#nav-continue")
        item = app.screen.query(ReviewItem).first()
        item.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(item)  # a tap on a line is "Sửa"
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen) and app.screen.return_to_review


async def tap(pilot: Any, selector: str) -> None:
    """A tap on a button, scrolled into view first (as a person scrolls to it)."""
    pilot.app.screen.query_one(selector).scroll_visible(animate=False)
    await pilot.pause()
    await pilot.click(selector)
    await pilot.pause()


class PickerApp(App[None]):
    def compose(self) -> ComposeResult:
        picker = ChoiceInput(_static(_ethnic_choices()), id="picker")
        yield picker
        yield picker.list


async def test_a_picker_opens_with_a_tap_and_takes_a_tapped_option() -> None:
    app = PickerApp()
    async with app.run_test(size=(60, 16)) as pilot:
        picker = app.query_one(ChoiceInput)
        assert not picker.is_open
        await pilot.click("#picker")
        await pilot.pause()
        assert picker.is_open
        first = picker.choices[0]
        await pilot.click(picker.list, offset=(2, 1))  # inside its border
        await pilot.pause()
        assert picker.value == first.value and not picker.is_open


async def test_a_new_declaration_opens_with_its_first_question_focused(tmp_path: Path) -> None:
    # F4's copy button stands, hidden, above the questions: typing must still go to the first question.
    from textual.widgets import Input

    app = served_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.new_declaration("khai-sinh")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        await pilot.press(*"Qwfirst")
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.value == "Qwfirst"
