"""What the template compilers share: the page frame and text sizes, static-text glyph checks and
errors that point at the template's file and line (flow and overlay), and the element-builder type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from formfill.forms.pack import FormSpec
from formfill.layout import model as m
from formfill.layout.conditions import applies
from formfill.layout.yaml_source import TemplateError
from formfill.render.fonts import ensure_fonts
from formfill.render.runs import NOTE_RE, Out

# An element builder: (page, top of the space left) -> (height used, what it drew).
Builder = Callable[[int, float], tuple[float, Out]]


def clean_label(text: str) -> str:
    return NOTE_RE.sub("", text).strip().rstrip(":").strip()


class Context:
    """What builders share: frame, sizes, static-text glyph check, file:line errors."""

    def __init__(
        self, spec: FormSpec, template: m.Template, grow: dict[tuple[Any, ...], int] | None = None
    ) -> None:
        self.spec = spec
        # extra continuation lines per value run (its template path): a name, ID or date that does
        # not fit its lines at the floor size gets lines of its own in a re-laid copy of the form
        self.grow = dict(grow or {})
        self._free: dict[Any, bool] = {}
        self.t = template
        self.faces = ensure_fonts()
        self.codepoints = {f.name: f.codepoints for f in self.faces.values()}
        width, height = template.page.dimensions
        mg = template.page.margins
        self.page_w, self.page_h = width, height
        self.left, self.right = mg.left, width - mg.right
        self.top, self.bottom = height - mg.top, mg.bottom
        self.size = template.text.size
        self.leading = template.text.leading
        self.floor = template.text.floor

    def free_text(self, binding: Any) -> bool:
        """Whether a value may go to a continuation sheet: long free text only (an address, a
        "nội dung" paragraph — a field longer than a name's 100 characters), never a person's
        name, an ID number or a date, which always print in their own place."""
        if binding is None:
            return False
        hit = self._free.get(binding.field)
        if hit is None:
            hit = binding.format == "address" or (_max_length(self.spec.model, binding.field) or 0) > 100
            self._free[binding.field] = hit
        alt = getattr(binding, "alternative", None)
        return hit and (alt is None or self.free_text(alt))

    def applies(self, when: str | None) -> bool:
        """Whether an element or note with this ``when:`` belongs to this layout variant."""
        return applies(when, self.grow)

    def lead(self, size: float) -> float:
        return self.leading * size / self.size

    def source_error(self, ypath: tuple[Any, ...], message: str) -> TemplateError:
        if self.t.source is not None:
            return self.t.source.error(ypath, message)
        return TemplateError(self.t.path or self.t.form, None, message)

    def check_static(self, text: str, font: str, ypath: tuple[Any, ...]) -> None:
        cps = self.codepoints[font]
        for ch in text:
            if ord(ch) not in cps:
                raise self.source_error(ypath, f"the font has no glyph for {ch!r} (U+{ord(ch):04X})")


def _max_length(model: Any, path: str) -> int | None:
    """The ``maxLength`` a field's type advertises (text types carry it in their JSON schema)."""
    import typing

    from pydantic import BaseModel

    current: Any = model
    info = None
    for part in path.split("."):
        models = [t for t in _members(current) if isinstance(t, type) and issubclass(t, BaseModel)]
        hit = next((mo for mo in models if part in mo.model_fields), None)
        if hit is None:
            return None
        info = hit.model_fields[part]
        current = info.annotation
    if info is None:
        return None
    found: list[int] = []

    def scan(obj: Any) -> None:
        schema = getattr(obj, "json_schema", None)
        if isinstance(schema, dict) and isinstance(schema.get("maxLength"), int):
            found.append(schema["maxLength"])

    for meta in info.metadata:
        scan(meta)
    for member in _members(info.annotation, keep_annotated=True):
        if typing.get_origin(member) is typing.Annotated:
            for meta in typing.get_args(member)[1:]:
                scan(meta)
    return max(found) if found else None


def _members(annotation: Any, keep_annotated: bool = False) -> list[Any]:
    """The types an annotation may hold (through Annotated, Optional, unions and lists)."""
    import types
    import typing

    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner = _members(typing.get_args(annotation)[0], keep_annotated)
        return [annotation, *inner] if keep_annotated else inner
    if origin in (typing.Union, types.UnionType, list, tuple):
        return [
            t for a in typing.get_args(annotation) if a is not type(None) for t in _members(a, keep_annotated)
        ]
    return [annotation]
