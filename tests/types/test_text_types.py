import unicodedata

import pytest
from pydantic import BaseModel

from formfill.types import FreeText, PastPlace, PlaceText, ShortText, text_type


class M(BaseModel):
    free: FreeText | None = None
    short: ShortText | None = None
    place: PastPlace | None = None
    where: PlaceText | None = None


def test_cleaning() -> None:
    m = M(free="  Hai\tdòng\r\nvăn   bản\x00 ", place="Xã Tân Phú Đông,  thị xã Sa Đéc")
    assert m.free == "Hai dòng văn bản"
    assert m.place == "Xã Tân Phú Đông, thị xã Sa Đéc"
    assert M(short=unicodedata.normalize("NFD", "Tiền Giang")).short == "Tiền Giang"


@pytest.mark.parametrize(
    ("tp", "limit"), [(FreeText, 500), (ShortText, 100), (PastPlace, 250), (PlaceText, 250)]
)
def test_limits(tp: object, limit: int, error_types) -> None:
    from pydantic import TypeAdapter

    assert TypeAdapter(tp).validate_python("x" * limit) == "x" * limit
    assert error_types(tp, "x" * (limit + 1)) == ["string_too_long"]


@pytest.mark.parametrize(
    ("raw", "error"), [("a\ud800b", "vn_text_chars"), (5, "string_type"), (None, "string_type")]
)
def test_invalid(raw: object, error: str, error_types) -> None:
    assert error_types(FreeText, raw) == [error]


def test_configurable_type_checks_its_argument() -> None:
    from pydantic import TypeAdapter

    assert TypeAdapter(text_type(3)).validate_python(" ab ") == "ab"
    with pytest.raises(ValueError):
        text_type(0)
    with pytest.raises(ValueError):
        text_type("100")  # type: ignore[arg-type]


def test_schema() -> None:
    props = M.model_json_schema()["properties"]
    assert props["free"]["anyOf"][0]["maxLength"] == 500
    assert props["place"]["anyOf"][0]["format"] == "vn-past-place"
