"""The kiosk's receipt slip: an A6 page the citizen takes to the counter.

Office, form title, the receipt code large with its QR (segno's matrix drawn as reportlab
rectangles, so no image library is needed), the date and time, and the papers to bring for that
procedure (from the form's ``procedures`` metadata). It says plainly that it is not the official
"Giấy tiếp nhận hồ sơ và hẹn trả kết quả" and that the desk issues the official dossier code.
It holds no personal data: no name, no ID number.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime

import segno
from reportlab.lib.pagesizes import A6
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from formfill.render.fonts import BOLD, ITALIC, REGULAR, ensure_fonts

WIDTH, HEIGHT = A6
MARGIN = 8 * mm
QR_SIZE = 30 * mm
TITLE = "PHIẾU BIÊN NHẬN TỜ KHAI"
NOT_OFFICIAL = (
    "Phiếu này do máy kiosk in, không thay Giấy tiếp nhận hồ sơ và hẹn trả kết quả; "
    "cán bộ tiếp nhận sẽ cấp mã hồ sơ chính thức."
)


def qr_rects(code: str, size: float) -> list[tuple[float, float, float]]:
    """(x, y, side) of each dark module of the code's QR, in a ``size`` square (y up, quiet zone kept)."""
    qr = segno.make(code, error="m", micro=False)
    matrix = qr.matrix
    border = 4
    n = len(matrix) + 2 * border
    side = size / n
    out = []
    for row, line in enumerate(matrix):
        for col, dark in enumerate(line):
            if dark:
                out.append(((col + border) * side, size - (row + border + 1) * side, side))
    return out


class _Writer:
    """Lines of wrapped text from the top of the page down."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self.y = HEIGHT - MARGIN

    def text(self, text: str, font: str, size: float, *, center: bool = False, gap: float = 1.5) -> None:
        width = WIDTH - 2 * MARGIN
        for line in simpleSplit(text, font, size, width):
            self.y -= size * 1.2
            self.c.setFont(font, size)
            if center:
                self.c.drawCentredString(WIDTH / 2, self.y, line)
            else:
                self.c.drawString(MARGIN, self.y, line)
        self.y -= gap


def receipt_slip_pdf(
    office_name: str, form_title: str, code: str, when: datetime, papers: Sequence[str]
) -> bytes:
    """The slip as PDF bytes (A6 portrait). ``when`` is shown as local time ``HH:MM ngày dd/mm/yyyy``."""
    ensure_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A6, pageCompression=1, invariant=1)
    c.setTitle(f"{TITLE} {code}")
    w = _Writer(c)
    w.text(office_name.upper() or "BỘ PHẬN MỘT CỬA", BOLD, 8, center=True)
    w.text(TITLE, BOLD, 12, center=True, gap=2)
    w.text(form_title, ITALIC, 9, center=True, gap=4)
    top = w.y
    c.saveState()
    c.translate(MARGIN, top - QR_SIZE)
    path = c.beginPath()
    for x, y, side in qr_rects(code, QR_SIZE):
        path.rect(x, y, side, side)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()
    left = MARGIN + QR_SIZE + 3 * mm
    c.setFont(REGULAR, 8)
    c.drawString(left, top - 8 * mm, "Mã biên nhận:")
    c.setFont(BOLD, 17)
    c.drawString(left, top - 15 * mm, code)
    c.setFont(REGULAR, 8)
    c.drawString(left, top - 21 * mm, f"Lúc {when:%H:%M} ngày {when:%d/%m/%Y}")
    w.y = top - QR_SIZE - 2 * mm
    w.text("Mang đến quầy tiếp nhận:", BOLD, 9)
    size = 8.5 if len(papers) <= 5 else 7.5
    for paper in papers:
        if w.y < MARGIN + 24:
            w.text("… (hỏi cán bộ tiếp nhận)", REGULAR, size)
            break
        w.text(f"• {paper}", REGULAR, size, gap=0.8)
    w.y = min(w.y, MARGIN + 22)
    w.text(NOT_OFFICIAL, ITALIC, 6.5)
    c.showPage()
    c.save()
    return buf.getvalue()
