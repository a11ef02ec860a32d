"""A preview of a drafted template: each proposed box outlined over the blank, with its field key, for a
person to check (as PNG: ``pdftoppm -png -r 60``)."""

from __future__ import annotations

import io
from pathlib import Path

from formfill.layout import model as m
from formfill.layout.units import to_points


def preview_pdf(template: m.Template, blank: Path) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    from formfill.render.fonts import REGULAR, ensure_fonts
    from formfill.render.overlay import background_geometry, merge_background

    ensure_fonts()
    width, height, pages = background_geometry(blank)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(width, height), invariant=1)
    for page in range(1, pages + 1):
        c.setStrokeColorRGB(0.85, 0.1, 0.1)
        c.setFillColorRGB(0.1, 0.2, 0.8)
        c.setFont(REGULAR, 6)
        for box in template.boxes:
            if box.page != page:
                continue
            for x, y, w, h, key in _rects(box):
                c.rect(x, height - y - h, w, h, stroke=1, fill=0)
                c.drawString(x + 1, height - y - h + 1, key)
        c.showPage()
    c.save()
    return merge_background(buf.getvalue(), blank)


def _rects(box: m.Box) -> list[tuple[float, float, float, float, str]]:
    p = to_points
    if isinstance(box, m.ValueBox):
        return [(p(box.x), p(box.y), p(box.w), p(box.h), box.value.field + _fmt(box.value.format))]
    if isinstance(box, m.CheckBox):
        return [(p(box.x), p(box.y), p(box.size), p(box.size), f"{box.checkbox}={box.when}")]
    if isinstance(box, m.DigitBoxes):
        h = p(box.h or box.cell)
        return [(p(box.x), p(box.y), p(box.cell) * box.count, h, box.digits)]
    assert isinstance(box, m.RowsBox)
    return [
        (
            p(col.x),
            p(box.y) + i * p(box.pitch),
            p(col.w),
            p(box.pitch),
            f"{box.rows}.{i + 1}.{col.value.field}",
        )
        for i in range(box.count)
        for col in box.columns
    ]


def _fmt(fmt: str) -> str:
    return "" if fmt == "text" else f" | {fmt}"
