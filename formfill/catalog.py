"""The forms commands and UIs offer: every pack's forms, each template loaded and checked once.

It stands above both :mod:`formfill.forms` (schemas and their :class:`FormSpec`, which know nothing
of layout) and :mod:`formfill.layout` (templates, which know nothing of form packs). The first call
checks every binding of every template against its schema, so a broken pack fails when it loads,
naming ``file:line`` (a :class:`~formfill.layout.TemplateError`, a ``FormPackError``), not when a
record is first printed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from formfill.forms import pack
from formfill.forms.pack import FormSpec

if TYPE_CHECKING:
    from formfill.layout.model import Template

__all__ = ["FormSpec", "check_pack", "get_form", "list_forms", "listed_forms", "template_of"]

_checked = False


def _check_pack() -> None:
    """Load every template of the pack once (cached by file and time); raise for the first broken one."""
    global _checked
    if _checked:
        return
    for spec in pack.list_forms():
        if spec.template_path is not None:
            template_of(spec)
    _checked = True


def check_pack() -> None:
    """Check every template now (what ``list_forms``/``get_form`` do on first use): the assistant
    runs it in the background once its start screen is drawn, so opening a form is immediate."""
    _check_pack()


def listed_forms() -> list[Any]:
    """Every form with its id and titles, neither schema run nor template read: what a start screen
    shows (loading them costs ~1 s; ``get_form`` loads and checks them before a form is used)."""
    from formfill.forms.titles import list_titles

    return list_titles()


def list_forms() -> list[FormSpec]:
    """Every form of every pack, in the pack's order, templates checked."""
    _check_pack()
    return pack.list_forms()


def get_form(form_id: str) -> FormSpec:
    """The form with this id, templates checked; ``UnknownFormError`` names the known ones."""
    _check_pack()
    return pack.get_form(form_id)


def template_of(spec: FormSpec) -> Template:
    """The form's template, validated and checked against its schema (cached per process)."""
    from formfill.layout.loader import load_template
    from formfill.layout.yaml_source import TemplateError

    if spec.template_path is None:
        raise TemplateError(
            spec.schema_path, None, f"form {spec.id!r} has no template (form_templates/{spec.id}.yaml)"
        )
    return load_template(spec.template_path, spec.model, spec.id)
