"""``formfill fill`` / ``check`` / ``calibrate``: exit codes, nothing written on failure, no silent overwrite."""

from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from formfill.cli import app

from .conftest import EXAMPLES, load_example

runner = CliRunner()
VALID = EXAMPLES / "khai-sinh" / "valid-1.json"


def test_fill_then_check(tmp_path: Path) -> None:
    out = tmp_path / "to-khai.pdf"
    r = runner.invoke(app, ["fill", "khai-sinh", str(VALID), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_bytes().startswith(b"%PDF")
    r = runner.invoke(app, ["check", str(out), "khai-sinh", str(VALID)])
    assert r.exit_code == 0, r.output
    other = EXAMPLES / "khai-sinh" / "valid-2.json"
    r = runner.invoke(app, ["check", str(out), "khai-sinh", str(other)])
    assert r.exit_code == 1 and "nguoi_yeu_cau.ho_ten" in r.output


def test_fill_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    out.write_bytes(b"keep me")
    r = runner.invoke(app, ["fill", "khai-sinh", str(VALID), "-o", str(out)])
    assert r.exit_code == 2 and out.read_bytes() == b"keep me"
    r = runner.invoke(app, ["fill", "khai-sinh", str(VALID), "-o", str(out), "--force"])
    assert r.exit_code == 0 and out.read_bytes().startswith(b"%PDF")
    assert sorted(os.listdir(tmp_path)) == ["x.pdf"]


def test_invalid_data_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    r = runner.invoke(
        app, ["fill", "khai-sinh", str(EXAMPLES / "khai-sinh" / "invalid-id-format.json"), "-o", str(out)]
    )
    assert r.exit_code == 1 and "so_dinh_danh_ca_nhan" in r.output
    assert not out.exists()


def test_unprintable_value_exits_1_naming_field_and_character(tmp_path: Path) -> None:
    raw = load_example("ct01")
    raw["noi_dung_de_nghi"] = "Đăng ký thường trú 😀"
    data = tmp_path / "d.json"
    data.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "x.pdf"
    r = runner.invoke(app, ["fill", "ct01", str(data), "-o", str(out)])
    # refused when the data is checked (the same error validate gives), before any drawing
    assert r.exit_code == 1 and "noi_dung_de_nghi" in r.output and "U+1F600" in r.output
    assert "[vn_text_unprintable]" in r.output and "render_missing_glyph" not in r.output
    assert not out.exists()


def test_unreadable_inputs_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"a": 1, "a": 2}', encoding="utf-8")
    r = runner.invoke(app, ["fill", "khai-sinh", str(bad), "-o", str(tmp_path / "o.pdf")])
    assert r.exit_code == 2
    r = runner.invoke(app, ["fill", "no-such-form", str(VALID), "-o", str(tmp_path / "o.pdf")])
    assert r.exit_code == 2
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    r = runner.invoke(app, ["check", str(junk), "khai-sinh", str(VALID)])
    assert r.exit_code == 2


def test_calibrate_writes_a_labelled_grid(tmp_path: Path) -> None:
    import pdfplumber

    out = tmp_path / "grid.pdf"
    r = runner.invoke(app, ["calibrate", "-o", str(out), "--offset-x", "1.5", "--offset-y", "-2"])
    assert r.exit_code == 0, r.output
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        words = {w["text"] for w in page.extract_words()}
        assert {"10", "100", "200"} <= words
        assert len(page.lines) > 90
        zero = min((ln for ln in page.lines if ln["x0"] == ln["x1"]), key=lambda ln: ln["x0"])
        assert abs(zero["x0"] - 1.5 * 72 / 25.4) < 0.01
