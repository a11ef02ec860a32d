"""Receipt and resume codes: 7 random symbols of Crockford's base32 plus a Luhn mod 32 check symbol.

Shown and printed as ``XXXX-XXXX``. The alphabet has no I, L, O or U, so a code read aloud or typed
from paper is read forgivingly (case-insensitive, hyphen and spaces optional, I/L read as 1, O as 0),
and a mistyped code is refused by its check symbol before any lookup.

Luhn mod N misses exactly one kind of adjacent swap: the two symbols whose doubled value gives the
same difference, ``0`` and ``Z`` (value 31). :func:`new_code` never issues a code with those two
symbols side by side, so for every code it issues every single-symbol change and every adjacent
swap is caught. The code looks nothing like an official mã hồ sơ (``000.00.21.H15-241201-0001``:
dots, a six-digit date, a serial), so the desk can write the official one beside it.
"""

from __future__ import annotations

import secrets

from formfill.base.errors import FormfillError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
N = len(ALPHABET)  # 32
DATA_LENGTH = 7
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})
_BLIND_PAIRS = ("0Z", "Z0")  # the one adjacent swap Luhn mod 32 cannot see


class CodeError(FormfillError):
    """A code of the wrong shape or whose check symbol fails: refused before any lookup."""

    def __init__(self) -> None:
        self.vi = "Mã không đúng, kiểm tra lại."
        self.en = "The code is not right; check it again."
        super().__init__(self.vi)

    def __str__(self) -> str:
        from formfill.base.i18n import tr

        return tr(self.vi, self.en)


def _addend(value: int, doubled: bool) -> int:
    if not doubled:
        return value
    twice = 2 * value
    return twice // N + twice % N


def check_symbol(data: str) -> str:
    """The Luhn mod 32 check symbol of ``data`` (symbols of :data:`ALPHABET`)."""
    total = sum(_addend(_VALUE[ch], i % 2 == 0) for i, ch in enumerate(reversed(data)))
    return ALPHABET[(N - total % N) % N]


def _checks(symbols: str) -> bool:
    total = sum(_addend(_VALUE[ch], i % 2 == 1) for i, ch in enumerate(reversed(symbols)))
    return total % N == 0


def _display(symbols: str) -> str:
    return f"{symbols[:4]}-{symbols[4:]}"


def new_code() -> str:
    """A fresh random code ``XXXX-XXXX`` (35 bits of randomness; the store makes it unique).

    At least two letters, so it is never read as a number, and never ``0`` beside ``Z``.
    """
    while True:
        data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_LENGTH))
        symbols = data + check_symbol(data)
        if sum(ch.isalpha() for ch in data) >= 2 and not any(p in symbols for p in _BLIND_PAIRS):
            return _display(symbols)


def normalize(text: str) -> str:
    """The code as stored and shown (``XXXX-XXXX``); :class:`CodeError` if its shape or check fails."""
    if not isinstance(text, str) or len(text) > 40:
        raise CodeError()
    symbols = "".join(text.split()).replace("-", "").upper().translate(_READ_AS)
    if len(symbols) != DATA_LENGTH + 1 or any(ch not in _VALUE for ch in symbols) or not _checks(symbols):
        raise CodeError()
    return _display(symbols)


def is_valid(text: str) -> bool:
    """True when :func:`normalize` accepts ``text``."""
    try:
        normalize(text)
    except CodeError:
        return False
    return True


def looks_like_code(text: str) -> bool:
    """True when ``text`` has a code's shape (8 symbols, maybe a hyphen), whether or not it checks:
    a command that takes "a code or an ID number" uses it to say "mistyped code" rather than "no ID"."""
    symbols = "".join(text.split()).replace("-", "").upper().translate(_READ_AS)
    return len(symbols) == DATA_LENGTH + 1 and all(ch in _VALUE for ch in symbols)
