"""SIGKILL a real ``python -m formfill batch`` in the middle; ``--resume`` finishes the job."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import time

from conftest import ROOT, cli_env, formfill_cmd, row, write_roster

ROWS = 48


def _manifest_lines(out):
    path = out / "manifest.jsonl"
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _start(roster, out, *extra):
    return subprocess.Popen(
        formfill_cmd("batch", "batch-demo", str(roster), "-o", str(out), "-j", "2", *extra),
        cwd=ROOT,
        env=cli_env(STUB_RENDER_DELAY="0.04"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the kill takes the workers too
    )


def _kill_when(proc, out, lines, timeout=60):
    deadline = time.monotonic() + timeout
    while _manifest_lines(out) < lines:
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "the batch made no progress"
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def _complete_pdfs_only(out):
    for pdf in out.glob("*.pdf"):
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"), pdf.name


def test_sigkill_then_resume(tmp_path):
    roster = write_roster(tmp_path / "r.csv", [row(child=f"Nguyễn Văn Số {i}") for i in range(ROWS)])
    out = tmp_path / "out"
    for kill_at in (4, 20):
        proc = _start(roster, out, *(["--resume"] if kill_at != 4 else []))
        _kill_when(proc, out, kill_at)
        _complete_pdfs_only(out)  # whatever the moment: never a half-written PDF under a final name
    done = subprocess.run(
        formfill_cmd("batch", "batch-demo", str(roster), "-o", str(out), "-j", "2", "--resume"),
        cwd=ROOT,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    entries = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(e["row"] for e in entries) == list(range(1, ROWS + 1))
    for e in entries:
        assert hashlib.sha256((out / e["file"]).read_bytes()).hexdigest() == e["sha256"]
    assert len(list(out.glob("*.pdf"))) == ROWS
    assert not list(out.glob(".*.part"))
    _complete_pdfs_only(out)
