"""Official details a clerk checks: khai-tu strikes through the phrase not chosen (note (4))."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from formfill.forms import get_form
from formfill.render import render_pdf
from formfill.render.engine import plan_pdf
from formfill.render.verify import verify

from .conftest import load_example

REPORT = "Giấy báo tử"
SUBSTITUTE = "Giấy tờ thay thế Giấy báo tử"


def _struck(data: bytes) -> list[str]:
    """The text under each horizontal line of page 1 that runs through letters (not under them)."""
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        for line in page.lines:
            if abs(line["top"] - line["bottom"]) > 0.1 or line["x1"] - line["x0"] < 5:
                continue
            y = line["top"]
            hit = [
                c
                for c in page.chars
                if c["top"] + 0.3 * (c["bottom"] - c["top"])
                < y
                < c["bottom"] - 0.2 * (c["bottom"] - c["top"])
                and line["x0"] - 0.5 <= (c["x0"] + c["x1"]) / 2 <= line["x1"] + 0.5
            ]
            if hit:
                out.append("".join(c["text"] for c in sorted(hit, key=lambda c: c["x0"])))
    return out


@pytest.mark.parametrize(("chosen", "struck"), [(REPORT, SUBSTITUTE), (SUBSTITUTE, REPORT)])
def test_khai_tu_strikes_the_phrase_not_chosen(chosen: str, struck: str) -> None:
    spec = get_form("khai-tu")
    raw = load_example("khai-tu")
    raw["giay_bao_tu"] = dict(raw["giay_bao_tu"], loai=chosen)
    if chosen == SUBSTITUTE:
        raw["giay_bao_tu"]["ten_giay_to"] = "Văn bản xác nhận của Công an xã"
    declaration = spec.validate(raw)
    data = render_pdf(spec, declaration)
    assert verify(data, plan_pdf(spec, declaration)) == []
    lines = _struck(data)
    assert [t.replace(" ", "") for t in lines] == [struck.replace(" ", "")], lines


def test_khai_tu_phrases_are_bound_to_the_kind_of_paper() -> None:
    from formfill.render.compiled import StrikeSlot
    from formfill.render.engine import layout_for

    spec = get_form("khai-tu")
    compiled, _ = layout_for(spec, spec.validate(load_example("khai-tu")))
    slots = [s for s in compiled.slots if isinstance(s, StrikeSlot)]
    assert sorted(s.unless for s in slots) == sorted([REPORT, SUBSTITUTE])
    assert all(s.path == "giay_bao_tu.loai" for s in slots)
