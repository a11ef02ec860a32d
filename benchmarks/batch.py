"""Benchmark of ``formfill batch`` (by hand, not a test):

    .venv/bin/python benchmarks/batch.py [--rows 2000] [--repeats 3] [--forms khai-sinh,ct01] [--no-rss]

Measures, in one run so the ratios compare (medians of interleaved repeats):
- the floor: the same strings the page prints, one TTF face, ``drawString`` at fixed places, each PDF
  written to disk (PERFORMANCE.md's floor), per form;
- ``run_batch`` on a khai-sinh and a ct01 roster with 1 and 2 worker processes (PDFs/s and ms/PDF,
  pool start-up included, each PDF fsynced and recorded in the manifest), and the size of a PDF;
- peak RSS of ``formfill batch --dry-run`` on 10,000 and 100,000 rows (each a fresh process).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ"]
GIVEN = ["Bảo Ngọc", "Minh Khang", "Gia Hân", "Đức Thắng", "Thị Hường", "Văn Tám", "Ánh Tuyết", "Quốc Huy"]


def _examples():
    spec = importlib.util.spec_from_file_location(
        "make_examples", ROOT / "examples" / "rosters" / "make_examples.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def make_roster(path: Path, rows: int, form: str = "khai-sinh") -> Path:
    """``rows`` rows of the examples' roster, each with its own name (so every PDF differs)."""
    ex = _examples()
    header, base, name = (
        (ex.KS_HEADER, ex.KS_ROWS, "nguoi_duoc_khai_sinh.ho_ten")
        if form == "khai-sinh"
        else (ex.CT_HEADER, ex.CT_ROWS, "nguoi_ke_khai.ho_ten")
    )
    i_name = header.index(name)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for i in range(rows):
            r = list(base[i % len(base)])
            r[i_name] = f"{SURNAMES[i % len(SURNAMES)]} {GIVEN[(i // len(SURNAMES)) % len(GIVEN)]}"
            w.writerow(r)
    return path


def floor(spec, declarations, outdir: Path) -> float:
    """Seconds per PDF for the floor of the PDF engine issue (benchmarks/floor.py): the same strings
    each page prints, labels and values, one TTF face, drawString at fixed places, written to disk."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from floor import floor_pdf, page_strings
    from reportlab.lib.pagesizes import A4

    from formfill.render.fonts import REGULAR, ensure_fonts

    ensure_fonts()
    strings = [page_strings(spec, decl) for decl in declarations]  # prepared outside the timing
    outdir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for n, page in enumerate(strings):
        with open(outdir / f"{n}.pdf", "wb") as fh:
            fh.write(floor_pdf(page, REGULAR, A4))
    return (time.perf_counter() - t0) / len(declarations)


def _leaves(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _leaves(v)
    elif isinstance(value, list):
        for v in value:
            yield from _leaves(v)
    elif value not in (None, "", True, False):
        yield value


def batch_seconds(spec, roster: Path, outdir: Path, jobs: int) -> tuple[float, int]:
    from formfill.batch import run_batch

    shutil.rmtree(outdir, ignore_errors=True)
    t0 = time.perf_counter()
    res = run_batch(spec, roster, outdir, jobs=jobs)
    assert res.exit_code == 0, res.stats
    return time.perf_counter() - t0, res.stats.written


def dry_run_peak_rss_mb(roster: Path, outdir: Path) -> float:
    proc = subprocess.Popen(
        [sys.executable, "-m", "formfill", "batch", "khai-sinh", str(roster), "-o", str(outdir), "--dry-run"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--forms", default="khai-sinh,ct01")
    ap.add_argument("--no-rss", action="store_true")
    args = ap.parse_args()
    from formfill.batch import iter_rows
    from formfill.forms import get_form

    work = Path(tempfile.mkdtemp(prefix="formfill-bench-"))
    print(
        f"{args.rows} rows per form, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load {os.getloadavg()}"
    )
    try:
        for form in args.forms.split(","):
            spec = get_form(form)
            roster = make_roster(work / f"{form}.csv", args.rows, form)
            decls = [r.declaration for r in iter_rows(roster, spec, validate=True)]
            assert all(decls), "the benchmark roster must be valid"
            floors, one, two = [], [], []
            for _ in range(args.repeats):  # interleaved
                floors.append(floor(spec, decls, work / "floor"))
                one.append(batch_seconds(spec, roster, work / "j1", 1)[0])
                two.append(batch_seconds(spec, roster, work / "j2", 2)[0])
            f = statistics.median(floors) * 1000
            s1 = statistics.median(one)
            print(f"{form}:")
            for label, runs in (("jobs=1", one), ("jobs=2", two)):
                s = statistics.median(runs)
                ms = s / args.rows * 1000
                print(
                    f"  batch {label}: {args.rows / s:7.1f} PDFs/s  {ms:6.2f} ms/PDF  ({ms / f:.2f}x floor"
                    f", {s1 / s:.2f}x jobs=1)"
                )
            print(f"  floor:        {1000 / f:7.1f} PDFs/s  {f:6.2f} ms/PDF")
            sizes = sorted(p.stat().st_size for p in (work / "j1").rglob("*.pdf"))
            print(
                f"  PDF size: median {statistics.median(sizes):,.0f} bytes (floor's {_floor_size(work):,.0f})"
            )
        if not args.no_rss:
            for n in (10_000, 100_000):
                path = make_roster(work / f"dry{n}.csv", n)
                t0 = time.perf_counter()
                mb = dry_run_peak_rss_mb(path, work / f"dry{n}")
                print(
                    f"  --dry-run {n:>7,} rows: peak RSS {mb:6.1f} MB  ({n / (time.perf_counter() - t0):,.0f} rows/s)"
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _floor_size(work: Path) -> float:
    return statistics.median(p.stat().st_size for p in (work / "floor").glob("*.pdf"))


if __name__ == "__main__":
    main()
