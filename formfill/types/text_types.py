"""Free-text fields: NFC, spacing cleaned, invisible characters removed, length capped.

:func:`text_type` is the configurable marker; its arguments are checked when a schema module is
imported (a developer's mistake fails at once, not while a citizen types).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import PlainValidator

from formfill.types import fast
from formfill.types._base import NAME_MAX, PLACE_MAX, TEXT_MAX, clean_text, schema, validator


def text_validator(max_length: int) -> PlainValidator:
    """The validator of cleaned text of at most ``max_length`` characters."""
    if not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 1:
        raise ValueError(f"text_validator: max_length must be a positive int, not {max_length!r}")

    def _validate(value: Any) -> str:
        return clean_text(value, max_length)

    fast.mark(_validate, lambda _today: fast.text_schema(max_length))
    return validator(_validate)


def text_type(max_length: int, fmt: str = "vn-text", examples: tuple[str, ...] = ()) -> Any:
    """A new ``Annotated[str, ...]`` text type, for a form that needs another length."""
    return Annotated[str, text_validator(max_length), schema(fmt, examples, maxLength=max_length)]


FreeText = Annotated[
    str,
    text_validator(TEXT_MAX),
    schema("vn-text", [], maxLength=TEXT_MAX),
]
"""Free text, at most 500 characters (ghi chú, lý do …)."""

ShortText = Annotated[str, text_validator(NAME_MAX), schema("vn-short-text", [], maxLength=NAME_MAX)]
"""A short free-text answer, at most 100 characters."""

PastPlace = Annotated[
    str,
    text_validator(PLACE_MAX),
    schema("vn-past-place", ["Xã Tân Phú Đông, thị xã Sa Đéc, tỉnh Đồng Tháp"], maxLength=PLACE_MAX),
]
"""A place as written at some time (quê quán, earlier registration place, QR address): free text ≤ 250.

It may name districts and pre-2025 provinces; it is never checked against the 2025 map.
"""

PlaceText = Annotated[
    str,
    text_validator(PLACE_MAX),
    schema("vn-place-text", [], maxLength=PLACE_MAX),
]
"""A place or authority name of at most 250 characters (nơi cấp, street part of an address)."""
