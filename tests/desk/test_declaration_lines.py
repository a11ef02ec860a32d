"""The desk's read-only declaration: every answer once, in the form's order, each label saying whose
field it is (three "Họ, chữ đệm, tên" rows side by side told nobody whose name was whose)."""

from __future__ import annotations

import json

import pytest

from formfill.session.desk_view import declaration_lines
from tests.conftest import EXAMPLES

FORMS = ["khai-sinh", "nhan-cha-me-con", "ket-hon", "ct01"]


@pytest.mark.parametrize("form", FORMS)
def test_every_label_is_told_apart_and_the_order_is_the_forms(form: str) -> None:
    data = json.loads((EXAMPLES / form / "valid-1.json").read_text(encoding="utf-8"))
    lines = declaration_lines(form, data)
    labels = [line.label for line in lines]
    assert len(labels) == len(set(labels)), [x for x in labels if labels.count(x) > 1]
    assert not any(line.label == line.path for line in lines)  # every path known to the form
    paths = [line.path for line in lines]
    assert paths[0] == "kinh_gui"  # the form's first question first, not the stored JSON's order
    if form == "ct01":  # a repeating group row by row
        rows = [p.split(".")[1] for p in paths if p.startswith("thanh_vien.")]
        assert rows == sorted(rows)
