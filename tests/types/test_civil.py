import pytest
from pydantic import BaseModel

from formfill.types import VIET_NAM, Gender, Nationality


class M(BaseModel):
    gioi_tinh: Gender | None = None
    quoc_tich: Nationality = VIET_NAM


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Nam", "Nam"), ("nam", "Nam"), ("NAM", "Nam"), ("Nữ", "Nữ"), ("nữ", "Nữ"), ("nu", "Nữ"), ("NU", "Nữ"),
     ("male", "Nam"), ("Female", "Nữ"), ("m", "Nam"), ("F", "Nữ"), (" M ", "Nam")],
)  # fmt: skip
def test_gender(raw: str, expected: str) -> None:
    assert M(gioi_tinh=raw).gioi_tinh == expected


@pytest.mark.parametrize("raw", ["", "x", "khác", "man", "woman", "1", None])
def test_gender_invalid(raw: object, error_types) -> None:
    assert error_types(Gender, raw) == ["vn_gender_invalid" if raw is not None else "string_type"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Việt Nam", VIET_NAM),
        ("viet nam", VIET_NAM),
        ("vietnam", VIET_NAM),
        ("VN", VIET_NAM),
        ("Viet Nam", VIET_NAM),
        ("VIỆT NAM", VIET_NAM),
        ("Hàn Quốc", "Hàn Quốc"),
        ("Côte d'Ivoire", "Côte d'Ivoire"),
        ("Bosnia - Herzegovina", "Bosnia - Herzegovina"),
        ("日本", "日本"),
    ],
)
def test_nationality(raw: str, expected: str) -> None:
    assert M(quoc_tich=raw).quoc_tich == expected


@pytest.mark.parametrize(
    ("raw", "error"),
    [("Việt Nam 1", "vn_nationality_invalid"), ("USA!", "vn_nationality_invalid"), ("", "missing"),
     ("A" * 101, "string_too_long"), (5, "string_type")],
)  # fmt: skip
def test_nationality_invalid(raw: object, error: str, error_types) -> None:
    assert error_types(Nationality, raw) == [error]


def test_schemas() -> None:
    props = M.model_json_schema()["properties"]
    assert props["quoc_tich"]["default"] == VIET_NAM and props["quoc_tich"]["format"] == "vn-nationality"
    assert props["gioi_tinh"]["anyOf"][0]["enum"] == ["Nam", "Nữ"]
