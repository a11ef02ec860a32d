"""A crash: the neutral screen, no value in any output or log, back at the notice (or a restart)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from formfill.session.kiosk import RESTART_CODE
from formfill.tui.kiosk.app import CRASH_PAUSE
from formfill.tui.kiosk.screens import CRASH_TEXT, CrashScreen, NoticeScreen
from tests.kiosk.kiosk_helpers import all_text, make_kiosk
from tests.tui.tui_helpers import type_into, type_keys

MARKER = "Qwmarkerzy"


class Boom(RuntimeError):
    pass


def explode() -> None:
    label = "Họ, chữ đệm, tên"  # a local holding a label and a value, as a real handler would
    value = MARKER
    raise Boom(f"{label}: {value}")


async def test_crash_in_a_screen_handler(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    app = make_kiosk(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#agree")
        await type_keys(pilot, "khai sinh\r")
        await type_into(pilot, "nguoi_yeu_cau.ho_ten", MARKER)
        app.screen.call_later(explode)
        await asyncio.sleep(0.5)  # not pilot.pause(): it would wait on the failed screen forever
        assert isinstance(app.screen, CrashScreen)
        assert CRASH_TEXT in all_text(app)
        assert MARKER not in all_text(app)
        await asyncio.sleep(CRASH_PAUSE + 0.5)
        assert isinstance(app.screen, NoticeScreen)
        assert app.is_running
    out = capsys.readouterr()
    assert MARKER not in out.out + out.err
    assert MARKER not in caplog.text and "Họ, chữ đệm" not in caplog.text
    assert "Boom" in caplog.text  # the type of the error is all that is logged


async def test_crash_in_a_binding_action_recovers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = make_kiosk(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#agree")
        await type_keys(pilot, "khai sinh\r")
        await type_into(pilot, "nguoi_yeu_cau.ho_ten", MARKER)
        app.screen.action_continue = explode  # type: ignore[method-assign]  # a failing key handler
        await pilot.press("pagedown")
        await asyncio.sleep(0.5)
        assert isinstance(app.screen, CrashScreen)
        await asyncio.sleep(CRASH_PAUSE + 0.5)
        assert isinstance(app.screen, NoticeScreen)
    assert MARKER not in "".join(capsys.readouterr())


async def test_crash_in_the_app_loop_exits_for_a_restart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_kiosk(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#agree")
        await type_keys(pilot, "khai sinh\r")
        await type_into(pilot, "nguoi_yeu_cau.ho_ten", MARKER)
        app.call_later(explode)
        await asyncio.sleep(0.5)
    assert app.return_code == RESTART_CODE
    out = capsys.readouterr()
    assert MARKER not in out.out + out.err and "Traceback" not in out.out + out.err
