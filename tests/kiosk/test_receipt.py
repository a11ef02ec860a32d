"""Finish → submission → receipt (code + QR, papers) → printing → survey → thank-you → notice."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pdfplumber
import pytest

from formfill.storage.codes import is_valid
from formfill.storage.submissions import SubmissionStore
from formfill.tui.kiosk.receipt import QrMatrix, ReceiptScreen, SatisfactionScreen
from formfill.tui.kiosk.screens import MessageScreen, NoticeScreen
from tests.conftest import EXAMPLES
from tests.kiosk.kiosk_helpers import make_kiosk
from tests.tui.tui_helpers import flatten, type_keys

LP = """#!/bin/sh
# a stand-in for lp: records its arguments and a copy of the file it was given
printf '%s\\n' "$@" > "{log}"
for last; do :; done
cp "$last" "{copy}.$(date +%s%N)"
echo "request id is test-1"
"""


def stand_in_lp(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    bin_dir = tmp / "bin"
    bin_dir.mkdir()
    log, copies = tmp / "lp-args.txt", tmp / "printed"
    copies.mkdir()
    script = bin_dir / "lp"
    script.write_text(LP.format(log=log, copy=copies / "file"))
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{Path('/usr/bin')}:{Path('/bin')}")
    return log, copies


async def fill_and_finish(app, pilot) -> str:
    await pilot.click("#agree")
    await pilot.pause()
    app.new_declaration("khai-sinh")
    await pilot.pause()
    data = json.loads((EXAMPLES / "khai-sinh" / "valid-1.json").read_text(encoding="utf-8"))
    app.session.set_many(flatten(data))
    app.finish(app.session)
    await pilot.pause()
    assert isinstance(app.screen, ReceiptScreen)
    return app.screen.code


@pytest.mark.parametrize("keep", [False, True])
async def test_receipt_print_and_survey(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keep: bool) -> None:
    log, copies = stand_in_lp(tmp_path, monkeypatch)
    out = tmp_path / "kiosk-out"
    app = make_kiosk(tmp_path, printer="quay-1", output_dir=out, keep_pdf=keep)
    async with app.run_test(size=(80, 24)) as pilot:
        code = await fill_and_finish(app, pilot)
        assert is_valid(code) and len(code) == 9 and code[4] == "-"
        assert app.screen.query(QrMatrix)
        assert "Đã gửi tờ khai tới máy in" in str(app.screen.query_one("#receipt-printed").render())
        args = log.read_text().split("\n")
        assert args[:3] == ["-d", "quay-1", "--"]
        printed = Path(args[3])
        assert any(p.read_bytes().startswith(b"%PDF") for p in copies.iterdir())
        declaration_pdf, slip_pdf = sorted(copies.iterdir())  # the declaration, then the receipt slip
        with pdfplumber.open(slip_pdf) as pdf:
            assert code in pdf.pages[0].extract_text()
        with pdfplumber.open(declaration_pdf) as pdf:
            assert code not in pdf.pages[0].extract_text()
        assert printed.exists() is keep
        leftovers = [p for p in out.rglob("*.pdf")] if out.exists() else []
        assert bool(leftovers) is keep
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SatisfactionScreen)
        await pilot.press("4")
        app.screen.query_one("#visits-2").value = True
        app.screen.query_one("#comment").focus()
        await type_keys(pilot, "Nhanh gọn, số 012345678901\r")
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        await pilot.click("#done")
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
    with SubmissionStore(tmp_path / "data" / "drafts.sqlite3") as store:
        found = store.get(code)
        assert found is not None and found.form_id == "khai-sinh"
        wrong = code[:-1] + ("1" if code[-1] != "1" else "2")
        from formfill.storage.codes import CodeError

        with pytest.raises(CodeError):
            store.get(wrong)
    with sqlite3.connect(tmp_path / "data" / "drafts.sqlite3") as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute("SELECT * FROM satisfaction")]
        drafts = conn.execute("SELECT count(*) FROM draft").fetchone()[0]
    assert drafts == 0
    assert len(rows) == 1 and rows[0]["score"] == 4 and rows[0]["visits"] == "2"
    assert rows[0]["comment"].startswith("Nhanh gọn") and "012345678901" not in rows[0]["comment"]
    assert rows[0]["day"] == "2026-11-20"  # the date only, no time
    assert set(rows[0]) <= {"id", "form_id", "day", "weekday", "score", "comment", "visits"}
    assert code.replace("-", "") not in json.dumps(rows) and code not in json.dumps(rows)


async def test_survey_is_skipped_with_one_key(tmp_path: Path) -> None:
    app = make_kiosk(tmp_path, output_dir=tmp_path / "kiosk-out")
    async with app.run_test(size=(100, 32)) as pilot:
        await fill_and_finish(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SatisfactionScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
    with sqlite3.connect(tmp_path / "data" / "drafts.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM satisfaction").fetchone()[0] == 0


async def test_survey_by_keys_alone_keeps_the_comment_typed_with_telex(tmp_path: Path) -> None:
    """As in a real terminal: digit, Tab, Enter, Tab, the comment typed in Telex, Tab to "Gửi ý kiến", Enter."""
    app = make_kiosk(tmp_path, output_dir=tmp_path / "kiosk-out")
    async with app.run_test(size=(80, 24)) as pilot:
        await fill_and_finish(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SatisfactionScreen)
        await pilot.press("f2")  # the citizen switches Telex on for the comment
        await pilot.press("5", "tab", "down", "enter", "tab")
        await type_keys(pilot, "Mays chayj nhanh")
        await pilot.press("tab", "enter")  # to "Gửi ý kiến", then Enter
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
    with sqlite3.connect(tmp_path / "data" / "drafts.sqlite3") as conn:
        rows = conn.execute("SELECT score, visits, comment FROM satisfaction").fetchall()
    assert rows == [(5, "2", "Máy chạy nhanh")]
