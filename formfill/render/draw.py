"""Draw a compiled layout and a record's plan with reportlab (deterministic bytes, no personal metadata)."""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from formfill.render.compiled import Compiled, LineOp, Op, RectOp, TextOp
from formfill.render.plan import Plan


@dataclass(frozen=True)
class RenderOptions:
    """Per-print choices. Offsets (mm) move every value (printer calibration); ``preprinted`` prints values only."""

    offset_x_mm: float = 0.0  # + moves values to the right
    offset_y_mm: float = 0.0  # + moves values down
    preprinted: bool = False

    @classmethod
    def from_settings(cls, **overrides: Any) -> RenderOptions:
        """Defaults from ``FORMFILL_OFFSET_X_MM`` / ``FORMFILL_OFFSET_Y_MM``, then explicit overrides."""
        import os

        def num(name: str) -> float:
            try:
                return float(os.environ.get(name, "0") or 0)
            except ValueError:
                return 0.0

        base = {"offset_x_mm": num("FORMFILL_OFFSET_X_MM"), "offset_y_mm": num("FORMFILL_OFFSET_Y_MM")}
        base.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**base)


def metadata(compiled: Compiled) -> dict[str, str]:
    """PDF metadata: the form, never the person."""
    meta = compiled.meta
    return {
        "title": f"{meta.get('title', compiled.form_id)} ({compiled.form_id})",
        "subject": meta.get("basis", ""),
        "author": "formfill",
        "keywords": f"formfill; {compiled.form_id}; {meta.get('version', '')}",
        "creator": "formfill",
    }


def _by_page(items: list[Any]) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = defaultdict(list)
    for item in items:
        out[item.page].append(item)
    return out


def _draw_shapes(canvas: Any, ops: list[Op]) -> None:
    lines = [o for o in ops if isinstance(o, LineOp)]
    rects = [o for o in ops if isinstance(o, RectOp)]
    by_style: dict[tuple[float, bool], list[LineOp]] = defaultdict(list)
    for o in lines:
        by_style[(o.width, o.dotted)].append(o)
    for (width, dotted), group in by_style.items():
        canvas.setLineWidth(width)
        if dotted:
            canvas.setLineCap(1)
            canvas.setDash([0.01, 2.6])
        path = canvas.beginPath()
        for o in group:
            path.moveTo(o.x0, o.y0)
            path.lineTo(o.x1, o.y1)
        canvas.drawPath(path, stroke=1, fill=0)
        if dotted:
            canvas.setDash()
            canvas.setLineCap(0)
    by_width: dict[float, list[RectOp]] = defaultdict(list)
    for o in rects:
        by_width[o.width].append(o)
    for width, group in by_width.items():
        canvas.setLineWidth(width)
        path = canvas.beginPath()
        for o in group:
            path.rect(o.x, o.y, o.w, o.h)
        canvas.drawPath(path, stroke=1, fill=0)


def _draw_texts(canvas: Any, texts: list[TextOp]) -> None:
    if not texts:
        return
    t = canvas.beginText()
    font = size = None
    ws = 0.0
    for o in texts:
        if o.font != font or o.size != size:
            t.setFont(o.font, o.size)
            font, size = o.font, o.size
        if o.word_space != ws:
            t.setWordSpace(o.word_space)
            ws = o.word_space
        t.setTextOrigin(o.x, o.y)
        t.textOut(o.text)
    canvas.drawText(t)


def draw_pdf(compiled: Compiled, plan: Plan, options: RenderOptions | None = None) -> bytes:
    """The PDF of one record: static layer (unless pre-printed paper) + the plan's values."""
    from reportlab.pdfgen.canvas import Canvas

    opts = options or RenderOptions()
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=compiled.page_size, invariant=1, pageCompression=1)
    meta = metadata(compiled)
    canvas.setTitle(meta["title"])
    canvas.setSubject(meta["subject"])
    canvas.setAuthor(meta["author"])
    canvas.setKeywords(meta["keywords"])
    canvas.setCreator(meta["creator"])
    canvas.setProducer("formfill (reportlab)")
    dx = opts.offset_x_mm * 72 / 25.4
    dy = -opts.offset_y_mm * 72 / 25.4
    texts = _by_page(plan.texts)
    ops = _by_page(plan.ops)
    for page in range(plan.pages):
        if page < len(compiled.static) and not opts.preprinted:
            static = compiled.static[page]
            _draw_shapes(canvas, static)
            _draw_texts(canvas, [o for o in static if isinstance(o, TextOp)])
        if dx or dy:
            canvas.saveState()
            canvas.translate(dx, dy)
        _draw_shapes(canvas, ops.get(page, []))
        _draw_texts(canvas, texts.get(page, []))
        if dx or dy:
            canvas.restoreState()
        canvas.showPage()
    canvas.save()
    return buf.getvalue()
