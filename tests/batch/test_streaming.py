"""Memory stays flat over a long roster: peak RSS of ``--dry-run`` on N and 3N rows."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import GOOD, HEADER, ROOT, cli_env, csv_text

N = 50_000


def _roster(path, rows):
    line = csv_text([], [GOOD]).split("\r\n", 1)[1].encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(csv_text(HEADER, []).encode("utf-8"))
        for _ in range(rows // 1000):
            fh.write(line * 1000)
    return path


def _peak_rss_kb(roster, out):
    proc = subprocess.Popen(
        [sys.executable, "-m", "formfill", "batch", "batch-demo", str(roster), "-o", str(out), "--dry-run"],
        cwd=ROOT,
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak, not the largest child so far
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0
    return usage.ru_maxrss


def test_dry_run_memory_is_flat(tmp_path):
    small = _peak_rss_kb(_roster(tmp_path / "n.csv", N), tmp_path / "o1")
    large = _peak_rss_kb(_roster(tmp_path / "3n.csv", 3 * N), tmp_path / "o2")
    # Anything kept per row would show: 100,000 more rows x even 100 bytes = 10 MB.
    assert large - small < 6_000, (small, large)
