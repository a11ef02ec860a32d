"""Text helpers shared by every layer: NFC, spacing, accent folding, safe ASCII names."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# Bidirectional controls (LRE…RLO, LRI…PDI, LRM, RLM, ALM): invisible, and they reorder what a reader
# sees ("abc" shown as "cba"), so a value never keeps them.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# Letters and symbols that print as nothing (Hangul fillers, the blank Braille pattern).
_BLANK_GLYPHS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def nfc(text: str) -> str:
    """Unicode NFC: one code point per Vietnamese letter, as fonts and comparisons expect."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def tidy(text: str) -> bool:
    """True when ``text`` has no white space to fix (fast C checks; most values are already tidy)."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def clean(text: str) -> str:
    """NFC, bidirectional controls removed, runs of white space collapsed to one space, ends trimmed."""
    text = nfc(text)
    return text if tidy(text) else _SPACES.sub(" ", BIDI_CONTROLS.sub("", text)).strip()


def has_visible(text: str) -> bool:
    """True when some character would show on paper (not only spaces, format marks or lone accents)."""
    if text.isascii():
        return not text.isspace() and any(ch.isprintable() and ch != " " for ch in text)
    return any(unicodedata.category(ch)[0] not in "ZCM" and ch not in _BLANK_GLYPHS for ch in text)


def fold(text: str) -> str:
    """Lower case without accents: "Phường Sa Đéc" -> "phuong sa dec" (for search and matching)."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def ascii_fold(text: str) -> str:
    """Accents removed, case kept: "Đức" -> "Duc"."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def safe_filename_stem(text: str, max_len: int = 80) -> str:
    """A file-name stem of ``[A-Za-z0-9._-]`` only, never empty, never starting with a dot."""
    stem = _UNSAFE.sub("-", ascii_fold(nfc(text))).strip("-._")
    return stem[:max_len].strip("-._") or "to-khai"


def mask(value: object) -> str:
    """ "087123456745" -> "0871******45": an ID or phone number as a report or a message may show it
    (first 4 and last 2 characters kept when there are enough)."""
    text = "" if value is None else str(value)
    n = len(text)
    if n >= 8:
        return text[:4] + "*" * (n - 6) + text[-2:]
    if n >= 3:
        return "*" * (n - 2) + text[-2:]
    return "*" * n


def mask_id_last3(value: object) -> str:
    """ "087123456745" -> "*********745": an ID number as an office list may show it (last 3 digits,
    enough for the desk to match the paper in front of it, too few to identify anyone)."""
    text = "" if value is None else str(value)
    return "*" * max(len(text) - 3, 0) + text[-3:] if len(text) > 3 else "*" * len(text)
