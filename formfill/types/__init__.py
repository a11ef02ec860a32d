"""Reusable Vietnamese data types with their own error types (messages in formfill.base.messages).

Each type is an ``Annotated`` pydantic type (or a small model) that turns any input into a value or
a ValidationError whose error types are listed in :data:`ERROR_TYPES`; the Vietnamese and English
texts live in :data:`formfill.base.messages.MESSAGES`. Importing this package is cheap: the
administrative map is indexed on first use.
"""

from __future__ import annotations

from formfill.types.address import Address, CommuneName, ProvinceName, split_address
from formfill.types.admin import (
    CommuneHit,
    CommuneInfo,
    ProvinceInfo,
    find_commune,
    find_province,
    format_address,
    search_communes,
)
from formfill.types.cccd_qr import CccdQr, parse_cccd_qr
from formfill.types.civil import VIET_NAM, Gender, Nationality
from formfill.types.contact import Email, Phone, format_phone_national
from formfill.types.dates import (
    BirthDate,
    PartialBirthDate,
    PartialDate,
    PastDate,
    VnDate,
    date_line_parts,
    date_parts,
    format_date,
)
from formfill.types.ethnicity import ETHNIC_GROUPS, EthnicGroup, Ethnicity, ethnicity_code
from formfill.types.identity import IdentityKind, IdentityPaper
from formfill.types.names import PersonName, name_upper
from formfill.types.personal_id import (
    CmndNumber,
    PersonalId,
    PersonalIdInfo,
    check_personal_id,
    personal_id_info,
)
from formfill.types.text_types import FreeText, PastPlace, PlaceText, ShortText, text_type
from formfill.types.words import date_in_words, number_in_words

# Every custom error type the modules of this package raise (a test keeps this list honest).
ERROR_TYPES: frozenset[str] = frozenset(
    {
        "vn_text_chars",
        "vn_text_blank",
        "vn_text_unprintable",
        "vn_personal_id_format",
        "vn_personal_id_future",
        "vn_personal_id_birth_year",
        "vn_personal_id_gender",
        "vn_cmnd_format",
        "vn_identity_kind_unknown",
        "vn_identity_cmnd_format",
        "vn_passport_format",
        "vn_phone_invalid",
        "vn_email_invalid",
        "vn_name_empty",
        "vn_name_chars",
        "vn_name_too_long",
        "vn_date_format",
        "vn_partial_date_format",
        "vn_date_invalid",
        "vn_date_future",
        "vn_ethnicity_unknown",
        "vn_ethnicity_viet",
        "vn_nationality_invalid",
        "vn_gender_invalid",
        "vn_province_unknown",
        "vn_province_renamed",
        "vn_commune_unknown",
        "vn_commune_not_in_province",
        "vn_commune_ambiguous",
        "vn_commune_renamed",
        "vn_address_foreign_detail",
        "vn_qr_field_count",
        # pydantic's own types, raised by our validators with the same meaning
        "string_type",
        "string_too_long",
        "missing",
    }
)

__all__ = [
    "ERROR_TYPES",
    "ETHNIC_GROUPS",
    "VIET_NAM",
    "Address",
    "BirthDate",
    "CccdQr",
    "CmndNumber",
    "CommuneHit",
    "CommuneInfo",
    "CommuneName",
    "Email",
    "EthnicGroup",
    "Ethnicity",
    "FreeText",
    "Gender",
    "IdentityKind",
    "IdentityPaper",
    "Nationality",
    "PartialBirthDate",
    "PartialDate",
    "PastDate",
    "PastPlace",
    "PersonName",
    "PersonalId",
    "PersonalIdInfo",
    "Phone",
    "PlaceText",
    "ProvinceInfo",
    "ProvinceName",
    "ShortText",
    "VnDate",
    "check_personal_id",
    "date_in_words",
    "date_line_parts",
    "date_parts",
    "ethnicity_code",
    "find_commune",
    "find_province",
    "format_address",
    "format_date",
    "format_phone_national",
    "name_upper",
    "number_in_words",
    "parse_cccd_qr",
    "personal_id_info",
    "search_communes",
    "split_address",
    "text_type",
]
