"""Compile a flow template once: walk its elements top to bottom, page by page.

Each element goes through its kind's entry in :data:`formfill.render.kinds.FLOW_KINDS`. A builder
gets the page and the top of the space left and returns its height and what it drew; an element
that does not fit is built again at the top of a new page. This module keeps the page state:
placing, footnotes at the bottom, how many rows a roster table gets, page numbers.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from formfill.forms.pack import FormSpec
from formfill.layout import model as m
from formfill.render.compiled import NOTES_FLOW, Compiled, Op, TextOp
from formfill.render.context import Builder, Context
from formfill.render.fitting import text_width
from formfill.render.fonts import REGULAR
from formfill.render.kinds import FLOW_KINDS
from formfill.render.runs import RunLayout
from formfill.render.tables import RosterTable


class FlowCompiler:
    """One pass over a flow template: static ops per page, and the slots values are filled into."""

    def __init__(
        self, spec: FormSpec, template: m.Template, grow: dict[tuple[Any, ...], int] | None = None
    ) -> None:
        self.ctx = Context(spec, template, grow)
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

    def _builder(self, el: Any, ypath: tuple[Any, ...]) -> Builder:
        build = FLOW_KINDS[el.kind].build
        if build is None:  # pragma: no cover - the registry gives every drawn kind a builder
            raise self.ctx.source_error(ypath, f"unsupported element {el.kind}")
        return build(self.ctx, el, ypath)

    def place_element(self, el: Any, ypath: tuple[Any, ...]) -> None:
        """The element's own builder, placed where the page has room, with its spaces around it."""
        self.y -= el.space_before
        self.place(self._builder(el, ypath), ypath)
        self.y -= el.space_after

    def element_height(self, el: Any, ypath: tuple[Any, ...]) -> float:
        """The height the element's builder draws, with its spaces around it."""
        height, _ = self._builder(el, ypath)(0, self.ctx.top)
        return height + el.space_before + el.space_after

    def compile(self) -> Compiled:
        ctx = self.ctx
        for i, el in enumerate(self.t.elements):
            if ctx.applies(getattr(el, "when", None)):
                FLOW_KINDS[el.kind].place(self, el, ("elements", i, el.kind), i)
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
    def place_footnotes(self, el: m.FootnotesEl, ypath: tuple[Any, ...]) -> None:
        """Notes at the bottom go down to the bottom margin and close their page."""
        ctx = self.ctx
        self.y -= el.space_before
        build = self._builder(el, ypath)
        height, _ = build(self.page, self.y)
        if el.at_bottom and not self.closed and self.y - height >= ctx.bottom:
            self.y = ctx.bottom + height
        if self.closed or (self.y - height < ctx.bottom - 0.01 and self.y < ctx.top - 0.01):
            self.new_page()  # a page of notes only: it says which form it belongs to
            self.place(self._notes_heading(el.size, ypath), ypath)
        self.place(build, ypath)
        if el.at_bottom:
            self.closed = True
        self.y -= el.space_after

    def _notes_heading(self, size: float, ypath: tuple[Any, ...]) -> Builder:
        """ "TỜ KHAI … (tiếp theo)" at the top of a page that holds only the form's notes."""
        ctx = self.ctx
        text = f"{ctx.spec.meta.title.upper()} (tiếp theo)"

        def build(page: int, top: float) -> tuple[float, Any]:
            rl = RunLayout(ctx, page, ctx.left, ctx.right, size + 1, "bold")
            return rl.layout([m.TextRun(text=text)], (*ypath, "heading"), top, align="center")

        return build

    def _following_height(self, index: int, notes: bool = False) -> float:
        """The height of the elements after the roster table at ``index`` that must share its page
        (inf: another roster table); with ``notes``, footnotes that may flow on are counted too."""
        total = 0.0
        elements = self.t.elements
        for j in range(index + 1, len(elements)):
            el = elements[j]
            if not self.ctx.applies(getattr(el, "when", None)):
                continue
            height = FLOW_KINDS[el.kind].height(self, el, ("elements", j, el.kind))
            if height is None and notes and el.kind == "footnotes":
                height = self.element_height(el, ("elements", j, el.kind))
            if height is None:
                break  # a page break, or notes that may flow on: only what comes before must share the page
            if height == math.inf:
                return math.inf
            total += height
        return total

    def place_roster(self, el: m.TableEl, ypath: tuple[Any, ...], index: int) -> None:
        """A roster table with its spaces around it (rows: :meth:`_table`)."""
        self.y -= el.space_before
        self._table(el, ypath, index)
        self.y -= el.space_after

    def _table(self, el: m.TableEl, ypath: tuple[Any, ...], index: int) -> None:
        """A table of rows from a list field: as many rows as this page holds before what must follow it."""
        ctx = self.ctx
        table = RosterTable.measure(ctx, el, ypath)
        kept = False
        header_h, row_h, note_h = table.header_h, table.row_h, table.note_h
        if isinstance(el.rows, int):
            n_rows = el.rows
        else:
            avail = self.y - ctx.bottom - header_h - note_h
            # footnotes that fit under the signatures with the table's minimum rows stay on this page
            # (a page 2 holding only footnotes is what a clerk sends back); else they may flow on
            n_rows = -1
            moved = ctx.grow.get((NOTES_FLOW, el.rows_from), 0) > 0  # this record has more rows
            for notes in (False,) if moved else (True, False):
                after = self._following_height(index, notes)
                n_rows = int((avail - after) // row_h) if after != math.inf else -1
                if n_rows >= el.min_rows:
                    kept = notes and after > self._following_height(index)
                    break
            if n_rows < el.min_rows:  # what follows goes to the next page: fill this one
                n_rows = int(avail // row_h)
        if n_rows < el.min_rows:
            self.new_page()
            n_rows = (
                el.rows
                if isinstance(el.rows, int)
                else int((self.y - ctx.bottom - header_h - note_h) // row_h)
            )
        budget = n_rows * row_h  # what the page gives the rows (with what must follow them)
        while n_rows > 1 and sum(table.heights(ctx, n_rows)) > budget + 0.01:
            n_rows -= 1  # rows grown for a long name take the room of others (they continue)
        page, top = self.page, self.y
        ops, slot = table.place(ctx, page, top, n_rows)
        slot = replace(slot, notes_kept=kept)
        self.static[page].extend(ops)
        self.slots.append(slot)
        self.y = top - header_h - sum(table.heights(ctx, n_rows)) - note_h


__all__ = ["FlowCompiler"]
