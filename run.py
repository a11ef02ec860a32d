#!/usr/bin/env python3
"""Set up formfill on first use and run it: ``python3 run.py`` (the assistant), ``python3 run.py test``.

Needs only Python >= 3.11 with its venv module. The first run creates ``.venv`` here and installs
formfill with its test tools into it (a few minutes); later runs start at once.
    python3 run.py                 the assistant (any formfill command works: python3 run.py forms)
    python3 run.py test [ARGS]     the test suite (pytest ARGS)
    python3 run.py lint            ruff check, then ruff format --check (what CI runs)
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".formfill-installed"


def _wanted() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_env() -> None:
    """Create the virtual environment and install formfill[dev], once per pyproject change."""
    if sys.version_info < (3, 11):  # noqa: UP036 - run.py runs under whatever python3 the user has
        sys.exit(f"formfill needs Python 3.11 or newer (this is {sys.version.split()[0]}).")
    if STAMP.exists() and STAMP.read_text() == _wanted() and PY.exists():
        return
    if not PY.exists():
        print("formfill: tạo môi trường .venv (lần đầu) / creating .venv (first run)…", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("formfill: cài đặt gói phụ thuộc / installing dependencies…", file=sys.stderr)
    subprocess.run([str(PY), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([str(PY), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(_wanted())


def lint(args: list[str]) -> int:
    """ruff check (ARGS go to it), then ruff format --check: both run, either failing fails."""
    steps = (["check", str(ROOT), *args], ["format", "--check", str(ROOT)])
    codes = [subprocess.run([str(PY), "-m", "ruff", *step], cwd=os.getcwd()).returncode for step in steps]
    return max(codes)


def main(argv: list[str]) -> int:
    ensure_env()
    if argv[:1] == ["test"]:
        cmd = [str(PY), "-m", "pytest", *argv[1:]]
    elif argv[:1] == ["lint"]:
        return lint(argv[1:])
    else:
        cmd = [str(PY), "-m", "formfill", *argv]
    return subprocess.run(cmd, cwd=os.getcwd()).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
