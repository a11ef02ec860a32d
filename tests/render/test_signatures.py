"""CT01's signature row as a clerk reads it: four headings on one baseline, each footnote mark beside
its heading, the place and date on two lines in the short form, and the notes on page 1."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from formfill.forms import get_form
from formfill.layout.formatters import FORMATTERS, short_place
from formfill.render import render_pdf
from formfill.render.compiled import TextOp
from formfill.render.engine import layout_for
from formfill.render.fonts import BOLD

from .conftest import load_example

HEADINGS = ("Ý KIẾN CỦA CHỦ HỘ", "Ý KIẾN CỦA CHỦ SỞ", "Ý KIẾN CỦA CHA, MẸ", "NGƯỜI KÊ KHAI")


def _ct01(**changes: object) -> tuple[list[TextOp], list[TextOp]]:
    spec = get_form("ct01")
    raw = load_example("ct01")
    raw.update(changes)
    compiled, plan = layout_for(spec, spec.validate(raw))
    static = [op for page in compiled.static for op in page if isinstance(op, TextOp)]
    return static, plan.texts


def _heading(static: list[TextOp], start: str) -> TextOp:
    (op,) = [o for o in static if o.font == BOLD and o.text.startswith(start)]
    return op


def test_ct01_signature_headings_share_one_baseline() -> None:
    static, _ = _ct01()
    firsts = [_heading(static, h) for h in HEADINGS]
    assert len({op.page for op in firsts}) == 1
    assert max(op.y for op in firsts) - min(op.y for op in firsts) < 0.01, [(o.text, o.y) for o in firsts]
    xs = [op.x for op in firsts]
    assert xs == sorted(xs)  # left to right, one per column


@pytest.mark.parametrize("mark", ["(3)", "(4)", "(5)", "(6)"])
def test_each_footnote_mark_sits_beside_its_heading(mark: str) -> None:
    static, _ = _ct01()
    (op,) = [o for o in static if o.text == mark and o.size < 9]
    # a bold word of the heading ends where the mark starts, on the mark's own line
    beside = [
        o
        for o in static
        if o.font == BOLD and o.page == op.page and 0 < op.y - o.y < 5 and abs(_end(o) - op.x) < 1.0
    ]
    assert beside, f"{mark} stands alone on its line"


def _end(op: TextOp) -> float:
    from formfill.render.fitting import text_width

    return op.x + text_width(op.text, op.font, op.size) + op.word_space * op.text.count(" ")


def test_place_and_date_take_two_lines_in_the_short_form_above_the_heading() -> None:
    static, values = _ct01()
    heading = _heading(static, "NGƯỜI KÊ KHAI")
    place = [v for v in values if v.text == "Sa Đéc,"]
    date = [v for v in values if v.text == "ngày 20 tháng 11 năm 2026"]
    assert len(place) == 1 and len(date) == 1, [v.text for v in values]
    assert place[0].y > date[0].y > heading.y  # place, then date, then the heading
    assert date[0].y - heading.y < 14 and place[0].y - date[0].y < 14  # one line each, no gap
    others = [_heading(static, h) for h in HEADINGS[:3]]
    blanks = [o for o in static if o.text.startswith("…, ngày … tháng … năm …")]
    assert len(blanks) == 3 and all(abs(b.y - date[0].y) < 0.01 for b in blanks)  # one line, above theirs
    assert all(o.y < b.y for o, b in zip(others, blanks, strict=True))


def test_notes_fit_under_the_signatures_on_page_one() -> None:
    spec = get_form("ct01")
    data = render_pdf(spec, spec.validate(load_example("ct01")))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == 1
        text = pdf.pages[0].extract_text() or ""
    assert "Chú thích:" in text and "(7) Chỉ ghi họ và tên" in text


@pytest.mark.parametrize(
    ("place", "short"),
    [
        ("phường Sa Đéc, tỉnh Đồng Tháp", "Sa Đéc"),
        ("Xã Tân Phú Đông, tỉnh Đồng Tháp", "Tân Phú Đông"),
        ("thành phố Hà Nội", "Hà Nội"),
        ("Đặc khu Phú Quốc", "Phú Quốc"),
        ("Phường 1, tỉnh Đồng Tháp", "Phường 1"),  # a numbered unit keeps its level word
        ("Sa Đéc", "Sa Đéc"),
    ],
)
def test_short_place(place: str, short: str) -> None:
    assert short_place(place) == short


def test_date_line_keeps_the_decree_zeros() -> None:
    import datetime as dt

    fmt = FORMATTERS["date_line"].func
    assert fmt(dt.date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert fmt(dt.date(2026, 11, 20)) == "ngày 20 tháng 11 năm 2026"
