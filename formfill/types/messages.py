"""The one table of user-facing error messages, keyed by error type (Vietnamese, English).

Every error formfill shows — pydantic's own (missing, too long, wrong type...) and formfill's
custom types — is looked up here and formatted with the error's ``ctx``. Types raise errors with
:func:`vn_error`, which refuses a type that has no entry, so a message can never be missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic_core import PydanticCustomError

from formfill.i18n import Lang, current_lang

# type -> (Vietnamese, English). Placeholders are keys of the error's ctx.
MESSAGES: dict[str, tuple[str, str]] = {
    # --- pydantic's own error types -------------------------------------------------------
    "missing": ("Chưa điền thông tin bắt buộc này.", "This field is required."),
    "extra_forbidden": (
        "Trường này không có trong tờ khai (kiểm tra lại tên trường).",
        "This field is not part of the form (check its name).",
    ),
    "string_type": ("Phải là chữ (văn bản).", "Must be text."),
    "string_too_short": (
        "Quá ngắn: cần ít nhất {min_length} ký tự.",
        "Too short: at least {min_length} characters.",
    ),
    "string_too_long": (
        "Quá dài: tối đa {max_length} ký tự.",
        "Too long: at most {max_length} characters.",
    ),
    "string_pattern_mismatch": ("Không đúng định dạng.", "Wrong format."),
    "int_type": ("Phải là một số nguyên.", "Must be a whole number."),
    "int_parsing": ("Phải là một số nguyên (chỉ gồm chữ số).", "Must be a whole number (digits only)."),
    "int_from_float": ("Phải là số nguyên, không có phần thập phân.", "Must be a whole number, no decimals."),
    "float_type": ("Phải là một số.", "Must be a number."),
    "float_parsing": ("Phải là một số.", "Must be a number."),
    "bool_type": ("Chọn Có hoặc Không.", "Choose yes or no."),
    "bool_parsing": ("Chọn Có hoặc Không.", "Choose yes or no."),
    "greater_than": ("Phải lớn hơn {gt}.", "Must be greater than {gt}."),
    "greater_than_equal": ("Phải lớn hơn hoặc bằng {ge}.", "Must be at least {ge}."),
    "less_than": ("Phải nhỏ hơn {lt}.", "Must be less than {lt}."),
    "less_than_equal": ("Phải nhỏ hơn hoặc bằng {le}.", "Must be at most {le}."),
    "literal_error": ("Chỉ được chọn một trong: {expected}.", "Choose one of: {expected}."),
    "enum": ("Chỉ được chọn một trong: {expected}.", "Choose one of: {expected}."),
    "list_type": ("Phải là một danh sách.", "Must be a list."),
    "too_short": (
        "Cần ít nhất {min_length} mục.",
        "At least {min_length} entries are needed.",
    ),
    "too_long": ("Tối đa {max_length} mục.", "At most {max_length} entries."),
    "dict_type": ("Phải là một nhóm thông tin (đối tượng).", "Must be a group of fields (an object)."),
    "model_type": ("Phải là một nhóm thông tin (đối tượng).", "Must be a group of fields (an object)."),
    "model_attributes_type": ("Phải là một nhóm thông tin (đối tượng).", "Must be a group of fields (an object)."),
    "date_type": ("Phải là một ngày (dd/mm/yyyy).", "Must be a date (dd/mm/yyyy)."),
    "date_parsing": ("Ngày không đúng định dạng dd/mm/yyyy.", "Date is not in dd/mm/yyyy form."),
    "date_from_datetime_parsing": ("Ngày không đúng định dạng dd/mm/yyyy.", "Date is not in dd/mm/yyyy form."),
    "time_parsing": ("Giờ không đúng định dạng hh:mm.", "Time is not in hh:mm form."),
    "time_type": ("Giờ không đúng định dạng hh:mm.", "Time is not in hh:mm form."),
    "value_error": ("Giá trị không hợp lệ: {error}", "Invalid value: {error}"),
    "assertion_error": ("Giá trị không hợp lệ: {error}", "Invalid value: {error}"),
    "none_required": ("Không được điền trường này.", "This field must be left empty."),
    "union_tag_invalid": ("Loại không hợp lệ: {tag}.", "Unknown kind: {tag}."),
    "union_tag_not_found": ("Thiếu loại ({discriminator}).", "The kind is missing ({discriminator})."),
    "json_invalid": ("Dữ liệu JSON không hợp lệ: {error}", "Invalid JSON: {error}"),
    "json_type": ("Dữ liệu JSON không hợp lệ.", "Invalid JSON."),
    "finite_number": ("Phải là một số hữu hạn.", "Must be a finite number."),
    "multiple_of": ("Phải là bội số của {multiple_of}.", "Must be a multiple of {multiple_of}."),
    "frozen_field": ("Không được sửa trường này.", "This field cannot be changed."),
    "is_instance_of": ("Kiểu dữ liệu không đúng.", "Wrong kind of value."),
    "callable_type": ("Kiểu dữ liệu không đúng.", "Wrong kind of value."),
    "unexpected_keyword_argument": ("Trường này không có trong tờ khai.", "This field is not part of the form."),
    # --- rules written in formfill/forms -----------------------------------------------------
    "missing_without_id": (
        "Bắt buộc khi không ghi {other}.",
        "Required when {other} is not given.",
    ),
    # Anything not listed: shown with this text (and a test checks the table covers what we raise).
    "__fallback__": ("Giá trị không hợp lệ.", "Invalid value."),
}


class _SafeCtx(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fmt_value(value: Any) -> str:
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(v) for v in value)
    return str(value)


def format_message(type_: str, ctx: Mapping[str, Any] | None = None, lang: Lang | None = None) -> str:
    """The user-facing message for an error type, in ``lang`` (default: the current language)."""
    vi, en = MESSAGES.get(type_, MESSAGES["__fallback__"])
    template = en if (lang or current_lang()) == "en" else vi
    safe = _SafeCtx({k: _fmt_value(v) for k, v in (ctx or {}).items()})
    return template.format_map(safe)


def vn_error(type_: str, **ctx: Any) -> PydanticCustomError:
    """A typed validation error whose message comes from :data:`MESSAGES` (Vietnamese template).

    Raises ``KeyError`` at once for a type missing from the table: a developer's error.
    """
    vi, _en = MESSAGES[type_]
    return PydanticCustomError(type_, vi, ctx or None)
