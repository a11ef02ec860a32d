"""Read a PDF back (pdfplumber) and confirm every value of a plan is on its page, NFC-equal, in its box.

What is read is bounded first (:mod:`formfill.render.pdf_limits`): a hostile file is refused as
unreadable instead of taking the machine's memory.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from formfill.base.text import nfc
from formfill.render.draw import RenderOptions
from formfill.render.fonts import POSTSCRIPT_FAMILY
from formfill.render.pdf_limits import PdfNotScannable, PdfTooLarge, bounded_copy, read_bounded
from formfill.render.plan import Box, Plan

TOLERANCE = 3.0  # points, every side


@dataclass(frozen=True)
class Problem:
    path: str
    kind: str  # missing | misplaced | checkbox | digits
    expected: str
    found: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message()}"

    def message(self) -> str:
        """What is wrong, in the user's language ("missing" only when the box is really empty)."""
        from formfill.base.i18n import tr
        from formfill.base.messages import format_message

        if self.kind == "checkbox":
            words = {
                "True": tr("có đánh dấu", "ticked"),
                "False": tr("không đánh dấu", "not ticked"),
                "None": tr("không đánh dấu", "not ticked"),
                "no page": tr("không có trang này", "no such page"),
                "no box": tr("không thấy ô", "no box"),
            }
            ctx = {"expected": words[self.expected], "found": words.get(self.found, self.found)}
            return format_message("check_checkbox", ctx)
        key = {"misplaced": "check_misplaced", "digits": "check_digits"}.get(self.kind)
        key = key or ("check_different" if self.found.strip() else "check_missing")
        return format_message(key, {"expected": self.expected, "found": self.found})


class UnreadablePDF(Exception):
    """The file is not a PDF pdfplumber can read, or reading it back would cost more than any form."""


@dataclass
class _Page:
    height: float
    chars: list[dict[str, Any]]
    lines: list[dict[str, Any]]
    rects: list[dict[str, Any]]


# What verify() and the tests read of each object (pdfplumber's dicts hold some twenty keys).
_CHAR_KEYS = ("text", "x0", "x1", "top", "bottom", "fontname", "size")
_EDGE_KEYS = ("x0", "x1", "top", "bottom")


def _slim(objects: list[dict[str, Any]], keys: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{k: o[k] for k in keys if k in o} for o in objects]


def read_pdf(data: bytes) -> list[_Page]:
    """Every page's characters, lines and rectangles; :class:`UnreadablePDF` for a broken or
    oversized file (checked with pikepdf before pdfplumber lays anything out)."""
    import pdfplumber

    try:
        safe = bounded_copy(data)
    except PdfNotScannable as exc:
        # qpdf's own reason (English) for a file that is no PDF; a bound's message is already the user's
        raise UnreadablePDF(_not_pdf() if exc.__cause__ is not None else str(exc)) from exc
    except PdfTooLarge as exc:
        raise UnreadablePDF(str(exc)) from exc
    pages: list[_Page] = []
    try:
        with pdfplumber.open(io.BytesIO(safe)) as pdf:
            for p in pdf.pages:
                pages.append(
                    _Page(
                        float(p.height),
                        _slim(p.chars, _CHAR_KEYS),
                        _slim(p.lines, _EDGE_KEYS),
                        _slim(p.rects, _EDGE_KEYS),
                    )
                )
                p.close()  # one page's layout in memory at a time
    except Exception as exc:  # pdfminer raises many kinds (English "No /Root object!…") for a broken file
        raise UnreadablePDF(_not_pdf()) from exc
    return pages


def _not_pdf() -> str:
    from formfill.base.messages import format_message

    return format_message("check_not_pdf")


def read_pdf_file(path: Path) -> tuple[bytes, list[_Page]]:
    """The file's bytes and pages, reading no more than ``MAX_FILE_BYTES`` of it."""
    try:
        data = read_bounded(path)
    except PdfTooLarge as exc:
        raise UnreadablePDF(str(exc)) from exc
    return data, read_pdf(data)


def _shift(box: Box, opts: RenderOptions) -> Box:
    dx = opts.offset_x_mm * 72 / 25.4
    dy = -opts.offset_y_mm * 72 / 25.4
    return Box(box.page, box.x0 + dx, box.y0 + dy, box.x1 + dx, box.y1 + dy)


