"""Faults around a running ``formfill batch``: Ctrl+C, SIGKILL of the main process, a full disk, a
folder that cannot be written, names that collide, absurd ``--name`` widths, reports that are not
formfill's. Every case builds its own roster (from the khai-sinh example) and checks what the user
sees (exit code, a Vietnamese message, no traceback) and what is left on disk.

Runs that must be stopped in the middle use ``tests/batch/launch.py`` (the stub renderer, slowed by
``STUB_RENDER_DELAY``); the others run the real command and the real renderer. A full disk is made
in process, by a writer that fails with ENOSPC after a few files.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.conftest import ROOT, assert_clean_failure

LAUNCH = ROOT / "tests" / "batch" / "launch.py"
EXAMPLE = ROOT / "examples" / "rosters" / "khai-sinh.csv"
TODAY = "2026-12-07"  # the example's declarations are dated November 2026
PINNED = {"FORMFILL_TODAY": TODAY}


# --- rosters and processes -----------------------------------------------------------------------
def _given_name(i: int) -> str:
    """A distinct, valid given name per row: Baa, Bab, …"""
    i += 26 * 27
    letters = ""
    while i:
        letters = chr(ord("a") + i % 26) + letters
        i //= 26
    return letters.capitalize()


def _roster(path: Path, rows: int, places: dict[int, str] | None = None) -> Path:
    """The example's first row ``rows`` times, each child with its own name; ``places`` sets the
    "Làm tại" cell of some rows (0-based)."""
    with open(EXAMPLE, encoding="utf-8-sig", newline="") as fh:
        header, first = list(csv.reader(fh))[:2]
    child, place = header.index("nguoi_duoc_khai_sinh.ho_ten"), header.index("Làm tại")
    out = []
    for i in range(rows):
        row = list(first)
        row[child] = f"Nguyễn Văn {_given_name(i)}"
        if places and i in places:
            row[place] = places[i]
        out.append(row)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(out)
    return path


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORMFILL_")}
    if "FORMFILL_CACHE_DIR" in os.environ:
        env["FORMFILL_CACHE_DIR"] = os.environ["FORMFILL_CACHE_DIR"]
    env.update(FORMFILL_LANG="vi", PYTHONPATH=str(ROOT), **PINNED, **extra)
    return env


class _Launched:
    """``formfill ARGS`` with the stub renderer, in its own session, output kept in files."""

    def __init__(self, tmp: Path, *args: str, delay: str = "0.05") -> None:
        self.out_log, self.err_log = tmp / "stdout.txt", tmp / "stderr.txt"
        with open(self.out_log, "w") as out, open(self.err_log, "w") as err:
            self.proc = subprocess.Popen(
                [sys.executable, str(LAUNCH), *args],
                cwd=tmp,
                env=_env(STUB_RENDER_DELAY=delay),
                stdout=out,
                stderr=err,
                start_new_session=True,
            )

    def finished(self) -> subprocess.CompletedProcess[str]:
        code = self.proc.wait(timeout=120)
        return subprocess.CompletedProcess(
            self.proc.args, code, self.out_log.read_text(), self.err_log.read_text()
        )

    def kill_all(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=10)


def _wait_until(ready: Callable[[], bool], proc: subprocess.Popen[Any], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        assert proc.poll() is None, f"the batch ended early ({proc.returncode})"
        assert time.monotonic() < deadline, "the batch made no progress"
        time.sleep(0.02)


def _pdfs(out: Path) -> set[str]:
    return {p.name for p in out.glob("*.pdf")}


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a live process, None once it is gone (a zombie is gone)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    state, ppid = text.rsplit(")", 1)[1].split()[:2]
    return None if state in ("Z", "X") else (state, int(ppid))


def _workers_of(pid: int) -> list[int]:
    """The pool's worker processes (spawned children of ``pid``)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        stat = _stat(int(entry.name))
        with contextlib.suppress(OSError):
            if stat and stat[1] == pid and b"spawn_main" in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
    return found


def _manifest(out: Path) -> list[dict[str, Any]]:
    path = out / "manifest.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [json.loads(line) for line in lines]


def _assert_consistent(out: Path) -> list[dict[str, Any]]:
    """Every complete PDF of the folder has its manifest line, each line its file, hashes agree."""
    entries = _manifest(out)
    assert {e["file"] for e in entries} == _pdfs(out)
    for e in entries:
        assert hashlib.sha256((out / e["file"]).read_bytes()).hexdigest() == e["sha256"]
    assert not list(out.glob(".*.part"))
    return entries


