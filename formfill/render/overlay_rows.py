"""An overlay ``rows`` element as a table slot: the blank's own grid, filled row by row; rows past
the page's last go to a continuation sheet like a flow table's (the plan does the same for both)."""

from __future__ import annotations

from formfill.layout import model as m
from formfill.render.compiled import ColumnSpec, Segment, TableSlot, ValueSlot
from formfill.render.context import Context


def rows_slot(ctx: Context, box: m.RowsBox, page_height: float) -> TableSlot:
    size = min(box.size or ctx.size, box.pitch / 1.3)
    cols = tuple(
        ColumnSpec(c.value.field, c.value.format, c.value, c.x, c.x + c.w, c.align, (c.header,), c.header)
        for c in box.columns
    )
    rows = []
    for i in range(box.count):
        top = page_height - box.y - i * box.pitch
        base = top - (box.pitch + size * 0.72) / 2  # the value centred in its row
        rows.append(
            tuple(
                ValueSlot(
                    c.value.field,
                    c.value.format,
                    (Segment(box.page - 1, c.x, c.x + c.w, base),),
                    "regular",
                    size,
                    min(ctx.floor, size),
                    c.align,
                    c.header or c.value.field,
                    binding=c.value,
                )
                for c in box.columns
            )
        )
    below = page_height - box.y - box.count * box.pitch - size * 1.2
    x0, x1 = box.columns[0].x, box.columns[-1].x + box.columns[-1].w
    label = box.continuation_title or box.rows
    return TableSlot(
        rows_from=box.rows,
        columns=cols,
        rows=tuple(rows),
        note=Segment(box.page - 1, x0, x1, below),
        header_height=box.pitch,
        row_height=box.pitch,
        lines_per_cell=1,
        size=size,
        header_size=size,
        label=label,
        continuation_title=label,
        more_noun=box.more_noun,
    )
