"""Overlay templates with ``continuation: true``: a value too long for its fixed box moves to a
numbered continuation sheet ("Phụ lục n") the box points to, as in flow templates; without it the
typed overflow error names the field and nothing is drawn (never clipped)."""

from __future__ import annotations

import dataclasses
import io
import json
import unicodedata
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from typer.testing import CliRunner

from formfill.forms import get_form
from formfill.render import RenderOverflowError, plan_pdf, render_pdf
from formfill.render.engine import compile_form
from formfill.render.verify import read_pdf, read_value, text_in, verify

from .conftest import blank_background, load_example

MM = 72 / 25.4

OVERLAY = """\
form: khai-sinh
kind: overlay
background: blank.pdf
continuation: {continuation}
text: {{size: 11pt, floor: 7pt}}
boxes:
  - {{value: nguoi_yeu_cau.ho_ten, x: 40mm, y: 40mm, w: 150mm, h: 7mm}}
  - {{value: nguoi_duoc_khai_sinh.ho_ten | name_upper, x: 40mm, y: 50mm, w: 150mm, h: 7mm}}
  - {{value: me.ho_ten, x: 40mm, y: 60mm, w: 35mm, h: 7mm}}
  - {{value: nguoi_duoc_khai_sinh.noi_sinh, x: 40mm, y: 70mm, w: 150mm, h: 12mm, lines: 2}}
  - {{value: nguoi_duoc_khai_sinh.que_quan, x: 40mm, y: 85mm, w: 150mm, h: 6mm}}
  - {{value: giay_chung_nhan_ket_hon.noi_dang_ky, x: 40mm, y: 95mm, w: 150mm, h: 18mm, lines: 3}}
  - {{checkbox: de_nghi_cap_ban_sao, when: true, x: 40mm, y: 120mm}}
  - {{digits: nguoi_yeu_cau.so_dinh_danh_ca_nhan, x: 40mm, y: 130mm, cell: 6mm}}
  - {{value: ngay_lam | date, x: 40mm, y: 140mm, w: 40mm, h: 7mm}}
"""

# (path in the declaration, the box's top and left edge in mm, the form's label, an over-long value)
LONG_NAME = unicodedata.normalize("NFD", "Tôn Nữ Hoàng Phương Thảo Nguyễn Huỳnh Ngọc Khánh Linh")
LONG_PLACE = ("thôn Thượng Phước, xã Quỳnh Lưu, huyện Quỳnh Phụ, tỉnh Thái Bình, Việt Nam " * 4)[:250].strip(
    " ,"
)
CASES = [
    pytest.param("me.ho_ten", 60, 35, "Họ, chữ đệm, tên", LONG_NAME, id="name"),
    pytest.param("nguoi_duoc_khai_sinh.que_quan", 85, 150, "Quê quán", LONG_PLACE, id="address"),
]


def _spec(folder: Path, continuation: bool) -> Any:
    blank_background(folder / "blank.pdf")
    (folder / "khai-sinh.yaml").write_text(
        OVERLAY.format(continuation=str(continuation).lower()), encoding="utf-8"
    )
    return dataclasses.replace(get_form("khai-sinh"), template_path=folder / "khai-sinh.yaml")


def _raw(path: str | None = None, value: str | None = None) -> dict[str, Any]:
    raw = load_example("khai-sinh")
    if path is not None:
        head, tail = path.split(".")
        raw[head][tail] = value
    return raw


