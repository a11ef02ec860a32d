"""The QR code on the back of a chip CCCD card: 7 ``|``-separated fields (vn-forms.md §3.2).

``số CCCD | số CMND cũ (may be empty) | họ và tên | ngày sinh ddmmyyyy | giới tính | nơi thường trú |
ngày cấp ddmmyyyy``. The parser is tolerant where scanners are sloppy — white space and CR/LF around
fields, labels some scanners inject ("CCCD:", "CMND:"), extra trailing fields (newer cards may add
some) — and strict about content: every field goes through its formfill type, so a bad value is
reported on its own field with its own error type.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import InitErrorDetails

from formfill.base.messages import vn_error
from formfill.model.block import fld
from formfill.types.civil import Gender
from formfill.types.dates import BirthDate, PastDate
from formfill.types.names import PersonName
from formfill.types.personal_id import CmndNumber, PersonalId
from formfill.types.text_types import PastPlace

QR_FIELDS = (
    "so_dinh_danh_ca_nhan",
    "so_cmnd",
    "ho_ten",
    "ngay_sinh",
    "gioi_tinh",
    "noi_thuong_tru",
    "ngay_cap",
)
_LABEL = re.compile(
    r"^\s*(?:s[ốo]\s+)?(?:cccd|cmnd|cc|id|h[ọo]\s*t[êe]n|ng[àa]y\s*sinh|gi[ớo]i\s*t[íi]nh|ng[àa]y\s*c[ấa]p)\s*[:：]\s*",
    re.IGNORECASE,
)
_DDMMYYYY = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{4})")


class CccdQr(BaseModel):
    """What the card's QR code says, each field already validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    so_dinh_danh_ca_nhan: PersonalId = fld("Số định danh cá nhân", label_en="Personal ID number")
    so_cmnd: CmndNumber | None = fld("Số CMND cũ", None, label_en="Old ID card number")
    ho_ten: PersonName = fld("Họ, chữ đệm và tên", label_en="Full name")
    ngay_sinh: BirthDate = fld("Ngày sinh", label_en="Date of birth")
    gioi_tinh: Gender = fld("Giới tính", label_en="Sex")
    noi_thuong_tru: PastPlace = fld("Nơi thường trú", label_en="Permanent residence")
    ngay_cap: PastDate = fld("Ngày cấp", label_en="Date of issue")


def _qr_date(text: str) -> str:
    """ "15042021" -> "15/04/2021" so the date type parses it (and reports a 31/02 as invalid)."""
    m = _DDMMYYYY.fullmatch(text)
    return f"{m[1]}/{m[2]}/{m[3]}" if m else text


def parse_cccd_qr(text: str) -> CccdQr:
    """Read the QR text of a chip CCCD card; a ValidationError with typed errors when it is wrong."""
    raw = text if isinstance(text, str) else ""
    parts = [_LABEL.sub("", p).strip() for p in raw.strip().lstrip("\ufeff").split("|")]
    if len(parts) < len(QR_FIELDS) or not isinstance(text, str):
        count = len(parts) if raw.strip() else 0
        raise ValidationError.from_exception_data(
            "CccdQr", [InitErrorDetails(type=vn_error("vn_qr_field_count", count=count), loc=(), input=raw)]
        )
    data: dict[str, object] = dict(zip(QR_FIELDS, parts[: len(QR_FIELDS)], strict=True))
    data["so_cmnd"] = data["so_cmnd"] or None
    for key in ("ngay_sinh", "ngay_cap"):
        data[key] = _qr_date(str(data[key]))
    return CccdQr.model_validate(data)
