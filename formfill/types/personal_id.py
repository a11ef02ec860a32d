"""Số định danh cá nhân (CCCD / thẻ Căn cước, 12 digits) and the old CMND number (9 digits).

What is checked — and what cannot be:

* The number has exactly 12 digits once spaces are removed (``vn_personal_id_format``).
* Layout ``PPP S YY RRRRRR`` (NĐ 137/2015 Điều 13, TT 07/2016/TT-BCA, TT 59/2021/TT-BCA):
  digits 1–3 are the province (or country) where the birth was registered; digit 4 encodes century
  and sex (0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s, 8/9 = 2300s); digits 5–6
  are the last two digits of the birth year; digits 7–12 are random.
* The province code is *not* refused when it is not one of the 63 pre-2025 codes: people whose birth
  was registered abroad carry other codes, and numbers issued after 2025 are not documented.
* A number whose century digit puts the birth year in the future is refused
  (``vn_personal_id_future``): no one alive can hold it, so it is a typing mistake.
* **There is no check digit**: a mistyped random part (digits 7–12) cannot be detected by anyone.
* :func:`check_personal_id` compares the number with the date of birth (year, from digits 4–6) and
  the sex (digit 4) given elsewhere on the form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

from pydantic_core import PydanticCustomError

from formfill.base.messages import vn_error
from formfill.types import fast
from formfill.types._base import require_str, schema, validator
from formfill.types.civil import normalise_gender

if TYPE_CHECKING:
    from formfill.types.dates import PartialDate

# TT 07/2016/TT-BCA Phụ lục 1: the 63 pre-2025 provinces (GSO codes padded to 3 digits).
LEGACY_PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn", "008": "Tuyên Quang",
    "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "015": "Yên Bái",
    "017": "Hòa Bình", "019": "Thái Nguyên", "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang",
    "025": "Phú Thọ", "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định", "037": "Ninh Bình",
    "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh", "044": "Quảng Bình", "045": "Quảng Trị",
    "046": "Thừa Thiên Huế", "048": "Đà Nẵng", "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định",
    "054": "Phú Yên", "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng", "070": "Bình Phước",
    "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai", "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh",
    "086": "Vĩnh Long", "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ",
    "093": "Hậu Giang", "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}  # fmt: skip

ID_FIELD = "so_dinh_danh_ca_nhan"
_SPACES = re.compile(r"\s+")
_DIGITS12 = re.compile(r"[0-9]{12}")
_DIGITS9 = re.compile(r"[0-9]{9}")


def _today() -> date:
    from formfill.types import dates

    return dates.today()


def normalise_personal_id(value: Any) -> str:
    """The 12-digit number, or a ``vn_personal_id_format`` / ``vn_personal_id_future`` error."""
    text = _SPACES.sub("", require_str(value, allow_int=True))
    if not _DIGITS12.fullmatch(text):
        raise vn_error("vn_personal_id_format", length=len(text))
    year = _birth_year(text)
    if year > _today().year:
        raise vn_error("vn_personal_id_future", year=year)
    return text


def normalise_cmnd(value: Any) -> str:
    """The 9-digit CMND number, or ``vn_cmnd_format``."""
    text = _SPACES.sub("", require_str(value, allow_int=True))
    if not _DIGITS9.fullmatch(text):
        raise vn_error("vn_cmnd_format", length=len(text))
    return text


def _birth_year(number: str) -> int:
    century_start = 1900 + 100 * (int(number[3]) // 2)
    return century_start + int(number[4:6])


fast.mark(normalise_personal_id, fast.personal_id_schema)

PersonalId = Annotated[
    str,
    validator(normalise_personal_id),
    schema("vn-personal-id", ["025188001010"], pattern=r"^[0-9]{12}$", minLength=12, maxLength=12),
]
"""Số định danh cá nhân / số thẻ CCCD, thẻ Căn cước: 12 digits (spaces allowed on input)."""

CmndNumber = Annotated[
    str,
    validator(normalise_cmnd),
    schema("vn-cmnd", ["012345678"], pattern=r"^[0-9]{9}$", minLength=9, maxLength=9),
]
"""Số chứng minh nhân dân cũ (9 digits)."""


@dataclass(frozen=True)
class PersonalIdInfo:
    """What a personal ID number says about its holder (layout ``PPP S YY RRRRRR``)."""

    province_code: str
    province_name: str | None  # None: not one of the 63 legacy codes (e.g. registered abroad)
    sex: str  # "Nam" / "Nữ"
    century_start: int
    birth_year_2digits: int
    birth_year: int


def personal_id_info(number: str) -> PersonalIdInfo:
    """Decode a valid personal ID (raises ``PydanticCustomError`` for an invalid one)."""
    number = normalise_personal_id(number)
    digit = int(number[3])
    return PersonalIdInfo(
        province_code=number[:3],
        province_name=LEGACY_PROVINCE_CODES.get(number[:3]),
        sex="Nam" if digit % 2 == 0 else "Nữ",
        century_start=1900 + 100 * (digit // 2),
        birth_year_2digits=int(number[4:6]),
        birth_year=_birth_year(number),
    )


def check_personal_id(
    number: str | None,
    birth: date | PartialDate | None = None,
    gender: str | None = None,
    *,
    field: str = ID_FIELD,
) -> list[tuple[str, PydanticCustomError]]:
    """Disagreements between an ID number and the birth date / sex given on the same form.

    Returns ``(field_name, error)`` pairs (empty when all agree, or when the number or the other
    values are missing or themselves invalid — their own fields report that). Only the birth
    *year* can be compared (digits 4–6); the ID holds no month, day or check digit.
    """
    if not number:
        return []
    if not (isinstance(number, str) and _DIGITS12.fullmatch(number)):
        try:
            number = normalise_personal_id(number)
        except PydanticCustomError:
            return []
    out: list[tuple[str, PydanticCustomError]] = []
    id_year = _birth_year(number)
    year = getattr(birth, "year", None)
    if isinstance(year, int) and year != id_year:
        out.append((field, vn_error("vn_personal_id_birth_year", expected=id_year, given=year)))
    if gender:
        try:
            sex = normalise_gender(gender)
        except PydanticCustomError:
            sex = None
        id_sex = "Nam" if int(number[3]) % 2 == 0 else "Nữ"
        if sex is not None and sex != id_sex:
            out.append((field, vn_error("vn_personal_id_gender", expected=id_sex, given=sex)))
    return out
