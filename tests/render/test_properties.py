"""Long Vietnamese names and places (NFC or NFD, both cases) always round-trip through the PDF:
flow templates fit, shrink or move them to a continuation sheet; overlay templates fit them or
raise the typed overflow error. Never clipped, never overlapping (the box holds exactly the value)."""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from formfill.forms import get_form
from formfill.render import RenderOverflowError, plan_pdf, render_pdf
from formfill.render.verify import read_pdf, verify
from formfill.types import name_upper

from .conftest import blank_background, load_example

_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_LOWER = sorted(
    {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES} | set("bcdđghklmnpqrstvxfjwz")
)
LETTERS = "".join(_LOWER) + "".join(ch.upper() for ch in _LOWER)
NAME_MAX, PLACE_MAX = 100, 250

word = st.text(alphabet=LETTERS, min_size=1, max_size=10)


def _joined(max_len: int, sep: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    words = st.lists(st.tuples(word, sep), min_size=1, max_size=max_len // 2)
    return words.map(lambda ws: "".join(w + s for w, s in ws)[:max_len].strip(" ,")).filter(bool)


names = st.one_of(_joined(NAME_MAX, st.just(" ")), st.text(alphabet=LETTERS, min_size=1, max_size=NAME_MAX))
places = _joined(PLACE_MAX, st.sampled_from([" ", " ", " ", ", "]))
norm = st.sampled_from(["NFC", "NFD"])

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _declaration(spec, n1, n2, n3, p1, p2, p3, form):  # type: ignore[no-untyped-def]
    def f(s: str) -> str:
        return unicodedata.normalize(form, s)

    raw = load_example("khai-sinh")
    raw["nguoi_yeu_cau"]["ho_ten"] = f(n1)
    raw["nguoi_duoc_khai_sinh"]["ho_ten"] = f(n2)
    raw["me"]["ho_ten"] = f(n3)
    raw["nguoi_duoc_khai_sinh"]["noi_sinh"] = f(p1)
    raw["nguoi_duoc_khai_sinh"]["que_quan"] = f(p2)
    raw["giay_chung_nhan_ket_hon"]["noi_dang_ky"] = f(p3)
    return spec.validate(raw)


def _expected(d) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {
        "nguoi_yeu_cau.ho_ten": d.nguoi_yeu_cau.ho_ten,
        "nguoi_duoc_khai_sinh.ho_ten": name_upper(d.nguoi_duoc_khai_sinh.ho_ten),
        "me.ho_ten": d.me.ho_ten,
        "nguoi_duoc_khai_sinh.noi_sinh": d.nguoi_duoc_khai_sinh.noi_sinh,
        "nguoi_duoc_khai_sinh.que_quan": d.nguoi_duoc_khai_sinh.que_quan,
        "giay_chung_nhan_ket_hon.noi_dang_ky": d.giay_chung_nhan_ket_hon.noi_dang_ky,
    }


def _squash(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


@pytest.mark.slow
@SETTINGS
@given(names, names, names, places, places, places, norm)
def test_flow_template_never_loses_a_character(n1, n2, n3, p1, p2, p3, form) -> None:  # type: ignore[no-untyped-def]
    # Values only (pre-printed paper mode) keeps pdfplumber fast; that values never touch the static
    # text is proven for every slot geometrically in test_layout_invariants.py.
    from formfill.render import RenderOptions

    spec = get_form("khai-sinh")
    d = _declaration(spec, n1, n2, n3, p1, p2, p3, form)
    opts = RenderOptions(preprinted=True)
    data = render_pdf(spec, d, opts)
    plan = plan_pdf(spec, d)
    assert verify(data, plan, opts, pages=read_pdf(data), boxes_drawn=False) == []
    placed = {}
    for v in plan.values:
        placed.setdefault(v.path, v.text)
    for path, want in _expected(d).items():
        assert placed[path] == _squash(want), path


OVERLAY = """\
form: khai-sinh
kind: overlay
background: blank.pdf
text: {size: 11pt, floor: 7pt}
boxes:
  - {value: nguoi_yeu_cau.ho_ten, x: 40mm, y: 40mm, w: 150mm, h: 7mm}
  - {value: nguoi_duoc_khai_sinh.ho_ten | name_upper, x: 40mm, y: 50mm, w: 150mm, h: 7mm}
  - {value: me.ho_ten, x: 40mm, y: 60mm, w: 110mm, h: 7mm}
  - {value: nguoi_duoc_khai_sinh.noi_sinh, x: 40mm, y: 70mm, w: 150mm, h: 12mm, lines: 2}
  - {value: nguoi_duoc_khai_sinh.que_quan, x: 40mm, y: 85mm, w: 150mm, h: 6mm}
  - {value: giay_chung_nhan_ket_hon.noi_dang_ky, x: 40mm, y: 95mm, w: 150mm, h: 18mm, lines: 3}
  - {checkbox: de_nghi_cap_ban_sao, when: true, x: 40mm, y: 120mm}
  - {checkbox: de_nghi_cap_ban_sao, when: false, x: 60mm, y: 120mm}
  - {digits: nguoi_yeu_cau.so_dinh_danh_ca_nhan, x: 40mm, y: 130mm, cell: 6mm}
  - {value: ngay_lam | date, x: 40mm, y: 140mm, w: 40mm, h: 7mm}
"""


@pytest.fixture(scope="module")
def overlay_spec(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("overlay")
    blank_background(folder / "blank.pdf")
    (folder / "khai-sinh.yaml").write_text(OVERLAY, encoding="utf-8")
    return dataclasses.replace(get_form("khai-sinh"), template_path=folder / "khai-sinh.yaml")


@pytest.mark.slow
@SETTINGS
@given(names, names, names, places, places, places, norm)
def test_overlay_template_fits_or_raises_overflow(overlay_spec, n1, n2, n3, p1, p2, p3, form) -> None:  # type: ignore[no-untyped-def]
    d = _declaration(overlay_spec, n1, n2, n3, p1, p2, p3, form)
    try:
        data = render_pdf(overlay_spec, d)
    except RenderOverflowError as exc:
        assert exc.path in _expected(d)
        assert exc.label
        return
    plan = plan_pdf(overlay_spec, d)
    assert verify(data, plan, boxes_drawn=False) == []
    placed = {v.path: v.text for v in plan.values}
    for path, want in _expected(d).items():
        assert placed[path] == _squash(want), path


def test_overflow_error_names_the_field(overlay_spec) -> None:  # type: ignore[no-untyped-def]
    d = _declaration(overlay_spec, "An", "Bình", "Chi", "Hà Nội", "x" * 5 + " ươ" * 80, "Huế", "NFC")
    with pytest.raises(RenderOverflowError) as info:
        render_pdf(overlay_spec, d)
    assert info.value.path == "nguoi_duoc_khai_sinh.que_quan"
    assert info.value.label == "Quê quán"
    (err,) = info.value.field_errors()
    assert err.path == "nguoi_duoc_khai_sinh.que_quan" and "Quê quán" in err.message


def test_flow_sheet_pointer_for_a_value_too_long_for_its_line() -> None:
    spec = get_form("khai-sinh")
    long_place = ("Bệnh viện Đa khoa Trung ương Cần Thơ, số 315 đường Nguyễn Văn Linh, " * 4)[:250].strip(
        " ,"
    )
    d = _declaration(
        spec, "Trần Thị Hường", "Nguyễn Bảo Ngọc", "Trần Thị Hường", "Sa Đéc", long_place, "Huế", "NFC"
    )
    data = render_pdf(spec, d)
    plan = plan_pdf(spec, d)
    moved = [v for v in plan.values if v.path == "nguoi_duoc_khai_sinh.que_quan"]
    assert moved and moved[0].appendix == 1
    assert verify(data, plan) == []
    assert any(t.text == "xem Phụ lục 1" for t in plan.texts)


def test_overlay_background_pages_and_calibration_offsets(overlay_spec, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from formfill.render import RenderOptions

    d = _declaration(
        overlay_spec, "Trần Thị Hường", "Nguyễn Bảo Ngọc", "Lê Thị Mai", "Sa Đéc", "Huế", "Hà Nội", "NFC"
    )
    plain = render_pdf(overlay_spec, d)
    plan = plan_pdf(overlay_spec, d)
    assert verify(plain, plan, boxes_drawn=False) == []
    pages = read_pdf(plain)
    assert "BLANK FORM" in "".join(c["text"] for c in pages[0].chars)  # the background is under the values
    # the background merged makes a complete page: offsets do not apply there (issue 11, item 7)
    assert render_pdf(overlay_spec, d, RenderOptions(offset_x_mm=2.0, offset_y_mm=-3.5)) == plain
    opts = RenderOptions(offset_x_mm=2.0, offset_y_mm=-3.5, preprinted=True)  # values only: they do
    shifted = render_pdf(overlay_spec, d, opts)
    assert verify(shifted, plan, opts, boxes_drawn=False) == []
    moved = read_pdf(shifted)
    dx, dy = 2.0 * 72 / 25.4, -3.5 * 72 / 25.4  # +x right, +y down on paper (here 3.5 mm up)

    def chars(page, box, sx=0.0, sy=0.0):  # type: ignore[no-untyped-def]
        top, bottom = page.height - box.y1 - 3 + sy, page.height - box.y0 + 3 + sy
        return sorted(
            (
                c
                for c in page.chars
                if box.x0 + sx - 3 <= c["x0"]
                and c["x1"] <= box.x1 + sx + 3
                and top <= c["top"]
                and c["bottom"] <= bottom
            ),
            key=lambda c: c["x0"],
        )

    for value in plan.values:
        a = chars(pages[0], value.boxes[0])
        b = chars(moved[0], value.boxes[0], dx, dy)
        assert a and [c["text"] for c in a] == [c["text"] for c in b], value.path
        for ca, cb in zip(a, b, strict=True):
            assert cb["x0"] - ca["x0"] == pytest.approx(dx, abs=0.01)
            assert cb["top"] - ca["top"] == pytest.approx(dy, abs=0.01)
    pre = render_pdf(overlay_spec, d, RenderOptions(preprinted=True))
    assert "BLANK FORM" not in "".join(c["text"] for c in read_pdf(pre)[0].chars)  # values only
    assert verify(pre, plan, boxes_drawn=False) == []
