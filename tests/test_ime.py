"""Telex / VNI composer: words, tone placement (modern rule), undo by backspace, NFC."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from formfill.session.ime import Composer, Edit, compose, compose_text


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@pytest.mark.parametrize(
    ("keys", "word"),
    [
        ("tieengs", "tiếng"),
        ("Nguyeenx", "Nguyễn"),
        ("Thij", "Thị"),
        ("Hoongf", "Hồng"),
        ("dd", "đ"),
        ("DDaij", "Đại"),
        ("ddi", "đi"),
        ("nguowif", "người"),
        ("truwowngf", "trường"),
        ("Vieetj", "Việt"),
        ("hoawcj", "hoặc"),
        ("nhw", "như"),
        ("w", "ư"),
        ("muwa", "mưa"),
        ("cuwar", "cửa"),
        ("huwu", "hưu"),
        ("khuyeen", "khuyên"),
        ("tieengs", "tiếng"),
        ("vaan", "vân"),
        ("awn", "ăn"),
        ("owr", "ở"),
        ("ddoongf", "đồng"),
        ("thaps", "tháp"),
        ("TIEENGS", "TIẾNG"),
    ],
)
def test_telex_words(keys: str, word: str) -> None:
    assert compose(keys, "telex") == _nfc(word)


@pytest.mark.parametrize(
    ("keys", "word"),
    [
        ("d9", "đ"),
        ("D9", "Đ"),
        ("tie6ng1", "tiếng"),
        ("Nguye6n4", "Nguyễn"),
        ("Thi5", "Thị"),
        ("Ho6ng2", "Hồng"),
        ("hoa2", "hoà"),
        ("nguo72i", "người"),
        ("tu7o7ng", "tương"),
        ("qua8n", "quăn"),
        ("d9i", "đi"),
        ("di9", "đi"),
        ("Vie6t5", "Việt"),
    ],
)
def test_vni_words(keys: str, word: str) -> None:
    assert compose(keys, "vni") == _nfc(word)


@pytest.mark.parametrize(
    ("keys", "word"),
    [
        # Two vowels, no final consonant: oa/oe/uy take the tone on the second (modern style)...
        ("hoaf", "hoà"),
        ("khoer", "khoẻ"),
        ("thuyr", "thuỷ"),
        ("hoas", "hoá"),
        # ...other pairs on the first.
        ("muaf", "mùa"),
        ("tais", "tái"),
        ("chaos", "cháo"),
        ("mias", "mía"),
        ("tuif", "tùi"),
        # A final consonant moves it to the second.
        ("hoafn", "hoàn"),
        ("toans", "toán"),
        ("thuyeetj", "thuyệt"),
        # A marked vowel always takes it.
        ("ddieeuf", "điều"),
        ("muoons", "muốn"),
        # Three vowels: the middle one.
        ("hoaif", "hoài"),
        ("xoays", "xoáy"),
        ("khuyur", "khuỷu"),
        # gi- and qu- are consonants.
        ("gif", "gì"),
        ("gias", "giá"),
        ("quys", "quý"),
        ("quaf", "quà"),
        ("giuwax", "giữa"),
    ],
)
def test_tone_placement_modern_rule(keys: str, word: str) -> None:
    assert compose(keys, "telex") == _nfc(word)


def test_tone_moves_as_the_word_grows() -> None:
    assert compose("hoaf") == "hoà"
    assert compose("hoafn") == "hoàn"


@pytest.mark.parametrize(
    ("keys", "word", "method"),
    [
        ("aaa", "aa", "telex"),
        ("ddd", "dd", "telex"),
        ("tieengss", "tiêngs", "telex"),
        ("hoafz", "hoa", "telex"),
        ("xooong", "xoong", "telex"),
        ("uwow", "ươ", "telex"),
        ("a66", "a6", "vni"),
        ("a11", "a1", "vni"),
        ("hoa20", "hoa", "vni"),
    ],
)
def test_repeating_a_modifier_cancels_it(keys: str, word: str, method: str) -> None:
    assert compose(keys, method) == word  # type: ignore[arg-type]


@pytest.mark.parametrize("keys", ["s", "sr", "x", "tr", "str", "fj", "123"])
def test_tone_keys_without_a_vowel_are_letters(keys: str) -> None:
    assert compose(keys, "telex") == keys


def test_digits_are_literal_without_a_vowel_in_vni() -> None:
    assert compose("123", "vni") == "123"
    assert compose_text("so 12/3", "vni") == "so 12/3"


def test_whole_line() -> None:
    assert compose_text("Nguyeenx Thij Hoongf") == "Nguyễn Thị Hồng"
    assert compose_text("Nguye6n4 Thi5 Ho6ng2", "vni") == "Nguyễn Thị Hồng"
    assert compose_text("phuwowngf Sa DDesc, tir.nh") == "phường Sa Đéc, tỉ.nh"


def _type(composer: Composer, keys: str, text: str = "") -> str:
    """Drive a composer like an editor with the cursor at the end of ``text``."""
    for ch in keys:
        if ch == "\b":
            edit = composer.backspace(text)
            if edit is None:
                text = text[:-1]
            else:
                text = text[: len(text) - edit.delete] + edit.insert
            continue
        edit = composer.key(ch, text)
        if edit is None:
            text += ch
        else:
            text = text[: len(text) - edit.delete] + edit.insert
    return text


def test_composer_types_a_name() -> None:
    assert _type(Composer("telex"), "Nguyeenx Thij Hoongf") == "Nguyễn Thị Hồng"


def test_backspace_undoes_the_last_keystroke() -> None:
    c = Composer("telex")
    assert _type(c, "tieengs") == "tiếng"
    assert _type(c, "\b", "tiếng") == "tiêng"
    assert _type(c, "\b", "tiêng") == "tiên"
    assert _type(c, "\b\b", "tiên") == "tie"
    c2 = Composer("telex")
    assert _type(c2, "dd\b") == "d"


def test_after_a_space_backspace_is_ordinary() -> None:
    c = Composer("telex")
    text = _type(c, "Vieetj ")
    assert text == "Việt "
    assert _type(c, "\b\b", text) == "Việ"


def test_off_composer_types_plain() -> None:
    assert _type(Composer(None), "tieengs") == "tieengs"


def test_continues_a_plain_word_typed_before() -> None:
    # IME switched on after "Nguyen" was typed: the tone key still applies.
    assert _type(Composer("telex"), "j", "Thi") == "Thị"
    assert _type(Composer("telex"), "ee", "Nguy") == "Nguyê"
    # A word that already has accents is left alone.
    assert _type(Composer("telex"), "s", "Hồng") == "Hồngs"


def _press(composer: Composer, text: str, cursor: int, key: str) -> tuple[str, int]:
    """One key in an editor holding ``text`` with the cursor at ``cursor``: the new text and cursor."""
    before, after = text[:cursor], text[cursor:]
    edit = composer.backspace(before) if key == "\b" else composer.key(key, before)
    if edit is not None:
        before = before[: len(before) - edit.delete] + edit.insert
    else:
        before = before[:-1] if key == "\b" else before + key
    return before + after, len(before)


def test_cursor_moved_starts_a_new_word() -> None:
    c = Composer("telex")
    text, cursor = "", 0
    for key in "Vieetj Nam":
        text, cursor = _press(c, text, cursor, key)
    assert (text, cursor) == ("Việt Nam", 8)
    # The text before the cursor changed: a new word starts there, replacing nothing.
    assert c.key("d", "xyz ") == Edit(delete=0, insert="d")
    assert c.key("d", "xyz d") == Edit(delete=1, insert="đ")
    # The cursor moved back after "Việt ": the word typed there is composed, the text after it kept.
    c = Composer("telex")
    text, cursor = "Việt Nam", 5
    steps = []
    for key in "dd ":
        text, cursor = _press(c, text, cursor, key)
        steps.append((text, cursor))
    assert steps == [("Việt dNam", 6), ("Việt đNam", 6), ("Việt đ Nam", 7)]
    # To the end: the plain word "Nam" typed before continues, and backspace undoes the tone.
    text, cursor = _press(c, text, len(text), "f")
    assert (text, cursor) == ("Việt đ Nàm", 10)
    text, cursor = _press(c, text, cursor, "\b")
    assert (text, cursor) == ("Việt đ Nam", 10)
    # A word that already has accents is left alone: the key is typed as a letter.
    text, cursor = _press(c, text, 4, "s")
    assert (text, cursor) == ("Việts đ Nam", 5)


_KEYS = st.text(alphabet="adeiouwyngthcsfrxjzDAEOW", max_size=12)


@given(_KEYS)
def test_any_telex_keys_give_nfc(keys: str) -> None:
    out = compose(keys, "telex")
    assert out == _nfc(out)
    assert len(out) <= len(keys)


@given(st.text(alphabet="adeiouyngthc0123456789", max_size=12))
def test_any_vni_keys_give_nfc(keys: str) -> None:
    out = compose(keys, "vni")
    assert out == _nfc(out)


@given(_KEYS)
def test_backspacing_everything_leaves_nothing(keys: str) -> None:
    c = Composer("telex")
    text = _type(c, keys)
    text = _type(c, "\b" * len(keys), text)
    assert text == ""
