"""Benchmark (by hand): ``formfill validate khai-sinh`` over a large JSONL, rows per second on one core.

    .venv/bin/python benchmarks/validate.py [--rows 100000]

Prints rows/s for the whole command (process start, strict JSON parsing, validation, report) and for
the validation step alone, so the note can say where the time goes. Target: >= 20,000 rows/s.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_rows(n: int, path: Path) -> None:
    base = json.loads((ROOT / "examples" / "khai-sinh" / "valid-1.json").read_text(encoding="utf-8"))
    alt = json.loads((ROOT / "examples" / "khai-sinh" / "valid-2.json").read_text(encoding="utf-8"))
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            row = base if i % 2 else alt
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.jsonl"
        make_rows(args.rows, path)
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-m", "formfill", "validate", "khai-sinh", str(path)],
            capture_output=True,
            text=True,
        )
        whole = time.perf_counter() - start
        assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]

        from formfill.base.json_input import loads_strict
        from formfill.forms import get_form

        spec = get_form("khai-sinh")
        lines = path.read_text(encoding="utf-8").splitlines()
        t0 = time.perf_counter()
        parsed = [loads_strict(line) for line in lines]
        t1 = time.perf_counter()
        for data in parsed:
            spec.validate(data)
        t2 = time.perf_counter()
    n = args.rows
    print(f"rows: {n}")
    print(f"formfill validate (whole command): {whole:.2f} s = {n / whole:,.0f} rows/s")
    print(f"  strict JSON parsing alone:        {t1 - t0:.2f} s = {n / (t1 - t0):,.0f} rows/s")
    print(
        f"  pydantic validation alone:        {t2 - t1:.2f} s = {n / (t2 - t1):,.0f} rows/s "
        f"({(t2 - t1) / n * 1e6:.1f} µs/row)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
