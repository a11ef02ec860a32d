"""Any text given to any type yields a value or a typed ValidationError — never another exception."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError

from formfill.base.messages import MESSAGES
from formfill.types import (
    Address,
    BirthDate,
    CmndNumber,
    CommuneName,
    Email,
    Ethnicity,
    FreeText,
    Gender,
    IdentityPaper,
    Nationality,
    PartialBirthDate,
    PartialDate,
    PastDate,
    PastPlace,
    PersonalId,
    PersonName,
    Phone,
    ShortText,
    VnDate,
    parse_cccd_qr,
    search_communes,
)

ANY_CHAR = st.characters(exclude_categories=())  # surrogates included: they do reach us from bad files
DOMAIN = "0123456789/|-.,: 'PphườngXxãSaĐéc\u0301\t\nCCDMN+@"
TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=60),
    st.text(st.sampled_from(DOMAIN), max_size=60),
    st.sampled_from(["", " ", "0", "1", "Việt Nam", "nam", "31/02/2024", "2024", "sa dec", "Tiền Giang"]),
)
TYPES: list[Any] = [
    PersonalId, CmndNumber, Phone, Email, PersonName, VnDate, BirthDate, PastDate, PartialDate,
    PartialBirthDate, Ethnicity, Nationality, Gender, FreeText, ShortText, PastPlace, CommuneName,
]  # fmt: skip
ADAPTERS = [TypeAdapter(t) for t in TYPES]
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _typed(exc: ValidationError) -> None:
    for err in exc.errors():
        assert err["type"] in MESSAGES, err


@pytest.mark.parametrize(
    "adapter", ADAPTERS, ids=[getattr(t, "__name__", str(i)) for i, t in enumerate(TYPES)]
)
@FAST
@given(text=TEXT)
def test_types_never_crash(adapter: TypeAdapter[Any], text: str) -> None:
    try:
        adapter.validate_python(text)
    except ValidationError as exc:
        _typed(exc)


class _Bag(BaseModel):
    value: Any


@FAST
@given(value=st.one_of(st.integers(), st.floats(), st.none(), st.booleans(), st.binary(max_size=5)))
def test_non_text_inputs_are_typed_errors(value: Any) -> None:
    for adapter in ADAPTERS:
        try:
            adapter.validate_python(value)
        except ValidationError as exc:
            _typed(exc)


@FAST
@given(text=TEXT, province=st.one_of(st.none(), TEXT), detail=st.one_of(st.none(), TEXT), country=TEXT)
def test_address_never_crashes(text: str, province: str | None, detail: str | None, country: str) -> None:
    for data in (text, {"xa": text, "tinh": province, "chi_tiet": detail}, {"xa": text, "quoc_gia": country}):
        try:
            Address.model_validate(data)
        except ValidationError as exc:
            _typed(exc)


@FAST
@given(kind=TEXT, number=TEXT, issued=TEXT)
def test_identity_paper_never_crashes(kind: str, number: str, issued: str) -> None:
    for loai in (kind, "CCCD", "CMND", "Hộ chiếu", "khác"):
        try:
            IdentityPaper.model_validate({"loai": loai, "so": number, "ngay_cap": issued})
        except ValidationError as exc:
            _typed(exc)


@FAST
@given(text=TEXT, parts=st.lists(TEXT, min_size=6, max_size=9))
def test_qr_never_crashes(text: str, parts: list[str]) -> None:
    for raw in (text, "|".join(parts)):
        try:
            parse_cccd_qr(raw)
        except ValidationError as exc:
            _typed(exc)


@FAST
@given(text=TEXT)
def test_search_never_crashes(text: str) -> None:
    assert isinstance(search_communes(text, limit=5), list)
