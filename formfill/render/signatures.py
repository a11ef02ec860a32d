"""The signature row of a flow form: one column per signer, headings on one baseline.

A clerk reads the row left to right: each column's date line, then its heading ("NGƯỜI KÊ KHAI(6)")
with its footnote mark beside it, then the hint, the signing space and the name. Columns differ in
how many lines their date takes (a bound place and date are two lines, a blank one is one), so the
row is laid out in two passes: the date blocks first, measured, each ending where the headings
start; then every heading at that same top (so their first lines share one baseline); the signing
space starts under the tallest heading and hint, so the names line up too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from formfill.layout import model as m
from formfill.render.context import Builder, Context, clean_label
from formfill.render.runs import Out, RunLayout

PAD = 2.0  # points between a column's text and its edge
BLANK_DATE = "…, ngày … tháng … năm …"


@dataclass(frozen=True)
class _Column:
    """One signer's column on one page: where it stands and what it draws with."""

    ctx: Context
    page: int
    col: m.SignatureColumn
    x0: float
    x1: float
    size: float
    path: tuple[Any, ...]

    def runs(self, style: str, scale: float = 1.0, inset: float = PAD) -> RunLayout:
        return RunLayout(self.ctx, self.page, self.x0 + inset, self.x1 - inset, self.size * scale, style)


def signatures(ctx: Context, el: m.SignaturesEl, ypath: tuple[Any, ...]) -> Builder:
    """The builder of a ``signatures`` element (see the module docstring for the order)."""
    size = el.size or ctx.size
    n = len(el.columns)
    col_w = (ctx.right - ctx.left) / n
    if n == 1:  # one signer: the right half, as on the official forms
        col_w = (ctx.right - ctx.left) * 0.5

    def build(page: int, top: float) -> tuple[float, Out]:
        out = Out()
        cols = [
            _Column(
                ctx,
                page,
                col,
                ctx.right - col_w * (n - j),
                ctx.right - col_w * (n - j - 1),
                size,
                (*ypath, "columns", j),
            )
            for j, col in enumerate(el.columns)
        ]
        dates = [_date_block(c) for c in cols]
        date_h = max(h for h, _ in dates)
        heads: list[float] = []
        for (h, block), c in zip(dates, cols, strict=True):
            _take(out, block(top - (date_h - h)))  # each date block ends where the headings start
            heads.append(_heading(c, top - date_h, out))
        y_sign = top - date_h - max(heads) - el.space
        heights = [top - y_sign] + [top - _under(c, y_sign, out) for c in cols]
        y = top - ctx.lead(size) * 0.5
        for k, line in enumerate(el.aside):
            rl = RunLayout(ctx, page, ctx.left, ctx.right - col_w * n - 6, size, "regular")
            y -= _take(out, rl.layout(line, (*ypath, "aside", k), y))
        heights.append(top - y)
        return max(heights), out

    return build


def _date_block(c: _Column) -> tuple[float, Any]:
    """The column's date lines: their height, and a function drawing them at a given top."""
    col = c.col
    parts: list[tuple[list[Any], str]] = []
    if isinstance(col.date_line, m.PlaceDateBinding):
        # two lines at most: the short place ("Sa Đéc,") then "ngày … tháng … năm …"
        place = col.date_line.place.model_copy(
            update={"format": "short_place", "suffix": col.date_line.place.suffix or ","}
        )
        parts.append(([m.ValueRun(value=place, align="center", leader=False, style="italic")], "Làm tại"))
        parts.append((column_date_runs(col.date_line.date), "Ngày làm tờ khai"))
    elif col.date_line:
        parts.append(([m.TextRun(text=BLANK_DATE)], ""))

    def draw(top: float) -> tuple[float, Out]:
        out = Out()
        y = top
        for runs, label in parts:
            y -= _take(out, c.runs("italic").layout(runs, c.path, y, align="center", label=label))
        return top - y, out

    return draw(c.ctx.top)[0], draw


def _heading(c: _Column, top: float, out: Out) -> float:
    """The column's heading (its footnote mark kept beside it) and hint; returns their height."""
    y = top
    title = [m.TextRun(text=c.col.title, note=c.col.note)]
    y -= _take(out, c.runs("bold").layout(title, c.path, y, align="center"))
    if c.col.hint:
        y -= _take(
            out, c.runs("italic", 0.92).layout([m.TextRun(text=c.col.hint)], c.path, y, align="center")
        )
    return top - y


def _under(c: _Column, top: float, out: Out) -> float:
    """The signer's name under the signing space, then the column's extra lines; returns the bottom."""
    y = top
    if c.col.name is not None:
        name = m.ValueRun(
            value=c.col.name,
            width=m.Width(points=c.x1 - c.x0 - 8),
            align="center",
            leader=False,
            style="bold",
        )
        laid = c.runs("bold", inset=4).layout([name], (*c.path, "name"), y, label=clean_label(c.col.title))
        y -= _take(out, laid)
    for k, line in enumerate(c.col.lines):
        y -= _take(out, c.runs("regular", 0.92).layout(line, (*c.path, "lines", k), y))
    return y


def column_date_runs(date: m.Binding) -> list[Any]:
    """ "ngày 20 tháng 11 năm 2026" of a signature column as one value: a column is too narrow for
    three dotted slots with their words (~127 pt at 9 pt for ~113 pt), and one value wraps or shrinks
    by the engine's one rule."""
    value = m.Binding(field=date.field, format="date_line")
    return [m.ValueRun(value=value, align="center", leader=False, style="italic")]


def _take(out: Out, laid: tuple[float, Out]) -> float:
    """Add what a layout drew (ops and slots) to ``out``; return the height it took."""
    height, o = laid
    out.ops.extend(o.ops)
    out.slots.extend(o.slots)
    return height
