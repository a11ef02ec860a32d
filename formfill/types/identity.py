"""Giấy tờ tùy thân: an identity paper's kind, number, issue date and issuer.

The number is checked by kind: both căn cước kinds follow the 12-digit personal ID rule, an old
CMND has 9 or 12 digits, a passport is one letter + 7–8 digits (Vietnamese) or 6–9 letters and
digits (foreign), and any other paper is free text of at most 50 characters.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from pydantic import field_validator, model_validator
from pydantic_core import PydanticCustomError

from formfill.base.messages import vn_error
from formfill.base.text import clean, fold
from formfill.model.block import Block, fld, raise_field_errors
from formfill.types._base import clean_text, require_str, shown
from formfill.types.dates import PastDate, format_date
from formfill.types.personal_id import normalise_personal_id
from formfill.types.text_types import PlaceText

PAPER_NUMBER_MAX = 50


class IdentityKind(StrEnum):
    """Kinds of identity paper, by their Vietnamese names (the value printed on forms)."""

    CAN_CUOC = "Căn cước"
    CAN_CUOC_CONG_DAN = "Căn cước công dân"
    CMND = "Chứng minh nhân dân"
    HO_CHIEU = "Hộ chiếu"
    KHAC = "Giấy tờ khác"


def _compact(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


_KIND_ALIASES: dict[str, IdentityKind] = {
    **{_compact(k.value): k for k in IdentityKind},
    "thecancuoc": IdentityKind.CAN_CUOC,
    "cancuocdientu": IdentityKind.CAN_CUOC,
    "cc": IdentityKind.CAN_CUOC,
    "cccd": IdentityKind.CAN_CUOC_CONG_DAN,
    "thecancuoccongdan": IdentityKind.CAN_CUOC_CONG_DAN,
    "cmnd": IdentityKind.CMND,
    "giaychungminhnhandan": IdentityKind.CMND,
    "hc": IdentityKind.HO_CHIEU,
    "passport": IdentityKind.HO_CHIEU,
    "khac": IdentityKind.KHAC,
}

_DIGITS = re.compile(r"[0-9]+")
_PASSPORT_VN = re.compile(r"[A-Z][0-9]{7,8}")
_PASSPORT_OTHER = re.compile(r"[A-Z0-9]{6,9}")


def parse_identity_kind(value: Any) -> IdentityKind:
    """The kind from its label in any case/accents ("can cuoc cong dan", "CCCD", "hộ chiếu")."""
    if isinstance(value, IdentityKind):
        return value
    text = clean(require_str(value))
    kind = _KIND_ALIASES.get(_compact(text))
    if kind is None:
        raise vn_error(
            "vn_identity_kind_unknown",
            value=shown(text, 50),
            expected=", ".join(k.value for k in IdentityKind),
        )
    return kind


def normalise_paper_number(kind: IdentityKind, number: str) -> str:
    """The number in its canonical form for ``kind``, or a typed error."""
    compact = re.sub(r"[\s.\-]+", "", number)
    if kind in (IdentityKind.CAN_CUOC, IdentityKind.CAN_CUOC_CONG_DAN):
        return normalise_personal_id(number)
    if kind is IdentityKind.CMND:
        if _DIGITS.fullmatch(compact) and len(compact) in (9, 12):
            return compact
        raise vn_error("vn_identity_cmnd_format", length=len(compact))
    if kind is IdentityKind.HO_CHIEU:
        upper = compact.upper()
        if upper.isascii() and (_PASSPORT_VN.fullmatch(upper) or _PASSPORT_OTHER.fullmatch(upper)):
            return upper
        raise vn_error("vn_passport_format")
    return number


class IdentityPaper(Block):
    """Giấy tờ tùy thân: kind, number (checked by kind), issue date, issuing body."""

    loai: IdentityKind = fld(
        "Loại giấy tờ", label_en="Kind of paper", widget="choice", examples=["Căn cước công dân"]
    )
    so: str = fld("Số", label_en="Number", max_length=PAPER_NUMBER_MAX, examples=["025188001010"])
    ngay_cap: PastDate | None = fld("Ngày cấp", None, label_en="Date of issue", widget="date")
    noi_cap: PlaceText | None = fld(
        "Nơi cấp", None, label_en="Issued by", examples=["Cục Cảnh sát QLHC về TTXH"]
    )

    @field_validator("loai", mode="before")
    @classmethod
    def _kind(cls, value: Any) -> IdentityKind:
        if value is None:
            raise vn_error("missing")
        return parse_identity_kind(value)

    @field_validator("so", mode="before")
    @classmethod
    def _number_text(cls, value: Any) -> str:
        text = clean_text(require_str(value, allow_int=True), PAPER_NUMBER_MAX)
        if not text:
            raise vn_error("missing")
        return text

    @model_validator(mode="after")
    def _number_by_kind(self) -> IdentityPaper:
        try:
            self.so = normalise_paper_number(self.loai, self.so)
        except PydanticCustomError as err:
            raise_field_errors(type(self).__name__, [(("so",), err, self.so)])
        return self

    def as_text(self) -> str:
        """ "Căn cước công dân số 025188001010 do Cục Cảnh sát QLHC về TTXH cấp ngày 20/11/2021"."""
        parts = [f"{self.loai.value} số {self.so}"]
        if self.noi_cap and self.ngay_cap:
            parts.append(f"do {self.noi_cap} cấp ngày {format_date(self.ngay_cap)}")
        elif self.noi_cap:
            parts.append(f"do {self.noi_cap} cấp")
        elif self.ngay_cap:
            parts.append(f"cấp ngày {format_date(self.ngay_cap)}")
        return " ".join(parts)
