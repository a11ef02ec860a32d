import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from formfill.types import PersonName, name_upper


class M(BaseModel):
    ho_ten: PersonName


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nguyễn Thị Hường", "Nguyễn Thị Hường"),
        ("  nguyễn   thị  hường ", "nguyễn thị hường"),  # capitalisation kept, spaces collapsed
        ("Trần\tVăn\nĐức", "Trần Văn Đức"),
        ("Jean-Pierre O'Neill", "Jean-Pierre O'Neill"),
        ("Zoë D’Arcy", "Zoë D’Arcy"),
        ("Wojciech Żółw", "Wojciech Żółw"),
        ("Y Wừu Niê", "Y Wừu Niê"),
        ("A" * 100, "A" * 100),
    ],
)
def test_valid(raw: str, expected: str) -> None:
    assert M(ho_ten=raw).ho_ten == expected


@pytest.mark.parametrize(
    ("raw", "error", "char"),
    [
        ("", "vn_name_empty", None),
        ("   ", "vn_name_empty", None),
        ("--", "vn_name_empty", None),
        ("Nguyễn Văn 2", "vn_name_chars", "2"),
        ("Nguyễn_Văn", "vn_name_chars", "_"),
        ("Lê.Văn", "vn_name_chars", "."),
        ("Иван", "vn_name_chars", "И"),
        ("王小明", "vn_name_chars", "王"),
        ("Nguyễn\u200bAn", "vn_name_chars", "U+200B"),
        ("A" * 101, "vn_name_too_long", None),
        (None, "string_type", None),
    ],
)
def test_invalid(raw: object, error: str, char: str | None) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as info:
        M(ho_ten=raw)
    err = info.value.errors()[0]
    assert err["type"] == error
    if char is not None:
        assert err["ctx"]["char"] == char


def test_upper() -> None:
    assert name_upper("Nguyễn Thị Hường") == "NGUYỄN THỊ HƯỜNG"
    assert name_upper("đặng ư") == "ĐẶNG Ư"
    assert name_upper(unicodedata.normalize("NFD", "Lê Thị Ánh")) == "LÊ THỊ ÁNH"


def test_schema() -> None:
    schema = M.model_json_schema()["properties"]["ho_ten"]
    assert schema["format"] == "vn-person-name" and schema["maxLength"] == 100


VIET_NAMES = st.lists(
    st.sampled_from(
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hường", "Thị", "Đức", "Ngọc", "Ánh", "Hoà", "Khuê", "Mỹ"]
    ),
    min_size=1,
    max_size=5,
)
SPACES = st.text(alphabet=" \t\u00a0\u3000\n", min_size=1, max_size=3)


@given(VIET_NAMES, st.lists(SPACES, min_size=6, max_size=6), st.sampled_from(["NFC", "NFD"]))
def test_nfc_nfd_and_spacing_give_one_value(words: list[str], gaps: list[str], form: str) -> None:
    canonical = M(ho_ten=" ".join(words)).ho_ten
    odd = gaps[0] + "".join(
        w + g for w, g in zip(words, gaps[1:], strict=False)
    )  # spaces before, between, after
    assert M(ho_ten=unicodedata.normalize(form, odd)).ho_ten == canonical
    assert unicodedata.is_normalized("NFC", canonical)
