"""Template model and loader: one measurement type, file:line errors, bindings checked against the schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from formfill.catalog import template_of
from formfill.forms import get_form
from formfill.layout import TemplateError, load_template, load_template_file, to_points
from formfill.layout.model import PAGE_SIZES, Template

KHAI_SINH_HEAD = """\
form: khai-sinh
kind: flow
elements:
  - national_header: {}
  - title: {text: TỜ KHAI ĐĂNG KÝ KHAI SINH}
"""


@pytest.mark.parametrize(
    ("text", "points"),
    [
        ("20mm", 56.6929),
        ("1.5cm", 42.5197),
        ("13pt", 13.0),
        ("0.5in", 36.0),
        (12, 12.0),
        ("2.5 mm", 7.0866),
        ("20", 20.0),  # a bare number is points, written as a number or as text
        (" 20 ", 20.0),
    ],
)
def test_one_measurement_type(text: object, points: float) -> None:
    assert to_points(text) == pytest.approx(points, abs=1e-3)


@pytest.mark.parametrize("bad", ["20 px", "mm", True, "1,5cm", "", "20mmm", None, [20]])
def test_bad_measurements_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="length"):
        to_points(bad)


def test_a4_preset_has_the_nd30_margins() -> None:
    t = Template.model_validate({"form": "x", "kind": "flow", "elements": ["page_break"]})
    assert t.page.dimensions == PAGE_SIZES["A4"]
    m = t.page.margins
    assert (
        round(m.top / 72 * 25.4),
        round(m.bottom / 72 * 25.4),
        round(m.left / 72 * 25.4),
        round(m.right / 72 * 25.4),
    ) == (20, 20, 30, 15)


def _write(tmp_path: Path, text: str, name: str = "khai-sinh.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_wrong_binding_path_fails_at_load_with_file_and_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        KHAI_SINH_HEAD + '  - line: {label: "Họ, chữ đệm, tên:", value: nguoi_yeu_cau.ho_ten}\n'
        '  - line:\n      label: "Quê quán:"\n      value: nguoi_duoc_khai_sinh.que_quan_typo\n',
    )
    with pytest.raises(TemplateError) as info:
        load_template(path, get_form("khai-sinh").model, "khai-sinh")
    err = info.value
    assert err.file == str(path) and err.line == 9
    assert str(err).startswith(f"{path}:9:")
    assert "que_quan_typo" in str(err)


def test_formatter_must_fit_the_field(tmp_path: Path) -> None:
    path = _write(
        tmp_path, KHAI_SINH_HEAD + "  - line: {label: 'Ngày:', value: nguoi_duoc_khai_sinh.ho_ten | date}\n"
    )
    with pytest.raises(TemplateError, match=r":6: .*format 'date' needs a date"):
        load_template_file(path, get_form("khai-sinh").model, "khai-sinh")


def test_unknown_formatter_and_unknown_element(tmp_path: Path) -> None:
    path = _write(tmp_path, KHAI_SINH_HEAD + "  - line: {label: 'A', value: kinh_gui | shout}\n")
    with pytest.raises(TemplateError, match=r":6: .*unknown format 'shout'"):
        load_template_file(path, get_form("khai-sinh").model)
    path = _write(tmp_path, KHAI_SINH_HEAD + "  - headline: {text: X}\n")
    with pytest.raises(TemplateError, match=r":6: "):
        load_template_file(path)


def test_model_errors_name_the_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path, KHAI_SINH_HEAD + "  - line:\n      label: A\n      value: kinh_gui\n      lines: 99\n"
    )
    with pytest.raises(TemplateError, match=r":9: .*lines"):
        load_template_file(path)


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, KHAI_SINH_HEAD + "  - line: {label: 'A', value: [unclosed\n")
    with pytest.raises(TemplateError) as info:
        load_template_file(path)
    assert info.value.line is not None and info.value.line >= 6


def test_table_cells_bind_relative_to_the_row(tmp_path: Path) -> None:
    text = (
        "form: ct01\nkind: flow\nelements:\n  - table:\n      rows_from: thanh_vien\n      columns:\n"
        "        - {header: TT, value: '@index', width: 10mm}\n"
        "        - {header: Tên, value: ho_ten_sai, width: rest}\n"
    )
    path = _write(tmp_path, text, "ct01.yaml")
    with pytest.raises(TemplateError, match=r":8: .*ho_ten_sai"):
        load_template_file(path, get_form("ct01").model, "ct01")


def test_form_id_must_match(tmp_path: Path) -> None:
    path = _write(tmp_path, KHAI_SINH_HEAD, "ct01.yaml")
    with pytest.raises(TemplateError, match=r":1: .*template of 'ct01'"):
        load_template_file(path, get_form("ct01").model, "ct01")


@pytest.mark.parametrize("form_id", ["khai-sinh", "ct01"])
def test_builtin_templates_load_and_are_cached(form_id: str) -> None:
    spec = get_form(form_id)
    assert spec.template_path is not None
    template = load_template(spec.template_path, spec.model, form_id)
    assert template.form == form_id and template.kind == "flow"
    assert load_template(spec.template_path, spec.model, form_id) is template
    assert template_of(spec) is template  # the catalog goes through the same cache
