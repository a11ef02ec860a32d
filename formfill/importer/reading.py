"""Read a blank form's page with pdfplumber: text lines split into label text and blanks.

A blank is what a person writes on: a run of leader glyphs (". … _"), an underline drawn as a
line or as a row of thin dashes (a browser's dotted border), a tick box (a "☐ □" glyph or a small
square cell), a row of digit boxes (the 12-box ID grid: glyphs or cells). Table grids with a header
row are kept apart (repeating groups). Coordinates are PDF points from the top-left of the page.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass, field
from typing import Any

LEADERS = {".": 4, "…": 2, "_": 3, "‥": 2}  # glyph -> how many in a row make a blank
BOX_GLYPHS = {"☐", "□", "❑", "▢"}
_THIN = 1.6  # a rect thinner than this is a rule (a line drawn as a filled rect)


@dataclass
class Seg:
    """A piece of a text line: label text, or a blank (``blank``, ``check``, ``digits``)."""

    kind: str
    x0: float
    x1: float
    text: str = ""
    count: int = 0  # digits: number of boxes
    top: float = 0.0  # boxes: their top edge
    bottom: float = 0.0


@dataclass
class TextLine:
    page: int
    baseline: float
    size: float
    segs: list[Seg] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segs if s.kind == "text")


@dataclass
class Grid:
    """A table with a header row and empty rows under it."""

    page: int
    headers: list[tuple[str, float, float]]  # text, x0, x1 of each column
    first_top: float  # top of the first empty row
    pitch: float
    rows: int
    bbox: tuple[float, float, float, float]


@dataclass
class PageRead:
    page: int
    width: float
    height: float
    lines: list[TextLine]
    grids: list[Grid]
    printed: list[tuple[float, float, float, float]]  # bboxes of printed (non-leader) glyphs


class NoTextLayer(Exception):
    """A page without text: a scan."""

    def __init__(self, page: int) -> None:
        super().__init__(page)
        self.page = page


def read_page(page: Any, number: int) -> PageRead:
    chars = [c for c in page.chars if c["text"].strip()]
    if not chars:
        raise NoTextLayer(number)
    tables, cells = _tables(page)
    grids = [g for g in (_grid(t, number) for t in tables) if g is not None]
    in_grid = [g.bbox for g in grids]
    chars = [c for c in chars if not _inside(c, in_grid)]
    lines = _text_lines(chars, page.height, number)
    boxes = _add_cells(lines, cells, tables, number)
    _add_rules(lines, _rules(page, in_grid + boxes), number)
    lines.sort(key=lambda ln: ln.baseline)
    printed = [
        (c["x0"], c["top"], c["x1"], c["bottom"])
        for c in chars
        if c["text"] not in LEADERS and c["text"] not in BOX_GLYPHS
    ]
    return PageRead(number, float(page.width), float(page.height), lines, grids, printed)


def _inside(c: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def _baseline(c: dict[str, Any], height: float) -> float:
    return height - c["matrix"][5]


def _text_lines(chars: list[dict[str, Any]], height: float, number: int) -> list[TextLine]:
    rows: list[list[dict[str, Any]]] = []
    for c in sorted(chars, key=lambda c: (_baseline(c, height), c["x0"])):
        b = _baseline(c, height)
        # superscript marks sit higher but belong to the line they follow
        if rows and b - _baseline(rows[-1][0], height) < max(2.5, 0.45 * c["size"]):
            rows[-1].append(c)
        else:
            rows.append([c])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        base = statistics.median(_baseline(c, height) for c in row)
        size = statistics.median(c["size"] for c in row)
        lines.append(TextLine(number, base, size, _segments(row, size)))
    return lines


def _segments(row: list[dict[str, Any]], size: float) -> list[Seg]:
    """Split a line's glyphs into text, leader runs and box-glyph runs; a wide gap splits text (columns)."""
    runs: list[tuple[str, list[dict[str, Any]]]] = []
    for c in row:
        t = c["text"]
        kind = "lead" if t in LEADERS else "box" if t in BOX_GLYPHS else "text"
        if (
            runs
            and runs[-1][0] == kind
            and c["x0"] - runs[-1][1][-1]["x1"] < (1.2 * size if kind == "text" else size * 0.9)
        ):
            runs[-1][1].append(c)
        else:
            runs.append((kind, [c]))
    segs: list[Seg] = []
    for kind, cs in runs:
        x0, x1 = cs[0]["x0"], cs[-1]["x1"]
        if kind == "lead" and len(cs) >= LEADERS[cs[0]["text"]]:
            segs.append(Seg("blank", x0, x1))
        elif kind == "box":
            top, bottom = min(c["top"] for c in cs), max(c["bottom"] for c in cs)
            box = Seg("check" if len(cs) < 6 else "digits", x0, x1, count=len(cs), top=top, bottom=bottom)
            segs.append(box)
        else:
            text = _join(cs)
            if segs and segs[-1].kind == "text" and x0 - segs[-1].x1 < 1.2 * size:
                segs[-1].text += text
                segs[-1].x1 = x1
            else:
                segs.append(Seg("text", x0, x1, text))
    return segs


