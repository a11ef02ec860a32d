"""Benchmark (by hand): ``formfill validate khai-sinh`` over a large JSONL, rows per second on one core.

    .venv/bin/python benchmarks/validate.py [--rows 100000] [--repeats 3] [--against OTHER_CHECKOUT]

Prints rows/s for the whole command (process start, strict JSON parsing, validation, report) and,
in this process, µs a row for strict JSON parsing, for the model's own validator (the exact path,
which also explains invalid rows) and for ``FormSpec.validate`` (the fast validator), so the note can
say where the time goes. Target: >= 20,000 rows/s for the whole command.

On a shared machine single runs mislead: every figure is the median of ``--repeats`` runs, and the
runs being compared are interleaved (A B A B …). ``--against`` names another checkout of formfill
(e.g. one made with ``git worktree add`` at an older commit): its whole command runs on the same
file, interleaved with this one's, for a before/after figure taken under the same load.

The rows vary (names, personal ID numbers, dates) so that no cache of whole values can flatter the
figures; addresses and places repeat, as they do in a real commune's file.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-12-01"
_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ")
_MIDDLE = ("Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu", "Đức", "Thu", "Bảo", "Quốc")
_GIVEN = ("An", "Bình", "Châu", "Dũng", "Hường", "Khôi", "Lan", "Nam", "Phúc", "Quỳnh", "Tuyết", "Yến")


def _name(i: int) -> str:
    return f"{_FAMILY[i % 12]} {_MIDDLE[i // 12 % 10]} {_GIVEN[i // 120 % 12]}"


def _row(i: int, base: dict[str, Any], alt: dict[str, Any]) -> dict[str, Any]:
    row = json.loads(json.dumps(base if i % 2 else alt))
    row["nguoi_duoc_khai_sinh"]["ho_ten"] = _name(i)
    row["nguoi_duoc_khai_sinh"]["ngay_sinh"] = f"{1 + i % 28:02d}/{1 + i // 28 % 9:02d}/2026"
    if i % 2:
        row["me"]["ho_ten"] = row["nguoi_yeu_cau"]["ho_ten"] = _name(i + 7)
        number = f"087195{i % 1_000_000:06d}"
        row["me"]["so_dinh_danh_ca_nhan"] = row["nguoi_yeu_cau"]["so_dinh_danh_ca_nhan"] = number
        row["cha"]["ho_ten"] = _name(i + 3)
        row["cha"]["so_dinh_danh_ca_nhan"] = f"087092{(i * 7) % 1_000_000:06d}"
    return row


def make_rows(n: int, path: Path) -> None:
    base = json.loads((ROOT / "examples" / "khai-sinh" / "valid-1.json").read_text(encoding="utf-8"))
    alt = json.loads((ROOT / "examples" / "khai-sinh" / "valid-2.json").read_text(encoding="utf-8"))
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(_row(i, base, alt), ensure_ascii=False) + "\n")


def run_command(checkout: Path, path: Path) -> float:
    """Seconds for ``formfill validate khai-sinh FILE`` with ``checkout``'s formfill."""
    env = {**os.environ, "PYTHONPATH": str(checkout), "FORMFILL_TODAY": TODAY}
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "formfill", "validate", "khai-sinh", str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=checkout,
    )
    took = time.perf_counter() - start
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    return took


def per_row(fn: Callable[[Any], Any], items: list[Any]) -> float:
    """µs a row for ``fn`` over ``items``."""
    start = time.perf_counter()
    for item in items:
        fn(item)
    return (time.perf_counter() - start) / len(items) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another formfill checkout to compare with")
    args = parser.parse_args()
    os.environ["FORMFILL_TODAY"] = TODAY
    n = args.rows
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.jsonl"
        make_rows(n, path)
        whole: dict[str, list[float]] = {"this checkout": [], "--against": []}
        for _ in range(args.repeats):
            whole["this checkout"].append(run_command(ROOT, path))
            if args.against:
                whole["--against"].append(run_command(args.against.resolve(), path))
        lines = path.read_text(encoding="utf-8").splitlines()

    sys.path.insert(0, str(ROOT))
    from formfill.base.json_input import loads_strict
    from formfill.forms import get_form

    spec = get_form("khai-sinh")
    sample = lines[: min(n, 20_000)]
    parsed = [loads_strict(line) for line in sample]
    for data in parsed[:200]:  # build the fast validator and warm the caches first
        spec.validate(data)
    parts: dict[str, list[float]] = {"json": [], "exact": [], "fast": []}
    for _ in range(args.repeats):
        parts["json"].append(per_row(loads_strict, sample))
        parts["exact"].append(per_row(spec.model.model_validate, parsed))
        parts["fast"].append(per_row(spec.validate, parsed))

    print(f"rows: {n}, medians of {args.repeats} interleaved runs")
    for label, runs in whole.items():
        if runs:
            s = statistics.median(runs)
            print(f"formfill validate, whole command ({label}): {s:.2f} s = {n / s:,.0f} rows/s")
    names = {
        "json": "strict JSON parsing",
        "exact": "model.model_validate (exact path)",
        "fast": "FormSpec.validate (fast path)",
    }
    for key, label in names.items():
        us = statistics.median(parts[key])
        print(f"  {label + ':':36} {us:6.1f} µs/row = {1e6 / us:,.0f} rows/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
