"""Continuation sheets and the place/date line: the pointer under a table names what its rows are,
the sheets' running header stays inside the frame, and "Làm tại: <place>, ngày …" has no space before
its comma."""

from __future__ import annotations

import io
from typing import Any

import pdfplumber
import pytest

from formfill.base.text import nfc
from formfill.catalog import template_of
from formfill.forms import get_form
from formfill.layout.model import PlaceDateEl, TableEl
from formfill.render import plan_pdf, render_pdf
from formfill.render.compiled import TableSlot
from formfill.render.engine import compile_form, layout_for
from formfill.render.verify import verify

from .conftest import FORMS, load_example

THAY_DOI = "thay-doi-cai-chinh-ho-tich"


def _changes(n: int) -> list[dict[str, str]]:
    return [{"thong_tin": f"Thông tin {i}", "tu": f"cũ {i}", "thanh": f"mới {i}"} for i in range(1, n + 1)]


def _render(form_id: str, **changes: Any) -> tuple[bytes, Any]:
    spec = get_form(form_id)
    raw = load_example(form_id)
    raw.update(changes)
    declaration = spec.validate(raw)
    data = render_pdf(spec, declaration)
    plan = plan_pdf(spec, declaration)
    assert verify(data, plan) == []
    return data, plan


def _page_texts(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [" ".join((p.extract_text() or "").split()) for p in pdf.pages]


def _form_rows(form_id: str, **changes: Any) -> int:
    """Rows the form page prints for this record (a record with more rows may get a variant layout)."""
    spec = get_form(form_id)
    raw = load_example(form_id)
    raw.update(changes)
    compiled, _ = layout_for(spec, spec.validate(raw))
    (table,) = [s for s in compiled.slots if isinstance(s, TableSlot)]
    return len(table.rows)


# --- "(Còn 5 dòng nữa: xem tiếp Phụ lục 1)" ------------------------------------------------------
def test_a_table_counts_lines_unless_its_template_names_them() -> None:
    el = TableEl.model_validate(
        {"kind": "table", "rows_from": "x", "columns": [{"header": "a", "value": "a", "width": "rest"}]}
    )
    assert el.more_noun == "dòng"
    nouns = {
        f: [e.more_noun for e in template_of(get_form(f)).elements if isinstance(e, TableEl) and e.rows_from]
        for f in (THAY_DOI, "ct01")
    }
    assert nouns == {THAY_DOI: ["dòng"], "ct01": ["người"]}


def test_change_rows_overflow_with_a_pointer_in_lines() -> None:
    data, plan = _render(THAY_DOI, noi_dung=_changes(7))
    left = 7 - _form_rows(THAY_DOI)
    assert left > 0
    first = _page_texts(data)[0]
    assert f"(Còn {left} dòng nữa: xem tiếp Phụ lục 1)" in first
    assert "người nữa" not in first
    assert [v.path for v in plan.values if v.appendix == 1 and v.path.endswith(".thanh")][
        -1
    ] == "noi_dung.7.thanh"


def test_household_members_overflow_with_a_pointer_in_people() -> None:
    members = [
        {
            "ho_ten": f"Nguyễn Văn An {chr(65 + i)}",
            "ngay_sinh": "01/02/2003",
            "gioi_tinh": "Nam",
            "so_dinh_danh_ca_nhan": f"0872030{i:05d}",
            "moi_quan_he_voi_chu_ho": "Con",
        }
        for i in range(20)
    ]
    data, _ = _render("ct01", thanh_vien=members)
    shown = _form_rows("ct01", thanh_vien=members)
    assert shown > _form_rows("ct01")  # the notes give their room on page 1 back to the members
    pages = _page_texts(data)
    assert f"(Còn {20 - shown} người nữa: xem tiếp Phụ lục 1)" in pages[0]
    # the notes moved on carry the form's title and the page number
    assert pages[1].startswith("2 TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ (tiếp theo) Chú thích:")


# --- the running header of a continuation sheet ---------------------------------------------------
def test_running_header_of_a_sheet_stays_inside_the_frame() -> None:
    spec = get_form(THAY_DOI)
    data, plan = _render(THAY_DOI, noi_dung=_changes(7))
    left, bottom, right, top = compile_form(spec).frame
    head = nfc(f"Phụ lục kèm theo {spec.meta.title.upper()}")
    assert plan.pages == 2
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[1]
        heading = min(c["top"] for c in page.chars if "Bold" in c["fontname"])  # "Phụ lục 1: …"
        header = [c for c in page.chars if "Italic" in c["fontname"] and c["top"] < heading]
        text = "".join(c["text"] for c in sorted(header, key=lambda c: (round(c["top"]), c["x0"])))
        assert text.replace(" ", "").startswith(head.replace(" ", ""))  # all of it, nothing cut off
        assert "Ngườiyêucầu:" in text.replace(" ", "")  # who the sheet belongs to
        for c in header:
            assert left - 0.5 <= c["x0"] and c["x1"] <= right + 0.5, (c["text"], c["x0"], c["x1"])
            assert page.height - top - 0.5 <= c["top"] and c["bottom"] <= page.height - bottom + 0.5
        assert len({round(c["top"]) for c in header}) >= 2  # wrapped onto a second line
        assert max(c["bottom"] for c in header) <= heading  # clear of the sheet's heading


# --- "Làm tại: <place>, ngày … tháng … năm …" -------------------------------------------------------
PLACE_DATE_FORMS = [
    f for f in FORMS if any(isinstance(e, PlaceDateEl) and e.place for e in template_of(get_form(f)).elements)
]


def test_most_forms_have_a_place_date_line() -> None:
    assert len(PLACE_DATE_FORMS) >= 7


@pytest.mark.parametrize("form_id", PLACE_DATE_FORMS)
@pytest.mark.parametrize("place", [None, "Hà Nội"])
def test_the_comma_follows_the_place(form_id: str, place: str | None) -> None:
    spec = get_form(form_id)
    raw = load_example(form_id)
    if place is not None:
        raw["lam_tai"] = place
    data, plan = _render(form_id, lam_tai=raw["lam_tai"])
    want = " ".join(nfc(spec.validate(raw).lam_tai).split())
    text = " ".join(_page_texts(data))
    assert f"Làm tại: {want}, ngày " in text
    assert f"{want} ," not in text and ",," not in text
    (placed,) = [v for v in plan.values if v.path == "lam_tai"]
    assert placed.text == f"{want},"  # the comma is drawn with the place, right after its last letter
