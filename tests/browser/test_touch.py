"""Issue 18, touch: in a real headless Chromium, a kiosk citizen makes a choice with taps alone —
consent, a form, "Có thông tin" of a block, and "Lưu để làm tiếp" — no key is pressed."""

from __future__ import annotations

from pathlib import Path

from tests.browser.harness import Served, browser

CONFIG = '[office]\nname = "Ủy ban nhân dân phường Sa Đéc"\nplace = "phường Sa Đéc"\n\n[kiosk]\nidle_seconds = 600\n'


def test_a_choice_by_taps_only(tmp_path: Path) -> None:
    served = Served("kiosk", tmp_path, CONFIG).start()
    try:
        with browser(served.url) as page:
            page.click("Đồng ý")
            page.click("Tờ khai đăng ký khai sinh")
            page.wait_text("Bước 1/6")
            page.click("( ) Có thông tin")  # the switch of the step's first optional block (a residence)
            page.wait_text("(•) Có thông tin")
            page.click("Lưu để làm tiếp")
            page.wait_text("Đã lưu để làm tiếp")
    finally:
        served.stop()
