"""The kiosk receipt slip: A6, the code with its QR, the papers to bring, no personal data."""

from __future__ import annotations

import io
from datetime import datetime

import pdfplumber
import segno

from formfill.catalog import get_form, list_forms
from formfill.render.slip import qr_rects, receipt_slip_pdf
from formfill.storage import new_code


def test_the_slip_shows_office_code_time_and_papers() -> None:
    spec = get_form("khai-sinh")
    proc = spec.meta.procedures[0]
    code = new_code()
    papers = [*proc.handed_in, *proc.shown]
    pdf = receipt_slip_pdf(
        "Ủy ban nhân dân phường Sa Đéc", spec.meta.title, code, datetime(2026, 12, 1, 9, 41), papers
    )
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        (page,) = doc.pages
        text = page.extract_text()
        assert (round(page.width), round(page.height)) == (298, 420)  # A6 portrait, points
        dark = [r for r in page.rects if r["fill"]]
    flat = " ".join(text.split())
    for expected in (
        "ỦY BAN NHÂN DÂN PHƯỜNG SA ĐÉC",
        spec.meta.title,
        code,
        "09:41 ngày 01/12/2026",
        "Giấy chứng sinh",
    ):
        assert expected in flat, expected
    assert "không thay Giấy tiếp nhận hồ sơ" in flat
    assert len(dark) == len(qr_rects(code, 100)) > 100


def test_the_qr_rectangles_are_the_segno_matrix() -> None:
    code = new_code()
    matrix = segno.make(code, error="m", micro=False).matrix
    rects = qr_rects(code, 290.0)
    assert len(rects) == sum(sum(1 for v in row if v) for row in matrix)
    side = rects[0][2]
    assert abs(side * (len(matrix) + 8) - 290.0) < 1e-6
    assert all(0 <= x and x + s <= 290.0 + 1e-6 and 0 <= y for x, y, s in rects)


def test_every_form_names_its_procedures_with_a_legal_source() -> None:
    for spec in list_forms():
        assert spec.meta.procedures, spec.meta.id
        for proc in spec.meta.procedures:
            assert proc.name and proc.legal_source and proc.handed_in and proc.fee, spec.meta.id
            assert proc.time_limit_days is None or proc.time_limit_days >= 0
    assert get_form("khai-sinh").meta.procedures[0].code == "1.001193"
    assert [p.code for p in get_form("ct01").meta.procedures][:2] == ["1.004222", "1.004194"]


def test_many_papers_still_fit_on_the_page() -> None:
    papers = [f"Giấy tờ số {i} có tên khá dài để phải xuống dòng trên phiếu nhỏ" for i in range(30)]
    pdf = receipt_slip_pdf("UBND", "Tờ khai", new_code(), datetime(2026, 12, 1, 9, 0), papers)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        words = doc.pages[0].extract_words()
    assert all(w["bottom"] <= 420 - 8 and w["top"] >= 8 for w in words)
    assert "hỏi cán bộ" in " ".join(w["text"] for w in words)