# --- Ctrl+C and SIGKILL --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("jobs", "whole_group"),
    [("1", False), ("2", False), ("2", True)],
    ids=["one-job", "workers", "terminal-ctrl-c"],
)
def test_ctrl_c_says_how_far_it_got_marks_the_report_and_resume_finishes(
    tmp_path: Path, jobs: str, whole_group: bool
) -> None:
    rows = 80
    roster = _roster(tmp_path / "r.csv", rows)
    out = tmp_path / "out"
    run = _Launched(tmp_path, "batch", "khai-sinh", str(roster), "-o", str(out), "-j", jobs)
    try:
        _wait_until(lambda: len(_pdfs(out)) >= 3, run.proc)
        (os.killpg if whole_group else os.kill)(run.proc.pid, signal.SIGINT)
        done = run.finished()
    finally:
        run.kill_all()
    text = assert_clean_failure(done, 130)
    assert "Ctrl+C" in text and "--resume" in text
    assert "Chưa hết danh sách" in done.stdout  # the summary says the report is partial
    summary = json.loads((out / "report.json").read_text(encoding="utf-8"))["summary"]
    assert (summary["partial"], summary["stopped"]) == (True, "interrupted")
    entries = _assert_consistent(out)  # what the workers finished is recorded, nothing more
    assert 0 < len(entries) == summary["written"] < rows
    assert f"{len(entries)} dòng đã có PDF" in text
    again = subprocess.run(
        [sys.executable, str(LAUNCH), "batch", "khai-sinh", str(roster), "-o", str(out), "--resume"],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
    assert len(_assert_consistent(out)) == rows
    assert "partial" not in json.loads((out / "report.json").read_text(encoding="utf-8"))["summary"]


def test_sigkill_of_the_main_process_alone_takes_its_workers_and_nothing_is_written_after(
    tmp_path: Path,
) -> None:
    roster = _roster(tmp_path / "r.csv", 300)
    out = tmp_path / "out"
    run = _Launched(tmp_path, "batch", "khai-sinh", str(roster), "-o", str(out), "-j", "2")
    workers: list[int] = []
    try:
        _wait_until(lambda: len(_pdfs(out)) >= 4 and len(_workers_of(run.proc.pid)) == 2, run.proc)
        workers = _workers_of(run.proc.pid)
        os.kill(run.proc.pid, signal.SIGKILL)  # the main process only, not its group
        run.proc.wait(timeout=10)
        deadline = time.monotonic() + 2
        while any(_stat(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not [w for w in workers if _stat(w)], "workers outlived the batch"
        left = _pdfs(out)
        time.sleep(3)  # an orphaned worker would go on writing PDFs
        assert _pdfs(out) == left
    finally:
        for w in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(w, signal.SIGKILL)
        run.kill_all()


# --- the output folder ---------------------------------------------------------------------------
def test_a_folder_that_cannot_be_written_is_a_clean_exit_2(run_formfill: Any, tmp_path: Path) -> None:
    """``/sys`` refuses new files even to root (chmod would not: the tests run as root)."""
    roster = _roster(tmp_path / "r.csv", 1)
    text = assert_clean_failure(run_formfill("batch", "khai-sinh", str(roster), "-o", "/sys", env=PINNED), 2)
    assert "Không ghi được vào thư mục /sys" in text
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    text = assert_clean_failure(
        run_formfill("batch", "khai-sinh", str(roster), "-o", str(a_file), env=PINNED), 2
    )
    assert "không phải là thư mục" in text and a_file.read_text() == "x"


def test_reports_are_private_and_a_report_formfill_did_not_write_is_kept(
    run_formfill: Any, tmp_path: Path
) -> None:
    roster = _roster(tmp_path / "r.csv", 2, places={1: ""})  # row 2 lacks a required value
    out = tmp_path / "out"
    done = run_formfill("batch", "khai-sinh", str(roster), "-o", str(out), "-j", "1", env=PINNED)
    assert done.returncode == 1, done.stderr
    for name in ("report.csv", "report.json", "manifest.jsonl", *_pdfs(out)):
        assert (out / name).stat().st_mode & 0o777 == 0o600, name
    real_report = (out / "report.csv").read_bytes()

    dry = run_formfill("batch", "khai-sinh", str(roster), "-o", str(out), "--dry-run", env=PINNED)
    assert dry.returncode == 1 and str(out / "report.dry-run.csv") in dry.stdout
    assert (out / "report.csv").read_bytes() == real_report  # the last real run's report stays
    assert b"lam_tai" in (out / "report.dry-run.csv").read_bytes()
    assert (out / "report.dry-run.json").stat().st_mode & 0o777 == 0o600

    other = tmp_path / "other"
    other.mkdir()
    (other / "report.csv").write_text("Tên,Ghi chú\nAn,họp lúc 9 giờ\n", encoding="utf-8")
    done = run_formfill("batch", "khai-sinh", str(roster), "-o", str(other), env=PINNED)
    text = assert_clean_failure(done, 2)
    assert "report.csv" in text and "không ghi đè" in text
    assert (other / "report.csv").read_text(encoding="utf-8") == "Tên,Ghi chú\nAn,họp lúc 9 giờ\n"
    assert not _pdfs(other) and not (other / "manifest.jsonl").exists()


# --- file names ----------------------------------------------------------------------------------
def test_names_made_unique_never_collide_with_the_rosters_own(run_formfill: Any, tmp_path: Path) -> None:
    roster = _roster(tmp_path / "r.csv", 3, places={0: "Sa Đéc", 1: "Sa Đéc-3", 2: "Sa Đéc"})
    out = tmp_path / "out"
    done = run_formfill(
        "batch", "khai-sinh", str(roster), "-o", str(out), "-j", "1", "--name", "{lam_tai}", env=PINNED
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert _pdfs(out) == {"Sa-Dec.pdf", "Sa-Dec-3.pdf", "Sa-Dec-3-2.pdf"}
    assert sorted(e["row"] for e in _assert_consistent(out)) == [1, 2, 3]


@pytest.mark.parametrize("pattern", ["{row:099999999999d}", "{lam_tai:>99999999999}", "{row:.999999999f}"])
def test_an_absurd_format_width_in_name_is_refused(run_formfill: Any, tmp_path: Path, pattern: str) -> None:
    roster = _roster(tmp_path / "r.csv", 1)
    out = tmp_path / "out"
    done = run_formfill("batch", "khai-sinh", str(roster), "-o", str(out), "--name", pattern, env=PINNED)
    assert "--name" in assert_clean_failure(done, 2)
    assert not out.exists()


# --- a full disk ---------------------------------------------------------------------------------
def _disk_fills_after(monkeypatch: pytest.MonkeyPatch, module: Any, files: int) -> None:
    """``module``'s atomic writer writes ``files`` files, then finds the disk full."""
    real = module.atomic_write_new
    written = [0]

    def writer(path: Any, data: bytes, *args: Any, **kwargs: Any) -> Any:
        if written[0] >= files:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        written[0] += 1
        return real(path, data, *args, **kwargs)

    monkeypatch.setattr(module, "atomic_write_new", writer)


def _cli(*args: str) -> Any:
    from typer.testing import CliRunner

    from formfill.cli import app

    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("report_too", [False, True], ids=["pdfs", "pdfs-and-report"])
def test_a_full_disk_stops_the_run_with_its_report_and_a_consistent_manifest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, report_too: bool
) -> None:
    import formfill.batch.outdir as outdir
    import formfill.batch.report as report

    monkeypatch.setenv("FORMFILL_TODAY", TODAY)
    roster = _roster(tmp_path / "r.csv", 6)
    out = tmp_path / "out"
    _disk_fills_after(monkeypatch, outdir, 2)
    if report_too:
        _disk_fills_after(monkeypatch, report, 0)
    result = _cli("batch", "khai-sinh", str(roster), "-o", str(out), "-j", "1", "--lang", "vi")
    text = result.output
    assert isinstance(result.exception, SystemExit) and result.exit_code == 2, text
    assert "Ổ đĩa đã đầy" in text and "--resume" in text and "2 dòng đã có PDF" in text
    assert str(out) not in text.split("Ổ đĩa")[1]  # no file name (they can hold personal names)
    assert len(_assert_consistent(out)) == 2
    if report_too:
        assert "Không ghi được báo cáo" in text
        assert not (out / "report.csv").exists() and not (out / "report.json").exists()
    else:
        summary = json.loads((out / "report.json").read_text(encoding="utf-8"))["summary"]
        assert (summary["partial"], summary["stopped"], summary["written"]) == (True, "disk_full", 2)
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".formfill-batch.lock"]

    monkeypatch.undo()  # space freed
    monkeypatch.setenv("FORMFILL_TODAY", TODAY)
    result = _cli("batch", "khai-sinh", str(roster), "-o", str(out), "-j", "1", "--resume")
    assert result.exit_code == 0, result.output
    assert len(_assert_consistent(out)) == 6
