"""Builders of the elements of a flow template: basis, national header, title, line, row, paragraph,
place/date line, footnotes (tables are in :mod:`formfill.render.tables`, the signature row in
:mod:`formfill.render.signatures`).

Each builder is made once from the element and measured or drawn at a page and a top; the flow
compiler decides where it goes. :data:`formfill.render.kinds.FLOW_KINDS` maps each kind to its builder.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from formfill.layout import model as m
from formfill.render.compiled import LineOp, TextOp, ValueSlot
from formfill.render.context import Builder, Context, clean_label
from formfill.render.fitting import text_width
from formfill.render.fonts import BOLD, REGULAR
from formfill.render.runs import Out, RunLayout

MM = 72 / 25.4


def _runs(
    ctx: Context,
    ypath: tuple[Any, ...],
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
    """Lines of runs between ``x0`` and ``x1`` (the frame by default)."""

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


def basis(ctx: Context, el: m.BasisEl, ypath: tuple[Any, ...]) -> Builder:
    """The legal basis, top right (the form's ``FormMeta.basis`` unless the template says otherwise)."""
    text = el.text if el.text is not None else ctx.spec.meta.basis
    return _runs(
        ctx,
        ypath,
        [m.TextRun(text=text)],
        style=el.style,
        size=el.size,
        align="center",
        x0=ctx.right - el.width,
    )


def title(ctx: Context, el: m.TitleEl, ypath: tuple[Any, ...]) -> Builder:
    heading = _runs(ctx, ypath, [m.TextRun(text=el.text)], style="bold", size=el.size, align="center")
    if not el.subtitle:
        return heading
    sub = _runs(ctx, ypath, [m.TextRun(text=el.subtitle)], style="italic", align="center")
    return _stack(heading, sub)


def line(ctx: Context, el: m.LineEl, ypath: tuple[Any, ...]) -> Builder:
    return _runs(
        ctx,
        ypath,
        [
            m.TextRun(text=el.label + " ", note=el.note),
            m.ValueRun(value=el.value, lines=el.lines, style=el.style),
        ],
        label=clean_label(el.label),
    )


def paragraph(ctx: Context, el: m.ParagraphEl, ypath: tuple[Any, ...]) -> Builder:
    labels = [clean_label(r.text) for r in el.runs if isinstance(r, m.TextRun)]
    return _runs(
        ctx,
        ypath,
        list(el.runs),
        style=el.style,
        size=el.size,
        align=el.align,
        indent=el.indent,
        label=labels[0] if labels else "",
    )


def place_date(ctx: Context, el: m.PlaceDateEl, ypath: tuple[Any, ...]) -> Builder:
    return _runs(ctx, ypath, place_date_runs(el), style=el.style, align=el.align, label="Làm tại")


def footnotes(ctx: Context, el: m.FootnotesEl, ypath: tuple[Any, ...]) -> Builder:
    """A short rule, the title, then each note justified (where they go is the flow compiler's call)."""

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
            if not ctx.applies(note.when):
                continue
            h, o = rl.layout([m.TextRun(text=f"({note.mark}) {note.text}")], (*ypath, k), y, align="justify")
            out.ops.extend(o.ops)
            y -= h
        return top - y, out

    return build


def national_header(ctx: Context, el: m.NationalHeaderEl, ypath: tuple[Any, ...]) -> Builder:
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


def columns(ctx: Context, el: m.ColumnsEl, ypath: tuple[Any, ...]) -> Builder:
    """Blocks side by side; the element is as tall as its tallest block."""
    frame = ctx.right - ctx.left
    fixed = [w.resolve(frame) for w in el.widths]
    rest = (frame - sum(w for w in fixed if w is not None)) / max(1, sum(w is None for w in fixed))
    widths = [w if w is not None else rest for w in fixed]
    if rest < 0 or min(widths) < 20:
        raise ctx.source_error((*ypath, "widths"), "the blocks are wider than the text width")
    blocks: list[Builder] = []
    x = ctx.left
    for j, (block, width) in enumerate(zip(el.blocks, widths, strict=True)):
        lines = [
            _ruled(
                _runs(
                    ctx,
                    (*ypath, "blocks", j, k, "runs"),
                    list(line.runs),
                    style=line.style,
                    size=line.size,
                    align=line.align,
                    x0=x,
                    x1=x + width,
                ),
                line.rule,
                x + width / 2,
                line.size or ctx.size,
            )
            for k, line in enumerate(block)
        ]
        blocks.append(_stack(*lines))
        x += width

    def build(page: int, top: float) -> tuple[float, Out]:
        out = Out()
        return max(_take(out, b(page, top)) for b in blocks), out

    return build


def _ruled(builder: Builder, rule: float | None, mid: float, size: float) -> Builder:
    """A line with a short centred rule just under its last baseline (and the room it needs)."""
    if not rule:
        return builder

    def build(page: int, top: float) -> tuple[float, Out]:
        height, out = builder(page, top)
        baselines = [op.y for op in out.ops if isinstance(op, TextOp)] or [top - height]
        y = min(baselines) - size * 0.45  # clear of the descenders
        out.ops.append(LineOp(page, mid - rule / 2, y, mid + rule / 2, y, 0.6))
        return max(height, top - y + size * 0.3), out

    return build


def row(ctx: Context, el: m.RowEl, ypath: tuple[Any, ...]) -> Builder:
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
            # the last slot takes the rest of the line: its leader ends at the right margin, whatever
            # the spaces between items measured when they were laid out
            m.ValueRun(
                value=item.value,
                width=m.Width(rest=True) if last else m.Width(points=slot_w),
                lines=item.lines,
                align=item.align,
            )
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


def place_date_runs(el: m.PlaceDateEl) -> list[Any]:
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
                    width=m.Width(points=w * MM),
                    align="center",
                )
            )
    else:
        runs.append(m.TextRun(text=f"{comma} ngày …… tháng …… năm ……"))
    return runs


def _take(out: Out, laid: tuple[float, Out]) -> float:
    """Add what a layout drew (ops and slots) to ``out``; return the height it took."""
    height, o = laid
    out.ops.extend(o.ops)
    out.slots.extend(o.slots)
    return height


def _stack(*builders: Builder) -> Builder:
    def build(page: int, top: float) -> tuple[float, Out]:
        out = Out()
        y = top
        for b in builders:
            y -= _take(out, b(page, y))
        return top - y, out

    return build


def _relabel(slot: ValueSlot, label: str) -> ValueSlot:
    return replace(slot, label=label or slot.label)
