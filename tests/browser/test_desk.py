"""The desk in a real headless Chromium: the login and nothing else before it (in a second tab too,
while the first is logged in); log in by typing and taps; the queue shows a kiosk submission; open it
by its code, receive it through the dialog; the Giấy tiếp nhận goes to the browser and nothing stays
in a server folder; a closed tab ends its process; no request leaves the server."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.harness import Browser, Served, browser, desk_status, desk_store, wait_for
from tests.conftest import ROOT
from tests.desk.office import CITIZEN, CITIZEN_ID, OFFICER, OFFICER_PASS

CONFIG = '[office]\nname = "Ủy ban nhân dân phường Sa Đéc"\nplace = "phường Sa Đéc"\n'
SCREENSHOT = ROOT / "docs" / "served-desk.png"
LOGIN = "BÀN TIẾP NHẬN MỘT CỬA — ĐĂNG NHẬP"


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[tuple[Served, str]]:
    code = desk_store(tmp_path)
    served = Served("desk", tmp_path, CONFIG).start()
    try:
        yield served, code
    finally:
        served.stop()


def only_the_login(page: Browser, code: str) -> None:
    """The login form is all the page shows and all the server sent: no queue, no code, no name."""
    page.wait_text(LOGIN)
    page.settle()
    screen = page.screen()
    assert "Tài khoản" in screen and "Mật khẩu" in screen and "Đăng nhập" in screen
    assert "Hồ sơ" not in screen and "Mã" not in screen
    for value in (code, CITIZEN, CITIZEN_ID):
        assert value.encode() not in page.received


def test_desk_in_the_browser(desk: tuple[Served, str]) -> None:
    served, code = desk
    with browser(served.url) as page:
        only_the_login(page, code)
        assert page.foreign(served.port) == []
        page.type(OFFICER + "\n")  # Enter goes on to the password
        page.type(OFFICER_PASS)
        page.click("Đăng nhập")
        page.wait_text(f"cán bộ {OFFICER}")
        page.wait_text(code)  # the queue: the kiosk's submission, new

        with browser(served.url) as other:  # another tab at the same time: not logged in, sees nothing
            only_the_login(other, code)
            assert len(served.tabs()) == 2
        wait_for(lambda: len(served.tabs()) == 1, 15, "the closed tab's process is still running")

        page.type(code.lower() + "\n")  # the code on the slip, as a scanner types it
        page.wait_text("đang tiếp nhận")
        page.wait_text(CITIZEN)
        page.click("Tiếp nhận")  # the dossier's button (the footer's key is below it)
        page.wait_text("Tiếp nhận hồ sơ")
        page.click("Tiếp nhận và in giấy")  # in view on a laptop's screen: the dialog's foot stays
        page.wait_text("hẹn trả")
        page.wait_text("Giấy tờ đã mở trong trình duyệt để in.")
        wait_for(
            lambda: page.driver.execute_script("return document.body.classList.contains('-pdf')"),
            10,
            "no PDF shown",
        )
        assert any("/download/" in url for url in page.requested())  # the paper came from this server
        page.driver.execute_script("window.formfillClosePdf()")
        page.settle()
        shot = served.folder / "served-desk.png"
        page.driver.save_screenshot(str(shot))
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        if os.environ.get("README_SHOTS"):  # refresh the README's picture: by hand, never in a plain run
            shutil.copyfile(shot, SCREENSHOT)
        assert page.foreign(served.port) == []
    wait_for(lambda: served.tabs() == [], 15, "a tab process is still running")
    assert not (served.folder / "out").exists() or not any((served.folder / "out").iterdir())
    assert sorted(served.folder.rglob("*.pdf")) == []
    assert desk_status(served.folder, code) == "da_tiep_nhan"
    log = served.log()
    for value in (code, CITIZEN, CITIZEN_ID, OFFICER_PASS):
        assert value not in log
    assert "Traceback" not in log
