import pytest
from pydantic import ValidationError

from formfill.base.messages import format_message
from formfill.model.block import Block
from formfill.types import Address, split_address


class Person(Block):
    noi_cu_tru: Address | None = None


def test_single_string() -> None:
    a = Address.model_validate("Số 153 Nguyễn Sinh Sắc, Phường Sa Đéc, Tỉnh Đồng Tháp")
    assert (a.chi_tiet, a.xa, a.tinh, a.quoc_gia) == (
        "Số 153 Nguyễn Sinh Sắc",
        "Phường Sa Đéc",
        "Đồng Tháp",
        "Việt Nam",
    )
    assert (a.ma_xa, a.ma_tinh) == ("29905", "82")
    assert a.as_text() == "Số 153 Nguyễn Sinh Sắc, phường Sa Đéc, tỉnh Đồng Tháp"
    assert a.tinh_day_du() == "tỉnh Đồng Tháp"


def test_split() -> None:
    assert split_address("K. Hòa Khánh, Số 153, Phường Sa Đéc, Đồng Tháp, Việt Nam") == {
        "chi_tiet": "K. Hòa Khánh, Số 153",
        "xa": "Phường Sa Đéc",
        "tinh": "Đồng Tháp",
    }
    assert split_address("sa dec") == {"xa": "sa dec"}


@pytest.mark.parametrize(
    "data",
    [
        {"xa": "sa dec"},
        {"xa": "Phường Sa Đéc", "tinh": "Đồng Tháp"},
        {"xa": "phuong sa dec", "tinh": "82"},
        {"xa": "29905"},
        {"xa": 29905},
        {"ma_xa": "29905"},
        {"xa": "Sa Đéc", "tinh": "tinh dong thap", "quoc_gia": "viet nam"},
    ],
)
def test_resolves_to_official_names(data: dict[str, object]) -> None:
    a = Address.model_validate(data)
    assert a.model_dump() == {
        "chi_tiet": None,
        "xa": "Phường Sa Đéc",
        "tinh": "Đồng Tháp",
        "quoc_gia": "Việt Nam",
        "ma_xa": "29905",
        "ma_tinh": "82",
    }


def test_city_and_round_trip() -> None:
    a = Address(chi_tiet="12 Lý Thái Tổ", xa="Hoàn Kiếm", tinh="Hà Nội")
    assert a.as_text() == "12 Lý Thái Tổ, phường Hoàn Kiếm, thành phố Hà Nội"
    assert a.tinh_day_du() == "thành phố Hà Nội"
    assert Address.model_validate(a.model_dump()) == a
    assert Address.model_validate_json(a.model_dump_json()).model_dump() == a.model_dump()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"xa": "sa dec", "tinh": "Narnia"}, {("tinh",): "vn_province_unknown"}),
        ({"xa": "sa dec", "tinh": "Tiền Giang"}, {("tinh",): "vn_province_renamed"}),
        ({"xa": "Phường 1", "tinh": "Đồng Tháp"}, {("xa",): "vn_commune_renamed"}),
        (
            {"xa": "Phường 1", "tinh": "Tiền Giang"},
            {("tinh",): "vn_province_renamed", ("xa",): "vn_commune_renamed"},
        ),
        ({"xa": "Sa Đéc", "tinh": "An Giang"}, {("xa",): "vn_commune_not_in_province"}),
        ({"xa": "Tân Phú"}, {("xa",): "vn_commune_ambiguous"}),
        ({"xa": "my tho", "tinh": "Đồng Tháp"}, {("xa",): "vn_commune_ambiguous"}),
        ({"xa": "Không Có Xã Này"}, {("xa",): "vn_commune_unknown"}),
        ({"tinh": "Đồng Tháp"}, {("xa",): "missing"}),
        ({"quoc_gia": "Hoa Kỳ"}, {("chi_tiet",): "vn_address_foreign_detail"}),
        ({"xa": "x" * 101}, {("xa",): "string_too_long"}),
        ({"xa": "sa dec", "huyen": "Sa Đéc"}, {("huyen",): "extra_forbidden"}),
    ],
)
def test_errors(data: dict[str, object], expected: dict[tuple[str, ...], str], model_errors) -> None:
    assert model_errors(Address, data) == expected


def test_renamed_messages_name_the_replacement() -> None:
    with pytest.raises(ValidationError) as info:
        Address(xa="sa dec", tinh="Tiền Giang")
    err = info.value.errors()[0]
    assert "đã sáp nhập vào tỉnh Đồng Tháp" in format_message(err["type"], err["ctx"], "vi")
    with pytest.raises(ValidationError) as info:
        Address(xa="Phường 1", tinh="Đồng Tháp")
    err = info.value.errors()[0]
    assert "Phường Sa Đéc, tỉnh Đồng Tháp (← Phường 1, Thành phố Sa Đéc)" in err["ctx"]["new"]


def test_ambiguous_lists_provinces() -> None:
    with pytest.raises(ValidationError) as info:
        Address(xa="Tân Phú")
    assert "tỉnh Đồng Tháp" in info.value.errors()[0]["ctx"]["provinces"]


def test_foreign_address_is_free_text() -> None:
    a = Address(chi_tiet="1-2-3 Shibuya, Tokyo", quoc_gia="Nhật Bản")
    assert (a.ma_xa, a.ma_tinh) == (None, None)
    assert a.as_text() == "1-2-3 Shibuya, Tokyo, Nhật Bản"


def test_nested_error_location(model_errors) -> None:
    assert model_errors(Person, {"noi_cu_tru": {"xa": "Sa Đéc", "tinh": "An Giang"}}) == {
        ("noi_cu_tru", "xa"): "vn_commune_not_in_province"
    }
    assert Person(noi_cu_tru="Phường Sa Đéc, Đồng Tháp").noi_cu_tru.ma_xa == "29905"  # type: ignore[union-attr]


def test_schema() -> None:
    schema = Address.model_json_schema()
    props = schema["properties"]
    assert "ma_xa" not in props  # output only
    assert props["xa"]["anyOf"][0]["format"] == "vn-commune"
    assert props["tinh"]["anyOf"][0]["format"] == "vn-province"
    assert props["quoc_gia"]["default"] == "Việt Nam"
    out = Address.model_json_schema(mode="serialization")["properties"]
    assert out["ma_xa"]["readOnly"] is True
    assert out["ma_xa"]["format"] == "vn-commune-code" and out["ma_tinh"]["format"] == "vn-province-code"
