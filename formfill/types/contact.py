"""Phone numbers and e-mail addresses, checked by the libraries that track the numbering plans.

Carrier prefixes are never hand-written here: numbers move between carriers and new ranges open;
``phonenumbers`` (Google's libphonenumber metadata) knows which Vietnamese ranges are valid.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from formfill.base.messages import vn_error
from formfill.base.text import clean
from formfill.types._base import require_str, schema, shown, validator

EMAIL_MAX = 254
_PHONE_JUNK = re.compile(r"[\s().\-]+")


def normalise_phone(value: Any) -> str:
    """E.164 ("+84912345678") from "0912 345 678", "84912345678", "+84 912…", or a foreign "+…" number."""
    text = clean(require_str(value, allow_int=True))
    if isinstance(value, int) and len(text) == 9:
        text = "0" + text  # a spreadsheet drops the leading 0 of "0912345678"
    compact = _PHONE_JUNK.sub("", text)
    if not compact or len(compact) > 20:
        raise vn_error("vn_phone_invalid")
    try:
        number = phonenumbers.parse(compact, "VN")
    except Exception:  # NumberParseException, and anything odd the parser trips on: not a phone
        raise vn_error("vn_phone_invalid") from None
    if not phonenumbers.is_valid_number(number):
        raise vn_error("vn_phone_invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone_national(e164: str) -> str:
    """ "+84912345678" -> "0912 345 678"; a foreign number keeps its international form."""
    number = phonenumbers.parse(e164, "VN")
    if number.country_code == 84:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


Phone = Annotated[
    str,
    validator(normalise_phone),
    schema("vn-phone", ["+84912345678"], pattern=r"^\+[1-9][0-9]{6,14}$"),
]
"""Số điện thoại, stored in E.164 ("+84912345678"); display with :func:`format_phone_national`."""


def normalise_email(value: Any) -> str:
    """The address with its domain lower-cased; syntax only, no DNS (no network at run time)."""
    text = clean(require_str(value))
    if len(text) > EMAIL_MAX:
        raise vn_error("string_too_long", max_length=EMAIL_MAX)
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise vn_error("vn_email_invalid", reason=shown(str(exc), 200)) from None
    except Exception:  # e.g. a lone surrogate the IDNA codec cannot take: still just a bad address
        raise vn_error("vn_email_invalid", reason="unreadable characters") from None
    return str(result.normalized)


Email = Annotated[
    str,
    validator(normalise_email),
    schema("email", ["nguyenvana@example.com"], maxLength=EMAIL_MAX),
]
"""Địa chỉ thư điện tử (at most 254 characters)."""
