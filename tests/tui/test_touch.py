"""Issue 18, touch and mouse: every action of the assistant reachable by a click or a tap (the keys stay).

Each test drives a screen with ``pilot.click`` only where a person would tap, and checks what the tap
did (a value chosen, a draft deleted, a step changed), not merely that a button exists.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from tui_helpers import SIZE, flatten, make_app, paste, preload, screen_text

from formfill.tui.screens.review import ReviewScreen
from formfill.tui.screens.start import StartScreen
from formfill.tui.screens.wizard import WizardScreen
from formfill.tui.widgets.checklist import CheckList
from formfill.tui.widgets.field import FieldRow
from formfill.tui.widgets.picker import ChoiceInput
from formfill.tui.widgets.status import StatusBar

ROOT = Path(__file__).resolve().parents[2]
KHAI_SINH = json.loads((ROOT / "examples/khai-sinh/valid-1.json").read_text(encoding="utf-8"))
QR = "087195012345|361234567|Trần Thị Hường|14041995|Nữ|Số 12, Phường 1, Sa Đéc, Đồng Tháp|20112021"


async def tap(pilot: Any, target: Any, **kwargs: Any) -> None:
    """A tap on a widget (or a selector), scrolled into view first as a person scrolls to it."""
    widget = pilot.app.screen.query_one(target) if isinstance(target, str) else target
    widget.scroll_visible(animate=False)
    await pilot.pause()
    await pilot.click(widget, **kwargs)
    await pilot.pause()


def wizard_of(app: Any) -> WizardScreen:
    assert isinstance(app.screen, WizardScreen), type(app.screen)
    return app.screen


async def test_a_tap_on_a_form_opens_it_and_the_yes_no_words_choose(tmp_path: Path) -> None:
    preload(tmp_path, "khai-sinh", {}, "me")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await tap(pilot, "#drafts", offset=(2, 1))  # the first draft: a tap resumes it
        wizard = wizard_of(app)
        box = wizard.targets()["me"]
        await tap(pilot, box.presence, offset=(5, 0))  # "Có thông tin"
        assert box.presence.value is True and box.body.display
        assert wizard.session.present("me")
        await tap(pilot, box.presence, offset=(24, 0))  # "Không có"
        assert box.presence.value is False and not box.body.display
        await tap(pilot, "#nav-back")
        await tap(pilot, "#nav-back")
        await tap(pilot, "#nav-back")
        assert isinstance(app.screen, StartScreen)
        first = str(app.screen.form_list.get_option_at_index(0).id)
        await tap(pilot, "#forms", offset=(2, 1))  # the first form
        assert wizard_of(app).session.spec.id == first and app.screen.index == 0


async def test_a_picker_inside_the_wizard_opens_with_a_tap(tmp_path: Path) -> None:
    preload(tmp_path, "khai-sinh", {}, "nguoi_duoc_khai_sinh")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.resume_draft(app.store.list_drafts()[0].id)
        await pilot.pause()
        wizard = wizard_of(app)
        row = wizard.targets()["nguoi_duoc_khai_sinh.dan_toc"]
        assert isinstance(row, FieldRow) and isinstance(row.control, ChoiceInput)
        picker = row.control
        await tap(pilot, picker)
        assert picker.is_open, "a tap opens the list (a touch screen has no ↓)"
        wanted = picker.choices[1]
        await pilot.click(picker.list, offset=(2, 2))  # the second option, inside the list's border
        await pilot.pause()
        assert picker.value == wanted.value and not picker.is_open
        assert wizard.session.answers["nguoi_duoc_khai_sinh.dan_toc"] == wanted.value


async def test_the_copy_button_copies_the_requester(tmp_path: Path) -> None:
    answers = {k: v for k, v in flatten(KHAI_SINH).items() if not k.startswith(("me.", "@present:me"))}
    answers["quan_he_voi_nguoi_duoc_khai_sinh"] = "Mẹ"
    preload(tmp_path, "khai-sinh", answers, "me")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.resume_draft(app.store.list_drafts()[0].id)
        await pilot.pause()
        wizard = wizard_of(app)
        assert "chạm nút “Chép”" in screen_text(app)
        await tap(pilot, "#copy-requester")
        saved = wizard.session.answers
        assert saved["me.ho_ten"] == saved["nguoi_yeu_cau.ho_ten"]
        assert not wizard.query_one("#copy-requester").display  # copied: the offer is gone


async def test_a_pasted_qr_code_is_read_without_enter(tmp_path: Path) -> None:
    preload(tmp_path, "khai-sinh", {"@present:me": True}, "me")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.resume_draft(app.store.list_drafts()[0].id)
        await pilot.pause()
        wizard = wizard_of(app)
        await tap(pilot, "#qr-me")
        await paste(pilot, QR)
        await pilot.pause(0.3)
        assert wizard.session.answers["me.ho_ten"] == "Trần Thị Hường"
        assert wizard.query_one("#qr-me").value == ""  # type: ignore[attr-defined]


async def test_the_typing_switch_is_tapped_and_hidden_where_nothing_is_typed(tmp_path: Path) -> None:
    preload(tmp_path, "khai-sinh", flatten(KHAI_SINH), "hoan_tat")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.resume_draft(app.store.list_drafts()[0].id)
        await pilot.pause()
        bar = app.screen.query_one(StatusBar)
        assert app.ime_method is None and "f2" in app.screen.active_bindings
        await pilot.click(bar, offset=(SIZE[0] - 5, 0))  # "Bộ gõ: Tắt (F2)" at the right end
        await pilot.pause()
        assert app.ime_method == "telex" and "Telex" in str(bar.render())
        await pilot.click(bar, offset=(2, 0))  # the left end ("Đã lưu") is no switch
        assert app.ime_method == "telex"
        await tap(pilot, "#nav-continue")
        assert isinstance(app.screen, ReviewScreen)
        assert "f2" not in app.screen.active_bindings  # nothing is typed on the review
        assert "Bộ gõ" not in str(app.screen.query_one(StatusBar).render())


async def test_a_draft_is_deleted_by_taps(tmp_path: Path) -> None:
    preload(tmp_path, "khai-sinh", {}, "me")
    preload(tmp_path, "ket-hon", {}, None)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.screen.drafts) == 2  # type: ignore[attr-defined]
        await tap(pilot, "#delete-draft")
        await tap(pilot, "#choices", offset=(2, 1))  # the first draft listed
        await tap(pilot, "#yes")  # "Xoá"
        assert isinstance(app.screen, StartScreen) and len(app.screen.drafts) == 1
        await tap(pilot, "#delete-draft")
        await tap(pilot, "#cancel")  # "Quay lại": nothing deleted
        assert isinstance(app.screen, StartScreen) and len(app.screen.drafts) == 1
        await tap(pilot, "#delete-draft")
        await tap(pilot, "#choices", offset=(2, 1))
        await tap(pilot, "#no")  # "Không"
        assert len(app.screen.drafts) == 1
        assert len(app.store.list_drafts()) == 1


class Ticks(App[None]):
    def compose(self) -> ComposeResult:
        yield CheckList(["Cải chính", "Bổ sung", "Thay đổi"], id="ticks")


async def test_a_tap_ticks_a_line_of_a_checklist() -> None:
    app = Ticks()
    async with app.run_test(size=(40, 8)) as pilot:
        ticks = app.query_one(CheckList)
        await pilot.click("#ticks", offset=(3, 1))  # padding 0 1: the second line
        assert ticks.value == ["Bổ sung"]
        await pilot.click("#ticks", offset=(3, 2))
        await pilot.click("#ticks", offset=(3, 1))
        assert ticks.value == ["Thay đổi"]


async def test_a_browser_tab_saves_for_later_with_a_tap_and_a_terminal_has_no_such_button(
    tmp_path: Path,
) -> None:
    from test_served import served_app

    from formfill.tui.kiosk.screens import MessageScreen

    app = served_app(tmp_path / "tab")
    async with app.run_test(size=(80, 24)) as pilot:
        app.new_declaration("khai-sinh")
        await pilot.pause()
        nav = app.screen.query_one("#nav")
        assert nav.parent is app.screen and nav.region.y + nav.region.height <= 22  # above status, footer
        await pilot.click("#nav-save")  # "Lưu để làm tiếp": in view without scrolling
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen) and app.screen.code
    terminal = make_app(tmp_path / "terminal")
    async with terminal.run_test(size=SIZE) as pilot:
        terminal.new_declaration("khai-sinh")
        await pilot.pause()
        assert not terminal.screen.query("#nav-save")
        assert terminal.screen.query_one("#nav").parent is terminal.screen.query_one("#body")
