"""Hostile item 12 through the real commands: "=1+1" is no ethnicity, an invisible answer is no
answer, and a bidirectional control never reaches the PDF."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

VALID = EXAMPLES / "khai-sinh" / "valid-1.json"


def _write(tmp_path: Path, change: dict[str, dict[str, str] | str]) -> Path:
    data = json.loads(VALID.read_text(encoding="utf-8"))
    for key, value in change.items():
        if isinstance(value, dict):
            data[key].update(value)
        else:
            data[key] = value
    path = tmp_path / "data.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _errors(proc) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    doc = json.loads(proc.stdout)
    return {(e["path"], e["type"]) for r in doc["results"] for e in r["errors"]}


@pytest.mark.parametrize("raw", ["=1+1", "+1", "=HYPERLINK(1)"])
def test_a_formula_is_not_an_ethnicity(raw: str, tmp_path: Path, run_formfill) -> None:
    data = _write(tmp_path, {"nguoi_duoc_khai_sinh": {"dan_toc": raw}})
    proc = run_formfill("validate", "khai-sinh", str(data), "--json")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert ("nguoi_duoc_khai_sinh.dan_toc", "vn_ethnicity_unknown") in _errors(proc)


@pytest.mark.parametrize("raw", ["\u200b", "\u202e", "\u2060\u00ad", "\u200b \u2060"])
def test_an_invisible_required_answer_is_refused_and_nothing_printed(
    raw: str, tmp_path: Path, run_formfill
) -> None:
    data = _write(tmp_path, {"quan_he_voi_nguoi_duoc_khai_sinh": raw})
    proc = run_formfill("validate", "khai-sinh", str(data), "--json")
    assert proc.returncode == 1
    assert _errors(proc) == {("quan_he_voi_nguoi_duoc_khai_sinh", "vn_text_blank")}
    out = tmp_path / "out.pdf"
    proc = run_formfill("fill", "khai-sinh", str(data), "-o", str(out))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "quan_he_voi_nguoi_duoc_khai_sinh" in proc.stderr and "Traceback" not in proc.stderr
    assert not out.exists() and list(tmp_path.glob("*.pdf")) == []


def test_bidi_controls_are_stripped_before_printing(tmp_path: Path, run_formfill) -> None:
    data = _write(tmp_path, {"quan_he_voi_nguoi_duoc_khai_sinh": "\u202eDì\u200f ruột\u2066"})
    out = tmp_path / "out.pdf"
    proc = run_formfill("fill", "khai-sinh", str(data), "-o", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    import pdfplumber

    with pdfplumber.open(out) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "Dì ruột" in text
    assert not set(text) & {"\u202e", "\u200f", "\u2066"}
