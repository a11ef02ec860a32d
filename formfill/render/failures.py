"""Typed printing errors: each names the field (user path, rows from 1) and, for glyphs, the character."""

from __future__ import annotations

import unicodedata

from formfill.base.errors import FormfillError
from formfill.base.i18n import Lang
from formfill.base.messages import format_message
from formfill.forms.explain import FieldError


def char_name(ch: str) -> str:
    """``'😀' (U+1F600 GRINNING FACE)`` — readable even when the terminal cannot show the character."""
    return f"{ch!r} (U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED')})"


class RenderError(FormfillError):
    """A declaration that validated but cannot be printed as it is (exit 1 in the CLI)."""

    type = "render_error"

    def __init__(self, path: str, message: str, **ctx: str) -> None:
        self.path = path
        self.ctx = ctx
        super().__init__(f"{path}: {message}")

    def field_errors(self, lang: Lang | None = None) -> list[FieldError]:
        return [FieldError(self.path, self.type, format_message(self.type, self.ctx, lang))]


class MissingGlyphError(RenderError):
    """A character the embedded font cannot draw (an emoji, a CJK ideograph…)."""

    type = "render_missing_glyph"

    def __init__(self, path: str, char: str) -> None:
        self.char = char
        super().__init__(path, f"the font has no glyph for {char_name(char)}", char=char_name(char))


class RenderOverflowError(RenderError):
    """A value too long for its fixed box (overlay templates without a continuation sheet)."""

    type = "render_overflow"

    def __init__(self, path: str, label: str) -> None:
        self.label = label
        super().__init__(path, f"does not fit its box {label!r}, even at the floor size", label=label)
