"""One registry of element kinds: every kind of the template model has its bindings (layout) and its
builder, placement and height rule (render) under the same name; and the room kept under a roster
table for the footnotes below it is what the footnotes draw."""

from __future__ import annotations

from pathlib import Path

import pytest

from formfill.forms import get_form
from formfill.layout import load_template_file
from formfill.layout.kinds import ELEMENT_KINDS, element_models, kind_name
from formfill.render.compiled import LineOp, RectOp, TableSlot
from formfill.render.flow import FlowCompiler
from formfill.render.kinds import FLOW_KINDS
from formfill.render.tables import RosterTable

FORM = "thay-doi-cai-chinh-ho-tich"
MM = 72 / 25.4


def test_every_model_kind_is_registered_on_both_sides() -> None:
    model_kinds = {kind_name(model): model for model in element_models()}
    assert len(model_kinds) == len(element_models()) == 14  # no two models share a name
    assert set(ELEMENT_KINDS) == set(model_kinds)
    assert set(FLOW_KINDS) == set(model_kinds)
    for name, kind in ELEMENT_KINDS.items():
        assert kind.model is model_kinds[name], name


@pytest.mark.parametrize("name", sorted(FLOW_KINDS))
def test_every_kind_that_draws_has_a_builder(name: str) -> None:
    drawn = {"title", "line", "row", "paragraph", "place_date", "table", "signatures", "footnotes"}
    drawn |= {"basis", "national_header", "photos", "columns"}
    assert (FLOW_KINDS[name].build is not None) == (name in drawn)


def _template(tmp_path: Path, spacer_pt: float) -> tuple[FlowCompiler, object]:
    text = f"""\
form: {FORM}
kind: flow
elements:
  - spacer: {{height: {spacer_pt}pt}}
  - table:
      rows_from: noi_dung
      min_rows: 1
      columns:
        - {{header: Thông tin, value: thong_tin, width: 38mm}}
        - {{header: Nội dung cũ, value: tu, width: rest}}
        - {{header: Nội dung mới, value: thanh, width: rest}}
  - footnotes:
      size: 8pt
      notes:
        - {{mark: 1, text: "Ghi tên cơ quan đăng ký hộ tịch, ví dụ: Ủy ban nhân dân phường Sa Đéc."}}
        - {{mark: 2, text: "Ghi thông tin cần thay đổi, cải chính, bổ sung."}}
"""
    path = tmp_path / f"{FORM}.yaml"
    path.write_text(text, encoding="utf-8")
    spec = get_form(FORM)
    template = load_template_file(path, spec.model, FORM)
    return FlowCompiler(spec, template), template


# Spacers over two rows' height in 3pt steps: wherever the page leaves the table, the checks hold.
@pytest.mark.parametrize("spacer_pt", range(0, 40, 3))
def test_a_roster_table_fills_its_page_down_to_the_footnotes(tmp_path: Path, spacer_pt: int) -> None:
    flow, template = _template(tmp_path, spacer_pt)
    compiled = flow.compile()
    assert compiled.pages == 1
    ops = compiled.static[0]
    (rule,) = [
        op
        for op in ops
        if isinstance(op, LineOp) and op.x1 - op.x0 == pytest.approx(45 * MM) and op.width == 0.5
    ]
    notes_top = rule.y0 + 4  # the rule is drawn 4pt under the top of the notes
    (grid,) = [op for op in ops if isinstance(op, RectOp)]
    (slot,) = [s for s in compiled.slots if isinstance(s, TableSlot)]
    table = RosterTable.measure(flow.ctx, template.elements[1], ("elements", 1, "table"))
    table_bottom = grid.y - table.note_h  # the "(xem tiếp Phụ lục n)" line belongs to the table
    left = table_bottom - notes_top
    assert left >= -0.01, "the table runs into the footnotes"
    assert left < slot.row_height, f"{left:.2f}pt left unused: room for another row"
    notes = template.elements[2]
    drawn, _ = FLOW_KINDS["footnotes"].build(flow.ctx, notes, ("elements", 2, "footnotes"))(0, notes_top)
    assert notes_top - drawn == pytest.approx(flow.ctx.bottom)  # the notes end on the bottom margin


def test_footnote_height_is_what_they_draw(tmp_path: Path) -> None:
    """The height rule of the footnotes kind measures the drawing (no allowance added to it)."""
    flow, template = _template(tmp_path, 0)
    el = template.elements[2]
    ypath = ("elements", 2, "footnotes")
    height = FLOW_KINDS["footnotes"].height(flow, el, ypath)
    drawn, out = FLOW_KINDS["footnotes"].build(flow.ctx, el, ypath)(0, 500.0)
    assert height == pytest.approx(drawn + el.space_before + el.space_after)
    lowest_baseline = min(op.y for op in out.ops if hasattr(op, "text"))
    assert 500.0 - drawn < lowest_baseline  # the last note's line sits inside the measured height
