"""The last details a clerk checks on a printout (issue 11 item 5): only declared values print."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from formfill.forms import get_form
from formfill.render import render_pdf
from formfill.render.engine import plan_pdf
from formfill.render.verify import verify

from .conftest import load_example


def _line_after(data: bytes, label: str) -> str:
    """The words printed on the same line right after ``label`` (up to the next label's colon)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        words = sorted(pdf.pages[0].extract_words(), key=lambda w: (round(w["top"]), w["x0"]))
    first = label.split()[0]
    for i, w in enumerate(words):
        if w["text"] == first and words[i + 1]["text"] == label.split()[1]:
            out = []
            for nxt in words[i + 2 :]:
                if abs(nxt["top"] - w["top"]) > 2 or nxt["text"].endswith(":"):
                    break
                out.append(nxt["text"])
            return " ".join(out).strip(". …")
    raise AssertionError(f"no {label!r} on page 1")


def test_trich_luc_prints_no_nationality_the_data_never_gave() -> None:
    spec = get_form("trich-luc-ho-tich")
    raw = load_example("trich-luc-ho-tich")
    raw["nguoi_duoc_cap_ban_sao"].pop("quoc_tich", None)
    declaration = spec.validate(raw)
    data = render_pdf(spec, declaration)
    assert verify(data, plan_pdf(spec, declaration)) == []
    assert "Việt" not in _line_after(data, "Quốc tịch:")


def test_trich_luc_prints_a_declared_nationality() -> None:
    spec = get_form("trich-luc-ho-tich")
    raw = load_example("trich-luc-ho-tich")
    raw["nguoi_duoc_cap_ban_sao"]["quoc_tich"] = "Việt Nam"
    declaration = spec.validate(raw)
    data = render_pdf(spec, declaration)
    assert verify(data, plan_pdf(spec, declaration)) == []
    assert _line_after(data, "Quốc tịch:") == "Việt Nam"


def _leader_rows(data: bytes) -> list[tuple[float, float, float]]:
    """(y, last leader's right end, right margin) of each labelled row of fields on each page.

    A row of fields is a line with two or more dotted leaders and as many labels ("…:"), where no
    printed word follows the last leader (a line of text that goes on after it is no row).
    """
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            flat = [ln for ln in page.lines if abs(ln["top"] - ln["bottom"]) < 0.1]
            if not flat:
                continue
            margin = max(ln["x1"] for ln in flat)
            words = page.extract_words()
            for y in sorted({round(ln["top"], 1) for ln in flat}):
                here = [ln for ln in flat if abs(ln["top"] - y) < 0.2]
                near = [w for w in words if y - 12 < w["bottom"] <= y + 4]
                labels = [w for w in near if ":" in w["text"]]
                last = max(ln["x1"] for ln in here)
                if len(here) >= 2 and len(labels) >= len(here) and not any(w["x0"] > last for w in near):
                    out.append((y, last, margin))
    return out


@pytest.mark.parametrize(
    "form_id", ["khai-sinh", "khai-tu", "nhan-cha-me-con", "trich-luc-ho-tich", "thay-doi-cai-chinh-ho-tich"]
)
def test_the_last_leader_of_a_row_of_fields_reaches_the_right_margin(form_id: str) -> None:
    spec = get_form(form_id)
    data = render_pdf(spec, spec.validate(load_example(form_id)))
    rows = _leader_rows(data)
    assert rows, "no row of fields found"
    short = [(y, round(margin - last, 1)) for y, last, margin in rows if margin - last > 0.5]
    assert short == [], short


DOT_BELOW = "ạặậẹệịọộợụựỵẠẶẬẸỆỊỌỘỢỤỰỴ"


def _glyph_bottoms() -> dict[tuple[bool, str], float]:
    """How far below the baseline each dot-below letter reaches, in em, in the regular and bold faces."""
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.ttLib import TTFont

    from formfill.render.fonts import ensure_fonts

    faces = ensure_fonts()
    out = {}
    for bold in (False, True):
        font = TTFont(str(faces["bold" if bold else "regular"].path))
        cmap, glyphs, upm = font.getBestCmap(), font.getGlyphSet(), font["head"].unitsPerEm
        for ch in DOT_BELOW:
            pen = BoundsPen(glyphs)
            glyphs[cmap[ord(ch)]].draw(pen)
            out[bold, ch] = -pen.bounds[1] / upm
    return out


def test_dot_below_marks_clear_the_dotted_leader() -> None:
    spec = get_form("khai-sinh")
    raw = load_example("khai-sinh")
    raw["nguoi_duoc_khai_sinh"]["dan_toc"] = "Mạ"  # a value with dots below, on a row of fields
    raw["nguoi_duoc_khai_sinh"]["ho_ten"] = "Phạm Đặng Ngọc Lụa"
    declaration = spec.validate(raw)
    data = render_pdf(spec, declaration)
    bottoms = _glyph_bottoms()
    checked = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        leaders = [ln for ln in page.lines if abs(ln["top"] - ln["bottom"]) < 0.1]
        for c in page.chars:
            if c["text"] not in DOT_BELOW:
                continue
            mid = (c["x0"] + c["x1"]) / 2
            baseline = c["matrix"][5]  # PDF space, from the page's foot
            under = [
                ln
                for ln in leaders
                if ln["x0"] <= mid <= ln["x1"] and 0 < baseline - ln["y0"] < c["size"] * 0.6
            ]
            if not under:
                continue
            bold = "bold" in c["fontname"].lower()
            lowest = baseline - bottoms[bold, c["text"]] * c["size"]
            leader = under[0]
            assert leader["y0"] + leader["linewidth"] / 2 < lowest, (c["text"], lowest, leader["y0"])
            checked += 1
    assert checked >= 5  # the name's and the ethnicity's letters were all on a leader


def _page_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return " ".join((pdf.pages[0].extract_text() or "").split())


def test_choices_inside_a_sentence_print_in_lower_case() -> None:
    spec = get_form("thay-doi-cai-chinh-ho-tich")
    raw = load_example("thay-doi-cai-chinh-ho-tich")
    raw["loai_viec"] = ["Cải chính", "Bổ sung thông tin hộ tịch"]
    text = _page_text(render_pdf(spec, spec.validate(raw)))
    assert "việc(4) cải chính, bổ sung thông tin hộ tịch" in text.replace("việc (4)", "việc(4)"), text[:600]

    spec = get_form("trich-luc-ho-tich")
    raw = load_example("trich-luc-ho-tich")
    raw["loai_viec"] = "Khai sinh"
    text = _page_text(render_pdf(spec, spec.validate(raw)))
    assert "khai sinh cho người có tên dưới đây" in text, text[:600]
    assert "Khai sinh" not in text
