"""The kiosk in a real headless Chromium: notice, a short form by taps and typing, the receipt; a
second tab at the same time sees nothing of the first; a closed tab ends its process and its draft;
no request leaves the server."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Iterator

import pytest

from formfill.base.settings import DRAFTS_FILE, Settings
from formfill.storage.submissions import SubmissionStore
from tests.browser.harness import Browser, Served, browser, wait_for
from tests.conftest import EXAMPLES, ROOT
from tests.tui.tui_helpers import flatten

MARKER = "Qwmarkerzy"
OFFICE = "Ủy ban nhân dân phường Sa Đéc"
CONFIG = f'[office]\nname = "{OFFICE}"\nplace = "phường Sa Đéc"\n\n[kiosk]\nidle_seconds = 600\n'
SCREENSHOT = ROOT / "docs" / "served-kiosk.png"


@pytest.fixture(scope="module")
def kiosk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    served = Served("kiosk", tmp_path_factory.mktemp("kiosk"), CONFIG).start()
    try:
        yield served
    finally:
        served.stop()


def store(served: Served) -> SubmissionStore:
    return SubmissionStore(
        served.folder / "data" / DRAFTS_FILE, settings=Settings(data_dir=served.folder / "data")
    )


def drafts(served: Served) -> int:
    with sqlite3.connect(served.folder / "data" / DRAFTS_FILE) as conn:
        return conn.execute("SELECT count(*) FROM draft").fetchone()[0]


def resume_code_without_name(served: Served) -> str:
    """A resume code for a birth declaration with everything but the requester's name."""
    data = json.loads((EXAMPLES / "khai-sinh" / "valid-1.json").read_text(encoding="utf-8"))
    answers = {k: v for k, v in flatten(data).items() if k != "nguoi_yeu_cau.ho_ten"}
    keeper = store(served)
    try:
        return keeper.save_resume("khai-sinh", answers)
    finally:
        keeper.close()


def through_the_steps(page: Browser) -> None:
    """Tap "Tiếp tục" step after step until the review."""
    for _ in range(10):
        if "Kiểm tra lại thông tin" in page.screen():
            return
        step = next(line for line in page.term.display if "Bước " in line)
        page.click("Tiếp tục")
        wait_for(
            lambda s=step: s not in page.screen(), 10, f"no next step after: {step.strip()}\n{page.screen()}"
        )
    raise AssertionError(page.screen())


def test_kiosk_in_the_browser(kiosk: Served) -> None:
    code = resume_code_without_name(kiosk)
    with browser(kiosk.url) as first:
        first.click("Đồng ý")
        first.wait_text("Chọn tờ khai")
        first.type(code + "\n")  # typed on the start page: the saved answers come back
        first.wait_text("Bước 1/6")
        first.click("Tiếp tục")  # the name is missing: the step says so and puts the cursor there
        first.wait_text("chỗ cần sửa")
        first.type(MARKER)
        wait_for(lambda: drafts(kiosk) == 1, 10, "no draft")

        with browser(kiosk.url) as second:  # another tab at the same time
            second.wait_text("Đồng ý")
            assert len(kiosk.tabs()) == 2
            second.click("Đồng ý")
            second.wait_text("Chọn tờ khai")
            second.type("khai sinh\n")
            second.wait_text("Bước 1/6")
            assert MARKER.encode() not in second.received
            wait_for(lambda: drafts(kiosk) == 2, 10, "the second tab has no draft")
            assert second.foreign(kiosk.port) == []
        # the second tab closed: its process ended and its draft is gone; the first one's stays
        wait_for(lambda: len(kiosk.tabs()) == 1, 15, "the closed tab's process is still running")
        wait_for(lambda: drafts(kiosk) == 1, 10, "the closed tab's draft is still stored")

        through_the_steps(first)
        first.click("Hoàn tất, tạo PDF")
        first.wait_text("Mã biên nhận")
        wait_for(
            lambda: first.driver.execute_script("return document.body.classList.contains('-pdf')"),
            10,
            "no PDF shown",
        )
        first.driver.execute_script("window.formfillClosePdf()")
        shot = kiosk.folder / "served-kiosk.png"
        first.driver.save_screenshot(str(shot))
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        if os.environ.get("README_SHOTS"):  # refresh the README's picture: by hand, never in a plain run
            shutil.copyfile(shot, SCREENSHOT)
        assert any("/download/" in url for url in first.requested())  # the PDF came from this server
        assert first.foreign(kiosk.port) == []
    wait_for(lambda: kiosk.tabs() == [], 15, "a tab process is still running")
    assert drafts(kiosk) == 0
    assert MARKER not in kiosk.log()
    assert not (kiosk.folder / "out").exists() or not any((kiosk.folder / "out").iterdir())
