"""How the office figures name a form and a field: one short name per form (its metadata's
``short_title``) and a field's own label from the form's field docs, so the dashboard and the report
say the same thing, never a raw id or path where the form still knows better.

A label many fields share ("Xã, phường, đặc khu" for the mother, the father and the requester) is
told apart by the labels of the blocks above it, as few as make it unique in its form: "Người mẹ ›
Số định danh cá nhân". A row of a repeating group keeps its number: "Ngày, tháng, năm sinh (dòng 2)".
A path the form no longer has (the figures outlive a form's revision) shows as it was stored.
"""

from __future__ import annotations

from functools import cache

from formfill.base.i18n import Lang

SEPARATOR = " › "


@cache
def form_name(form_id: str) -> str:
    """A form's short name ("Khai sinh"); its id when the form is not in the pack any more."""
    from formfill.base.errors import FormfillError
    from formfill.catalog import get_form

    try:
        return get_form(form_id).meta.short_name
    except FormfillError:
        return form_id


@cache
def _labels(form_id: str, lang: Lang) -> dict[str, str]:
    """Every field and block path of the form (rows as ``N``) -> its shortest unambiguous label."""
    from formfill.base.errors import FormfillError
    from formfill.catalog import get_form
    from formfill.forms.field_docs import walk

    try:
        docs = walk(get_form(form_id).model, groups=True)
    except FormfillError:
        return {}
    own = {d.path: d.label_for(lang) for d in docs}

    def chain(path: str) -> list[str]:
        parts = path.split(".")
        prefixes = (".".join(parts[: i + 1]) for i in range(len(parts)))
        return [own[p] for p in prefixes if p in own and not p.endswith(".N")]

    chains = {path: chain(path) for path in own}
    out: dict[str, str] = {}
    for path, labels in chains.items():
        candidates = [SEPARATOR.join(c) for c in _candidates(labels)]
        taken = {text for p, other in chains.items() if p != path for text in _texts(other)}
        out[path] = next((text for text in candidates if text not in taken), candidates[-1])
    return out


def field_paths(form_id: str) -> list[str]:
    """Every field and block path of the form, in the form's order (rows as ``N``)."""
    return list(_labels(form_id, "vi"))


def _candidates(labels: list[str]) -> list[list[str]]:
    """Ways to name a field, fewest labels first: itself, its block, its top block, all of them.
    A bare number-like label ("Số") always comes with its block."""
    leaf, above = labels[-1], labels[:-1]
    if not above:
        return [[leaf]]
    if len(leaf) <= 3:
        return [[above[-1], leaf], [above[0], above[-1], leaf], labels]
    return [[leaf], [above[-1], leaf], [above[0], leaf], [above[0], above[-1], leaf], labels]


def _texts(labels: list[str]) -> set[str]:
    return {SEPARATOR.join(c) for c in _candidates(labels)}


def field_label(form_id: str, path: str, lang: Lang = "vi") -> str:
    """A field as its form words it (row numbers kept); the stored path when the form lacks it."""
    parts = path.split(".")
    rows = [p for p in parts if p.isdigit()]
    label = _labels(form_id, lang).get(".".join("N" if p.isdigit() else p for p in parts))
    if label is None:
        return path
    if rows:
        label += f" ({'row' if lang == 'en' else 'dòng'} {', '.join(rows)})"
    return label


def field_name(form_id: str, path: str, lang: Lang = "vi") -> str:
    """A failing field in the office figures: "Người mẹ › Số định danh cá nhân — Khai sinh"."""
    return f"{field_label(form_id, path, lang)} — {form_name(form_id)}"
