"""Make the README's desk pictures: docs/desk-dashboard.png (the figures dashboard) and
docs/desk-report.png (page 1 of the office report), from a generated month of made-up people.

Runs the desk with Textual's Pilot at 120×56 (the whole dashboard; a smaller terminal scrolls it),
a pinned date and a throwaway store in a temporary folder; the SVG screenshot becomes a PNG with
``rsvg-convert`` (Debian: librsvg2-bin), the report page with ``pdftoppm`` (poppler-utils).

    .venv/bin/python scripts/desk_screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (120, 56)  # tall enough for the whole dashboard, the failing fields included


async def _dashboard(tmp: Path, out: Path) -> None:
    from textual.widgets import Input

    from formfill.base.settings import Settings
    from formfill.session.desk import DeskService
    from formfill.tui.desk.app import DeskApp
    from tests.desk.month_store import Clock, fill_month
    from tests.desk.office import OFFICER, OFFICER_PASS, open_store, with_accounts

    clock = Clock()
    store = with_accounts(open_store(tmp / "office.sqlite3", clock=clock))
    fill_month(store, clock)
    app = DeskApp(store, Settings(output_dir=tmp / "out", cursor_blink=False, lang="vi"), served=False)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#login-name", Input).value = OFFICER
        app.screen.query_one("#login-password", Input).value = OFFICER_PASS
        await pilot.click("#login-go")
        await pilot.press("f6")
        await pilot.pause()
        app.screen.query_one("#figures-from", Input).value = "01/11/2026"
        app.screen.query_one("#figures-to", Input).value = "30/11/2026"
        await pilot.click("#figures-go")
        await pilot.pause()
        svg = app.save_screenshot(filename="desk-dashboard.svg", path=str(tmp))
    png = out / "desk-dashboard.png"
    subprocess.run(["rsvg-convert", "-b", "black", "-o", str(png), svg], check=True)
    desk = DeskService(store)
    desk.login(OFFICER, OFFICER_PASS)
    pdf = tmp / "report.pdf"
    pdf.write_bytes(desk.report(date(2026, 11, 1), date(2026, 11, 30)).data)
    store.close()
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(out / "desk-report")], check=True)  # fmt: skip
    print(png, out / "desk-report.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    os.environ["FORMFILL_TODAY"] = "2026-12-01"
    sys.path.insert(0, str(ROOT))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(_dashboard(Path(tmp), args.out))


if __name__ == "__main__":
    main()
