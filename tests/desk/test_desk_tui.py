"""The desk app with Textual's pilot: login, queue, pick-up by code, a correction that makes a version,
receive through the dialog, an officer refused an admin action, the figures dashboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from formfill.base.settings import Settings
from formfill.tui.desk.app import DeskApp
from formfill.tui.desk.dossier import DossierScreen
from formfill.tui.desk.screens import LoginScreen, QueueScreen
from tests.desk.office import (
    OFFICER,
    OFFICER_PASS,
    kiosk_submission,
    open_store,
    pdf_text,
    with_accounts,
)

STREET = "nguoi_duoc_nhan.noi_cu_tru.chi_tiet"
SIZE = (120, 40)


@pytest.fixture
def office(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = with_accounts(open_store(tmp_path / "office.sqlite3"))
    sub = kiosk_submission(store)
    settings = Settings(output_dir=tmp_path / "out", cursor_blink=False)
    yield store, sub, settings, tmp_path / "out" / "desk"
    store.close()


def _text(app: DeskApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def _login(app: DeskApp, pilot, password: str = OFFICER_PASS) -> None:  # type: ignore[no-untyped-def]
    app.screen.query_one("#login-name", Input).value = OFFICER
    app.screen.query_one("#login-password", Input).value = password
    await pilot.click("#login-go")
    await pilot.pause()


async def test_login_queue_pick_up_correct_receive(office) -> None:  # type: ignore[no-untyped-def]
    store, sub, settings, out = office
    app = DeskApp(store, settings, served=False)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LoginScreen)
        assert not app.screen.query("#queue") and sub.code not in str(app.screen.query(Static))
        await _login(app, pilot, "wrong-password")
        assert isinstance(app.screen, LoginScreen) and "Sai tên tài khoản" in _text(app, "#login-error")
        await _login(app, pilot)
        assert isinstance(app.screen, QueueScreen)
        table = app.screen.query_one("#queue", DataTable)
        assert table.row_count == 1 and table.get_row_at(0)[0] == sub.code

        # pick-up by the code as a scanner types it, then Enter
        app.screen.query_one("#open-code", Input).focus()
        await pilot.press(*sub.code.lower(), "enter")
        await pilot.pause()
        assert isinstance(app.screen, DossierScreen)
        assert store.get(sub.code).status == "dang_tiep_nhan"
        assert "hợp lệ" in _text(app, "#dossier-state")

        # correct one field: the row, Enter, the new value, Enter
        declaration = app.screen.query_one("#declaration", DataTable)
        declaration.focus()
        declaration.move_cursor(row=declaration.get_row_index(STREET))
        await pilot.press("enter")
        await pilot.pause()
        box = app.screen.query_one("#correct-value", Input)
        assert box.value == "Số 153 Nguyễn Sinh Sắc"
        box.value = "Số 155 Nguyễn Sinh Sắc"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DossierScreen) and "bản 2" in _text(app, "#dossier-message")
        assert [v.version for v in store.versions(sub.code)] == [1, 2]

        # receive through the dialog: papers ticked, a fixed time, the due date shown
        await pilot.press("f5")
        await pilot.pause()
        app.screen.query_one("#receive-at", Input).value = "27/11/2025 10:00"
        await pilot.pause()
        assert "17:00 ngày 02/12/2025" in _text(app, "#receive-due")
        await pilot.click("#dialog-ok")
        await pilot.pause()
        assert isinstance(app.screen, DossierScreen)
        assert store.get(sub.code).status == "da_tiep_nhan"
        [pdf] = sorted(out.glob("giay-tiep-nhan-*.pdf"))
        assert sub.code in pdf_text(pdf.read_bytes()) and sub.code not in pdf.name

        # an officer is refused an administrator's action
        await pilot.click("#do-delete")
        await pilot.pause()
        assert "không có quyền" in _text(app, "#dossier-message")
        assert store.get(sub.code) is not None


async def test_figures_dashboard_and_logout(office) -> None:  # type: ignore[no-untyped-def]
    store, _sub, settings, _out = office
    app = DeskApp(store, settings, served=False)
    async with app.run_test(size=SIZE) as pilot:
        await _login(app, pilot)
        await pilot.press("f6")
        await pilot.pause()
        charts = _text(app, "#figures-charts") + _text(app, "#figures-more") + _text(app, "#figures-fields")
        assert "Số tờ khai theo loại" in charts and "Trả kết quả so với hạn" in charts
        assert "Trường hay bị khai sai" in charts
        assert "Nguyễn" not in charts
        await pilot.press("escape")
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
    assert [e.action for e in store.audit_entries()][-1] == "logout"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_figures_fit_the_terminal(tmp_path: Path, size: tuple[int, int]) -> None:
    """At 80×24 and 120×40: the period row whole (its inputs as tall as the buttons, the dates on
    their middle line), two chart columns when wide and one when not, the rest reached by scrolling;
    forms by their short names, failing fields by their labels, the per-day chart with its axes."""
    from tests.desk.month_store import Clock, fill_month

    clock = Clock()
    store = with_accounts(open_store(tmp_path / "office.sqlite3", clock=clock))
    fill_month(store, clock)
    app = DeskApp(store, Settings(output_dir=tmp_path / "out", cursor_blink=False), served=False)
    try:
        async with app.run_test(size=size) as pilot:
            await _login(app, pilot)
            await pilot.press("f6")
            await pilot.pause()
            app.screen.query_one("#figures-from", Input).value = "01/11/2026"
            app.screen.query_one("#figures-to", Input).value = "30/11/2026"
            await pilot.click("#figures-go")
            await pilot.pause()
            screen = app.screen
            row = [w.region for w in screen.query("#period > *")]
            assert all(r.height == 3 and r.right <= size[0] for r in row)
            for key in ("from", "to"):
                box = screen.query_one(f"#figures-{key}", Input)
                assert box.content_region.height == 1 and box.content_region.y == box.region.y + 1
                assert box.content_region.width >= len(box.value) + 1  # the whole date and the cursor
            days = _text(app, "#figures-days")
            assert "01/11" in days and "30/11" in days and "Mỗi cột là một ngày" in days
            left, right = screen.query_one("#figures-charts").region, screen.query_one("#figures-more").region
            assert (right.x > left.x) == (size[0] >= 120)
            scroller = screen.query_one("#figures")
            assert scroller.max_scroll_y > 0  # the rest is below, to scroll to
            charts = _text(app, "#figures-charts") + _text(app, "#figures-more")
            assert "Xác nhận TTHN" in charts and "xac-nhan" not in charts and "ct01" not in charts
            fields = " ".join(_text(app, "#figures-fields").split())
            assert "Người yêu cầu › Số định danh cá nhân — Xác nhận TTHN" in fields
            assert "so_dinh_danh" not in fields and "…" not in fields
    finally:
        store.close()
