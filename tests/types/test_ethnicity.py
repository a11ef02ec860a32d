import pytest
from pydantic import BaseModel, ValidationError

from formfill.base.messages import format_message
from formfill.base.text import fold
from formfill.types import ETHNIC_GROUPS, Ethnicity, ethnicity_code


class M(BaseModel):
    dan_toc: Ethnicity


def test_table() -> None:
    assert [g.code for g in ETHNIC_GROUPS] == [f"{i:02d}" for i in range(1, 56)]
    assert ETHNIC_GROUPS[0].name == "Kinh" and ETHNIC_GROUPS[-1].name == "Người nước ngoài"
    assert len({g.name for g in ETHNIC_GROUPS}) == 55


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("01", "Kinh"), ("1", "Kinh"), (1, "Kinh"), ("kinh", "Kinh"), ("KINH", "Kinh"), ("dân tộc Kinh", "Kinh"),
        ("Mông", "Hmông"), ("Hmông", "Hmông"), ("H'Mông", "Hmông"), ("H’Mông", "Hmông"), ("hmong", "Hmông"),
        ("Khmer", "Khơ-me"), ("Khơ-me", "Khơ-me"), ("khome", "Khơ-me"), ("Khơ Me", "Khơ-me"),
        ("Ê Đê", "Ê-đê"), ("Ê-đê", "Ê-đê"), ("ede", "Ê-đê"),
        ("Ba Na", "Ba-na"), ("Ba-na", "Ba-na"), ("bana", "Ba-na"),
        ("Tà Ôi", "Ta-ôi"), ("Ta-ôi", "Ta-ôi"), ("La Chi", "La Chí"), ("La Chí", "La Chí"),
        ("Cờ Lao", "Cơ Lao"), ("Cơ Lao", "Cơ Lao"), ("người Hoa", "Hoa"), ("Tày", "Tày"), ("Thái", "Thái"),
        ("Mạ", "Mạ"), ("Mảng", "Mảng"), ("Bru - Vân Kiều", "Bru-Vân Kiều"), ("Rơ Măm", "Rơ-măm"),
        ("54", "Rơ-măm"), ("55", "Người nước ngoài"), ("nguoi nuoc ngoai", "Người nước ngoài"),
    ],
)  # fmt: skip
def test_valid(raw: object, expected: str) -> None:
    assert M(dan_toc=raw).dan_toc == expected


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("Việt", "vn_ethnicity_viet"),
        ("người Việt", "vn_ethnicity_viet"),
        ("Việt Nam", "vn_ethnicity_viet"),
        ("viet nam", "vn_ethnicity_viet"),
        ("Klingon", "vn_ethnicity_unknown"),
        ("56", "vn_ethnicity_unknown"),
        ("0", "vn_ethnicity_unknown"),
        ("", "missing"),
        (None, "string_type"),
    ],
)
def test_invalid(raw: object, error: str, error_types) -> None:
    assert error_types(Ethnicity, raw) == [error]


def test_viet_hint_names_kinh() -> None:
    with pytest.raises(ValidationError) as info:
        M(dan_toc="Việt Nam")
    err = info.value.errors()[0]
    assert "Kinh" in format_message(err["type"], err["ctx"], "vi")
    assert "Kinh" in format_message(err["type"], err["ctx"], "en")


def test_code() -> None:
    assert ethnicity_code("Kinh") == "01"
    assert ethnicity_code("khmer") == "05"
    assert ethnicity_code("La Chi") == "38"
    with pytest.raises(KeyError):
        ethnicity_code("Việt")


def test_every_alias_resolves_to_its_group() -> None:
    for group in ETHNIC_GROUPS:
        for spelling in (group.name, *group.aliases, group.code, fold(group.name)):
            assert M(dan_toc=spelling).dan_toc == group.name


def test_schema() -> None:
    assert M.model_json_schema()["properties"]["dan_toc"]["format"] == "vn-ethnicity"
