"""Writing the finished declaration: PDF bytes from the renderer, a new file in the output folder,
and printing through the system's ``lp``. No Textual here."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel

from formfill.base import clock
from formfill.forms import FormSpec

MAX_TRIES = 100


def pdf_name(spec: FormSpec, when: datetime, n: int = 1) -> str:
    """``khai-sinh-20261126-180749.pdf`` (no personal data in the name; ``-2``… when taken)."""
    stem = f"{spec.id}-{when:%Y%m%d-%H%M%S}"
    return f"{stem}.pdf" if n == 1 else f"{stem}-{n}.pdf"


def write_pdf(spec: FormSpec, declaration: BaseModel, folder: Path, when: datetime | None = None) -> Path:
    """Render and write the PDF atomically under a new name in ``folder``; returns its path."""
    from formfill.base.files import atomic_write_new
    from formfill.render import render_pdf

    data = render_pdf(spec, declaration)
    folder.mkdir(parents=True, exist_ok=True)
    when = when or clock.now()
    for n in range(1, MAX_TRIES + 1):
        path = folder / pdf_name(spec, when, n)
        if path.exists():
            continue
        try:
            atomic_write_new(path, data)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(folder / pdf_name(spec, when))


def printer_available() -> bool:
    return shutil.which("lp") is not None


def print_pdf(path: Path) -> tuple[bool, str]:
    """Send the file to the default printer with ``lp``: (sent, the printer's name or "").

    What ``lp`` says is English ("request id is Office-12 (1 file(s))"): only the printer's name
    is kept, for a message in the user's language.
    """
    lp = shutil.which("lp")
    if lp is None:
        return False, ""
    try:
        done = subprocess.run([lp, "--", str(path)], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False, ""
    return done.returncode == 0, printer_of(done.stdout) if done.returncode == 0 else ""


def printer_of(lp_output: str) -> str:
    """The printer named in ``lp``'s answer: "request id is Office_HP-12 (1 file(s))" -> "Office_HP"."""
    found = re.search(r"request id is (\S+)-\d+", lp_output)
    return found[1] if found else ""