def _join(cs: list[dict[str, Any]]) -> str:
    out = cs[0]["text"]
    for a, b in itertools.pairwise(cs):
        gap = b["x0"] - a["x1"]
        out += (" " if gap > 0.18 * b["size"] else "") + b["text"]
    return out


def _rules(page: Any, skip: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float]]:
    """Horizontal rules (x0, x1, y): lines, and thin rects joined (a dotted border is many dashes)."""
    parts = [(o["x0"], o["x1"], o["top"]) for o in page.lines if abs(o["top"] - o["bottom"]) < 0.5]
    parts += [
        (o["x0"], o["x1"], (o["top"] + o["bottom"]) / 2)
        for o in page.rects
        if o["bottom"] - o["top"] < _THIN and o["x1"] - o["x0"] > 0.3
    ]
    parts = [
        p
        for p in parts
        if not any(b[0] - 1 <= p[0] and p[1] <= b[2] + 1 and b[1] - 1 <= p[2] <= b[3] + 1 for b in skip)
    ]
    parts.sort(key=lambda p: (round(p[2] * 2), p[0]))
    joined: list[list[float]] = []
    for x0, x1, y in parts:
        last = joined[-1] if joined else None
        if last and abs(last[2] - y) < 0.6 and x0 - last[1] < 4.5:
            last[1] = max(last[1], x1)
        else:
            joined.append([x0, x1, y])
    return [(a, b, y) for a, b, y in joined if b - a > 12]


def _place(lines: list[TextLine], number: int, y_top: float, y_bottom: float, size: float) -> TextLine:
    """The text line whose baseline lies in ``[y_top, y_bottom]``, or a new one at ``y_bottom``."""
    for ln in lines:
        if y_top <= ln.baseline <= y_bottom:
            return ln
    ln = TextLine(number, y_bottom, size)
    lines.append(ln)
    return ln


def _insert(line: TextLine, seg: Seg) -> None:
    if any(s.kind == "text" and s.x0 < seg.x1 - 1 and seg.x0 < s.x1 - 1 for s in line.segs):
        return  # a rule under printed text is an underline of the text, not a blank
    line.segs.append(seg)
    line.segs.sort(key=lambda s: s.x0)


def _add_rules(lines: list[TextLine], rules: list[tuple[float, float, float]], number: int) -> None:
    size = statistics.median([ln.size for ln in lines]) if lines else 12.0
    for x0, x1, y in rules:
        _insert(_place(lines, number, y - 0.6 * size, y + 0.5, size), Seg("blank", x0, x1))


def _tables(page: Any) -> tuple[list[Any], list[tuple[float, float, float, float]]]:
    finder = page.debug_tablefinder()
    return list(finder.tables), [tuple(c) for c in finder.cells]


def _add_cells(
    lines: list[TextLine], cells: list[Any], tables: list[Any], number: int
) -> list[tuple[float, float, float, float]]:
    """Tick boxes (one small square cell) and digit grids (a one-row table of small cells); their bboxes."""
    found: list[tuple[float, float, float, float]] = []
    size = statistics.median([ln.size for ln in lines]) if lines else 12.0
    used: set[tuple[float, ...]] = set()
    for t in tables:
        if len(t.rows) == 1 and len(t.rows[0].cells) >= 6:
            row = [c for c in t.rows[0].cells if c]
            if all(c[2] - c[0] < 25 for c in row):
                x0, top, x1, bottom = t.bbox
                seg = Seg("digits", x0, x1, count=len(row), top=top, bottom=bottom)
                _insert(_place(lines, number, top, bottom + 2, size), seg)
                found.append((x0, top, x1, bottom))
                used.update(tuple(c) for c in row)
    for c in cells:
        w, h = c[2] - c[0], c[3] - c[1]
        if tuple(c) not in used and 5 < w < 18 and abs(w - h) < 2.5:
            seg = Seg("check", c[0], c[2], top=c[1], bottom=c[3])
            _insert(_place(lines, number, c[1], c[3] + 2, size), seg)
            found.append((c[0], c[1], c[2], c[3]))
    return found


def _grid(table: Any, number: int) -> Grid | None:
    rows = table.rows
    if len(rows) < 2 or len(rows[0].cells) < 2:
        return None
    header = table.extract()[0]
    if not any(h and h.strip() for h in header):
        return None
    heads = [
        ((text or "").replace("\n", " ").strip(), c[0], c[2])
        for text, c in zip(header, rows[0].cells, strict=False)
        if c is not None
    ]
    first = rows[1].bbox
    pitch = (rows[-1].bbox[3] - first[1]) / (len(rows) - 1)
    return Grid(number, heads, first[1], pitch, len(rows) - 1, tuple(table.bbox))
