import pytest
from pydantic import BaseModel

from formfill.types import Email, Phone, format_phone_national


class M(BaseModel):
    dien_thoai: Phone | None = None
    email: Email | None = None


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("0912345678", "+84912345678"),
        ("0912 345 678", "+84912345678"),
        ("0912.345.678", "+84912345678"),
        ("+84 912 345 678", "+84912345678"),
        ("84912345678", "+84912345678"),
        ("(+84) 912-345-678", "+84912345678"),
        ("0871234567", "+84871234567"),  # iTel
        ("024 3825 1234", "+842438251234"),  # Hà Nội landline
        ("+33 6 12 34 56 78", "+33612345678"),  # a number abroad
        (912345678, "+84912345678"),  # a spreadsheet cell lost the leading 0
        ("09123４5678", "+84912345678"),  # a full-width digit from an IME
    ],
)
def test_phone_valid(raw: object, e164: str) -> None:
    assert M(dien_thoai=raw).dien_thoai == e164


@pytest.mark.parametrize("raw", ["", "abc", "0912 345 67", "091234567890", "0012345678", "+84", "1" * 40])
def test_phone_invalid(raw: str, error_types) -> None:
    assert error_types(Phone, raw) == ["vn_phone_invalid"]


def test_national_format() -> None:
    assert format_phone_national("+84912345678") == "0912 345 678"
    assert format_phone_national("+842438251234") == "024 3825 1234"
    assert format_phone_national("+33612345678") == "+33 6 12 34 56 78"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("nguyenvana@example.com", "nguyenvana@example.com"), (" A.B@Example.COM ", "A.B@example.com"),
     ("hường@ví-dụ.vn", "hường@ví-dụ.vn")],
)  # fmt: skip
def test_email_valid(raw: str, expected: str) -> None:
    assert M(email=raw).email == expected


@pytest.mark.parametrize(
    ("raw", "error"),
    [("nguyenvana", "vn_email_invalid"), ("a@b", "vn_email_invalid"), ("a b@c.vn", "vn_email_invalid"),
     ("@c.vn", "vn_email_invalid"), ("a@" + "b" * 250 + ".vn", "string_too_long"), (3, "string_type")],
)  # fmt: skip
def test_email_invalid(raw: object, error: str, error_types) -> None:
    assert error_types(Email, raw) == [error]


def test_schemas() -> None:
    props = M.model_json_schema()["properties"]
    assert props["dien_thoai"]["anyOf"][0]["format"] == "vn-phone"
    assert props["email"]["anyOf"][0]["maxLength"] == 254
