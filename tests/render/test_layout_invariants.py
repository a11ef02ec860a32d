"""Geometric invariants of every compiled template: value slots never overlap static text or each
other, and stay inside the page frame (so no value can be drawn over a label, whatever its length)."""

from __future__ import annotations

import itertools

import pytest

from formfill.forms import get_form
from formfill.render.compiled import DigitSlot, TableSlot, TextOp, ValueSlot
from formfill.render.engine import compile_form
from formfill.render.fitting import text_width

from .conftest import FORMS


def _slot_boxes(compiled):  # type: ignore[no-untyped-def]
    for slot in compiled.slots:
        cells = [slot] if isinstance(slot, ValueSlot) else []
        if isinstance(slot, TableSlot):
            cells = [c for row in slot.rows for c in row]
        for cell in cells:
            for seg in cell.segments:
                yield (
                    cell.path,
                    (seg.page, seg.x0, seg.y - 0.29 * cell.size, seg.x1, seg.y + 0.95 * cell.size),
                )
        if isinstance(slot, DigitSlot):
            yield slot.path, (slot.page, slot.x, slot.y, slot.x + slot.cell * slot.count, slot.y + slot.h)


def _text_box(op: TextOp):  # type: ignore[no-untyped-def]
    w = text_width(op.text, op.font, op.size) + op.word_space * op.text.count(" ")
    return (op.page, op.x, op.y - 0.2 * op.size, op.x + w, op.y + 0.72 * op.size)


def _overlap(a, b) -> bool:  # type: ignore[no-untyped-def]
    return (
        a[0] == b[0] and a[1] < b[3] - 0.3 and b[1] < a[3] - 0.3 and a[2] < b[4] - 0.3 and b[2] < a[4] - 0.3
    )


@pytest.mark.parametrize("form_id", FORMS)
def test_value_slots_never_overlap_static_text(form_id: str) -> None:
    compiled = compile_form(get_form(form_id))
    texts = [_text_box(op) for page in compiled.static for op in page if isinstance(op, TextOp)]
    slots = list(_slot_boxes(compiled))
    assert slots
    for path, box in slots:
        for t in texts:
            assert not _overlap(box, t), (path, box, t)


@pytest.mark.parametrize("form_id", FORMS)
def test_value_slots_do_not_overlap_each_other_and_stay_in_the_frame(form_id: str) -> None:
    compiled = compile_form(get_form(form_id))
    left, bottom, right, top = compiled.frame
    slots = list(_slot_boxes(compiled))
    for (p1, a), (p2, b) in itertools.combinations(slots, 2):
        assert not _overlap(a, b), (p1, p2)
    for path, (_page, x0, y0, x1, y1) in slots:
        assert left - 0.5 <= x0 and x1 <= right + 0.5 and bottom - 4 <= y0 and y1 <= top + 0.5, path


@pytest.mark.parametrize("form_id", FORMS)
def test_every_static_text_uses_only_glyphs_of_the_font(form_id: str) -> None:
    from formfill.render.fonts import ensure_fonts

    faces = {f.name: f.codepoints for f in ensure_fonts().values()}
    compiled = compile_form(get_form(form_id))
    for page in compiled.static:
        for op in page:
            if isinstance(op, TextOp):
                assert all(ord(ch) in faces[op.font] for ch in op.text), op.text
