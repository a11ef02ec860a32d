"""Punctuation as a clerk reads it: a comma sits against the box or dotted line before it ("Có ☒,
Không ☐", "……, Quyển số"), and a long value prefers to break after a comma."""

from __future__ import annotations

import io

import pdfplumber

from formfill.forms import get_form
from formfill.render import render_pdf
from formfill.render.fitting import fit_text
from formfill.render.fonts import REGULAR, ensure_fonts

from .conftest import load_example

ADDRESS = "Ấp An Hòa, xã Mỹ An Hưng, huyện Lấp Vò, tỉnh Đồng Tháp"


def _gaps_before_commas(data: bytes) -> list[float]:
    """For each comma of page 1 with a box or a leader ending just left of it, on its line: the gap."""
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        ends = [(r["x1"], r["top"], r["bottom"]) for r in page.rects]
        ends += [(ln["x1"], ln["top"] - 3, ln["bottom"] + 1) for ln in page.lines if ln["x1"] - ln["x0"] > 5]
        for c in page.chars:
            if c["text"] != ",":
                continue
            near = [
                c["x0"] - x1
                for x1, top, bottom in ends
                if -0.5 < c["x0"] - x1 < 6 and top - 2 < c["bottom"] and bottom + 2 > c["top"]
            ]
            if near:
                out.append(min(near))
    return out


def test_commas_sit_against_boxes_and_leaders(fonts_ready: None) -> None:
    spec = get_form("khai-sinh")
    gaps = _gaps_before_commas(render_pdf(spec, spec.validate(load_example("khai-sinh"))))
    assert len(gaps) >= 3  # "Số: ……," "Quyển số: ……," "Có ☒,"
    assert max(gaps) < 1.2, gaps


def test_a_full_line_breaks_after_its_last_comma() -> None:
    ensure_fonts()
    fitted = fit_text(ADDRESS, [200, 200, 200], REGULAR, 12, 8)
    assert fitted is not None and fitted.size == 12
    assert fitted.lines[0].endswith(",")
    assert fitted.text() == ADDRESS


def test_no_comma_break_when_it_would_not_fit_at_the_size() -> None:
    ensure_fonts()
    one_line = fit_text(ADDRESS, [400], REGULAR, 12, 8)
    assert one_line is not None and one_line.lines == (ADDRESS,)
    # two tight lines: the comma break needs a third, so the greedy wrap keeps the size
    width = fit_text(ADDRESS, [400], REGULAR, 12, 8).widths[0]
    tight = fit_text(ADDRESS, [width * 0.55, width * 0.55], REGULAR, 12, 8)
    assert tight is not None and tight.size == 12 and len(tight.lines) == 2
