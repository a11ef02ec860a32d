"""The forms as a list shows them (id, titles, description), read from the schema files' text.

A start screen needs titles only. Running every schema module builds every declaration model
(~0.3 s of pydantic work before anything is drawn); reading ``FORM = FormMeta(id=..., title=...)``
from each file's syntax tree takes milliseconds. A file whose meta is not written with literal
strings, or a pack already loaded, gives the loaded forms instead (the same attributes).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_FIELDS = ("id", "title", "title_en", "description", "description_en", "legal_basis")


@dataclass(frozen=True)
class TitleMeta:
    id: str
    title: str
    title_en: str
    description: str
    description_en: str
    legal_basis: str


@dataclass(frozen=True)
class FormTitle:
    """What a form list needs of a :class:`~formfill.forms.pack.FormSpec`: ``id`` and ``meta``'s titles."""

    meta: TitleMeta
    schema_path: Path

    @property
    def id(self) -> str:
        return self.meta.id


def _meta_of(path: Path) -> TitleMeta | None:
    """``FORM = FormMeta(...)``'s literal titles in this file, or None when they are not literal."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return None
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "FORM" for t in node.targets)
            and isinstance(node.value, ast.Call)
        ):
            given: dict[str, Any] = {}
            for kw in node.value.keywords:
                if kw.arg in _FIELDS:
                    try:
                        given[kw.arg] = ast.literal_eval(kw.value)
                    except ValueError:
                        return None
            if set(given) == set(_FIELDS) and all(isinstance(v, str) for v in given.values()):
                return TitleMeta(**given)
            return None
    return None


def list_titles() -> list[Any]:
    """Every form of every pack in the pack's order: :class:`FormTitle`, or the loaded ``FormSpec``s."""
    from formfill.forms import pack

    if pack._all_forms.cache_info().currsize:  # loaded already: nothing to save
        return pack.list_forms()
    found: list[FormTitle] = []
    for folder in pack.pack_dirs():
        for path in sorted((folder / "schemas").glob("*.py")):
            if path.name.startswith("_"):
                continue
            meta = _meta_of(path)
            if meta is None:
                return pack.list_forms()
            found.append(FormTitle(meta, path))
    if not found or len({f.id for f in found}) != len(found):
        return pack.list_forms()  # the loader reports a missing folder or a duplicate id
    return sorted(found, key=lambda f: pack._ORDER.get(f.id, 99))
