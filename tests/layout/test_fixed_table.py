"""Tables of fixed rows (ket-hon: Thông tin | Bên nữ | Bên nam). The forms' examples round-trip in
tests/render/test_corpus.py (every form of the pack)."""

from __future__ import annotations

from pathlib import Path

import pytest

from formfill.forms import get_form
from formfill.layout import TemplateError, load_template_file
from formfill.render.compiled import TextOp, ValueSlot
from formfill.render.engine import compile_form

HEAD = "form: ket-hon\nkind: flow\nelements:\n  - table:\n"
COLUMNS = (
    "      columns:\n        - {header: Thông tin, width: 45mm}\n"
    "        - {header: Bên nữ, width: rest}\n        - {header: Bên nam, width: rest}\n"
)


def _load(tmp_path: Path, body: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "ket-hon.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return load_template_file(path, get_form("ket-hon").model, "ket-hon")


def test_fixed_rows_bind_against_the_declaration(tmp_path: Path) -> None:
    body = (
        COLUMNS
        + "      fixed_rows:\n        - label: Họ, chữ đệm, tên\n          cells: [ben_nu.ho_ten, ben_nam.ho_sai]\n"
    )
    with pytest.raises(TemplateError, match=r":11: .*ho_sai"):
        _load(tmp_path, body)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (COLUMNS, "either rows_from"),
        (
            COLUMNS
            + "      rows_from: x\n      fixed_rows:\n        - {label: a, cells: [kinh_gui, kinh_gui]}\n",
            "either rows_from",
        ),
        (
            COLUMNS + "      fixed_rows:\n        - {label: a, cells: [kinh_gui]}\n",
            "1 cells for 2 value columns",
        ),
    ],
)
def test_a_table_has_one_source_of_rows(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        _load(tmp_path, body)


def test_marriage_table_cells_sit_in_their_columns() -> None:
    compiled = compile_form(get_form("ket-hon"))
    texts = {op.text for op in compiled.static[0] if isinstance(op, TextOp)}
    assert {"Thông tin", "Bên nữ", "Bên nam", "Kết hôn lần thứ mấy"} <= texts
    cells = {s.path: s for s in compiled.slots if isinstance(s, ValueSlot)}
    nu, nam = cells["ben_nu.noi_cu_tru"], cells["ben_nam.noi_cu_tru"]
    assert len(nu.segments) == 4 and nu.label == "Nơi cư trú (Bên nữ)"
    assert nu.segments[0].x1 < nam.segments[0].x0  # the woman's column first
    assert nu.segments[0].y == nam.segments[0].y
