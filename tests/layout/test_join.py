"""Lists of choices (thay-doi's ``loai_viec``) print on one line through the ``join`` formatter."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from formfill.forms import get_form
from formfill.layout.formatters import FORMATTERS
from formfill.layout.paths import PathError, check_binding
from formfill.render import plan_pdf, render_pdf
from formfill.render.verify import verify
from tests.render.conftest import load_example

FORM = "thay-doi-cai-chinh-ho-tich"


def test_join_keeps_the_items_as_stored() -> None:
    join = FORMATTERS["join"].func
    assert join(["Cải chính", "Bổ sung thông tin hộ tịch"]) == "Cải chính, Bổ sung thông tin hộ tịch"
    assert join(["cải chính", "bổ sung thông tin hộ tịch"]) == "cải chính, bổ sung thông tin hộ tịch"
    assert join(["Thay đổi"]) == "Thay đổi"
    assert join([]) == ""


def test_a_list_binds_exactly_with_join() -> None:
    model = get_form(FORM).model
    assert check_binding(model, "loai_viec", "join").is_list
    with pytest.raises(PathError, match="join"):
        check_binding(model, "loai_viec", "text")  # a list needs join
    with pytest.raises(PathError, match="not a list"):
        check_binding(model, "ly_do", "join")  # join needs a list
    with pytest.raises(PathError, match="rows_from"):
        check_binding(model, "noi_dung", "join")  # a list of groups is a table


def test_the_kinds_of_request_are_printed() -> None:
    spec = get_form(FORM)
    raw = load_example(FORM, "valid-2.json")
    declaration = spec.validate(raw)
    data = render_pdf(spec, declaration)
    plan = plan_pdf(spec, declaration)
    assert verify(data, plan) == []
    placed = {v.path: v.text for v in plan.values}
    assert placed["loai_viec"] == "xác định lại dân tộc, bổ sung thông tin hộ tịch"  # inside a sentence
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = " ".join((pdf.pages[0].extract_text() or "").split())
    assert "Đề nghị cơ quan đăng ký việc(4) xác định lại dân tộc, bổ sung thông tin hộ tịch" in text
