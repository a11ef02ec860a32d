"""Operator mode once the office has accounts: export, delete and purge need an admin's login (an
officer is refused, a wrong password or a lock shows the store's message); with no account the PIN
alone still does everything. What the operator sees and reprints is audited as the kiosk, by code.

The submissions and accounts are put straight into the kiosk's SQLite store before it starts (no
citizen's walk through a form), and the clock is the pinned one of the tests' conftest.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input

from formfill.catalog import get_form
from formfill.storage.submissions import SubmissionStore
from formfill.tui.dialogs.confirm import ConfirmDialog
from formfill.tui.dialogs.login import LoginDialog
from formfill.tui.kiosk.app import KioskApp, kiosk_actor
from formfill.tui.kiosk.operator import OperatorScreen
from tests.conftest import EXAMPLES
from tests.kiosk.kiosk_helpers import PIN, make_kiosk
from tests.tui.tui_helpers import type_keys

ADMIN, ADMIN_PW = "quantri", "matkhau-quantri"
OFFICER, OFFICER_PW = "canbo", "matkhau-canbo"
VALID = json.loads((EXAMPLES / "khai-sinh" / "valid-1.json").read_text(encoding="utf-8"))


def store_path(tmp: Path) -> Path:
    return tmp / "data" / "drafts.sqlite3"


def seed(tmp: Path, *, accounts: bool = True, count: int = 1) -> list[str]:
    """``count`` khai-sinh submissions (the valid example), and an admin and an officer if ``accounts``."""
    store_path(tmp).parent.mkdir(parents=True, exist_ok=True)
    version = get_form("khai-sinh").meta.version
    with SubmissionStore(store_path(tmp), actor="kiosk:seed") as store:
        codes = [store.submit("khai-sinh", version, VALID).code for _ in range(count)]
        if accounts:
            store.add_user(ADMIN, ADMIN_PW, "admin", actor="cli")
            store.add_user(OFFICER, OFFICER_PW, "officer", actor="cli")
    return codes


def audit(tmp: Path) -> list[tuple[str, str, str | None]]:
    """(actor, action, code) of every audit entry, in order."""
    with SubmissionStore(store_path(tmp)) as store:
        return [(e.actor, e.action, e.code) for e in store.audit_entries()]


def stored(tmp: Path, code: str) -> bool:
    with SubmissionStore(store_path(tmp)) as store:
        return store.get(code) is not None


async def open_operator(app: KioskApp, pilot: Any) -> OperatorScreen:
    await pilot.press("f12")
    await type_keys(pilot, PIN + "\r")
    screen = app.screen
    assert isinstance(screen, OperatorScreen)
    return screen


async def log_in(app: KioskApp, pilot: Any, name: str, password: str, *, typed: bool = False) -> LoginDialog:
    """Fill the login dialog and press Enter in the password field; ``typed``: key by key instead,
    with Enter after the name (slower: one test does it)."""
    dialog = app.screen
    assert isinstance(dialog, LoginDialog)
    if typed:
        await type_keys(pilot, name + "\r" + password + "\r")
        return dialog
    dialog.query_one("#login-name", Input).value = name
    field = dialog.query_one("#login-password", Input)
    field.value = password
    field.focus()
    await pilot.press("enter")
    await pilot.pause()
    return dialog


def message(dialog: LoginDialog) -> str:
    return str(dialog.query_one("#login-message").render())


def rows(screen: OperatorScreen) -> list[str]:
    table = screen.query_one("#subs", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_admin_logs_in_to_export_delete_and_purge(tmp_path: Path) -> None:
    first, second = seed(tmp_path, count=2)
    out = tmp_path / "kiosk-out"
    app = make_kiosk(tmp_path, output_dir=out)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_operator(app, pilot)
        assert rows(screen) == [first, second]
        await pilot.click("#export")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LoginDialog)
        assert "cần tài khoản quản trị" in str(dialog.query_one(".dialog-question").render())
        assert dialog.query_one("#login-password").password  # masked
        await log_in(app, pilot, ADMIN, ADMIN_PW)
        assert app.screen is screen
        assert json.loads((out / f"ho-so-{first}.json").read_text(encoding="utf-8"))["code"] == first

        await pilot.click("#delete")  # the cursor is on the first row
        await pilot.pause()
        await log_in(app, pilot, ADMIN, ADMIN_PW)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.pause()
        assert rows(screen) == [second]
        assert "Đã xoá" in str(screen.query_one("#op-result").render())

        await pilot.click("#purge")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LoginDialog)
        dialog.query_one("#login-name", Input).value = ADMIN
        dialog.query_one("#login-password", Input).value = ADMIN_PW
        await pilot.click("#login-ok")  # the buttons work as well as the keys
        await pilot.pause()
        assert app.screen is screen
        assert "Đã dọn" in str(screen.query_one("#op-result").render())
    assert not stored(tmp_path, first) and stored(tmp_path, second)  # purge keeps what is in retention
    entries = audit(tmp_path)
    assert (ADMIN, "export", first) in entries
    assert (ADMIN, "delete", first) in entries
    assert (ADMIN, "purge", None) in entries
    assert [e for e in entries if e[1] == "login"] == [(ADMIN, "login", None)] * 3


async def test_officer_is_refused_and_the_submission_stays(tmp_path: Path) -> None:
    (code,) = seed(tmp_path)
    app = make_kiosk(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_operator(app, pilot)
        await pilot.click("#delete")
        await pilot.pause()
        dialog = await log_in(app, pilot, OFFICER, OFFICER_PW, typed=True)
        assert app.screen is dialog  # still asking: someone with the right may log in instead
        said = message(dialog)
        assert f"Tài khoản {OFFICER} không có quyền xoá hồ sơ" in said
        assert not dialog.query_one("#login-password").value  # the password does not stay
        await pilot.click("#login-cancel")
        await pilot.pause()
        assert app.screen is screen and rows(screen) == [code]
        assert "Đã huỷ" in str(screen.query_one("#op-result").render())
    assert stored(tmp_path, code)
    entries = audit(tmp_path)
    assert (OFFICER, "login", None) in entries
    assert not [e for e in entries if e[1] in ("delete", "purge", "export")]


async def test_wrong_password_shows_the_stores_message_then_the_lock(tmp_path: Path) -> None:
    (code,) = seed(tmp_path)
    app = make_kiosk(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_operator(app, pilot)
        await pilot.click("#delete")
        await pilot.pause()
        dialog = await log_in(app, pilot, ADMIN, "sai-mat-khau")
        assert message(dialog) == "Sai tên tài khoản hoặc mật khẩu."
        for _ in range(4):  # five wrong passwords in a row lock the account (the store's rule)
            await log_in(app, pilot, ADMIN, "sai-mat-khau")
        await log_in(app, pilot, ADMIN, ADMIN_PW)  # even the right one, while locked
        assert app.screen is dialog
        assert f"Tài khoản {ADMIN} tạm khóa" in message(dialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and rows(screen) == [code]
    assert stored(tmp_path, code)
    actions = [e[1] for e in audit(tmp_path) if e[0] == ADMIN]
    assert actions.count("login_failed") == 6 and "user_locked" in actions
    assert "delete" not in actions and "login" not in actions


async def test_without_accounts_the_pin_alone_still_deletes_and_purges(tmp_path: Path) -> None:
    first, second = seed(tmp_path, accounts=False, count=2)
    app = make_kiosk(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_operator(app, pilot)
        await pilot.click("#delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # no login asked
        await pilot.click("#yes")
        await pilot.pause()
        assert rows(screen) == [second]
        await pilot.click("#purge")
        await pilot.pause()
        assert app.screen is screen and "Đã dọn" in str(screen.query_one("#op-result").render())
    assert not stored(tmp_path, first)
    entries = audit(tmp_path)
    assert (kiosk_actor(), "delete", first) in entries and (kiosk_actor(), "purge", None) in entries


async def test_views_and_reprints_are_audited_as_the_kiosk_by_code(tmp_path: Path) -> None:
    first, second = seed(tmp_path, count=2)
    out = tmp_path / "kiosk-out"
    app = make_kiosk(tmp_path, output_dir=out)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_operator(app, pilot)
        screen.query_one("#find").focus()
        await type_keys(pilot, second + "\r")
        assert rows(screen) == [second]
        await pilot.click("#reprint")
        await pilot.pause()
        assert "Đã lưu tờ khai" in str(screen.query_one("#op-result").render())
        await pilot.press("escape")  # back to today's list: already seen in this visit
        await pilot.pause()
        assert rows(screen) == [first, second]
    assert any(p.read_bytes().startswith(b"%PDF") for p in out.iterdir())
    kiosk = kiosk_actor()
    entries = [e for e in audit(tmp_path) if e[0] == kiosk]
    assert entries == [
        (kiosk, "view", first),
        (kiosk, "view", second),
        (kiosk, "view", second),  # the search
        (kiosk, "print", second),
    ]
    with SubmissionStore(store_path(tmp_path)) as store:
        logged = json.dumps([(e.actor, e.code, e.fields) for e in store.audit_entries()], ensure_ascii=False)
    for value in (VALID["nguoi_duoc_khai_sinh"]["ho_ten"], VALID["nguoi_yeu_cau"]["so_dinh_danh_ca_nhan"]):
        assert value not in logged
