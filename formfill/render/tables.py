"""Tables of a flow template: column widths and wrapped headers, fixed-row tables, and the grid of a
table whose rows come from a list field (on the form's page and again on continuation sheets).

Which page a roster table goes on, and how many rows it gets there, is the flow compiler's call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from formfill.layout import model as m
from formfill.render.compiled import ColumnSpec, LineOp, Op, RectOp, Segment, TableSlot, TextOp, ValueSlot
from formfill.render.context import Builder, Context, clean_label
from formfill.render.fitting import fit_text, text_width
from formfill.render.fonts import BOLD, ITALIC
from formfill.render.runs import Out, RunLayout


def column_widths(ctx: Context, el: m.TableEl, ypath: tuple[Any, ...]) -> list[float]:
    frame = ctx.right - ctx.left
    fixed = [c.width.resolve(frame) for c in el.columns]
    free = frame - sum(w for w in fixed if w is not None)
    n_rest = sum(1 for w in fixed if w is None)
    widths = [w if w is not None else free / max(n_rest, 1) for w in fixed]
    if free < -0.5 or any(w <= 8 for w in widths):
        raise ctx.source_error(ypath, "the columns are wider than the text width")
    return widths


def header_lines(
    ctx: Context, el: m.TableEl, ypath: tuple[Any, ...], widths: list[float]
) -> list[tuple[str, ...]]:
    hsize = el.header_size or el.size or ctx.size
    out = []
    for j, (col, w) in enumerate(zip(el.columns, widths, strict=True)):
        ctx.check_static(col.header, BOLD, (*ypath, "columns", j, "header"))
        fitted = fit_text(col.header, [w - 4] * 6, BOLD, hsize, hsize)
        if fitted is None:
            raise ctx.source_error((*ypath, "columns", j, "header"), "the header does not fit its column")
        out.append(tuple(fitted.lines))
    return out


def fixed_table(ctx: Context, el: m.TableEl, ypath: tuple[Any, ...]) -> Builder:
    """A table of fixed rows: a label column, then one value slot per column (no continuation rows)."""
    size = el.size or ctx.size
    hsize = el.header_size or size
    lead, hl = ctx.lead(size), ctx.lead(hsize)
    widths = column_widths(ctx, el, ypath)
    headers = header_lines(ctx, el, ypath, widths)
    header_h = max(len(h) for h in headers) * hl + 4
    xs = [ctx.left + sum(widths[:j]) for j in range(len(widths) + 1)]

    def build(page: int, top: float) -> tuple[float, Out]:
        out = Out()
        for j, lines in enumerate(headers):
            _header_text(out.ops, page, xs[j], xs[j + 1], top, header_h, lines, hsize, hl)
        y = top - header_h
        rules = [y]
        for r, row in enumerate(el.fixed_rows):
            rpath = (*ypath, "fixed_rows", r)
            rl = RunLayout(ctx, page, xs[0] + 3, xs[1] - 3, size, el.label_style)
            label_h, o = rl.layout([m.TextRun(text=row.label)], (*rpath, "label"), y - 1.5)
            out.ops.extend(o.ops)
            n_lines = max(row.lines, round(label_h / lead)) + ctx.grow.get(rpath, 0)
            for j, cell in enumerate(row.cells):
                col = el.columns[j + 1]
                segs = _cell_segments(page, xs[j + 1] + 2, xs[j + 2] - 2, y, lead, n_lines)
                label = f"{clean_label(row.label)} ({clean_label(col.header)})"
                out.slots.append(
                    ValueSlot(
                        cell.field,
                        cell.format,
                        segs,
                        "regular",
                        size,
                        min(ctx.floor, size),
                        col.align,
                        label,
                        binding=cell,
                        free=ctx.free_text(cell),
                        source=rpath,
                        grow_width=xs[j + 2] - xs[j + 1] - 4,
                    )
                )
            y -= n_lines * lead + 3
            rules.append(y)
        out.ops.append(RectOp(page, xs[0], y, xs[-1] - xs[0], top - y, 0.7))
        for x in xs[1:-1]:
            out.ops.append(LineOp(page, x, top, x, y, 0.6))
        for ry in rules[:-1]:
            out.ops.append(LineOp(page, xs[0], ry, xs[-1], ry, 0.6 if ry == rules[0] else 0.4))
        return top - y + lead * 0.3, out

    return build


@dataclass
class RosterTable:
    """A table whose rows come from a list field, measured before its page and row count are chosen."""

    el: m.TableEl
    ypath: tuple[Any, ...]
    cols: list[ColumnSpec]
    size: float
    hsize: float
    lead: float
    header_h: float
    row_h: float
    note_h: float  # the "continued on a sheet" pointer under the grid

    @classmethod
    def measure(cls, ctx: Context, el: m.TableEl, ypath: tuple[Any, ...]) -> RosterTable:
        size = el.size or ctx.size
        hsize = el.header_size or size
        lead = ctx.lead(size)
        widths = column_widths(ctx, el, ypath)
        cols: list[ColumnSpec] = []
        x = ctx.left
        n_header = 1
        assert el.rows_from is not None
        for col, w, lines in zip(el.columns, widths, header_lines(ctx, el, ypath, widths), strict=True):
            assert col.value is not None
            n_header = max(n_header, len(lines))
            cols.append(
                ColumnSpec(
                    col.value.field,
                    col.value.format,
                    col.value,
                    x,
                    x + w,
                    col.align,
                    lines,
                    col.header,
                )
            )
            x += w
        header_h = n_header * ctx.lead(hsize) + 4
        row_h = el.lines_per_cell * lead + 3
        return cls(el, ypath, cols, size, hsize, lead, header_h, row_h, lead)

    def heights(self, ctx: Context, n_rows: int) -> list[float]:
        """Each row's height: the template's, plus the lines a long name needed (``ctx.grow``)."""
        return [self.row_h + ctx.grow.get((*self.ypath, "row", i), 0) * self.lead for i in range(n_rows)]

    def place(self, ctx: Context, page: int, top: float, n_rows: int) -> tuple[list[Op], TableSlot]:
        """The grid of ``n_rows`` empty rows at ``top`` of ``page``, and the slot the rows are filled into."""
        el = self.el
        assert el.rows_from is not None
        ctx.check_static(el.more_noun, ITALIC, (*self.ypath, "more_noun"))
        label = clean_label(el.continuation_title) or el.rows_from
        ops, rows = table_grid(
            page,
            top,
            self.cols,
            self.header_h,
            self.row_h,
            n_rows,
            self.hsize,
            ctx,
            el.lines_per_cell,
            self.size,
            row_heights=self.heights(ctx, n_rows),
            source=self.ypath,
        )
        note = Segment(
            page, ctx.left, ctx.right, top - self.header_h - sum(self.heights(ctx, n_rows)) - self.lead * 0.85
        )
        slot = TableSlot(
            rows_from=el.rows_from,
            columns=tuple(self.cols),
            rows=rows,
            note=note,
            header_height=self.header_h,
            row_height=self.row_h,
            lines_per_cell=el.lines_per_cell,
            size=self.size,
            header_size=self.hsize,
            label=label,
            continuation_title=el.continuation_title or label,
            more_noun=el.more_noun,
        )
        return ops, slot


def table_grid(
    page: int,
    top: float,
    cols: list[ColumnSpec] | tuple[ColumnSpec, ...],
    header_h: float,
    row_h: float,
    n_rows: int,
    hsize: float,
    ctx: Any,
    lines_per_cell: int,
    size: float,
    row_heights: list[float] | None = None,
    source: tuple[Any, ...] = (),
) -> tuple[list[Op], tuple[tuple[ValueSlot, ...], ...]]:
    """The grid, the header text and the cell slots of a table (also used on continuation sheets).

    ``source``: the table's template path on the form's page; a row whose name does not fit its
    cell at the floor size is grown by lines under the key ``(*source, "row", i)``.
    """
    ops: list[Op] = []
    heights = row_heights or [row_h] * n_rows
    total = header_h + sum(heights)
    x0, x1 = cols[0].x0, cols[-1].x1
    ops.append(RectOp(page, x0, top - total, x1 - x0, total, 0.7))
    for c in cols[1:]:
        ops.append(LineOp(page, c.x0, top, c.x0, top - total, 0.6))
    hl = ctx.lead(hsize)
    for c in cols:
        _header_text(ops, page, c.x0, c.x1, top, header_h, c.header_lines, hsize, hl)
    y = top - header_h
    ops.append(LineOp(page, x0, y, x1, y, 0.6))
    lead = ctx.lead(size)
    rows = []
    free_text = getattr(ctx, "free_text", None)
    for i, h in enumerate(heights):
        lines = max(1, int((h - 3) // lead))
        cells = []
        for c in cols:
            segs = _cell_segments(page, c.x0 + 1, c.x1 - 1, y, lead, lines)
            cells.append(
                ValueSlot(
                    c.path,
                    c.fmt,
                    segs,
                    "regular",
                    size,
                    min(ctx.floor, size),
                    c.align,
                    c.label,
                    binding=c.binding,
                    free=bool(free_text and free_text(c.binding)),
                    source=(*source, "row", i) if source else (),
                    grow_width=(c.x1 - c.x0 - 2) if source else 0.0,
                )
            )
        rows.append(tuple(cells))
        y -= h
        ops.append(LineOp(page, x0, y, x1, y, 0.4))
    return ops, tuple(rows)


def _header_text(
    ops: list[Op],
    page: int,
    x0: float,
    x1: float,
    top: float,
    header_h: float,
    lines: tuple[str, ...],
    hsize: float,
    hl: float,
) -> None:
    """A column header's lines, each centred between x0 and x1, the block centred in the header row."""
    y = top - (header_h - len(lines) * hl) / 2 - hl * 0.78
    for line in lines:
        w = text_width(line, BOLD, hsize)
        ops.append(TextOp(page, (x0 + x1 - w) / 2, y, line, BOLD, hsize))
        y -= hl


def _cell_segments(
    page: int, x0: float, x1: float, top: float, lead: float, lines: int
) -> tuple[Segment, ...]:
    """The baselines of a cell's ``lines`` lines, the first just under the rule at ``top``."""
    return tuple(Segment(page, x0, x1, top - 1.5 - lead * k - lead * 0.78) for k in range(lines))
