"""The registry of flow element kinds: for each kind name, its model and the bindings it prints.

Adding an element kind means: its model in :mod:`formfill.layout.model` (a member of ``Element``),
one entry here (which fields it binds, at which YAML path), and one entry under the same name in
:data:`formfill.render.kinds.FLOW_KINDS` (how it is built, placed and measured). A test checks
that both registries hold every kind of the model, and nothing else. Overlay boxes have no kind
name; their bindings are dispatched by box type (:data:`BOX_BINDINGS`).
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from formfill.layout import model as m
from formfill.layout.yaml_source import Path_

# One binding of a template: (YAML path, Binding or bare path, format, rows_from).
# format "" = the binding's own; "@list" = a list field (rows_from); "@any" = any type (tick box).
# rows_from is set for a table cell, whose path is relative to the row.
BindingAt = tuple[Path_, Any, str, str | None]
Bindings = Callable[[Any, Path_], Iterator[BindingAt]]


@dataclass(frozen=True)
class ElementKind:
    """What layout knows of one kind: the model it validates into and the fields it binds."""

    model: type[BaseModel]
    bindings: Bindings


def kind_name(model: type[BaseModel]) -> str:
    """The name a model answers to in a template (its ``kind: Literal[...]``)."""
    (name,) = typing.get_args(model.model_fields["kind"].annotation)
    return str(name)


def element_models() -> list[type[BaseModel]]:
    """Every member of the template model's ``Element`` union."""
    union = typing.get_args(m.Element)[0]
    return list(typing.get_args(union))


# --- bindings of each kind ------------------------------------------------------------------
def _no_bindings(el: Any, base: Path_) -> Iterator[BindingAt]:
    return iter(())


def _line(el: m.LineEl, base: Path_) -> Iterator[BindingAt]:
    yield (*base, "value"), el.value, "", None


def _row(el: m.RowEl, base: Path_) -> Iterator[BindingAt]:
    for j, item in enumerate(el.items):
        yield (*base, j, "value"), item.value, "", None


def _paragraph(el: m.ParagraphEl, base: Path_) -> Iterator[BindingAt]:
    yield from run_bindings((*base, "runs"), el.runs)


def _place_date(el: m.PlaceDateEl, base: Path_) -> Iterator[BindingAt]:
    if el.place:
        yield (*base, "place"), el.place, "", None
    if el.date:
        yield (*base, "date"), el.date.field, "date", None


def _table(el: m.TableEl, base: Path_) -> Iterator[BindingAt]:
    if el.rows_from is None:
        for r, row in enumerate(el.fixed_rows):
            for j, cell in enumerate(row.cells):
                yield (*base, "fixed_rows", r, "cells", j), cell, "", None
        return
    yield (*base, "rows_from"), el.rows_from, "@list", None
    for j, col in enumerate(el.columns):
        if col.value is not None and col.value.field != "@index":
            yield (*base, "columns", j, "value"), col.value, "", el.rows_from


def _signatures(el: m.SignaturesEl, base: Path_) -> Iterator[BindingAt]:
    for j, col in enumerate(el.columns):
        if col.name:
            yield (*base, "columns", j, "name"), col.name, "", None
        if not isinstance(col.date_line, bool):
            yield (*base, "columns", j, "date_line", "place"), col.date_line.place, "", None
            yield (*base, "columns", j, "date_line", "date"), col.date_line.date.field, "date", None
        for k, runs in enumerate(col.lines):
            yield from run_bindings((*base, "columns", j, "lines", k), runs)
    for k, runs in enumerate(el.aside):
        yield from run_bindings((*base, "aside", k), runs)


def _columns(el: m.ColumnsEl, base: Path_) -> Iterator[BindingAt]:
    for j, block in enumerate(el.blocks):
        for k, line in enumerate(block):
            yield from run_bindings((*base, "blocks", j, k, "runs"), line.runs)


def run_bindings(base: Path_, runs: list[Any]) -> Iterator[BindingAt]:
    """The bindings of a line of runs (value slots, tick boxes, digit boxes)."""
    for k, run in enumerate(runs):
        if isinstance(run, m.TextRun) and run.strike is not None:
            yield (*base, k, "strike", "field"), run.strike.field, "@any", None
        elif isinstance(run, m.ValueRun):
            yield (*base, k, "value"), run.value, "", None
        elif isinstance(run, m.CheckRun):
            yield (*base, k, "checkbox"), run.checkbox, "@any", None
        elif isinstance(run, m.DigitsRun):
            yield (*base, k, "digits"), run.digits, "digits", None


ELEMENT_KINDS: dict[str, ElementKind] = {
    "basis": ElementKind(m.BasisEl, _no_bindings),
    "national_header": ElementKind(m.NationalHeaderEl, _no_bindings),
    "title": ElementKind(m.TitleEl, _no_bindings),
    "line": ElementKind(m.LineEl, _line),
    "row": ElementKind(m.RowEl, _row),
    "paragraph": ElementKind(m.ParagraphEl, _paragraph),
    "place_date": ElementKind(m.PlaceDateEl, _place_date),
    "table": ElementKind(m.TableEl, _table),
    "signatures": ElementKind(m.SignaturesEl, _signatures),
    "footnotes": ElementKind(m.FootnotesEl, _no_bindings),
    "page_break": ElementKind(m.PageBreakEl, _no_bindings),
    "spacer": ElementKind(m.SpacerEl, _no_bindings),
    "photos": ElementKind(m.PhotosEl, _no_bindings),
    "columns": ElementKind(m.ColumnsEl, _columns),
}


# --- overlay boxes ----------------------------------------------------------------------------
def _value_box(box: m.ValueBox, base: Path_) -> Iterator[BindingAt]:
    yield (*base, "value"), box.value, "", None


def _check_box(box: m.CheckBox, base: Path_) -> Iterator[BindingAt]:
    yield (*base, "checkbox"), box.checkbox, "@any", None


def _digit_boxes(box: m.DigitBoxes, base: Path_) -> Iterator[BindingAt]:
    yield (*base, "digits"), box.digits, "digits", None


def _rows_box(box: m.RowsBox, base: Path_) -> Iterator[BindingAt]:
    yield (*base, "rows"), box.rows, "@list", None
    for j, col in enumerate(box.columns):
        if col.value.field != "@index":
            yield (*base, "columns", j, "value"), col.value, "", box.rows


BOX_BINDINGS: dict[type[BaseModel], Bindings] = {
    m.RowsBox: _rows_box,
    m.ValueBox: _value_box,
    m.CheckBox: _check_box,
    m.DigitBoxes: _digit_boxes,
}


def template_bindings(template: m.Template) -> Iterator[BindingAt]:
    """Every binding of a template, elements then boxes, each where the YAML wrote it."""
    for i, el in enumerate(template.elements):
        yield from ELEMENT_KINDS[el.kind].bindings(el, ("elements", i, el.kind))
    for i, box in enumerate(template.boxes):
        yield from BOX_BINDINGS[type(box)](box, ("boxes", i))
    for name, tests in template.conditions.items():
        for k, test in enumerate(tests):
            yield ("conditions", name, k, "field"), test.field, "@any", None
