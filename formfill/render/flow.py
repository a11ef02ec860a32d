"""Compile a flow template once: walk its elements top to bottom, page by page.

Each element builder gets the page and the top of the space left and returns its height and
what it drew; an element that does not fit is built again at the top of a new page. The builders
are in :mod:`formfill.render.elements` and :mod:`formfill.render.tables`; this module keeps the
page state: placing, footnotes at the bottom, how many rows a roster table gets, page numbers.
"""

from __future__ import annotations

import math
from typing import Any

from formfill.layout import model as m
from formfill.render.compiled import Compiled, LineOp, Op, TextOp
from formfill.render.context import Builder, Context
from formfill.render.elements import element_builder, place_date_runs
from formfill.render.fitting import text_width
from formfill.render.fonts import FACES, ITALIC, REGULAR
from formfill.render.runs import Out, RunLayout
from formfill.render.tables import RosterTable, table_grid


class FlowCompiler:
    """One pass over a flow template: static ops per page, and the slots values are filled into."""

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
                self.place(element_builder(self.ctx, el, ypath), ypath)
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

    # --- elements whose place depends on the page ---------------------------------------------
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

    def _following_height(self, rest: list[Any]) -> float:
        """The height of the elements after a roster table that must share its page (inf: another one)."""
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
            height, _ = element_builder(self.ctx, el, ypath)(0, self.ctx.top)
            total += height + el.space_before + el.space_after
        return total

    def _table(self, el: m.TableEl, ypath: tuple[Any, ...], rest: list[Any]) -> None:
        """A table of rows from a list field: as many rows as this page holds before what must follow it."""
        ctx = self.ctx
        table = RosterTable.measure(ctx, el, ypath)
        header_h, row_h, note_h = table.header_h, table.row_h, table.note_h
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
        page, top = self.page, self.y
        ops, slot = table.place(ctx, page, top, n_rows)
        self.static[page].extend(ops)
        self.slots.append(slot)
        self.y = top - header_h - n_rows * row_h - note_h


__all__ = ["FACES", "ITALIC", "FlowCompiler", "place_date_runs", "table_grid"]
