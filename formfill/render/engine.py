"""``render_pdf(spec, declaration) -> bytes``: compile the form's template once, place and draw per record."""

from __future__ import annotations

import threading
from typing import Any

from formfill.catalog import template_of
from formfill.forms.pack import FormSpec
from formfill.layout.model import Template
from formfill.render.compiled import Compiled
from formfill.render.draw import RenderOptions, draw_pdf
from formfill.render.plan import Plan, make_plan

_compiled: dict[tuple[str, int], Compiled] = {}
_lock = threading.Lock()


def compile_form(spec: FormSpec) -> Compiled:
    """The form's layout, laid out once per process (static text, positions, leaders, slots)."""
    template = template_of(spec)
    key = (spec.id, id(template))
    hit = _compiled.get(key)
    if hit is not None:
        return hit
    with _lock:
        hit = _compiled.get(key)
        if hit is None:
            hit = compile_template(spec, template)
            _compiled[key] = hit
    return hit


def compile_template(spec: FormSpec, template: Template) -> Compiled:
    """Lay out a template (not cached: ``compile_form`` caches per form)."""
    if template.kind == "overlay":
        from formfill.render.overlay import OverlayCompiler

        compiled = OverlayCompiler(spec, template).compile()
    else:
        from formfill.render.flow import FlowCompiler

        compiled = FlowCompiler(spec, template).compile()
    meta = spec.meta
    compiled.meta = {"title": meta.title, "basis": meta.basis, "version": meta.version}
    return compiled


def plan_pdf(spec: FormSpec, declaration: Any) -> Plan:
    """Where every value of ``declaration`` goes (used by ``render_pdf`` and by ``formfill check``)."""
    return make_plan(compile_form(spec), declaration)


def render_pdf(spec: FormSpec, declaration: Any, options: RenderOptions | None = None) -> bytes:
    """The filled form as PDF bytes.

    ``declaration`` is a validated model instance of ``spec``. Same input, same bytes. Raises
    :class:`~formfill.render.failures.MissingGlyphError` for a character the font cannot draw and
    :class:`~formfill.render.failures.RenderOverflowError` for a value too long for a fixed box.
    """
    compiled = compile_form(spec)
    plan = make_plan(compiled, declaration)
    data = draw_pdf(compiled, plan, options)
    if compiled.background is not None and not (options and options.preprinted):
        from formfill.render.overlay import merge_background

        data = merge_background(data, compiled.background)
    return data
