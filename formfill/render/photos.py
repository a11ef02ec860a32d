"""Frames for photos glued on the paper (ket-hon's "Ảnh chụp", 4×6 cm, one per party).

Only a marriage with a foreign element asks for them; the template says so with a ``when:`` on the
element, so the frames are laid out only in that variant of the form.
"""

from __future__ import annotations

from typing import Any

from formfill.layout import model as m
from formfill.render.compiled import RectOp
from formfill.render.context import Builder, Context
from formfill.render.runs import Out, RunLayout


def photos(ctx: Context, el: m.PhotosEl, ypath: tuple[Any, ...]) -> Builder:
    """The frames side by side, each centred in its share of the width right of ``offset``; the
    label ("Ảnh chụp" with its footnote mark) centred in the frame's upper half."""

    def build(page: int, top: float) -> tuple[float, Out]:
        out = Out()
        x0 = ctx.left + el.offset
        share = (ctx.right - x0) / len(el.boxes)
        for k, box in enumerate(el.boxes):
            left = x0 + k * share + (share - el.width) / 2
            if el.between:  # the frames at the margins, the title in the middle
                left = x0 if k == 0 else ctx.right - el.width
            out.ops.append(RectOp(page, left, top - el.height, el.width, el.height, 0.6))
            rl = RunLayout(ctx, page, left + 2, left + el.width - 2, el.size, "regular")
            label_top = top - el.height / 2 + ctx.lead(el.size) / 2
            _, o = rl.layout(
                [m.TextRun(text=box.label, note=box.note)], (*ypath, "boxes", k), label_top, align="center"
            )
            out.ops.extend(o.ops)
            rl = RunLayout(ctx, page, left + 2, left + el.width - 2, el.size * 0.8, "italic")
            size_top = label_top - ctx.lead(el.size)
            _, o = rl.layout(
                [m.TextRun(text="(4 × 6 cm)")], (*ypath, "boxes", k, "size"), size_top, align="center"
            )
            out.ops.extend(o.ops)
        if el.between:
            gap = 2.0  # two frames at the ends of the width, the title between them
            rl = RunLayout(
                ctx, page, x0 + el.width + gap, ctx.right - el.width - gap, el.between_size, "bold"
            )
            title_top = top - el.height / 2 + ctx.lead(el.between_size)
            _, o = rl.layout([m.TextRun(text=el.between)], (*ypath, "between"), title_top, align="center")
            out.ops.extend(o.ops)
        return el.height, out

    return build
