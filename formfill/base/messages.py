"""The one table of user-facing error messages, keyed by error type (Vietnamese, English).

Every error formfill shows — pydantic's own (missing, too long, wrong type...) and formfill's
custom types — is looked up here and formatted with the error's ``ctx``. Types raise errors with
:func:`vn_error`, which refuses a type that has no entry, so a message can never be missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic_core import PydanticCustomError

from formfill.base.i18n import Lang, current_lang

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
    "model_attributes_type": (
        "Phải là một nhóm thông tin (đối tượng).",
        "Must be a group of fields (an object).",
    ),
    "date_type": ("Phải là một ngày (dd/mm/yyyy).", "Must be a date (dd/mm/yyyy)."),
    "date_parsing": ("Ngày không đúng định dạng dd/mm/yyyy.", "Date is not in dd/mm/yyyy form."),
    "date_from_datetime_parsing": (
        "Ngày không đúng định dạng dd/mm/yyyy.",
        "Date is not in dd/mm/yyyy form.",
    ),
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
    "unexpected_keyword_argument": (
        "Trường này không có trong tờ khai.",
        "This field is not part of the form.",
    ),
    # --- printing (formfill/render) ----------------------------------------------------------
    "render_missing_glyph": (
        "Không in được ký tự {char} trong trường này: phông chữ của mẫu không có ký tự đó. Hãy xóa hoặc thay ký tự này.",
        "Character {char} in this field cannot be printed: the form's font lacks it. Remove or replace it.",
    ),
    "render_overflow": (
        'Nội dung quá dài, không vừa ô "{label}" trên mẫu in. Hãy viết ngắn lại.',
        'Too long to fit the box "{label}" on the printed form. Please shorten it.',
    ),
    # --- rules written in formfill/forms -----------------------------------------------------
    "missing_without_id": (
        "Bắt buộc khi không ghi {other}.",
        "Required when {other} is not given.",
    ),
    "vn_identity_missing": (
        "Cần ghi số định danh cá nhân hoặc một giấy tờ tùy thân.",
        "Give a personal ID number or an identity paper.",
    ),
    "vn_parent_too_young": (
        "Năm sinh của {parent} ({year}) không hợp lý: phải trước năm sinh của con ít nhất 10 năm.",
        "The {parent_en}'s birth year ({year}) is implausible: it must be at least 10 years before the child's.",
    ),
    "vn_copy_count_missing": (
        "Đã chọn đề nghị cấp bản sao: ghi số lượng bản (từ 1 trở lên).",
        "Copies were requested: give how many (1 or more).",
    ),
    "vn_copy_count_without_request": (
        'Chỉ ghi số lượng bản sao khi chọn "Có" đề nghị cấp bản sao.',
        "Give a number of copies only when copies are requested.",
    ),
    "vn_date_after_declaration": (
        "Ngày này ({value}) không được sau ngày làm tờ khai ({declared}).",
        "This date ({value}) cannot be after the date of the declaration ({declared}).",
    ),
    "vn_duplicate_person": (
        "Số định danh cá nhân {number} đã ghi cho {other}: mỗi người chỉ ghi một lần.",
        "Personal ID {number} is already given for {other}: each person appears once.",
    ),
    # hộ tịch forms of issue 4 (ket-hon, khai-tu, xac-nhan-tinh-trang-hon-nhan, nhan-cha-me-con, ...)
    "vn_duplicate_paper": (
        "{paper} đã ghi cho {other}: đây phải là hai người khác nhau.",
        "{paper} is already given for {other}: these must be two different people.",
    ),
    "vn_marriage_age": (
        "Chưa đủ tuổi kết hôn: {side} phải từ đủ {min_age} tuổi vào ngày làm tờ khai ({declared}), người này mới {age} tuổi"
        " (Luật Hôn nhân và gia đình, Điều 8).",
        "Below the marriage age: the {side_en} must be at least {min_age} on the date of the declaration ({declared});"
        " this person is {age}.",
    ),
    "vn_death_before_birth": (
        "Ngày chết ({death}) không được trước ngày sinh ({birth}).",
        "The date of death ({death}) cannot be before the date of birth ({birth}).",
    ),
    "vn_death_notice_before_death": (
        "Giấy báo tử cấp ngày {issued}, trước ngày chết ({death}): kiểm tra lại một trong hai ngày.",
        "The death notice is dated {issued}, before the death ({death}): check one of the two dates.",
    ),
    "vn_parent_not_older": (
        "Người là {word} (sinh {parent}) phải sinh trước người con (sinh {child}).",
        "The {word_en} (born {parent}) must be born before the child (born {child}).",
    ),
    "vn_relation_word_sex": (
        "Người được nhận là “{word}” nhưng là người giới tính {sex}: kiểm tra lại “{word}” hoặc giới tính, số định danh.",
        "The person recognised is the “{word}” but is of sex {sex}: check the word, or the sex and ID number.",
    ),
    "vn_identity_or_birth_certificate_missing": (
        "Cần ghi số định danh cá nhân, giấy tờ tùy thân hoặc Giấy khai sinh.",
        "Give a personal ID number, an identity paper or the birth certificate.",
    ),
    "vn_not_applicable": (
        "Chỉ ghi mục này khi {condition}.",
        "Fill this in only when {condition_en}.",
    ),
    "vn_period_order": (
        "Ngày bắt đầu ({start}) phải trước ngày kết thúc ({end}).",
        "The start date ({start}) must come before the end date ({end}).",
    ),
    "vn_registered_before_birth": (
        "Ngày đăng ký ({registered}) trước ngày sinh của người này ({birth}): kiểm tra lại.",
        "The registration date ({registered}) is before this person's birth ({birth}): check it.",
    ),
    "vn_change_same_value": (
        "Nội dung mới giống hệt nội dung cũ: không có gì để thay đổi, cải chính.",
        "The new value is the same as the old one: nothing would change.",
    ),
    # --- formfill/types: identity data, dates, names, places ---------------------------------
    "string_unicode": (
        "Có ký tự không đọc được: hãy gõ lại đoạn này thay vì dán từ nơi khác.",
        "There is an unreadable character: retype this text instead of pasting it.",
    ),
    "vn_text_chars": (
        "Có ký tự không đọc được ({char}): hãy gõ lại đoạn này thay vì dán từ nơi khác.",
        "There is an unreadable character ({char}): retype this text instead of pasting it.",
    ),
    "vn_text_unprintable": (
        "Không in được ký tự {char} trên tờ khai (biểu tượng cảm xúc, chữ Hán… không có trong phông chữ của mẫu): hãy xóa hoặc thay ký tự này.",
        "Character {char} cannot be printed on the form (emoji, CJK characters… are not in the form's font): remove or replace it.",
    ),
    "vn_text_blank": (
        "Chỉ có khoảng trắng hoặc ký tự vô hình, không có chữ nào: hãy gõ nội dung, hoặc xóa hết để bỏ trống.",
        "Only spaces or invisible characters, no text: type the answer, or delete everything to leave it empty.",
    ),
    "vn_personal_id_format": (
        "Số định danh cá nhân phải gồm đúng 12 chữ số, không có chữ hay ký hiệu (bạn nhập {length} ký tự).",
        "The personal ID number must be exactly 12 digits, no letters or symbols (you entered {length} characters).",
    ),
    "vn_personal_id_future": (
        "Số định danh cá nhân này cho thấy năm sinh {year}, chưa tới: kiểm tra lại chữ số thứ 4, 5 và 6.",
        "This personal ID number implies birth in {year}, which is in the future: check digits 4, 5 and 6.",
    ),
    "vn_personal_id_birth_year": (
        "Số định danh cá nhân cho thấy năm sinh {expected}, nhưng ngày sinh ghi năm {given}: kiểm tra lại một trong hai.",
        "The personal ID number implies birth in {expected}, but the date of birth says {given}: check one of them.",
    ),
    "vn_personal_id_gender": (
        "Số định danh cá nhân là của người giới tính {expected}, nhưng giới tính ghi {given}: kiểm tra lại một trong hai.",
        "The personal ID number belongs to a person of sex {expected}, but the sex given is {given}: check one of them.",
    ),
    "vn_cmnd_format": (
        "Số chứng minh nhân dân phải gồm đúng 9 chữ số (bạn nhập {length} ký tự).",
        "The old ID card (CMND) number must be exactly 9 digits (you entered {length} characters).",
    ),
    "vn_identity_kind_unknown": (
        "Chưa rõ loại giấy tờ “{value}”: chọn một trong {expected}.",
        "Unknown kind of paper “{value}”: choose one of {expected}.",
    ),
    "vn_identity_cmnd_format": (
        "Số chứng minh nhân dân phải gồm 9 hoặc 12 chữ số (bạn nhập {length} ký tự).",
        "An old ID card (CMND) number has 9 or 12 digits (you entered {length} characters).",
    ),
    "vn_passport_format": (
        "Số hộ chiếu gồm 1 chữ cái và 7 hoặc 8 chữ số (ví dụ C1234567), hoặc 6 đến 9 chữ và số với hộ chiếu nước ngoài.",
        "A passport number is 1 letter and 7 or 8 digits (e.g. C1234567), or 6 to 9 letters and digits for a foreign passport.",
    ),
    "vn_phone_invalid": (
        "Số điện thoại không hợp lệ: ghi 10 chữ số bắt đầu bằng 0 (ví dụ 0912 345 678), hoặc số quốc tế bắt đầu bằng +.",
        "Invalid phone number: give 10 digits starting with 0 (e.g. 0912 345 678), or an international number starting with +.",
    ),
    "vn_email_invalid": (
        "Địa chỉ thư điện tử không hợp lệ: ghi dạng ten@tenmien.vn, không dấu cách.",
        "Invalid e-mail address: write it as name@domain.com, without spaces.",
    ),
    "vn_name_empty": ("Chưa ghi họ và tên.", "The name is missing."),
    "vn_name_chars": (
        "Họ tên chỉ gồm chữ cái, dấu cách, dấu gạch nối và dấu nháy; hãy bỏ ký tự “{char}”.",
        "A name may contain only letters, spaces, hyphens and apostrophes; remove “{char}”.",
    ),
    "vn_name_too_long": (
        "Họ tên quá dài: tối đa {max_length} ký tự (bạn nhập {length}).",
        "The name is too long: at most {max_length} characters (you entered {length}).",
    ),
    "vn_date_format": (
        "Ghi ngày theo dạng ngày/tháng/năm, ví dụ 15/07/2024.",
        "Write the date as day/month/year, e.g. 15/07/2024.",
    ),
    "vn_partial_date_format": (
        "Ghi ngày/tháng/năm (15/07/1950), tháng/năm (07/1950) hoặc chỉ năm (1950).",
        "Write day/month/year (15/07/1950), month/year (07/1950) or just the year (1950).",
    ),
    "vn_date_invalid": (
        "Không có ngày “{value}”: kiểm tra ngày, tháng (tháng 2 chỉ có 28 hoặc 29 ngày) và năm (từ 1800 đến 2200).",
        "“{value}” is not a real date: check the day, the month (February has 28 or 29 days) and the year (1800 to 2200).",
    ),
    "vn_date_future": (
        "Ngày {value} chưa tới: ngày này không được sau hôm nay.",
        "{value} is in the future: this date cannot be later than today.",
    ),
    "vn_ethnicity_unknown": (
        "Không có dân tộc “{value}” trong danh mục 54 dân tộc: ghi tên (ví dụ Kinh, Tày, Khơ-me) hoặc mã 01–54.",
        "“{value}” is not one of the 54 coded ethnic groups: give a name (e.g. Kinh, Tày, Khơ-me) or a code 01–54.",
    ),
    "vn_ethnicity_viet": (
        "“{value}” không phải tên dân tộc: người Việt là dân tộc Kinh (ghi “Kinh”); Việt Nam là quốc tịch.",
        "“{value}” is not an ethnic group: ethnic Vietnamese are “Kinh”; Việt Nam is a nationality.",
    ),
    "vn_nationality_invalid": (
        "Quốc tịch chỉ gồm chữ cái, dấu cách và dấu gạch nối (ví dụ Việt Nam, Hàn Quốc); hãy bỏ “{char}”.",
        "A nationality contains only letters, spaces and hyphens (e.g. Việt Nam, Hàn Quốc); remove “{char}”.",
    ),
    "vn_gender_invalid": ("Giới tính ghi “Nam” hoặc “Nữ”.", "Sex must be “Nam” (male) or “Nữ” (female)."),
    "vn_province_unknown": (
        "Không tìm thấy tỉnh, thành phố “{value}” trong 34 đơn vị cấp tỉnh từ 01/07/2025.",
        "“{value}” is not one of the 34 provinces and cities in force since 1 July 2025.",
    ),
    "vn_province_renamed": (
        "“{old}” không còn là đơn vị cấp tỉnh từ 01/07/2025: đã sáp nhập vào {new}. Hãy ghi {new}.",
        "“{old}” is no longer a province since 1 July 2025: it was merged into {new}. Write {new} instead.",
    ),
    "vn_commune_unknown": (
        "Không tìm thấy xã, phường, đặc khu “{value}” trong danh mục từ 01/07/2025: kiểm tra tên hoặc chọn từ danh sách.",
        "“{value}” is not a commune, ward or special zone in the list in force since 1 July 2025: check the name or pick it from the list.",
    ),
    "vn_commune_not_in_province": (
        "{commune} không thuộc {province} (có ở: {actual}): kiểm tra lại xã/phường hoặc tỉnh.",
        "{commune} is not in {province} (it exists in: {actual}): check the commune or the province.",
    ),
    "vn_commune_ambiguous": (
        "Có nhiều xã, phường tên “{commune}” ({provinces}): ghi tên đầy đủ, có dấu, và ghi thêm tỉnh, thành phố.",
        "Several units are called “{commune}” ({provinces}): write the full name with accents and add the province.",
    ),
    "vn_commune_renamed": (
        "“{old}” không còn từ 01/07/2025 sau khi sắp xếp đơn vị hành chính; nay thuộc {new}. Hãy ghi đơn vị mới.",
        "“{old}” no longer exists since the 1 July 2025 reorganisation; it is now part of {new}. Write the new unit.",
    ),
    "vn_address_foreign_detail": (
        "Địa chỉ ở nước ngoài: ghi đầy đủ địa chỉ vào phần chi tiết.",
        "Address abroad: write the full address in the detail part.",
    ),
    "vn_qr_field_count": (
        "Nội dung mã QR không đúng: cần 7 phần ngăn bởi dấu “|” nhưng có {count}. Hãy quét lại mã.",
        "Unexpected QR content: 7 parts separated by “|” are needed but there are {count}. Scan the code again.",
    ),
    # --- formfill/batch: roster cells and rows ----------------------------------------------------
    "batch_numeric_id": (
        "Số {value} đã bị Excel đổi thành dạng số (có thể mất số 0 ở đầu hoặc thành dạng 7,9E+10): định dạng cột là Văn bản (Text) rồi nhập lại.",
        "{value} was turned into a number by Excel (a leading zero may be lost, or it became 7.9E+10): format the column as Text and type it again.",
    ),
    "batch_cell_too_long": (
        "Ô quá dài ({length} ký tự; tối đa {max_length}).",
        "The cell is too long ({length} characters; at most {max_length}).",
    ),
    "batch_row_short": (
        "Dòng thiếu ô: có {found} ô nhưng tiêu đề có {expected} cột.",
        "The row is short: {found} cells but the header has {expected} columns.",
    ),
    "batch_row_long": (
        "Dòng thừa ô: có dữ liệu ở cột {found} nhưng tiêu đề chỉ có {expected} cột.",
        "The row is long: data in column {found} but the header has only {expected} columns.",
    ),
    "batch_formula_no_value": (
        "Ô có công thức nhưng chưa có giá trị đã tính: mở tệp bằng Excel, tính lại và lưu.",
        "The cell has a formula but no computed value: open the file in Excel, recalculate and save.",
    ),
    "batch_excel_error": ("Ô có lỗi Excel {value}.", "The cell holds the Excel error {value}."),
    "batch_excel_date": (
        "Số ngày Excel {value} không phải một ngày có thật (ví dụ 29/02/1900 không tồn tại).",
        "Excel day number {value} is not a real date (29/02/1900, for one, never existed).",
    ),
    "batch_json_cell": (
        "Ô phải là một danh sách JSON [{{…}}, …]: {error}",
        "The cell must be a JSON list [{{…}}, …]: {error}",
    ),
    "batch_json_line": (
        "Dòng không phải một đối tượng JSON hợp lệ: {error}",
        "The line is not a valid JSON object: {error}",
    ),
    "batch_pdf_missing_value": (
        "Kiểm tra PDF: không tìm thấy giá trị của trường này trong tệp đã in.",
        "PDF check: this field's value was not found in the written file.",
    ),
    "batch_render_failed": ("Không tạo được PDF: {error}", "The PDF could not be made: {error}"),
    "batch_name_taken": (
        "Tệp {file} đã có và khác nội dung: không ghi đè.",
        "{file} already exists with other content: not replaced.",
    ),
    # --- formfill check: a PDF read back ---------------------------------------------------------
    "check_missing": (
        "không thấy “{expected}” trong ô của nó (ô trống).",
        "“{expected}” is not in its box (the box is empty).",
    ),
    "check_different": (
        "ô ghi “{found}”, đáng lẽ phải là “{expected}”.",
        "the box reads “{found}” instead of “{expected}”.",
    ),
    "check_misplaced": (
        "“{expected}” có trên trang nhưng lệch khỏi ô của nó (trong ô đọc được “{found}”).",
        "“{expected}” is on the page but outside its box (the box reads “{found}”).",
    ),
    "check_checkbox": (
        "ô đánh dấu phải {expected}, trên PDF {found}.",
        "the tick box should be {expected}; the PDF shows {found}.",
    ),
    "check_digits": (
        "các ô chữ số phải là “{expected}”, đọc được “{found}”.",
        "the digit boxes should read “{expected}”; they read “{found}”.",
    ),
    "check_not_pdf": (
        "tệp không phải PDF hoặc đã hỏng.",
        "the file is not a PDF, or it is damaged.",
    ),
    "file_not_found": ("không có tệp này.", "no such file."),
    "file_unreadable": ("không mở được tệp (quyền truy cập?).", "the file cannot be opened (permissions?)."),
    # Anything not listed: shown with this text (and a test checks the table covers what we raise).
    "__fallback__": ("Giá trị không hợp lệ.", "Invalid value."),
}


# The sex values ("Nam", "Nữ") a message shows, and their English words.
SEX_KEYS = frozenset({"expected", "given", "sex"})
SEX_EN = {"Nam": "male", "Nữ": "female"}


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
    english = (lang or current_lang()) == "en"
    template = en if english else vi
    safe = _SafeCtx({k: _fmt_value(v) for k, v in (ctx or {}).items()})
    if english:  # "of sex male", not "of sex Nam": the values the rules compare, in English words
        for key in SEX_KEYS.intersection(safe):
            safe[key] = SEX_EN.get(safe[key], safe[key])
    return template.format_map(safe)


def vn_error(type_: str, **ctx: Any) -> PydanticCustomError:
    """A typed validation error whose message comes from :data:`MESSAGES` (Vietnamese template).

    Raises ``KeyError`` at once for a type missing from the table: a developer's error.
    """
    vi, _en = MESSAGES[type_]
    return PydanticCustomError(type_, vi, ctx or None)


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 thing", "2 things": English counts without "(s)" (Vietnamese nouns do not change)."""
    return f"{count} {word if count == 1 else many or word + 's'}"
