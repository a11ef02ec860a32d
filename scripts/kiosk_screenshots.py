"""Make the README's kiosk screenshots: docs/img/kiosk-receipt.svg and docs/img/kiosk-operator.svg.

Runs the kiosk app with Textual's Pilot at 100×32, with a pinned date (FORMFILL_TODAY), the example
declaration from examples/ (made-up people, no real data) and a throwaway store and PIN in a temporary
folder, so the pictures are the same each run except for the random receipt code.

    .venv/bin/python scripts/kiosk_screenshots.py [--out docs/img]

The kiosk itself refuses to write screenshots (a citizen's data must not land on disk), so this script
calls Textual's own ``App.save_screenshot`` on purpose.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-12-07"
SIZE = (100, 32)
PIN = "2468"
MOMENT = datetime(2026, 12, 7, 9, 30)  # a Monday morning at the office


def _flatten(data: dict, prefix: str = "") -> dict:
    """A declaration dict as the wizard stores it: flat paths, rows from 1, blocks marked present."""
    from formfill.session.answers import PRESENT

    out: dict = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            out[PRESENT + path] = True
            out.update(_flatten(value, path + "."))
        elif isinstance(value, list):
            for i, row in enumerate(value, 1):
                out.update(_flatten(row, f"{path}.{i}."))
        else:
            out[path] = value
    return out


def _kiosk(tmp: Path):  # -> KioskApp (imported late: FORMFILL_TODAY must be set first)
    from formfill.session.kiosk import KioskConfig, write_pin
    from formfill.session.settings import Settings
    from formfill.tui.kiosk.app import create_kiosk_app

    etc = tmp / "etc"
    etc.mkdir(parents=True)
    write_pin(etc / "kiosk-pin", PIN)
    settings = Settings(output_dir=tmp / "out", data_dir=tmp / "data", cursor_blink=False, lang="vi")
    config = KioskConfig(
        office_name="Ủy ban nhân dân phường Sa Đéc",
        office_place="phường Sa Đéc",
        config_path=etc / "formfill.toml",
        store_path=tmp / "data" / "kiosk.sqlite3",
        output_dir=tmp / "kiosk-out",
    )
    return create_kiosk_app(settings, config, clock=lambda: MOMENT)


async def _finish(app, pilot, form_id: str) -> None:
    """Consent, then the example declaration straight into the session, then finish."""
    await pilot.click("#agree")
    await pilot.pause()
    app.new_declaration(form_id)
    await pilot.pause()
    example = json.loads((ROOT / "examples" / form_id / "valid-1.json").read_text(encoding="utf-8"))
    app.session.set_many(_flatten(example))
    app.finish(app.session)
    await pilot.pause()


async def _shoot(out: Path) -> list[Path]:
    from textual.app import App

    from formfill.tui.kiosk.operator import OperatorScreen
    from formfill.tui.kiosk.receipt import ReceiptScreen

    made: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="formfill-shots-") as tmp:
        app = _kiosk(Path(tmp))
        async with app.run_test(size=SIZE) as pilot:
            await _finish(app, pilot, "khai-sinh")
            if not isinstance(app.screen, ReceiptScreen):
                raise SystemExit(f"expected the receipt screen, got {type(app.screen).__name__}")
            made.append(Path(App.save_screenshot(app, "kiosk-receipt.svg", str(out))))
            app.wipe()
            await pilot.pause()
            await _finish(app, pilot, "khai-tu")
            app.wipe()
            await pilot.pause()
            for score, visits in ((5, "1"), (4, "1"), (5, "2"), (3, "3+"), (4, "1")):
                app.store.record_satisfaction("khai-sinh", date.fromisoformat(TODAY), score, None, visits)
            await pilot.press("f12")
            await pilot.press(*PIN, "enter")
            await pilot.pause()
            if not isinstance(app.screen, OperatorScreen):
                raise SystemExit(f"expected operator mode, got {type(app.screen).__name__}")
            await pilot.click("#figures")
            await pilot.pause()
            made.append(Path(App.save_screenshot(app, "kiosk-operator.svg", str(out))))
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args()
    os.environ["FORMFILL_TODAY"] = TODAY
    args.out.mkdir(parents=True, exist_ok=True)
    for path in asyncio.run(_shoot(args.out)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
