"""A crash in a served tab, per mode: the marker value is nowhere in the server's log; a kiosk tab
starts again by itself at the notice, an assistant tab says its session ended."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.harness import Served, browser, wait_for

MARKER = "Qwcrashmarkerzy"
HOOK = Path(__file__).resolve().parent / "crash_hook"
CONFIG = '[office]\nname = "Ủy ban nhân dân phường Sa Đéc"\n'


def crashing(mode: str, folder: Path) -> Served:
    env = {"PYTHONPATH": str(HOOK), "FORMFILL_TEST_CRASH_MARKER": MARKER}
    return Served(mode, folder, CONFIG, env=env).start()


@pytest.mark.parametrize("mode", ["kiosk", "assistant"])
def test_a_crash_leaves_no_value_in_the_log(tmp_path: Path, mode: str) -> None:
    served = crashing(mode, tmp_path)
    try:
        with browser(served.url) as page:
            if mode == "kiosk":
                page.click("Đồng ý")
            page.wait_text("Tìm tờ khai")
            page.type("khai sinh\n")
            page.wait_text("Bước 1/")
            [before] = served.tabs()
            page.type(MARKER)
            page.click("Tiếp tục")  # saves what is on screen: the tab's app fails
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
