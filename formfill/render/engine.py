"""``render_pdf(spec, declaration) -> bytes``: compile the form's template once, place and draw per record."""

from __future__ import annotations

import threading
from typing import Any

from formfill.catalog import template_of
from formfill.forms.pack import FormSpec
from formfill.layout.conditions import holding
from formfill.layout.model import Template
from formfill.render.compiled import Compiled
from formfill.render.draw import RenderOptions, draw_pdf, effective
from formfill.render.failures import RenderOverflowError
from formfill.render.plan import NeedsRoom, Plan, make_plan

_compiled: dict[tuple[str, int], Compiled] = {}
_lock = threading.Lock()


_MAX_VARIANTS = 256  # layouts grown for long names kept per process (a batch repeats the same few)


def compile_form(spec: FormSpec, grow: dict[tuple[Any, ...], int] | None = None) -> Compiled:
    """The form's layout, laid out once per process (static text, positions, leaders, slots).

    ``grow``: extra lines for the value runs that need them (a long name): a variant of the layout,
    cached too.
    """
    template = template_of(spec)
    key = (spec.id, id(template), frozenset((grow or {}).items()))
    hit = _compiled.get(key)
    if hit is not None:
        return hit
    with _lock:
        hit = _compiled.get(key)
        if hit is None:
            hit = compile_template(spec, template, grow)
            if not grow or len(_compiled) < _MAX_VARIANTS:
                _compiled[key] = hit
    return hit


def compile_template(
    spec: FormSpec, template: Template, grow: dict[tuple[Any, ...], int] | None = None
) -> Compiled:
    """Lay out a template (not cached: ``compile_form`` caches per form)."""
    if template.kind == "overlay":
        from formfill.render.overlay import OverlayCompiler

        compiled = OverlayCompiler(spec, template).compile()
    else:
        from formfill.render.flow import FlowCompiler

        compiled = FlowCompiler(spec, template, grow).compile()
    meta = spec.meta
    compiled.meta = {"title": meta.title, "basis": meta.basis, "version": meta.version}
    return compiled


def layout_for(spec: FormSpec, declaration: Any) -> tuple[Compiled, Plan]:
    """The layout this record prints on and where every value goes.

    One overflow rule for every form: a value wraps within its lines, then shrinks to the floor;
    then long free text goes to a continuation sheet, while a name, ID or date that still does not
    fit is given lines of its own: the form is laid out again with them (cached per growth).
    """
    # the record's conditions (``when:``) choose its variant of the layout
    grow: dict[tuple[Any, ...], int] = holding(template_of(spec).conditions, declaration)
    compiled = compile_form(spec, grow)
    for _ in range(3):
        try:
            return compiled, make_plan(compiled, declaration)
        except NeedsRoom as need:
            for source, extra in need.grow.items():
                grow[source] = grow.get(source, 0) + extra
            compiled = compile_form(spec, grow)
    raise RenderOverflowError(*_first_overflow(grow))


def _first_overflow(grow: dict[tuple[Any, ...], int]) -> tuple[str, str]:  # pragma: no cover - guard
    return (str(next(iter(grow), "")), "")


def plan_pdf(spec: FormSpec, declaration: Any) -> Plan:
    """Where every value of ``declaration`` goes (used by ``render_pdf`` and by ``formfill check``)."""
    return layout_for(spec, declaration)[1]


def render_pdf(spec: FormSpec, declaration: Any, options: RenderOptions | None = None) -> bytes:
    """The filled form as PDF bytes.

    ``declaration`` is a validated model instance of ``spec``. Same input, same bytes. Raises
    :class:`~formfill.render.failures.MissingGlyphError` for a character the font cannot draw and
    :class:`~formfill.render.failures.RenderOverflowError` for a value too long for a fixed box.
    """
    compiled, plan = layout_for(spec, declaration)
    if compiled.background is None and effective(compiled, options) == RenderOptions():
        # the common case: the form's static parts made once per layout, the record's values added
        from formfill.render.stamp import stamp_pdf

        stamped = stamp_pdf(compiled, plan)
        if stamped is not None:
            return stamped
    data = draw_pdf(compiled, plan, options)
    if compiled.background is not None and not (options and options.preprinted):
        from formfill.render.overlay import merge_background

        data = merge_background(data, compiled.background)
    return data
