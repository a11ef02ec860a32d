"""The fast path of ``render_pdf`` (static parts made once per layout) prints what reportlab's drawing
prints: the same words, fonts, sizes and positions; a character outside its prepared fonts falls back
to the general drawing; files stay small."""

from __future__ import annotations

import copy
import io

import pdfplumber
import pikepdf
import pytest

from formfill.forms import get_form
from formfill.render import render_pdf
from formfill.render.draw import draw_pdf
from formfill.render.engine import layout_for
from formfill.render.stamp import stamp_pdf

from .conftest import load_example


def _words(pdf: bytes) -> list[list[tuple[str, str, float, float, float]]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [
            [
                (
                    w["text"],
                    w["fontname"].split("+")[-1],
                    round(w["size"], 2),
                    round(w["x0"], 2),
                    round(w["top"], 2),
                )
                for w in page.extract_words(extra_attrs=["fontname", "size"])
            ]
            for page in doc.pages
        ]


@pytest.mark.parametrize("form_id", ["khai-sinh", "ct01"])
def test_stamped_pdf_reads_as_the_drawn_one(form_id: str) -> None:
    spec = get_form(form_id)
    compiled, plan = layout_for(spec, spec.validate(load_example(form_id)))
    drawn, stamped = draw_pdf(compiled, plan), stamp_pdf(compiled, plan)
    assert stamped is not None and stamped != drawn
    assert _words(stamped) == _words(drawn)
    assert len(stamped) <= 1.5 * len(drawn)
    with pikepdf.open(io.BytesIO(stamped)) as a, pikepdf.open(io.BytesIO(drawn)) as b:
        for key in ("/Title", "/Subject", "/Author", "/Keywords", "/Creator"):  # the form, never the person
            assert str(a.docinfo[key]) == str(b.docinfo[key])


def test_a_letter_outside_the_prepared_fonts_is_drawn_the_general_way() -> None:
    spec = get_form("khai-sinh")
    raw = copy.deepcopy(load_example("khai-sinh"))
    raw["nguoi_duoc_khai_sinh"]["ho_ten"] = "Nguyễn Peña Ånh"  # ñ, Å: Latin, not Vietnamese
    compiled, plan = layout_for(spec, spec.validate(raw))
    assert stamp_pdf(compiled, plan) is None
    pdf = render_pdf(spec, spec.validate(raw))
    assert pdf == draw_pdf(compiled, plan)
    assert any(w[0] == "PEÑA" for w in _words(pdf)[0])  # the form prints the child's name in capitals
