"""What the template compilers share: the page frame and text sizes, static-text glyph checks and
errors that point at the template's file and line (flow and overlay), and the element-builder type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from formfill.forms.pack import FormSpec
from formfill.layout import model as m
from formfill.layout.yaml_source import TemplateError
from formfill.render.fonts import ensure_fonts
from formfill.render.runs import NOTE_RE, Out

# An element builder: (page, top of the space left) -> (height used, what it drew).
Builder = Callable[[int, float], tuple[float, Out]]


def clean_label(text: str) -> str:
    return NOTE_RE.sub("", text).strip().rstrip(":").strip()


class Context:
    """What builders share: frame, sizes, static-text glyph check, file:line errors."""

    def __init__(self, spec: FormSpec, template: m.Template) -> None:
        self.spec = spec
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
