"""Compile a flow template once: walk its elements top to bottom, page by page.

Each element builder gets the page and the top of the space left and returns its height and
what it drew; an element that does not fit is built again at the top of a new page.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from formfill.layout import model as m
from formfill.layout.yamlsrc import TemplateError
from formfill.render.compiled import (
    ColumnSpec,
    Compiled,
    LineOp,
    Op,
    RectOp,
    Segment,
    TableSlot,
    TextOp,
    ValueSlot,
)
from formfill.render.fitting import fit_text, text_width
from formfill.render.fonts import BOLD, FACES, ITALIC, REGULAR, ensure_fonts
from formfill.render.runs import NOTE_RE, Out, RunLayout

Builder = Callable[[int, float], tuple[float, Out]]


def clean_label(text: str) -> str:
    return NOTE_RE.sub("", text).strip().rstrip(":").strip()


class Context:
    """What builders share: frame, sizes, static-text glyph check, file:line errors."""

    def __init__(self, spec: Any, template: m.Template) -> None:
        self.spec = spec
        self.t = template
        self.faces = ensure_fonts()
        self.codepoints = {f.name: f.codepoints for f in self.faces.values()}
        width, height = template.page.dimensions
        mg = template.page.margins
        self.page_w, self.page_h = width, height
        self.left, self.right = mg.left, width - mg.right
        self.top, self.bottom = height - mg.top, mg.bottom
        self.size = template.text.size
        self.leading = template.text.leading
        self.floor = template.text.floor

    def lead(self, size: float) -> float:
        return self.leading * size / self.size

    def source_error(self, ypath: tuple[Any, ...], message: str) -> TemplateError:
        if self.t.source is not None:
            return self.t.source.error(ypath, message)
        return TemplateError(self.t.path or self.t.form, None, message)

    def check_static(self, text: str, font: str, ypath: tuple[Any, ...]) -> None:
        cps = self.codepoints[font]
        for ch in text:
            if ord(ch) not in cps:
                raise self.source_error(ypath, f"the font has no glyph for {ch!r} (U+{ord(ch):04X})")


class FlowCompiler:
    def __init__(self, spec: Any, template: m.Template) -> None:
        self.ctx = Context(spec, template)
        self.t = template
        self.page = 0
        self.y = self.ctx.top
        self.static: list[list[Op]] = [[]]
        self.slots: list[Any] = []
        self.closed = False  # footnotes at the bottom close a page

    # --- placing --------------------------------------------------------------------------
    def new_page(self) -> None:
        self.page += 1
        self.static.append([])
        self.y = self.ctx.top
        self.closed = False

    def place(self, build: Builder, ypath: tuple[Any, ...]) -> None:
        if self.closed:
            self.new_page()
        height, out = build(self.page, self.y)
        if self.y - height < self.ctx.bottom - 0.01 and self.y < self.ctx.top - 0.01:
            self.new_page()
            height, out = build(self.page, self.y)
        if self.y - height < self.ctx.bottom - 0.01:
            raise self.ctx.source_error(ypath, "this element is taller than a page")
        self.static[self.page].extend(out.ops)
        self.slots.extend(out.slots)
        self.y -= height

    def compile(self) -> Compiled:
        ctx = self.ctx
        for i, el in enumerate(self.t.elements):
            ypath = ("elements", i, el.kind)
            if isinstance(el, m.PageBreakEl):
                self.new_page()
                continue
            if isinstance(el, m.SpacerEl):
                self.y -= el.height
                continue
            self.y -= el.space_before
            if isinstance(el, m.TableEl) and el.rows_from is not None:
                self._table(el, ypath, self.t.elements[i + 1 :])
            elif isinstance(el, m.FootnotesEl):
                self._footnotes(el, ypath)
            else:
                self.place(self.builder(el, ypath), ypath)
            self.y -= el.space_after
        for n in range(1, len(self.static)):  # NĐ 30: page numbers from page 2, centred in the top margin
            label = str(n + 1)
            w = text_width(label, REGULAR, 11)
            self.static[n].append(
                TextOp(n, (ctx.page_w - w) / 2, ctx.page_h - ctx.t.page.margins.top / 2, label, REGULAR, 11)
            )
        meta = self.ctx.spec.meta
        return Compiled(
            form_id=meta.id,
            kind="flow",
            page_size=(ctx.page_w, ctx.page_h),
            frame=(ctx.left, ctx.bottom, ctx.right, ctx.top),
            pages=len(self.static),
            static=self.static,
            slots=self.slots,
            size=ctx.size,
            leading=ctx.leading,
            floor=ctx.floor,
            title=meta.title.upper(),
        )

    # --- element builders ---------------------------------------------------------------------
    def builder(self, el: Any, ypath: tuple[Any, ...]) -> Builder:
        ctx = self.ctx

        def runs(
            runs: list[Any],
            *,
            style: str = "regular",
            size: float | None = None,
            align: str = "left",
            x0: float | None = None,
            x1: float | None = None,
            indent: float = 0.0,
            label: str = "",
        ) -> Builder:
            def build(page: int, top: float) -> tuple[float, Out]:
                rl = RunLayout(
                    ctx,
                    page,
                    ctx.left if x0 is None else x0,
                    ctx.right if x1 is None else x1,
                    size or ctx.size,
                    style,
                )
                return rl.layout(runs, ypath, top, align=align, indent=indent, label=label)

            return build

        if isinstance(el, m.BasisEl):
            text = el.text if el.text is not None else ctx.spec.meta.basis
            return runs(
                [m.TextRun(text=text)], style=el.style, size=el.size, align="center", x0=ctx.right - el.width
            )
        if isinstance(el, m.NationalHeaderEl):
            return self._national_header(el, ypath)
        if isinstance(el, m.TitleEl):
            title = runs([m.TextRun(text=el.text)], style="bold", size=el.size, align="center")
            if not el.subtitle:
                return title
            sub = runs([m.TextRun(text=el.subtitle)], style="italic", align="center")
            return _stack(title, sub)
        if isinstance(el, m.LineEl):
            return runs(
                [
                    m.TextRun(text=el.label + " ", note=el.note),
                    m.ValueRun(value=el.value, lines=el.lines, style=el.style),
                ],
                label=clean_label(el.label),
            )
        if isinstance(el, m.RowEl):
            return self._row(el, ypath)
        if isinstance(el, m.ParagraphEl):
            labels = [clean_label(r.text) for r in el.runs if isinstance(r, m.TextRun)]
            return runs(
                list(el.runs),
                style=el.style,
                size=el.size,
                align=el.align,
                indent=el.indent,
                label=labels[0] if labels else "",
            )
        if isinstance(el, m.PlaceDateEl):
            return runs(place_date_runs(el), style=el.style, align=el.align, label="Làm tại")
        if isinstance(el, m.SignaturesEl):
            return self._signatures(el, ypath)
        if isinstance(el, m.TableEl):
            return self._fixed_table(el, ypath)
        raise self.ctx.source_error(ypath, f"unsupported element {el.kind}")

    def _national_header(self, el: m.NationalHeaderEl, ypath: tuple[Any, ...]) -> Builder:
        ctx = self.ctx
        ctx.check_static(el.line1 + el.line2, BOLD, ypath)

        def build(page: int, top: float) -> tuple[float, Out]:
            out = Out()
            mid = (ctx.left + ctx.right) / 2
            y1 = top - ctx.lead(el.size1) * 0.78
            w1 = text_width(el.line1, BOLD, el.size1)
            out.ops.append(TextOp(page, mid - w1 / 2, y1, el.line1, BOLD, el.size1))
            y2 = y1 - el.size2 * 1.2  # the two lines single-spaced
            w2 = text_width(el.line2, BOLD, el.size2)
            out.ops.append(TextOp(page, mid - w2 / 2, y2, el.line2, BOLD, el.size2))
            rule = y2 - el.size2 * 0.32
            out.ops.append(LineOp(page, mid - w2 / 2, rule, mid + w2 / 2, rule, 0.7))
            return top - rule + ctx.lead(ctx.size) * 0.3, out

        return build

    def _row(self, el: m.RowEl, ypath: tuple[Any, ...]) -> Builder:
        ctx = self.ctx
        frame = ctx.right - ctx.left
        run_list: list[Any] = []
        probe = RunLayout(ctx, 0, ctx.left, ctx.right, ctx.size, "regular")
        space = text_width(" ", REGULAR, ctx.size)
        x = ctx.left
        for j, item in enumerate(el.items):
            last = j == len(el.items) - 1
            want = item.width.resolve(frame)
            width = (ctx.right - x) if (want is None or last) else want
            label_toks = probe.tokens([m.TextRun(text=item.label, note=item.note)], (*ypath, j))
            label_w = sum(t.width for t in label_toks)
            gap = 0.0 if last else space * 2
            slot_w = width - label_w - space - gap
            if slot_w < 10:
                raise ctx.source_error((*ypath, j), f"item {item.label!r} is too narrow for its label")
            if j:
                run_list.append(m.TextRun(text=" " if gap == 0 else "  "))
            run_list.append(m.TextRun(text=item.label + " ", note=item.note))
            run_list.append(
                m.ValueRun(value=item.value, width=m.Width(points=slot_w), lines=item.lines, align=item.align)
            )
            x += width

        labels = [clean_label(i.label) for i in el.items]

        def build(page: int, top: float) -> tuple[float, Out]:
            rl = RunLayout(ctx, page, ctx.left, ctx.right, ctx.size, "regular")
            height, out = rl.layout(run_list, ypath, top)
            # the slots of a row are named after their own labels
            slots = [s for s in out.slots if isinstance(s, ValueSlot)]
            for slot, label in zip(slots, labels, strict=False):
                out.slots[out.slots.index(slot)] = _relabel(slot, label)
            return height, out

        return build

    def _signatures(self, el: m.SignaturesEl, ypath: tuple[Any, ...]) -> Builder:
        ctx = self.ctx
        size = el.size or ctx.size
        n = len(el.columns)
        col_w = (ctx.right - ctx.left) / n
        if n == 1:  # one signer: the right half, as on the official forms
            col_w = (ctx.right - ctx.left) * 0.5

        def build(page: int, top: float) -> tuple[float, Out]:
            out = Out()
            heights = []
            for j, col in enumerate(el.columns):
                x0 = ctx.right - col_w * (n - j)
                x1 = x0 + col_w
                cpath = (*ypath, "columns", j)
                y = top
                parts: list[tuple[list[Any], str, float, str]] = []
                if isinstance(col.date_line, m.PlaceDateBinding):
                    parts.append(
                        (
                            [m.ValueRun(value=col.date_line.place, align="center", leader=False, lines=2)],
                            "italic",
                            size,
                            "Làm tại",
                        )
                    )
                    parts.append((column_date_runs(col.date_line.date), "italic", size, "Ngày làm tờ khai"))
                elif col.date_line:
                    parts.append(([m.TextRun(text="…, ngày … tháng … năm …")], "italic", size, ""))
                parts.append(([m.TextRun(text=col.title, note=col.note)], "bold", size, ""))
                if col.hint:
                    parts.append(([m.TextRun(text=col.hint)], "italic", size * 0.92, ""))
                for runs_, style, sz, label in parts:
                    rl = RunLayout(ctx, page, x0 + 2, x1 - 2, sz, style)
                    h, o = rl.layout(runs_, cpath, y, align="center", label=label)
                    out.ops.extend(o.ops)
                    out.slots.extend(o.slots)
                    y -= h
                y -= el.space
                if col.name is not None:
                    rl = RunLayout(ctx, page, x0 + 4, x1 - 4, size, "bold")
                    h, o = rl.layout(
                        [
                            m.ValueRun(
                                value=col.name,
                                width=m.Width(points=x1 - x0 - 8),
                                align="center",
                                leader=False,
                                style="bold",
                            )
                        ],
                        (*cpath, "name"),
                        y,
                        label=clean_label(col.title),
                    )
                    out.ops.extend(o.ops)
                    out.slots.extend(o.slots)
                    y -= h
                for k, line in enumerate(col.lines):
                    rl = RunLayout(ctx, page, x0 + 2, x1 - 2, size * 0.92, "regular")
                    h, o = rl.layout(line, (*cpath, "lines", k), y)
                    out.ops.extend(o.ops)
                    out.slots.extend(o.slots)
                    y -= h
                heights.append(top - y)
            y = top - ctx.lead(size) * 0.5
            for k, line in enumerate(el.aside):
                rl = RunLayout(ctx, page, ctx.left, ctx.right - col_w * n - 6, size, "regular")
                h, o = rl.layout(line, (*ypath, "aside", k), y)
                out.ops.extend(o.ops)
                out.slots.extend(o.slots)
                y -= h
            heights.append(top - y)
            return max(heights), out

        return build

    def _footnotes(self, el: m.FootnotesEl, ypath: tuple[Any, ...]) -> None:
        ctx = self.ctx

        def build(page: int, top: float) -> tuple[float, Out]:
            out = Out()
            y = top - 4
            out.ops.append(LineOp(page, ctx.left, y, ctx.left + 45 * 72 / 25.4, y, 0.5))
            y -= 2
            rl = RunLayout(ctx, page, ctx.left, ctx.right, el.size, "regular")
            h, o = rl.layout([m.TextRun(text=el.title, style="bold")], (*ypath, "title"), y)
            out.ops.extend(o.ops)
            y -= h
            for k, note in enumerate(el.notes):
                h, o = rl.layout(
                    [m.TextRun(text=f"({note.mark}) {note.text}")], (*ypath, k), y, align="justify"
                )
                out.ops.extend(o.ops)
                y -= h
            return top - y, out

        height, _ = build(self.page, self.y)
        if el.at_bottom and not self.closed and self.y - height >= ctx.bottom:
            self.y = ctx.bottom + height
        self.place(build, ypath)
        if el.at_bottom:
            self.closed = True

    # --- tables ---------------------------------------------------------------------------
    def _following_height(self, rest: list[Any]) -> float:
        total = 0.0
        for j, el in enumerate(rest):
            if isinstance(el, m.PageBreakEl) or (isinstance(el, m.FootnotesEl) and not el.at_bottom):
                break  # a page break, or notes that may flow on: only what comes before must share the page
            if isinstance(el, m.SpacerEl):
                total += el.height
                continue
            if isinstance(el, m.TableEl) and el.rows_from is not None:
                return math.inf
            ypath = ("elements", j, el.kind)
            if isinstance(el, m.FootnotesEl):
                saved = self.y, self.page, self.closed
                total += (
                    el.space_before
                    + el.space_after
                    + 12
                    + sum(
                        RunLayout(self.ctx, 0, self.ctx.left, self.ctx.right, el.size, "regular").layout(
                            [m.TextRun(text=f"({n.mark}) {n.text}")], ypath, 0, align="justify"
                        )[0]
                        for n in el.notes
                    )
                    + self.ctx.lead(el.size)
                )
                self.y, self.page, self.closed = saved
                continue
            height, _ = self.builder(el, ypath)(0, self.ctx.top)
            total += height + el.space_before + el.space_after
        return total

    def _column_widths(self, el: m.TableEl, ypath: tuple[Any, ...]) -> list[float]:
        ctx = self.ctx
        frame = ctx.right - ctx.left
        fixed = [c.width.resolve(frame) for c in el.columns]
        free = frame - sum(w for w in fixed if w is not None)
        n_rest = sum(1 for w in fixed if w is None)
        widths = [w if w is not None else free / max(n_rest, 1) for w in fixed]
        if free < -0.5 or any(w <= 8 for w in widths):
            raise ctx.source_error(ypath, "the columns are wider than the text width")
        return widths

    def _header_lines(
        self, el: m.TableEl, ypath: tuple[Any, ...], widths: list[float]
    ) -> list[tuple[str, ...]]:
        ctx = self.ctx
        hsize = el.header_size or el.size or ctx.size
        out = []
        for j, (col, w) in enumerate(zip(el.columns, widths, strict=True)):
            ctx.check_static(col.header, BOLD, (*ypath, "columns", j, "header"))
            fitted = fit_text(col.header, [w - 4] * 6, BOLD, hsize, hsize)
            if fitted is None:
                raise ctx.source_error((*ypath, "columns", j, "header"), "the header does not fit its column")
            out.append(tuple(fitted.lines))
        return out

    def _fixed_table(self, el: m.TableEl, ypath: tuple[Any, ...]) -> Builder:
        """A table of fixed rows: a label column, then one value slot per column (no continuation rows)."""
        ctx = self.ctx
        size = el.size or ctx.size
        hsize = el.header_size or size
        lead, hl = ctx.lead(size), ctx.lead(hsize)
        widths = self._column_widths(el, ypath)
        headers = self._header_lines(el, ypath, widths)
        header_h = max(len(h) for h in headers) * hl + 4
        xs = [ctx.left + sum(widths[:j]) for j in range(len(widths) + 1)]

        def build(page: int, top: float) -> tuple[float, Out]:
            out = Out()
            for j, lines in enumerate(headers):
                y = top - (header_h - len(lines) * hl) / 2 - hl * 0.78
                for line in lines:
                    w = text_width(line, BOLD, hsize)
                    out.ops.append(TextOp(page, (xs[j] + xs[j + 1] - w) / 2, y, line, BOLD, hsize))
                    y -= hl
            y = top - header_h
            rules = [y]
            for r, row in enumerate(el.fixed_rows):
                rpath = (*ypath, "fixed_rows", r)
                rl = RunLayout(ctx, page, xs[0] + 3, xs[1] - 3, size, el.label_style)
                label_h, o = rl.layout([m.TextRun(text=row.label)], (*rpath, "label"), y - 1.5)
                out.ops.extend(o.ops)
                n_lines = max(row.lines, round(label_h / lead))
                for j, cell in enumerate(row.cells):
                    col = el.columns[j + 1]
                    segs = tuple(
                        Segment(page, xs[j + 1] + 2, xs[j + 2] - 2, y - 1.5 - lead * k - lead * 0.78)
                        for k in range(n_lines)
                    )
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

    def _table(self, el: m.TableEl, ypath: tuple[Any, ...], rest: list[Any]) -> None:
        ctx = self.ctx
        size = el.size or ctx.size
        hsize = el.header_size or size
        lead = ctx.lead(size)
        widths = self._column_widths(el, ypath)
        cols: list[ColumnSpec] = []
        x = ctx.left
        header_lines = 1
        assert el.rows_from is not None
        for col, w, lines in zip(el.columns, widths, self._header_lines(el, ypath, widths), strict=True):
            assert col.value is not None
            header_lines = max(header_lines, len(lines))
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
        header_h = header_lines * ctx.lead(hsize) + 4
        row_h = el.lines_per_cell * lead + 3
        note_h = lead
        if isinstance(el.rows, int):
            n_rows = el.rows
        else:
            after = self._following_height(rest)
            avail = self.y - ctx.bottom - header_h - note_h
            n_rows = int((avail - after) // row_h) if after != math.inf else -1
            if n_rows < el.min_rows:  # what follows goes to the next page: fill this one
                n_rows = int(avail // row_h)
        if n_rows < el.min_rows:
            self.new_page()
            n_rows = (
                el.rows
                if isinstance(el.rows, int)
                else int((self.y - ctx.bottom - header_h - note_h) // row_h)
            )
        ctx.check_static(el.more_noun, ITALIC, (*ypath, "more_noun"))
        label = clean_label(el.continuation_title) or el.rows_from
        page, top = self.page, self.y
        ops, rows = table_grid(page, top, cols, header_h, row_h, n_rows, hsize, ctx, el.lines_per_cell, size)
        self.static[page].extend(ops)
        note = Segment(page, ctx.left, ctx.right, top - header_h - n_rows * row_h - lead * 0.85)
        self.slots.append(
            TableSlot(
                rows_from=el.rows_from,
                columns=tuple(cols),
                rows=rows,
                note=note,
                header_height=header_h,
                row_height=row_h,
                lines_per_cell=el.lines_per_cell,
                size=size,
                header_size=hsize,
                label=label,
                continuation_title=el.continuation_title or label,
                more_noun=el.more_noun,
            )
        )
        self.y = top - header_h - n_rows * row_h - note_h


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
) -> tuple[list[Op], tuple[tuple[ValueSlot, ...], ...]]:
    """The grid, the header text and the cell slots of a table (also used on continuation sheets)."""
    ops: list[Op] = []
    heights = row_heights or [row_h] * n_rows
    total = header_h + sum(heights)
    x0, x1 = cols[0].x0, cols[-1].x1
    ops.append(RectOp(page, x0, top - total, x1 - x0, total, 0.7))
    for c in cols[1:]:
        ops.append(LineOp(page, c.x0, top, c.x0, top - total, 0.6))
    hl = ctx.lead(hsize)
    for c in cols:
        block = len(c.header_lines) * hl
        y = top - (header_h - block) / 2 - hl * 0.78
        for line in c.header_lines:
            w = text_width(line, BOLD, hsize)
            ops.append(TextOp(page, (c.x0 + c.x1 - w) / 2, y, line, BOLD, hsize))
            y -= hl
    y = top - header_h
    ops.append(LineOp(page, x0, y, x1, y, 0.6))
    lead = ctx.lead(size)
    rows = []
    for h in heights:
        lines = max(1, int((h - 3) // lead))
        cells = []
        for c in cols:
            segs = tuple(
                Segment(page, c.x0 + 1, c.x1 - 1, y - 1.5 - lead * k - lead * 0.78) for k in range(lines)
            )
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
                )
            )
        rows.append(tuple(cells))
        y -= h
        ops.append(LineOp(page, x0, y, x1, y, 0.4))
    return ops, tuple(rows)


def place_date_runs(el: m.PlaceDateEl) -> list[Any]:
    mm = 72 / 25.4
    runs: list[Any] = [m.TextRun(text=el.prefix)]
    comma = ","
    if el.place is not None:
        # The comma is printed with the place, right after its last letter ("…, tỉnh Đồng Tháp, ngày"),
        # the place at the end of its slot: a static comma would stand clear of the slot, after a gap.
        place = el.place.model_copy(update={"suffix": el.place.suffix or ","})
        runs.append(m.ValueRun(value=place, width=m.Width(points=el.place_width), align="right"))
        comma = ""
    else:
        runs.append(m.TextRun(text="……………"))
    if el.date is not None:
        for text, fmt, w in ((f"{comma} ngày ", "day", 9), (" tháng ", "month", 9), (" năm ", "year", 14)):
            runs.append(m.TextRun(text=text))
            runs.append(
                m.ValueRun(
                    value=m.Binding(field=el.date.field, format=fmt),
                    width=m.Width(points=w * mm),
                    align="center",
                )
            )
    else:
        runs.append(m.TextRun(text=f"{comma} ngày …… tháng …… năm ……"))
    return runs


def column_date_runs(date: m.Binding) -> list[Any]:
    mm = 72 / 25.4
    runs: list[Any] = []
    for text, fmt, w in (("ngày ", "day", 6), (" tháng ", "month", 6), (" năm ", "year", 10)):
        runs.append(m.TextRun(text=text))
        runs.append(
            m.ValueRun(
                value=m.Binding(field=date.field, format=fmt), width=m.Width(points=w * mm), align="center"
            )
        )
    return runs


def _stack(*builders: Builder) -> Builder:
    def build(page: int, top: float) -> tuple[float, Out]:
        out = Out()
        y = top
        for b in builders:
            h, o = b(page, y)
            out.ops.extend(o.ops)
            out.slots.extend(o.slots)
            y -= h
        return top - y, out

    return build


def _relabel(slot: ValueSlot, label: str) -> ValueSlot:
    from dataclasses import replace

    return replace(slot, label=label or slot.label)


__all__ = ["FACES", "ITALIC", "FlowCompiler", "place_date_runs", "table_grid"]
