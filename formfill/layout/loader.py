"""Load a form's template: YAML -> :class:`Template`, every binding checked against the schema.

Every error is a :class:`TemplateError` whose message starts with ``file:line:``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ValidationError

from formfill.layout.kinds import BindingAt, template_bindings
from formfill.layout.model import Binding, Template
from formfill.layout.paths import PathError, check_binding, field_type, list_item_model
from formfill.layout.yaml_source import Path_, SourceMap, TemplateError, load_yaml

__all__ = ["TemplateError", "bound_paths", "check_bindings", "load_template", "load_template_file"]


def _with_alternatives(items: Iterator[BindingAt]) -> Iterator[tuple[Path_, str, str, str | None]]:
    """Each binding, then each of its ``or:`` alternatives (at ``….or``, ``….or.or``)."""
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
    for _ypath, path, fmt, rows_from in _with_alternatives(template_bindings(template)):
        if fmt == "@list":
            out.add(path)
        elif rows_from:
            out.add(f"{rows_from}.N.{path}")
        else:
            out.add(path)
    return out


def check_bindings(template: Template, model: type[BaseModel], source: SourceMap) -> None:
    """Every binding path exists in ``model`` and its formatter fits the field's type."""
    for ypath, path, fmt, rows_from in _with_alternatives(template_bindings(template)):
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


_cache: dict[tuple[str, str | None, type[BaseModel], float], Template] = {}
_lock = threading.Lock()


def load_template(path: Path, model: type[BaseModel], form_id: str | None = None) -> Template:
    """The template at ``path``, validated, every binding checked against ``model``.

    Cached per process (keyed by the file, its modification time, the model and the form id).
    """
    path = Path(path)
    try:
        key = (str(path), form_id, model, path.stat().st_mtime)
    except OSError as exc:
        raise TemplateError(path, None, f"cannot read: {exc}") from exc
    with _lock:
        hit = _cache.get(key)
    if hit is not None:
        return hit
    loaded = load_template_file(path, model, form_id)
    with _lock:
        _cache[key] = loaded
    return loaded
