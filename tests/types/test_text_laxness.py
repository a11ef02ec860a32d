"""Hostile item 12 at the type level: no blank-looking value passes, no symbol turns into an ethnicity,
no bidirectional control survives in a text value."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, TypeAdapter

from formfill.base.messages import MESSAGES, format_message
from formfill.types import (
    ERROR_TYPES,
    Ethnicity,
    FreeText,
    PastPlace,
    PlaceText,
    ShortText,
    text_type,
)
from formfill.types.address import CommuneName

INVISIBLE = [
    "\u200b",
    "\u202e",
    "\u2060",
    "\u00ad",
    "\ufeff",
    "\u200b\u2060\u00ad",
    " \u200b ",
    "\u3164",
    "   ",
]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
BIDI += ["\u200e", "\u200f", "\u061c"]
TEXT_TYPES = [FreeText, ShortText, PastPlace, PlaceText, text_type(20), CommuneName]


@pytest.mark.parametrize("tp", TEXT_TYPES)
@pytest.mark.parametrize("raw", INVISIBLE)
def test_a_value_with_no_visible_character_is_refused(tp: object, raw: str, error_types) -> None:
    assert error_types(tp, raw) == ["vn_text_blank"]


def test_empty_still_means_not_given() -> None:
    assert TypeAdapter(FreeText).validate_python("") == ""


@pytest.mark.parametrize("tp", TEXT_TYPES)
@pytest.mark.parametrize("mark", BIDI)
def test_bidirectional_controls_are_removed(tp: object, mark: str) -> None:
    assert TypeAdapter(tp).validate_python(f"Sa{mark} Đéc{mark}") == "Sa Đéc"


def test_other_invisible_characters_inside_visible_text_are_kept() -> None:
    # Only bidi controls are removed: a soft hyphen inside a word is the person's own text.
    assert TypeAdapter(FreeText).validate_python("Tân\u00adPhú") == "Tân\u00adPhú"


def test_blank_has_messages_in_both_languages() -> None:
    assert "vn_text_blank" in ERROR_TYPES
    vi, en = MESSAGES["vn_text_blank"]
    assert format_message("vn_text_blank", {}, "vi") == vi and "ký tự" in vi
    assert format_message("vn_text_blank", {}, "en") == en and "invisible" in en


class M(BaseModel):
    dan_toc: Ethnicity


@pytest.mark.parametrize(
    "raw",
    ["=1+1", "+1", "1+1", "-1", "(1)", "#1", "=01", "Kinh!", "Kinh;", "@Tày", "\u200b", "Kinh-", "'Kinh"],
)
def test_symbols_are_not_dropped_to_match_an_ethnicity(raw: str, error_types) -> None:
    assert error_types(Ethnicity, raw) == ["vn_ethnicity_unknown"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("01", "Kinh"),
        (" 1 ", "Kinh"),
        ("H'Mông", "Hmông"),
        ("K’Ho", "Cơ-ho"),
        ("Bru - Vân Kiều", "Bru-Vân Kiều"),
        ("K\u202einh", "Kinh"),  # a bidi control is removed, as in every text,
    ],
)
def test_spellings_with_spaces_hyphens_apostrophes_still_match(raw: str, expected: str) -> None:
    assert M(dan_toc=raw).dan_toc == expected
