"""Personal names: Vietnamese or foreign, in Latin script, kept as the person wrote them.

Allowed: letters of any Latin-script language (so f, j, w, z and foreign accents pass), spaces,
hyphens and apostrophes (' and ’). Digits and symbols are refused with the offending character
named, because they are typing slips, not names. Capitalisation is kept: some people write
"Nguyễn thị Hường" on purpose; forms that print upper case use :func:`name_upper`.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Annotated, Any

from formfill.base.messages import vn_error
from formfill.base.text import clean, nfc
from formfill.types import fast
from formfill.types._base import NAME_MAX, char_label, check_printable, require_str, schema, validator

_JOINERS = frozenset(" -'’")


@lru_cache(maxsize=8192)
def _is_latin_letter(ch: str) -> bool:
    return unicodedata.category(ch).startswith("L") and unicodedata.name(ch, "").startswith("LATIN ")


def normalise_name(value: Any) -> str:
    """NFC, spaces collapsed; a ``vn_name_*`` error for anything that is not a name."""
    text = clean(require_str(value))
    if 0 < len(text) <= NAME_MAX and all(_is_latin_letter(ch) or ch in _JOINERS for ch in set(text)):
        if any(ch not in _JOINERS for ch in text):
            check_printable(text)  # a Latin letter the font lacks would stop fill
            return text  # fast path: every distinct character is a Latin letter or a joiner
    if not any(_is_latin_letter(ch) for ch in text):
        if not text or all(ch in _JOINERS for ch in text):
            raise vn_error("vn_name_empty")
    prev = ""
    for ch in text:
        # A combining mark NFC could not compose is still part of a Latin letter (rare tone marks).
        ok = (
            ch in _JOINERS
            or _is_latin_letter(ch)
            or (bool(prev) and unicodedata.combining(ch) > 0 and _is_latin_letter(prev))
        )
        if not ok:
            raise vn_error("vn_name_chars", char=char_label(ch))
        if not unicodedata.combining(ch):
            prev = ch
    if len(text) > NAME_MAX:
        raise vn_error("vn_name_too_long", max_length=NAME_MAX, length=len(text))
    check_printable(text)
    return text


fast.mark(normalise_name, lambda _today: fast.name_schema(NAME_MAX))

PersonName = Annotated[
    str,
    validator(normalise_name),
    schema("vn-person-name", ["Nguyễn Thị Hường", "Trần Văn Đức"], maxLength=NAME_MAX),
]
"""Họ, chữ đệm và tên: Latin letters, spaces, hyphens, apostrophes; at most 100 characters."""


def name_upper(name: str) -> str:
    """The upper-case form some forms print: "Nguyễn Thị Hường" -> "NGUYỄN THỊ HƯỜNG"."""
    return nfc(nfc(name).upper())
