"""By-hand benchmarks of the assistant (not run in CI).

    .venv/bin/python benchmarks/tui.py               # the figures
    .venv/bin/python benchmarks/tui.py --screenshot  # docs/img/tui-wizard.svg for the README

1. Time to the first screen on a warm start (target <= 500 ms): a fresh interpreter each run, after one
   unmeasured run has warmed the OS file cache and the .pyc files; wall time from process start to
   the start screen being mounted and drawn (headless), median of N runs; interleaved with the same
   measure of a minimal Textual app (one Static), the floor of any Textual program on this machine.
2. Commune search per keystroke over all 3,321 communes (target < 10 ms): every prefix of typical
   queries, as the commune picker asks for them (8 hits), median / 95th percentile / max.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7

FIRST_SCREEN = r"""
import asyncio, os, sys, tempfile, time
from pathlib import Path
t0 = time.perf_counter()
from formfill.tui.app import create_app
from formfill.tui.screens.start import StartScreen
from formfill.session.settings import Settings

async def main():
    tmp = Path(tempfile.mkdtemp())
    app = create_app(Settings(output_dir=tmp / "out", data_dir=tmp / "data", cursor_blink=False))
    async with app.run_test(size=(100, 32)) as pilot:
        while not isinstance(app.screen, StartScreen) or not app.screen.form_list.option_count:
            await pilot.pause()
        print(f"{time.perf_counter() - t0:.4f}")

asyncio.run(main())
"""

MINIMAL = r"""
import asyncio, time
t0 = time.perf_counter()
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("formfill")

async def main():
    app = Minimal()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        print(f"{time.perf_counter() - t0:.4f}")

asyncio.run(main())
"""

QUERIES = ["sa dec", "phuong 1", "tan phu", "ha noi", "ben thanh", "xa tan khanh trung", "cao lanh", "29905"]


def first_screens() -> tuple[tuple[list[float], list[float]], list[float]]:
    """formfill's first screen and a minimal Textual app's, runs interleaved (the machine's load
    drifts: the ratio of the medians is what compares)."""
    walls, inner, minimal = [], [], []
    for script in (FIRST_SCREEN, MINIMAL):  # warm-up
        subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, capture_output=True)
    for _ in range(RUNS):
        for script, into in ((FIRST_SCREEN, walls), (MINIMAL, minimal)):
            start = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-c", script], cwd=ROOT, check=True, capture_output=True, text=True
            )
            into.append(time.perf_counter() - start)
            if script is FIRST_SCREEN:
                inner.append(float(out.stdout.strip().splitlines()[-1]))
    return (walls, inner), minimal


def commune_search() -> list[float]:
    sys.path.insert(0, str(ROOT))
    from formfill.session.choices import search_communes

    search_communes("warm up")  # builds the index once, as the first keystroke in a session does
    times = []
    for _ in range(5):
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                start = time.perf_counter()
                search_communes(query[:end])
                times.append(time.perf_counter() - start)
    return times


SCREENSHOT = r"""
import asyncio, sys, tempfile
from datetime import datetime
from pathlib import Path
from formfill.storage import DraftStore
from formfill.tui.app import create_app
from formfill.session.settings import Settings

async def main(target):
    tmp = Path(tempfile.mkdtemp())
    with DraftStore(tmp / "data" / "drafts.sqlite3") as store:
        draft = store.create("khai-sinh", "2024.1")
        store.save_answers(draft.id, {"nguoi_duoc_khai_sinh.ho_ten": "Nguyễn Trần Bảo Ngọc",
                                      "nguoi_duoc_khai_sinh.ngay_sinh": "02/10/2026"})
        store.set_section(draft.id, "nguoi_duoc_khai_sinh")
    app = create_app(Settings(output_dir=tmp / "out", data_dir=tmp / "data", cursor_blink=False, ime="telex"),
                     clock=lambda: datetime(2026, 11, 20, 9, 30))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("tab", "tab", "enter")
        await pilot.pause()
        for _ in range(3):  # ho_ten -> ngay_sinh -> gioi_tinh -> dan_toc
            await pilot.press("tab")
        await pilot.press(*"kho")
        await pilot.pause()
        app.save_screenshot(filename=Path(target).name, path=str(Path(target).parent))

asyncio.run(main(sys.argv[1]))
"""


def screenshot() -> None:
    target = ROOT / "docs" / "img" / "tui-wizard.svg"
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-c", SCREENSHOT, str(target)], cwd=ROOT, check=True)
    print(target)


def main() -> None:
    if "--screenshot" in sys.argv:
        screenshot()
        return
    (walls, inner), minimal = first_screens()
    print(
        f"first screen, warm start ({RUNS} runs): median {statistics.median(walls) * 1000:.0f} ms wall"
        f" (process start to drawn start screen), {statistics.median(inner) * 1000:.0f} ms from first import;"
        f" min {min(walls) * 1000:.0f} ms, max {max(walls) * 1000:.0f} ms   [target <= 500 ms]"
    )
    m = statistics.median(minimal)
    print(
        f"minimal Textual app, same runs: median {m * 1000:.0f} ms wall;"
        f" formfill = {statistics.median(walls) / m:.2f}x the minimal app"
    )
    times = sorted(commune_search())
    p95 = times[int(len(times) * 0.95)]
    print(
        f"commune search per keystroke ({len(times)} keystrokes over 3,321 communes): median"
        f" {statistics.median(times) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms, max {times[-1] * 1000:.2f} ms"
        f"   [target < 10 ms]"
    )


if __name__ == "__main__":
    main()
