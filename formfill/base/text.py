"""Text helpers shared by every layer: NFC, spacing, accent folding, safe ASCII names."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def nfc(text: str) -> str:
    """Unicode NFC: one code point per Vietnamese letter, as fonts and comparisons expect."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def tidy(text: str) -> bool:
    """True when ``text`` has no white space to fix (fast C checks; most values are already tidy)."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def clean(text: str) -> str:
    """NFC, with runs of white space collapsed to one space and the ends trimmed."""
    text = nfc(text)
    return text if tidy(text) else _SPACES.sub(" ", text).strip()


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
