"""Shared plumbing of the types: input coercion, text checks and the JSON Schema marker.

Every validator here turns *any* input into a value or a typed error from
:data:`formfill.base.messages.MESSAGES` — never another exception — so the UI and the batch
report can always explain a failure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import PlainValidator, WithJsonSchema

from formfill.base.messages import vn_error
from formfill.base.text import clean, has_visible, nfc, tidy
from formfill.types.printable import first_unprintable

# Lengths the issue fixes for every form (names 100, addresses 250, free text 500).
NAME_MAX = 100
PLACE_MAX = 250
TEXT_MAX = 500


def require_str(value: Any, *, allow_int: bool = False) -> str:
    """The input as ``str``; ints only where a spreadsheet cell may hold digits (IDs, phones)."""
    if isinstance(value, str):
        return value
    if allow_int and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise vn_error("string_type")


def char_label(ch: str) -> str:
    """A character as a person can read it in a message: the glyph, or U+XXXX when invisible."""
    cat = unicodedata.category(ch)
    if cat[0] in "CZM" and ch != " ":
        return f"U+{ord(ch):04X}"
    return ch


def shown(text: str, limit: int = NAME_MAX) -> str:
    """User text made safe to quote in a message: no lone surrogates (they cannot be encoded,
    and pydantic fails to render an error whose context holds one), at most ``limit`` characters."""
    safe = "".join("\ufffd" if unicodedata.category(ch) == "Cs" else ch for ch in text)
    return safe if len(safe) <= limit else safe[: limit - 1] + "…"


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")  # exactly Unicode category Cc


def bad_char(text: str) -> str | None:
    """The first character that cannot be stored or printed (surrogate, private use, unassigned)."""
    if text.isascii():
        return None
    bad = [ch for ch in set(text) if ch not in _PRINTABLE and not _printable(ch)]
    return min(bad, key=text.index) if bad else None


_PRINTABLE: set[str] = set()


def _printable(ch: str) -> bool:
    """Remember characters already seen to be fine: a form uses few distinct ones."""
    if unicodedata.category(ch) in ("Cs", "Co", "Cn"):
        return False
    if len(_PRINTABLE) < 65536:
        _PRINTABLE.add(ch)
    return True


def clean_text(value: Any, max_length: int) -> str:
    """NFC, spacing collapsed, control and bidirectional characters dropped; length and encodability checked.

    Control characters come from copy-paste (PDF, Excel) and break PDF output, so they are removed;
    so are bidirectional controls, which reorder what a reader sees. A value with no visible
    character (only spaces, U+200B, U+2060, a soft hyphen…) would print as a blank answer, so it is
    refused (``vn_text_blank``); "" stays "" (not given). A lone surrogate cannot be saved as UTF-8
    at all, so it is refused rather than silently lost; a character the font cannot print is refused
    (``vn_text_unprintable``) so validate and fill agree.
    """
    text = require_str(value)
    if tidy(text):  # printable: no control, surrogate, private-use or unassigned character
        text = nfc(text)
        if len(text) > max_length:
            raise vn_error("string_too_long", max_length=max_length)
        if text and not has_visible(text):
            raise vn_error("vn_text_blank")
        check_printable(text)
        return text
    text = clean(_CONTROL.sub(" ", text))
    if not has_visible(text):
        raise vn_error("vn_text_blank")
    ch = bad_char(text)
    if ch is not None:
        raise vn_error("vn_text_chars", char=char_label(ch))
    check_printable(text)
    if len(text) > max_length:
        raise vn_error("string_too_long", max_length=max_length)
    return text


def check_printable(text: str) -> None:
    """``vn_text_unprintable`` for a character the form's font has no glyph for (emoji, CJK…).

    ``fill`` would refuse it ([render_missing_glyph]); refusing it here makes validate, the
    assistant and fill agree, with the character named so the user knows what to remove.
    """
    ch = first_unprintable(text)
    if ch is not None:
        raise vn_error("vn_text_unprintable", char=f"{char_label(ch)} U+{ord(ch):04X}")


def schema(fmt: str, examples: Sequence[Any], **extra: Any) -> WithJsonSchema:
    """The JSON Schema a type advertises: a string with a ``format`` and ``examples``."""
    # Generic text types carry no examples: a field's own examples (fld) are the useful ones.
    body: dict[str, Any] = {"type": "string", "format": fmt}
    if examples:
        body["examples"] = list(examples)
    body.update(extra)
    return WithJsonSchema(body)


def validator(fn: Callable[[Any], Any]) -> PlainValidator:
    """A plain validator whose declared input type is ``str`` (what a form field receives)."""
    return PlainValidator(fn, json_schema_input_type=str)