def _drawn_by_formfill(char: dict[str, Any]) -> bool:
    """A character in one of formfill's own faces (pdfplumber names them ``ABCDEF+NotoSerif-…``)."""
    return str(char.get("fontname", "")).split("+")[-1].startswith(POSTSCRIPT_FAMILY)


def text_in(page: _Page, box: Box, tol: float = TOLERANCE, *, own_only: bool = False) -> str:
    """Characters lying wholly inside ``box`` (± tol), in reading order.

    ``own_only``: only what formfill drew — over an office's blank the dotted leaders under a value
    are the blank's text, not part of the value.
    """
    top, bottom = page.height - box.y1 - tol, page.height - box.y0 + tol
    inside = [
        c
        for c in page.chars
        if c["x0"] >= box.x0 - tol
        and c["x1"] <= box.x1 + tol
        and c["top"] >= top
        and c["bottom"] <= bottom
        and (not own_only or _drawn_by_formfill(c))
    ]
    inside.sort(key=lambda c: c["x0"])  # a box holds one line
    return "".join(c["text"] for c in inside)


def read_value(
    pages: list[_Page],
    boxes: list[Box],
    joins: tuple[str, ...],
    opts: RenderOptions | None = None,
    *,
    own_only: bool = False,
) -> str:
    """The text found in a value's line boxes, joined as the plan broke it."""
    opts = opts or RenderOptions()
    parts = []
    for box in boxes:
        b = _shift(box, opts)
        parts.append(text_in(pages[b.page], b, own_only=own_only).strip() if b.page < len(pages) else "")
    out = parts[0] if parts else ""
    for join, part in zip(joins, parts[1:], strict=False):
        out += join + part
    return out


def is_checked(page: _Page, box: Box, need_box: bool = True) -> bool | None:
    """True/False for a tick box at ``box`` (None: no drawn box there). Ticked = two diagonals inside.

    ``need_box=False`` for overlays, whose boxes are part of the background.
    """
    tol = 1.5
    top = page.height - box.y1

    def near(r: dict[str, Any]) -> bool:
        return abs(r["x0"] - box.x0) < tol + 1 and abs(r["top"] - top) < tol + 1

    if need_box and not any(near(r) for r in page.rects):
        return None
    inside = [
        ln
        for ln in page.lines
        if ln["x0"] >= box.x0 - tol
        and ln["x1"] <= box.x1 + tol
        and ln["top"] >= top - tol
        and ln["bottom"] <= page.height - box.y0 + tol
        and abs(ln["x1"] - ln["x0"]) > 0.5
        and abs(ln["bottom"] - ln["top"]) > 0.5
    ]
    return len(inside) >= 2


def verify(
    data: bytes,
    plan: Plan,
    options: RenderOptions | None = None,
    *,
    pages: list[_Page] | None = None,
    boxes_drawn: bool = True,
) -> list[Problem]:
    """Every value, tick box and digit of ``plan`` found in ``data``; the problems otherwise."""
    opts = options or RenderOptions()
    pages = pages if pages is not None else read_pdf(data)
    problems: list[Problem] = []
    for value in plan.values:
        # Over a background (an overlay), the blank's own print is not part of any value.
        found = read_value(pages, value.boxes, value.joins, opts, own_only=not boxes_drawn)
        if nfc(found) != nfc(value.text):
            where = [text_in(pages[b.page], b, 20).strip() for b in value.boxes if b.page < len(pages)]
            kind = "misplaced" if any(value.text[:8] in w for w in where) else "missing"
            problems.append(Problem(value.path, kind, value.text, found))
    for check in plan.checks:
        b = _shift(check.box, opts)
        if b.page >= len(pages):
            problems.append(Problem(check.path, "checkbox", str(check.checked), "no page"))
            continue
        state = is_checked(pages[b.page], b, need_box=boxes_drawn)
        if boxes_drawn and state is None:
            problems.append(Problem(check.path, "checkbox", str(check.checked), "no box"))
        elif (state or False) != check.checked:
            problems.append(Problem(check.path, "checkbox", str(check.checked), str(state)))
    for digits in plan.digits:
        got = "".join(
            text_in(pages[c.page], _shift(c, opts), 1.0, own_only=not boxes_drawn).strip()
            for c in digits.cells
        )
        if got != digits.text:
            problems.append(Problem(digits.path, "digits", digits.text, got))
    return problems
