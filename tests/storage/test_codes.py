"""Receipt codes: shape, forgiving reading, and a check symbol that catches every typo it should."""

from __future__ import annotations

import re

import pytest

from formfill.base.errors import FormfillError
from formfill.storage.codes import (
    ALPHABET,
    CodeError,
    check_symbol,
    is_valid,
    looks_like_code,
    new_code,
    normalize,
)

SHAPE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")
CODES = [new_code() for _ in range(400)]


def test_a_new_code_has_the_shape_and_checks() -> None:
    for code in CODES:
        assert SHAPE.match(code), code
        assert normalize(code) == code and is_valid(code)
        assert sum(ch.isalpha() for ch in code[:4] + code[5:8]) >= 2  # never read as a number
    assert len(set(CODES)) == len(CODES)  # 35 bits: 400 draws do not collide


def test_reading_is_forgiving() -> None:
    code = "7K3M-Q9PX"[:8] + check_symbol("7K3MQ9P")
    code = normalize(code)
    body = code.replace("-", "")
    assert normalize(body.lower()) == code
    assert normalize(" " + body[:2] + " " + body[2:] + " ") == code
    one = normalize("1AB2CDE" + check_symbol("1AB2CDE"))
    assert normalize(one.replace("1", "I")) == one == normalize(one.replace("1", "l"))
    zero = normalize("0AB2CDE" + check_symbol("0AB2CDE"))
    assert normalize(zero.replace("0", "o")) == zero


def _symbols(code: str) -> str:
    return code.replace("-", "")


def test_every_single_symbol_change_is_caught() -> None:
    for code in CODES:
        s = _symbols(code)
        for i in range(8):
            for ch in ALPHABET:
                if ch != s[i]:
                    assert not is_valid(s[:i] + ch + s[i + 1 :]), (code, i, ch)


def test_every_adjacent_swap_is_caught() -> None:
    swaps = 0
    for code in CODES:
        s = _symbols(code)
        for i in range(7):
            if s[i] != s[i + 1]:
                swaps += 1
                assert not is_valid(s[:i] + s[i + 1] + s[i] + s[i + 2 :]), (code, i)
    assert swaps > 2000


def test_the_blind_spot_of_luhn_mod_32_is_never_issued() -> None:
    # 0 and Z swapped side by side keep the Luhn sum: new_code avoids that pair, this proves why.
    data = "AB0ZCDE"
    good = data + check_symbol(data)
    assert is_valid(good) and is_valid(good.replace("0Z", "Z0"))
    assert not any("0Z" in _symbols(c) or "Z0" in _symbols(c) for c in CODES)


@pytest.mark.parametrize(
    "text", ["", "ABCD-EFG", "ABCD-EFGHJ", "ABCU-EFGH", "ABCD_EFGH", "ÀBCD-EFGH", "x" * 100]
)
def test_wrong_shapes_are_refused_with_the_vietnamese_message(text: str) -> None:
    with pytest.raises(CodeError) as err:
        normalize(text)
    assert isinstance(err.value, FormfillError)
    assert str(err.value) == "Mã không đúng, kiểm tra lại."
    assert not is_valid(text)


def test_looks_like_code_tells_a_mistyped_code_from_an_id_number() -> None:
    bad = _symbols(CODES[0])
    bad = bad[:7] + ALPHABET[(ALPHABET.index(bad[7]) + 1) % 32]
    assert looks_like_code(bad) and not is_valid(bad)
    assert not looks_like_code("087123456745")


def test_it_does_not_look_like_an_official_dossier_code() -> None:
    official = re.compile(
        r"\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}|[A-Z0-9]{3}\.[A-Z0-9]{3}\.[A-Z0-9]{2}-\d{6}"
    )
    assert not any(official.search(c) for c in CODES)
    assert all("." not in c and not re.search(r"\d{6}", c) for c in CODES)
