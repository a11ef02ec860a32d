"""Characters the form's font can print, checked as cheaply as a pattern.

``fill`` refuses a character its embedded font has no glyph for (an emoji, a CJK ideograph); the
types refuse the same characters at validate time so that ``validate``, the assistant and ``fill``
agree. The types may not import ``formfill.render``, so the set comes from a small table beside this
module (``data/printable_chars.txt``, made by ``scripts/make_printable_chars.py`` from the installed
font package and checked against it by a drift test), compiled once into one negated character class.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from formfill.base.errors import FormfillError

DATA_FILE = "data/printable_chars.txt"


class PrintableTableError(FormfillError):
    """The printable-character table shipped with formfill is missing or damaged (a broken install)."""


def parse_table(text: str) -> list[tuple[int, int]]:
    """The ``(first, last)`` code-point ranges of the table's text (``#`` lines are notes)."""
    runs: list[tuple[int, int]] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            first, last = (int(part, 16) for part in line.split("-"))
        except ValueError as exc:
            raise PrintableTableError(f"{DATA_FILE}:{number}: not a range: {line[:40]!r}") from exc
        if not 0 <= first <= last <= 0x10FFFF:
            raise PrintableTableError(f"{DATA_FILE}:{number}: range out of order: {line[:40]!r}")
        runs.append((first, last))
    if not runs:
        raise PrintableTableError(f"{DATA_FILE}: no ranges")
    return runs


@lru_cache(maxsize=1)
def printable_ranges() -> tuple[tuple[int, int], ...]:
    """The shipped table's ranges, read once."""
    try:
        text = resources.files("formfill.types").joinpath(DATA_FILE).read_text(encoding="utf-8")
    except OSError as exc:
        raise PrintableTableError(f"{DATA_FILE}: cannot be read ({type(exc).__name__})") from exc
    return tuple(parse_table(text))


@lru_cache(maxsize=1)
def _unprintable() -> re.Pattern[str]:
    body = "".join(f"{_esc(a)}-{_esc(b)}" if a != b else _esc(a) for a, b in printable_ranges())
    return re.compile(f"[^{body}]")


def _esc(cp: int) -> str:
    return f"\\U{cp:08X}"


def first_unprintable(text: str) -> str | None:
    """The first character of ``text`` the font cannot print, or ``None`` (plain ASCII never looks)."""
    if text.isascii():
        return None  # the table holds all printable ASCII (drift test); controls are cleaned before
    hit = _unprintable().search(text)
    return hit.group() if hit else None
