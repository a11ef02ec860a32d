"""Fast paths of the types: pydantic-core checks (patterns, lengths, literal sets) that accept the
common, already-clean value without calling Python.

A type's Python validator stays the rule and the only source of its errors. A fast path may only
*accept*, and only a value its validator would return unchanged; anything else falls through to the
validator (see :mod:`formfill.forms.fast`, which builds a form's fast validator from these marks and
re-validates with the exact model when the fast one refuses a row, so errors, messages and locations
are always the exact model's).

The character classes are built from the same facts the validators use (Latin letters, the font's
printable table, NFC), restricted to characters that are visible on their own and can never
combine with a neighbour under NFC — so a string of them is already NFC, tidy and printable.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from typing import Any

from pydantic_core import CoreSchema, core_schema

from formfill.types.printable import printable_ranges

FAST_ATTR = "__formfill_fast__"
# A fast path: given today's date, the pydantic-core schema accepting the common values.
FastFactory = Callable[[date], CoreSchema]

_JOINERS = "-'’"  # name joiners besides the space (formfill.types.names)
# Where the letters and signs of Vietnamese (and other Latin-script) text live.
_LATIN_BLOCKS = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))
_SIGN_BLOCKS = ((0x00A1, 0x00BF), (0x00D7, 0x00D7), (0x00F7, 0x00F7), (0x2010, 0x2027), (0x2030, 0x205E))


def mark(fn: Callable[..., Any], factory: FastFactory) -> Callable[..., Any]:
    """Give a validator function a fast path (returned unchanged, so it can decorate)."""
    setattr(fn, FAST_ATTR, factory)
    return fn


def fast_factory(fn: Any) -> FastFactory | None:
    """The fast path a validator function was given, if any."""
    return getattr(fn, FAST_ATTR, None)


def _printable(cp: int) -> bool:
    return any(a <= cp <= b for a, b in printable_ranges())


def _stable(ch: str) -> bool:
    """Visible on its own, printable by the font, NFC as it is, and not a combining character."""
    return (
        unicodedata.category(ch)[0] in "LNPS"
        and unicodedata.combining(ch) == 0
        and unicodedata.normalize("NFC", ch) == ch
        and unicodedata.combining(unicodedata.normalize("NFD", ch)[0]) == 0  # starts with a base letter
        and _printable(ord(ch))
    )


def _is_latin_letter(ch: str) -> bool:
    return unicodedata.category(ch).startswith("L") and unicodedata.name(ch, "").startswith("LATIN ")


@cache
def latin_letters() -> str:
    """The letters a name's fast path accepts: ASCII letters and precomposed Latin letters."""
    ascii_letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    return ascii_letters + "".join(ch for ch in _chars(_LATIN_BLOCKS) if _is_latin_letter(ch) and _stable(ch))


@cache
def text_chars() -> str:
    """The characters (besides the single space) free text's fast path accepts."""
    ascii_visible = "".join(chr(cp) for cp in range(0x21, 0x7F))
    signs = "".join(ch for ch in _chars(_SIGN_BLOCKS) if _stable(ch))
    return ascii_visible + latin_letters()[52:] + signs


def _chars(blocks: Iterable[tuple[int, int]]) -> Iterable[str]:
    for first, last in blocks:
        yield from (chr(cp) for cp in range(first, last + 1))


def char_class(chars: str) -> str:
    """A regex character class (Rust syntax) of exactly ``chars``, as ranges."""
    cps = sorted({ord(ch) for ch in chars})
    parts: list[str] = []
    start = prev = cps[0]
    for cp in [*cps[1:], -1]:
        if cp == prev + 1:
            prev = cp
            continue
        parts.append(_esc(start) if start == prev else f"{_esc(start)}-{_esc(prev)}")
        start = prev = cp
    return "[" + "".join(parts) + "]"


def _esc(cp: int) -> str:
    return f"\\x{{{cp:X}}}"


@cache
def text_schema(max_length: int) -> CoreSchema:
    """Clean text of at most ``max_length`` characters: visible characters in words one space apart."""
    c = char_class(text_chars())
    return core_schema.str_schema(
        pattern=f"^{c}+(?: {c}+)*$", max_length=max_length, strict=True, strip_whitespace=False
    )


@cache
def name_schema(max_length: int) -> CoreSchema:
    """A clean name: Latin letters and joiners in words one space apart, at least one letter."""
    letter = char_class(latin_letters())
    joiner = char_class(_JOINERS)
    either = char_class(latin_letters() + _JOINERS)
    pattern = f"^(?:{joiner}+ )*{joiner}*{letter}{either}*(?: {either}+)*$"
    return core_schema.str_schema(pattern=pattern, max_length=max_length, strict=True, strip_whitespace=False)


def literal(values: Iterable[str]) -> CoreSchema:
    """One of a closed set of canonical spellings, exactly as written."""
    return core_schema.literal_schema(sorted(values))


@cache
def personal_id_schema(today: date) -> CoreSchema:
    """12 digits whose century digit and year (digits 4–6) give a birth year not after today's."""
    options = []
    for century in range(5):
        start = 1900 + 100 * century
        digit = f"[{2 * century}{2 * century + 1}]"
        if start + 99 <= today.year:
            options.append(f"{digit}[0-9]{{2}}")
        elif start <= today.year:
            options.append(digit + two_digits_up_to(today.year - start))
    if not options:
        return core_schema.none_schema()  # nothing is fast: the validator decides
    return core_schema.str_schema(
        pattern=f"^[0-9]{{3}}(?:{'|'.join(options)})[0-9]{{6}}$", strict=True, strip_whitespace=False
    )


def two_digits_up_to(n: int) -> str:
    """A pattern of the two-digit numbers 00 … ``n`` (0 <= n <= 99)."""
    tens, units = divmod(n, 10)
    last = f"{tens}[0-{units}]"
    return f"(?:[0-{tens - 1}][0-9]|{last})" if tens else last


def not_after(today: date) -> CoreSchema:
    """A date not after ``today`` (the date a validator already returned)."""
    return core_schema.date_schema(le=today, strict=True)
