"""A crash in a served tab, per mode: the marker value is nowhere in the server's log; a kiosk tab
starts again by itself at the notice, an assistant's or a desk's tab says its session ended."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.harness import Browser, Served, browser, desk_store, wait_for
from tests.desk.office import CITIZEN, OFFICER, OFFICER_PASS

MARKER = "Qwcrashmarkerzy"
HOOK = Path(__file__).resolve().parent / "crash_hook"
CONFIG = '[office]\nname = "Ủy ban nhân dân phường Sa Đéc"\n'


def crashing(mode: str, folder: Path) -> Served:
    env = {"PYTHONPATH": str(HOOK), "FORMFILL_TEST_CRASH_MARKER": MARKER}
    return Served(mode, folder, CONFIG, env=env).start()


def marker_in_a_wizard(page: Browser, mode: str) -> None:
    """The assistant's or the kiosk's first step: Continue puts the cursor in the first field to fix,
    the marker is typed there, then saved (Continue again): the app fails."""
    if mode == "kiosk":
        page.click("Đồng ý")
    page.wait_text("Tìm tờ khai")
    page.type("khai sinh\n")
    page.wait_text("Bước 1/")
    page.click("Tiếp tục")
    page.wait_text("chỗ cần sửa")
    page.type(MARKER)
    page.click("Tiếp tục")


def marker_in_a_correction(page: Browser, code: str) -> None:
    """The desk: log in, open the submission, correct its first field with the marker: the app fails."""
    page.wait_text("ĐĂNG NHẬP")
    page.type(OFFICER + "\n")
    page.type(OFFICER_PASS + "\n")
    page.wait_text(code)
    page.type(code + "\n")
    page.wait_text(CITIZEN)
    page.click("Sửa")  # the row under the cursor
    page.wait_text("Sửa cùng người nộp")
    page.type(MARKER)
    page.click("Lưu bản mới")


@pytest.mark.parametrize("mode", ["kiosk", "assistant", "desk"])
def test_a_crash_leaves_no_value_in_the_log(tmp_path: Path, mode: str) -> None:
    code = desk_store(tmp_path) if mode == "desk" else ""
    served = crashing(mode, tmp_path)
    try:
        with browser(served.url) as page:
            if mode == "desk":
                page.wait_text("ĐĂNG NHẬP")
            [before] = wait_for(served.tabs, 15, "no tab process")  # type: ignore[misc]
            if mode == "desk":
                marker_in_a_correction(page, code)
            else:
                marker_in_a_wizard(page, mode)
            wait_for(lambda: before not in served.tabs(), 15, "the crashed tab's process is still running")
            if mode == "kiosk":  # the page reloads itself to a fresh app at the notice
                page.wait_text("Thông báo về dữ liệu cá nhân", 30)
                assert len(served.tabs()) == 1 and before not in served.tabs()
            else:
                ended = "Phiên làm việc đã kết thúc."
                wait_for(
                    lambda: ended in page.driver.find_element("tag name", "body").text, 10, "no end notice"
                )
            assert page.foreign(served.port) == []
    finally:
        served.stop()
    log = served.log()
    assert "RuntimeError" in log  # the crash was logged, by its type alone
    assert (
        MARKER not in log
        and "Họ, chữ đệm" not in log
        and "Traceback" not in log.split("Exception ignored")[0]
    )
    if mode == "desk":
        assert code not in log and CITIZEN not in log
