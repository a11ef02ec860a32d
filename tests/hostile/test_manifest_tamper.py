"""``--resume`` on a manifest someone tampered with: a clear refusal, never a RecursionError."""

from __future__ import annotations

from pathlib import Path

from tests.hostile.conftest import ROOT, assert_clean_failure

ROSTER = ROOT / "examples" / "rosters" / "khai-sinh.csv"


def test_resume_refuses_a_manifest_line_nested_too_deep(run_formfill, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_formfill("batch", "khai-sinh", str(ROSTER), "-o", str(out), "--jobs", "1")
    assert first.returncode == 0, first.stderr[-2000:]
    manifest = out / "manifest.jsonl"
    good = manifest.read_bytes()
    manifest.write_bytes(good + b"[" * 100_000 + b"]" * 100_000 + b"\n")
    proc = run_formfill("batch", "khai-sinh", str(ROSTER), "-o", str(out), "--jobs", "1", "--resume")
    text = assert_clean_failure(proc, 2)
    assert "manifest.jsonl" in text
    assert manifest.read_bytes().startswith(good)  # nothing of the good part was cut