def _nfc(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def _chars_in_box(page: Any, top_mm: float, x_mm: float, w_mm: float, h_mm: float) -> str:
    x0, x1 = x_mm * MM, (x_mm + w_mm) * MM
    top, bottom = top_mm * MM, (top_mm + h_mm) * MM
    inside = [
        c
        for c in page.chars
        if c["x0"] >= x0 - 0.5
        and c["x1"] <= x1 + 0.5
        and c["top"] >= top - 0.5
        and c["bottom"] <= bottom + 0.5
    ]
    return "".join(c["text"] for c in sorted(inside, key=lambda c: c["x0"]))


@pytest.mark.parametrize(("path", "y", "w", "label", "value"), CASES)
def test_without_continuation_an_over_long_value_raises_naming_the_field(
    tmp_path: Path, path: str, y: float, w: float, label: str, value: str
) -> None:
    spec = _spec(tmp_path, continuation=False)
    assert compile_form(spec).allow_appendix is False
    d = spec.validate(_raw(path, value))
    with pytest.raises(RenderOverflowError) as info:
        render_pdf(spec, d)
    assert info.value.path == path
    assert info.value.label == label
    (err,) = info.value.field_errors()
    assert err.path == path and label in err.message
    # the plan refuses too: no PDF, no truncated value, no continuation sheet
    with pytest.raises(RenderOverflowError) as again:
        plan_pdf(spec, d)
    assert again.value.path == path


def test_with_continuation_a_name_still_never_goes_to_a_sheet(tmp_path: Path) -> None:
    """A person's name prints in its own box or not at all: the sheet is for long free text only."""
    spec = _spec(tmp_path, continuation=True)
    d = spec.validate(_raw("me.ho_ten", LONG_NAME))
    with pytest.raises(RenderOverflowError) as info:
        plan_pdf(spec, d)
    assert info.value.path == "me.ho_ten"


@pytest.mark.parametrize(("path", "y", "w", "label", "value"), CASES[1:])
def test_with_continuation_an_over_long_value_moves_to_a_numbered_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str, y: float, w: float, label: str, value: str
) -> None:
    spec = _spec(tmp_path, continuation=True)
    compiled = compile_form(spec)
    assert compiled.allow_appendix is True and compiled.pages == 1
    raw = _raw(path, value)
    d = spec.validate(raw)
    data = render_pdf(spec, d)
    plan = plan_pdf(spec, d)
    pages = read_pdf(data)
    assert len(pages) == plan.pages == 2  # the form's page + one continuation sheet

    # the value is on the sheet, whole and NFC-equal, and nowhere on page 1
    (moved,) = [v for v in plan.values if v.path == path]
    assert moved.appendix == 1
    assert {b.page for b in moved.boxes} == {1}
    assert moved.text == _nfc(value)
    assert unicodedata.normalize("NFC", read_value(pages, moved.boxes, moved.joins)) == _nfc(value)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        texts = [_nfc(p.extract_text() or "") for p in pdf.pages]
    assert _nfc(value) in texts[1]
    assert _nfc(value)[:20] not in texts[0]

    # the box on page 1 holds the pointer, and only the pointer
    assert _nfc(_chars_in_box(pages[0], y, 40, w, 7)).replace(" ", "") == "xemPhụlục1"
    assert any(t.page == 0 and t.text == "xem Phụ lục 1" for t in plan.texts)

    # the sheet is numbered and headed like a flow template's
    assert texts[1].startswith("2 ")
    assert f"Phụ lục 1 của tờ khai đăng ký khai sinh: {label}" in texts[1]
    assert "Phụ lục kèm theo" in texts[1]

    # no char of the value outside the page frame (nor any char of the sheet outside the page)
    left, bottom, right, top = compiled.frame
    height = pages[1].height
    value_chars = [c for b in moved.boxes for c in _box_chars(pages[1], b)]
    assert "".join(c["text"] for c in value_chars).replace(" ", "") == _nfc(value).replace(" ", "")
    for c in value_chars:
        assert left - 0.01 <= c["x0"] and c["x1"] <= right + 0.01, c["text"]
        assert height - top - 0.01 <= c["top"] and c["bottom"] <= height - bottom + 0.01, c["text"]
    for c in pages[1].chars:
        assert 0 <= c["x0"] and c["x1"] <= compiled.page_size[0] and 0 <= c["top"] and c["bottom"] <= height

    # plan and read-back agree: verify() and the `check` command pass
    assert verify(data, plan, boxes_drawn=False) == []
    from formfill.cli import app
    from formfill.cli import common as cliutil

    monkeypatch.setattr(cliutil, "load_form", lambda _form: spec)
    pdf_file, json_file = tmp_path / "out.pdf", tmp_path / "data.json"
    pdf_file.write_bytes(data)
    json_file.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    r = CliRunner().invoke(app, ["check", str(pdf_file), "khai-sinh", str(json_file), "--lang", "en"])
    assert r.exit_code == 0, r.output
    assert f"All {len(plan.values)} values present and in place." in r.output


def _box_chars(page: Any, box: Any) -> list[dict[str, Any]]:
    tol = 3.0
    top, bottom = page.height - box.y1 - tol, page.height - box.y0 + tol
    return [
        c
        for c in page.chars
        if c["x0"] >= box.x0 - tol and c["x1"] <= box.x1 + tol and c["top"] >= top and c["bottom"] <= bottom
    ]


def test_with_continuation_short_values_stay_in_their_boxes(tmp_path: Path) -> None:
    spec = _spec(tmp_path, continuation=True)
    d = spec.validate(_raw())
    data = render_pdf(spec, d)
    plan = plan_pdf(spec, d)
    pages = read_pdf(data)
    assert len(pages) == plan.pages == 1  # no sheet added
    assert plan.values and all(v.appendix is None for v in plan.values)
    assert not any("Phụ lục" in t.text for t in plan.texts)
    assert verify(data, plan, boxes_drawn=False) == []
    for v in plan.values:
        assert all(b.page == 0 for b in v.boxes)
        assert _nfc(" ".join(text_in(pages[0], b) for b in v.boxes)) == v.text, v.path
    # the same plan (what is drawn, and where) as without the option
    (tmp_path / "plain").mkdir()
    plain = _spec(tmp_path / "plain", continuation=False)
    assert plan_pdf(plain, plain.validate(_raw())) == plan


def test_overlay_output_is_deterministic(tmp_path: Path) -> None:
    """Same record, same bytes — also when a background PDF is merged under the values."""
    import pikepdf

    spec = _spec(tmp_path, continuation=True)
    d = spec.validate(_raw())
    first, second = render_pdf(spec, d), render_pdf(spec, d)
    assert first == second
    with pikepdf.open(io.BytesIO(first)) as pdf:
        names = set(pdf.pages[0].Resources.XObject.keys())
    assert "/FormfillBackground" in names  # the background really is merged under the values
