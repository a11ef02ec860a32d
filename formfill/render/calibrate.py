"""A calibration page: a millimetre grid with labels, to measure a printer's X/Y offset."""

from __future__ import annotations

import io

from formfill.layout.units import mm
from formfill.render.fonts import BOLD, REGULAR, ensure_fonts


def grid_pdf(
    offset_x_mm: float = 0.0, offset_y_mm: float = 0.0, size: tuple[float, float] | None = None
) -> bytes:
    """A4 grid: thin lines every 5 mm, thick every 10 mm labelled in mm from the top-left corner.

    The grid is drawn with the offsets applied, like values: print it, measure where the 0 mm
    lines fall on paper, and set ``FORMFILL_OFFSET_X_MM`` / ``FORMFILL_OFFSET_Y_MM`` (+x right, +y down).
    """
    from reportlab.pdfgen.canvas import Canvas

    ensure_fonts()
    width, height = size or (mm(210), mm(297))
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(width, height), invariant=1)
    c.setTitle("formfill calibration grid")
    c.setAuthor("formfill")
    c.translate(mm(offset_x_mm), -mm(offset_y_mm))
    for step in range(0, int(width / mm(1)) + 1, 5):
        x = mm(step)
        c.setLineWidth(0.6 if step % 10 == 0 else 0.2)
        c.line(x, 0, x, height)
        if step % 10 == 0:
            c.setFont(REGULAR, 6)
            c.drawString(x + 1, height - mm(4), str(step))
            c.drawString(x + 1, mm(150) - 8, str(step))
    for step in range(0, int(height / mm(1)) + 1, 5):
        y = height - mm(step)
        c.setLineWidth(0.6 if step % 10 == 0 else 0.2)
        c.line(0, y, width, y)
        if step % 10 == 0:
            c.setFont(REGULAR, 6)
            c.drawString(mm(1), y - 7, str(step))
            c.drawString(mm(105) + 1, y - 7, str(step))
    c.setFont(BOLD, 11)
    c.drawString(
        mm(40), height - mm(40) + 3, "formfill — lưới hiệu chỉnh máy in (mm) / printer calibration grid"
    )
    c.setFont(REGULAR, 9)
    c.drawString(mm(40), height - mm(45) + 3, f"offset x = {offset_x_mm:g} mm, y = {offset_y_mm:g} mm")
    c.showPage()
    c.save()
    return buf.getvalue()
