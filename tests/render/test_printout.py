"""The printout as a clerk reads it (issue 11): names, IDs and dates always in their own place,
lines broken only between words (never inside a unit name, a date or an ID), only embedded fonts,
printer offsets only on values-only output."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from formfill.forms import get_form
from formfill.render import plan_pdf, render_pdf
from formfill.render.breaks import bad_breaks, groups
from formfill.render.draw import RenderOptions
from formfill.render.verify import verify

from .conftest import FORMS, ROOT, load_example, valid_examples
from .stress import LONG_NAME, long_name_record

pytestmark = pytest.mark.usefixtures("fonts_ready")


def _texts(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


# --- item 1 + 3: a name never goes to an appendix ------------------------------------------------
@pytest.mark.parametrize("form_id", ["khai-sinh", "ket-hon", "ct01"])
def test_a_100_character_name_prints_in_its_own_place(form_id: str) -> None:
    spec = get_form(form_id)
    declaration = spec.validate(long_name_record(form_id))
    data = render_pdf(spec, declaration)
    plan = plan_pdf(spec, declaration)
    assert verify(data, plan) == []  # every value read back inside its own box
    names = [v for v in plan.values if v.path.endswith("ho_ten")]
    assert names, "the record has names"
    for value in names:
        assert value.appendix is None, value.path
        assert value.text.upper() == LONG_NAME.upper()
        assert {b.page for b in value.boxes} == {0}, value.path  # on page 1
    assert not any("Phụ lục" in t for t in _texts(data))
    # under the signature too: the signer's name is a value of page 1, not a pointer
    assert not any(t.text.startswith("xem Phụ lục") for t in plan.texts)


def test_the_long_name_takes_more_lines_not_a_smaller_floor() -> None:
    spec = get_form("khai-sinh")
    plan = plan_pdf(spec, spec.validate(long_name_record("khai-sinh")))
    child = next(v for v in plan.values if v.path == "nguoi_duoc_khai_sinh.ho_ten")
    assert len(child.lines) >= 2
    assert min(t.size for t in child.lines) >= 8.0  # the template's floor


def test_a_250_character_address_wraps_or_continues_on_a_signed_sheet() -> None:
    spec = get_form("khai-sinh")
    raw = load_example("khai-sinh")
    place = ", ".join(["Bệnh viện Đa khoa Khu vực Sa Đéc số 153 Nguyễn Sinh Sắc"] * 5)[:250].rstrip(", ")
    raw["nguoi_duoc_khai_sinh"]["noi_sinh"] = place
    declaration = spec.validate(raw)
    data = render_pdf(spec, declaration)
    plan = plan_pdf(spec, declaration)
    assert verify(data, plan) == []
    (moved,) = [v for v in plan.values if v.path == "nguoi_duoc_khai_sinh.noi_sinh"]
    if moved.appendix is not None:
        sheet = _texts(data)[moved.boxes[0].page]
        flat = " ".join(sheet.split())
        assert "TỜ KHAI ĐĂNG KÝ KHAI SINH" in flat  # the form's title
        assert "Trần Thị Hường" in flat  # whose declaration it is
        assert f"Phụ lục {moved.appendix} của tờ khai đăng ký khai sinh" in flat
        assert "(Ký, ghi rõ họ tên)" in flat  # and a signature line


# --- item 2: where a line may break ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "whole"),
    [
        (
            "Ủy ban nhân dân phường Sa Đéc, tỉnh Đồng Tháp",
            ["Ủy ban nhân dân", "phường Sa Đéc,", "tỉnh Đồng Tháp"],
        ),
        ("xã Tân Khánh Trung, huyện Lấp Vò, tỉnh Đồng Tháp", ["huyện Lấp Vò,", "xã Tân Khánh Trung,"]),
        ("do Cục Cảnh sát QLHC về TTXH cấp ngày 02/02/2020", ["QLHC về TTXH", "cấp ngày 02/02/2020"]),
        ("Căn cước công dân số 025188001010", ["số 025188001010"]),
        ("ngày 20 tháng 11 năm 2026", ["ngày 20 tháng 11 năm 2026"]),
        ("Số lượng: 2 bản", ["2 bản"]),
        ("đăng ký hộ tịch", ["hộ tịch"]),
    ],
)
def test_groups_keep_units_dates_ids_and_words_whole(text: str, whole: list[str]) -> None:
    got = groups(text)
    assert " ".join(got) == text
    for piece in whole:
        assert piece in got, (piece, got)


_LEVEL = st.sampled_from(["xã", "phường", "tỉnh", "thành phố", "huyện", "thị xã", "đặc khu", "ấp", "khóm"])
_SYLLABLE = st.sampled_from(
    [
        "Sa",
        "Đéc",
        "Đồng",
        "Tháp",
        "Lấp",
        "Vò",
        "Tân",
        "Khánh",
        "Trung",
        "Mỹ",
        "An",
        "Hưng",
        "Hòa",
        "Bình",
        "Thạnh",
    ]
)
_UNIT = st.builds(lambda lv, ws: f"{lv} {' '.join(ws)}", _LEVEL, st.lists(_SYLLABLE, min_size=1, max_size=4))
_DATE = st.builds(
    lambda d, m, y: f"ngày {d:02d}/{m:02d}/{y}",
    st.integers(1, 28),
    st.integers(1, 12),
    st.integers(1950, 2026),
)
_ID = st.builds(lambda n: f"số {n:012d}", st.integers(10**10, 10**12 - 1))
_ADDRESS = st.lists(st.one_of(_UNIT, _UNIT, _DATE, _ID), min_size=2, max_size=7).map(", ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(address=_ADDRESS.filter(lambda a: len(a) <= 250), name=st.lists(_SYLLABLE, min_size=2, max_size=20))
def test_no_printed_line_ends_inside_a_unit_a_date_or_an_id(address: str, name: list[str]) -> None:
    spec = get_form("khai-sinh")
    raw = load_example("khai-sinh")
    raw["nguoi_duoc_khai_sinh"]["noi_sinh"] = address
    raw["nguoi_duoc_khai_sinh"]["ho_ten"] = " ".join(name)[:100].strip()
    plan = plan_pdf(spec, spec.validate(raw))
    for value in plan.values:
        lines = [t.text for t in value.lines]
        if all(j == " " for j in value.joins):
            assert bad_breaks(lines) == [], (value.path, lines)


def test_label_and_footnote_lines_break_between_words_only() -> None:
    """Static text too: every line of the khai-sinh footnotes ends where a line may end."""
    from formfill.render.engine import compile_form

    compiled = compile_form(get_form("khai-sinh"))
    notes = [o.text for page in compiled.static for o in page if getattr(o, "size", 0) == 8.0]
    note3 = next(i for i, t in enumerate(notes) if t.startswith("(3)"))
    lines = [notes[note3], notes[note3 + 1]]
    assert bad_breaks(lines) == [], lines


# --- item 6: only embedded fonts -------------------------------------------------------------------
def _fonts(data: bytes) -> list[tuple[str, bool]]:
    from pypdf import PdfReader

    out = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            if "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            out.append(
                (str(font["/BaseFont"]), any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")))
            )
    return out


@pytest.mark.parametrize("form_id", FORMS)
def test_every_pdf_has_only_embedded_fonts(form_id: str) -> None:
    spec = get_form(form_id)
    for path in valid_examples(form_id):
        data = render_pdf(spec, spec.validate(load_example(form_id, path.name)))
        fonts = _fonts(data)
        assert fonts and all(embedded for _, embedded in fonts), fonts
        assert not any("Helvetica" in name for name, _ in fonts)


# --- item 7: offsets only on values-only output ---------------------------------------------------
def test_offsets_leave_a_full_form_unchanged_and_move_a_preprinted_one() -> None:
    spec = get_form("khai-sinh")
    declaration = spec.validate(load_example("khai-sinh"))
    plain = render_pdf(spec, declaration)
    shifted = RenderOptions(offset_x_mm=3.0, offset_y_mm=-2.0)
    assert render_pdf(spec, declaration, shifted) == plain
    values = render_pdf(spec, declaration, RenderOptions(preprinted=True))
    moved = render_pdf(spec, declaration, RenderOptions(offset_x_mm=3.0, preprinted=True))
    assert moved != values


def test_offsets_in_the_environment_leave_fill_byte_identical(tmp_path) -> None:
    example = ROOT / "examples" / "khai-sinh" / "valid-1.json"
    env = {**os.environ, "FORMFILL_TODAY": "2026-12-01"}
    outs = []
    for extra in ({}, {"FORMFILL_OFFSET_X_MM": "4", "FORMFILL_OFFSET_Y_MM": "-3"}):
        out = tmp_path / f"out{len(outs)}.pdf"
        run = subprocess.run(
            [sys.executable, "-m", "formfill", "fill", "khai-sinh", str(example), "-o", str(out)],
            env={**env, **extra},
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert run.returncode == 0, run.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    explicit = subprocess.run(
        [
            sys.executable,
            "-m",
            "formfill",
            "fill",
            "khai-sinh",
            str(example),
            "-o",
            str(tmp_path / "x.pdf"),
            "--offset-x",
            "2",
        ],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert explicit.returncode == 0
    assert "chỉ áp dụng" in explicit.stderr and "Traceback" not in explicit.stderr
    assert (tmp_path / "x.pdf").read_bytes() == outs[0]
