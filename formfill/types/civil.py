"""Gender and nationality: small closed or near-closed vocabularies with forgiving input."""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any

from formfill.base.messages import vn_error
from formfill.base.text import clean, fold
from formfill.types import fast
from formfill.types._base import NAME_MAX, char_label, require_str, schema, validator

VIET_NAM = "Việt Nam"
"""The canonical nationality / country name; use it as the field default in schemas."""

_GENDERS = {"nam": "Nam", "nu": "Nữ", "male": "Nam", "female": "Nữ", "m": "Nam", "f": "Nữ"}


def normalise_gender(value: Any) -> str:
    """ "Nam" or "Nữ" from Nam/nữ/nu/male/female/M/F in any case; ``vn_gender_invalid`` otherwise."""
    if value == "Nam" or value == "Nữ":  # the canonical spellings: no folding needed
        return value
    key = fold(require_str(value))
    try:
        return _GENDERS[key]
    except KeyError:
        raise vn_error("vn_gender_invalid") from None


fast.mark(normalise_gender, lambda _today: fast.literal(("Nam", "Nữ")))

Gender = Annotated[
    str,
    validator(normalise_gender),
    schema("vn-gender", ["Nam", "Nữ"], enum=["Nam", "Nữ"]),
]
"""Giới tính: "Nam" or "Nữ"."""

# Folded, without spaces and dots: the ways people write Vietnam's name.
_VIET_NAM_KEYS = frozenset(
    {"vietnam", "vn", "vnm", "vietnamese", "nuocvietnam", "chxhcnvietnam", "conghoaxahoichunghiavietnam",
     "socialistrepublicofvietnam"}
)  # fmt: skip
_NAT_JOINERS = frozenset(" -'’().")


def _compact(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


def normalise_nationality(value: Any) -> str:
    """ "Việt Nam" for every spelling of it; other nationalities as typed (letters only)."""
    if value == VIET_NAM:
        return VIET_NAM
    text = clean(require_str(value))
    if not text:
        raise vn_error("missing")
    if _compact(text) in _VIET_NAM_KEYS:
        return VIET_NAM
    for ch in text:
        if not (ch in _NAT_JOINERS or unicodedata.category(ch)[0] in "LM"):
            raise vn_error("vn_nationality_invalid", char=char_label(ch))
    if len(text) > NAME_MAX:
        raise vn_error("string_too_long", max_length=NAME_MAX)
    return text


fast.mark(normalise_nationality, lambda _today: fast.literal((VIET_NAM,)))

Nationality = Annotated[
    str,
    validator(normalise_nationality),
    schema("vn-nationality", [VIET_NAM, "Hàn Quốc"], default=VIET_NAM, maxLength=NAME_MAX),
]
"""Quốc tịch: "Việt Nam" canonicalised from vietnam/VN/viet nam…; others free text ≤ 100."""
