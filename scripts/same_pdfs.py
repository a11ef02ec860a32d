#!/usr/bin/env python3
"""Render every example at a base commit and at the work tree, and compare the PDFs byte for byte.

Run by hand (not in CI: dependencies are not pinned, so bytes may differ between machines, never
between two commits on one machine):

    .venv/bin/python scripts/same_pdfs.py --base <commit>

Both sides use this checkout's example files (``examples/*/valid-*.json`` through ``formfill fill``,
``examples/rosters/*`` through ``formfill batch``) and the same Python environment; the base side
imports formfill from a temporary ``git worktree`` of the base commit. Exit 0 when every PDF is
identical, 1 otherwise (the differing files are listed).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(code_root: Path, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {**env, "PYTHONPATH": str(code_root)}
    return subprocess.run(
        [sys.executable, "-m", "formfill", *args], cwd=code_root, env=env, capture_output=True, text=True
    )


def render_all(code_root: Path, out: Path) -> list[str]:
    """Every example PDF under ``out``; returns what failed to run (command and stderr tail)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORMFILL_") or k == "FORMFILL_CACHE_DIR"}
    problems: list[str] = []
    for data in sorted((ROOT / "examples").glob("*/valid-*.json")):
        form = data.parent.name
        target = out / f"{form}--{data.stem}.pdf"
        proc = _run(code_root, ["fill", form, str(data), "-o", str(target)], env)
        if proc.returncode != 0:
            problems.append(f"fill {form} {data.name}: exit {proc.returncode}: {proc.stderr[-300:]}")
    for roster in sorted((ROOT / "examples" / "rosters").glob("*")):
        form = next((f for f in _forms() if roster.name.startswith(f)), None)
        if form is None or roster.suffix not in (".csv", ".tsv", ".jsonl", ".xlsx"):
            continue
        target = out / f"batch-{roster.name}"
        proc = _run(code_root, ["batch", form, str(roster), "-o", str(target), "--jobs", "1"], env)
        if proc.returncode not in (0, 1):
            problems.append(f"batch {form} {roster.name}: exit {proc.returncode}: {proc.stderr[-300:]}")
    return problems


def _forms() -> list[str]:
    ids = [p.stem for p in (ROOT / "schemas").glob("*.py") if not p.name.startswith("_")]
    ids = [i.replace("_", "-") for i in ids]
    return sorted(ids, key=len, reverse=True)


def pdfs(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.pdf"))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the commit to compare against")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="same-pdfs-") as tmp:
        tmpdir = Path(tmp)
        base_tree = tmpdir / "base"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(base_tree), args.base],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        try:
            (tmpdir / "a").mkdir()
            (tmpdir / "b").mkdir()
            problems = render_all(base_tree, tmpdir / "a") + render_all(ROOT, tmpdir / "b")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base_tree)], cwd=ROOT, check=False)
        before, after = pdfs(tmpdir / "a"), pdfs(tmpdir / "b")
        for line in problems:
            print("ERROR", line)
        differ = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        for name in differ:
            state = (
                "missing before"
                if name not in before
                else "missing after"
                if name not in after
                else "differs"
            )
            print(f"{state}: {name}")
        print(f"{len(before)} PDFs at {args.base[:10]}, {len(after)} in the work tree, {len(differ)} differ")
        return 0 if not differ and not problems and before else 1


if __name__ == "__main__":
    sys.exit(main())
