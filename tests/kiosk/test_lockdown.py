"""Lock-down: no key quits, suspends, opens the palette or writes a file; signals are ignored; F12 → PIN."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from formfill.session.kiosk import LOCK_SECONDS, MAX_WRONG_PINS
from formfill.tui.kiosk.screens import KioskStartScreen, NoticeScreen, PinScreen
from tests.kiosk.kiosk_helpers import PIN, make_kiosk
from tests.tui.tui_helpers import type_keys

ESCAPES = ["ctrl+q", "ctrl+c", "ctrl+z", "ctrl+backslash", "ctrl+d", "ctrl+p", "ctrl+s"]


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("size", [(80, 24), (100, 32)])
async def test_escape_keys_do_nothing(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_kiosk(tmp_path)
    os.chdir(tmp_path)  # a screenshot would land here
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        before = files_under(tmp_path)
        for screen_kind in (NoticeScreen, KioskStartScreen):
            assert isinstance(app.screen, screen_kind)
            for key in ESCAPES:
                await pilot.press(key)
                await pilot.pause()
                assert app.is_running, key
                assert isinstance(app.screen, screen_kind), key
                assert len(app.screen_stack) == 2, key
            await pilot.click("#agree") if screen_kind is NoticeScreen else None
            await pilot.pause()
        assert files_under(tmp_path) - before <= {
            p for p in files_under(tmp_path) if p.parent == tmp_path / "data"
        }, "a key wrote a file"
        assert not list(tmp_path.glob("*.svg"))


async def test_terminal_signals_are_ignored(tmp_path: Path) -> None:
    app = make_kiosk(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for sig in (signal.SIGINT, signal.SIGTSTP, signal.SIGQUIT):
            os.kill(os.getpid(), sig)
            await pilot.pause(0.05)
            assert app.is_running
            assert isinstance(app.screen, NoticeScreen)
    # the handlers are back after the kiosk (pytest's own SIGINT handler included)
    assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN


async def test_f12_pin_opens_operator_mode(tmp_path: Path) -> None:
    from formfill.tui.kiosk.operator import OperatorScreen

    app = make_kiosk(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12")
        assert isinstance(app.screen, PinScreen)
        await type_keys(pilot, "1111\r")
        assert isinstance(app.screen, PinScreen)
        await type_keys(pilot, PIN + "\r")
        await pilot.pause()
        assert isinstance(app.screen, OperatorScreen)


async def test_five_wrong_pins_lock_for_a_minute(tmp_path: Path) -> None:
    app = make_kiosk(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("f12")
        for _ in range(MAX_WRONG_PINS):
            await type_keys(pilot, "0000\r")
        assert "Đã khoá" in str(app.screen.query_one("#pin-message").render())
        await type_keys(pilot, PIN + "\r")  # the right PIN, but locked
        assert isinstance(app.screen, PinScreen)
        app.monotonic.advance(LOCK_SECONDS + 1)  # type: ignore[attr-defined]
        await type_keys(pilot, PIN + "\r")
        await pilot.pause()
        assert not isinstance(app.screen, PinScreen)


async def test_no_pin_file_keeps_operator_mode_closed(tmp_path: Path) -> None:
    app = make_kiosk(tmp_path, pin=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12")
        await type_keys(pilot, "1234\r")
        assert isinstance(app.screen, PinScreen)
        assert "Chưa đặt mã PIN" in str(app.screen.query_one("#pin-message").render())
        await pilot.press("escape")
        assert isinstance(app.screen, NoticeScreen)
