"""Load a form's template: YAML -> :class:`Template`, every binding checked against the schema.

Every error is a :class:`TemplateError` whose message starts with ``file:line:``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from formfill.layout.model import (
    Binding,
    CheckBox,
    CheckRun,
    DigitBoxes,
    DigitsRun,
    LineEl,
    ParagraphEl,
    PlaceDateEl,
    RowEl,
    SignaturesEl,
    TableEl,
    Template,
    ValueBox,
    ValueRun,
)
from formfill.layout.paths import PathError, check_binding, field_type, list_item_model
from formfill.layout.yaml_source import Path_, SourceMap, TemplateError, load_yaml

__all__ = ["TemplateError", "check_bindings", "load_template", "load_template_file"]


def _bindings(template: Template) -> Iterator[tuple[Path_, str, str, str | None]]:
    """(yaml path, field path, format, rows_from) of every binding; rows_from for table cells."""
    for i, el in enumerate(template.elements):
        base: Path_ = ("elements", i, el.kind)
        if isinstance(el, LineEl):
            yield (*base, "value"), el.value, "", None
        elif isinstance(el, RowEl):
            for j, item in enumerate(el.items):
                yield (*base, j, "value"), item.value, "", None
        elif isinstance(el, ParagraphEl):
            yield from _run_bindings((*base, "runs"), el.runs)
        elif isinstance(el, PlaceDateEl):
            if el.place:
                yield (*base, "place"), el.place, "", None
            if el.date:
                yield (*base, "date"), el.date.field, "date", None
        elif isinstance(el, TableEl) and el.rows_from is None:
            for r, row in enumerate(el.fixed_rows):
                for j, cell in enumerate(row.cells):
                    yield (*base, "fixed_rows", r, "cells", j), cell, "", None
        elif isinstance(el, TableEl):
            yield (*base, "rows_from"), el.rows_from, "@list", None
            for j, col in enumerate(el.columns):
                if col.value is not None and col.value.field != "@index":
                    yield (*base, "columns", j, "value"), col.value, "", el.rows_from
        elif isinstance(el, SignaturesEl):
            for j, col in enumerate(el.columns):
                if col.name:
                    yield (*base, "columns", j, "name"), col.name, "", None
                if not isinstance(col.date_line, bool):
                    yield (*base, "columns", j, "date_line", "place"), col.date_line.place, "", None
                    yield (*base, "columns", j, "date_line", "date"), col.date_line.date.field, "date", None
                for k, runs in enumerate(col.lines):
                    yield from _run_bindings((*base, "columns", j, "lines", k), runs)
            for k, runs in enumerate(el.aside):
                yield from _run_bindings((*base, "aside", k), runs)
    for i, box in enumerate(template.boxes):
        base = ("boxes", i)
        if isinstance(box, ValueBox):
            yield (*base, "value"), box.value, "", None
        elif isinstance(box, CheckBox):
            yield (*base, "checkbox"), box.checkbox, "@any", None
        elif isinstance(box, DigitBoxes):
            yield (*base, "digits"), box.digits, "digits", None


def _run_bindings(base: Path_, runs: list[Any]) -> Iterator[tuple[Path_, str, str, str | None]]:
    for k, run in enumerate(runs):
        if isinstance(run, ValueRun):
            yield (*base, k, "value"), run.value, "", None
        elif isinstance(run, CheckRun):
            yield (*base, k, "checkbox"), run.checkbox, "@any", None
        elif isinstance(run, DigitsRun):
            yield (*base, k, "digits"), run.digits, "digits", None


def _with_alternatives(
    items: Iterator[tuple[Path_, Any, str, str | None]],
) -> Iterator[tuple[Path_, str, str, str | None]]:
    for ypath, path, fmt, rows_from in items:
        if isinstance(path, Binding):
            binding: Binding | None = path
            depth: Path_ = ypath
            while binding is not None:
                yield depth, binding.field, binding.format if fmt == "" else fmt, rows_from
                binding, depth = binding.alternative, (*depth, "or")
        else:
            yield ypath, path, fmt, rows_from


def bound_paths(template: Template) -> set[str]:
    """Every schema path the template prints (table cells as ``group.N.field``)."""
    out: set[str] = set()
    for _ypath, path, fmt, rows_from in _with_alternatives(_bindings(template)):
        if fmt == "@list":
            out.add(path)
        elif rows_from:
            out.add(f"{rows_from}.N.{path}")
        else:
            out.add(path)
    return out


def check_bindings(template: Template, model: type[BaseModel], source: SourceMap) -> None:
    """Every binding path exists in ``model`` and its formatter fits the field's type."""
    for ypath, path, fmt, rows_from in _with_alternatives(_bindings(template)):
        try:
            if fmt == "@list":
                list_item_model(model, path)
            elif fmt == "@any":
                field_type(model, path)
            elif rows_from:
                row_model, _ = list_item_model(model, rows_from)
                check_binding(row_model, path, fmt)
            else:
                check_binding(model, path, fmt)
        except PathError as exc:
            raise source.error(ypath, str(exc)) from None


def _validation_message(exc: ValidationError, source: SourceMap) -> TemplateError:
    first = exc.errors(include_url=False)[0]
    loc = tuple(first["loc"])
    where = ".".join(str(p) for p in loc)
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return source.error(loc, f"{where}: {first['msg']}{more}")


def load_template_file(
    path: Path, model: type[BaseModel] | None = None, form_id: str | None = None
) -> Template:
    """Load and validate one template file (bindings checked when ``model`` is given)."""
    data, source = load_yaml(path)
    if not isinstance(data, dict):
        raise TemplateError(path, 1, "a template is a mapping (form:, kind:, elements: …)")
    try:
        template = Template.model_validate(data)
    except ValidationError as exc:
        raise _validation_message(exc, source) from None
    if form_id is not None and template.form != form_id:
        raise source.error(("form",), f"form: {template.form!r} but the file is the template of {form_id!r}")
    if template.kind == "overlay" and template.background:
        bg = (path.parent / template.background).resolve()
        if not bg.is_file():
            raise source.error(("background",), f"background PDF not found: {bg}")
    if model is not None:
        check_bindings(template, model, source)
    template._path = path
    template._source = source
    return template


_cache: dict[tuple[str, str, float], Template] = {}
_lock = threading.Lock()


def load_template(spec: Any) -> Template:
    """The template of a :class:`~formfill.forms.FormSpec`, validated and checked against its schema.

    Cached per process (keyed by the file and its modification time).
    """
    path = spec.template_path
    if path is None:
        raise TemplateError(
            spec.schema_path, None, f"form {spec.id!r} has no template (form_templates/{spec.id}.yaml)"
        )
    path = Path(path)
    try:
        key = (spec.id, str(path), path.stat().st_mtime)
    except OSError as exc:
        raise TemplateError(path, None, f"cannot read: {exc}") from exc
    with _lock:
        hit = _cache.get(key)
    if hit is not None:
        return hit
    loaded = load_template_file(path, spec.model, spec.id)
    with _lock:
        _cache[key] = loaded
    return loaded
