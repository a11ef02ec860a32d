"""Tờ khai đăng ký khai tử — TT 04/2024/TT-BTP (replaces Phụ lục 5 of TT 04/2020/TT-BTP).

Field order, labels and footnotes: domain notes §1.5 (2024 version). The requester gets a date of
birth line; the deceased's sex, ethnicity, nationality and last residence carry note (2) — required
only without a personal ID number or without the full date of birth. The time of death
("… giờ … phút, ngày … tháng … năm …") is stored as ``ngay_chet`` (date) + ``gio_chet`` ("HH:MM"):
two plain columns for a roster, and the date alone is what the date rules compare.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema, model_validator

from formfill.schema import Block, FormMeta, Procedure, Section, fld, raise_field_errors, vn_error
from formfill.schema.persons import Declaration as DeclarationBase
from formfill.schema.persons import (
    DeNghiCapBanSao,
    KinhGui,
    LamTai,
    NgayLam,
    NguoiDaChet,
    NguoiYeuCau,
    SoLuongBanSao,
    choice,
    same_person_errors,
)
from formfill.types import FreeText, PastDate, PastPlace, PlaceText, ShortText, format_date

_TIME = re.compile(r"([0-9]{1,2})\s*(?::|h|g|giờ)\s*([0-9]{1,2})?\s*(?:p|ph|phút|:00)?", re.IGNORECASE)


def parse_time_of_day(value: Any) -> dt.time:
    """ "10:30", "10h30", "10 giờ 30 phút", "7h" -> a time (hours and minutes only)."""
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    if not isinstance(value, str) or not (m := _TIME.fullmatch(value.strip())):
        raise vn_error("time_parsing")
    hour, minute = int(m[1]), int(m[2] or 0)
    if hour > 23 or minute > 59:
        raise vn_error("time_parsing")
    return dt.time(hour, minute)


GioPhut = Annotated[
    dt.time,
    PlainValidator(parse_time_of_day, json_schema_input_type=str),
    PlainSerializer(lambda t: f"{t.hour:02d}:{t.minute:02d}", return_type=str, when_used="json"),
    WithJsonSchema(
        {"type": "string", "format": "vn-time", "pattern": r"^[0-9]{2}:[0-9]{2}$", "examples": ["10:30"]}
    ),
]
"""A time of day "HH:MM" (also accepts "10h30", "10 giờ 30 phút")."""

NOTE_DEATH_NOTICE = (
    "Nếu ghi theo Giấy báo tử thì chọn 'Giấy báo tử'; nếu theo giấy tờ thay thế Giấy báo tử thì chọn loại đó và"
    " ghi tên giấy tờ. Bỏ trống nếu không có."
)
NOTE_DEATH_NOTICE_EN = "The death notice, or the paper that replaces it (give its name). Leave empty if none."

FORM = FormMeta(
    id="khai-tu",
    title="Tờ khai đăng ký khai tử",
    short_title="Khai tử",
    title_en="Death registration declaration",
    basis="Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP của Bộ trưởng Bộ Tư pháp",
    legal_basis="TT 04/2024/TT-BTP",
    version="2024.1",
    effective="",
    description="Đăng ký khai tử tại Ủy ban nhân dân xã, phường, đặc khu nơi cư trú cuối cùng của người chết.",
    description_en="Register a death at the commune/ward People's Committee.",
    sections=(
        Section(
            "nguoi_yeu_cau",
            "Người yêu cầu",
            "Requester",
            ("kinh_gui", "nguoi_yeu_cau", "quan_he_voi_nguoi_da_chet"),
        ),
        Section("nguoi_da_chet", "Người đã chết", "The deceased", ("nguoi_da_chet",)),
        Section(
            "su_kien_chet",
            "Thời điểm, nơi và nguyên nhân chết",
            "Time, place and cause of death",
            ("ngay_chet", "gio_chet", "noi_chet", "nguyen_nhan_chet", "giay_bao_tu"),
            help="Ghi theo dương lịch.",
            help_en="Solar calendar.",
        ),
        Section(
            "hoan_tat",
            "Nơi, ngày làm tờ khai và bản sao",
            "Place, date and copies",
            ("lam_tai", "ngay_lam", "de_nghi_cap_ban_sao", "so_luong_ban_sao"),
        ),
    ),
    procedures=(
        Procedure(
            code="1.000656",
            name="Đăng ký khai tử",
            time_limit_days=0,
            time_limit="Ngay trong ngày; tối đa 3 ngày làm việc nếu cần xác minh",
            extend_days_max=3,  # Luật Hộ tịch Điều 34 (domain notes: partly verified)
            handed_in=("Tờ khai đăng ký khai tử", "Giấy báo tử hoặc giấy tờ thay thế giấy báo tử"),
            shown=(
                "Giấy tờ tùy thân (CCCD, thẻ căn cước, căn cước điện tử hoặc hộ chiếu) của người đi khai tử",
            ),
            fee="Miễn lệ phí nếu đăng ký trong 15 ngày từ ngày chết",
            legal_source="Luật Hộ tịch 2014 Điều 33, 34; QĐ 1833/QĐ-BTP (2025); NĐ 123/2015/NĐ-CP sửa đổi bởi NĐ 07/2025/NĐ-CP",
        ),
    ),
    doubts=(
        "Ngày hiệu lực của TT 04/2024/TT-BTP chưa xác minh được (các bài viết có từ 14/06/2024).",
        "Chưa rõ dòng 'Ngày, tháng, năm sinh' của người yêu cầu có chú thích (2) hay không; ở đây coi là"
        " chỉ bắt buộc khi không có số định danh cá nhân (như tờ khai khai sinh).",
        "Ngày sinh của người chết nhận cả năm sinh hoặc tháng/năm sinh (nội dung khai tử bắt buộc theo NĐ"
        " 123/2015 Điều 4 là năm sinh); khi đó các dòng chú thích (2) trở thành bắt buộc.",
        "Giờ chết ghi là bắt buộc như trên mẫu; chưa rõ có được bỏ trống khi không biết giờ.",
        "TT 08/2025/TT-BTP và NĐ 18/2026/NĐ-CP có thể đã sửa mẫu: chưa đọc được văn bản.",
    ),
)

LoaiGiayBaoTu = choice("Giấy báo tử", "Giấy tờ thay thế Giấy báo tử")


class GiayBaoTu(Block):
    """ "Số Giấy báo tử/Giấy tờ thay thế Giấy báo tử: … do … cấp ngày … tháng … năm …" (note (4))."""

    loai: LoaiGiayBaoTu = fld(
        "Loại giấy",
        "Giấy báo tử",
        label_en="Kind",
        widget="choice",
        help=NOTE_DEATH_NOTICE,
        help_en=NOTE_DEATH_NOTICE_EN,
    )
    ten_giay_to: ShortText | None = fld(
        "Tên giấy tờ thay thế",
        None,
        label_en="Name of the substitute paper",
        show_when={"loai": "Giấy tờ thay thế Giấy báo tử"},
        required_when="khi là giấy tờ thay thế Giấy báo tử / for a substitute paper",
        examples=["Trích lục bản án tuyên bố chết"],
    )
    so: ShortText = fld("Số", label_en="Number", examples=["125/GBT"])
    noi_cap: PlaceText = fld("Do cơ quan cấp", label_en="Issued by", examples=["Bệnh viện Đa khoa Sa Đéc"])
    ngay_cap: PastDate = fld("Ngày cấp", label_en="Date of issue", widget="date")

    @model_validator(mode="after")
    def _substitute_named(self) -> GiayBaoTu:
        substitute = self.loai != "Giấy báo tử"
        if substitute and not self.ten_giay_to:
            raise_field_errors("GiayBaoTu", [(("ten_giay_to",), vn_error("missing"), None)])
        if not substitute and self.ten_giay_to:
            raise_field_errors(
                "GiayBaoTu",
                [
                    (
                        ("ten_giay_to",),
                        vn_error(
                            "vn_not_applicable",
                            condition="ghi theo giấy tờ thay thế Giấy báo tử",
                            condition_en="a substitute for the death notice is used",
                        ),
                        self.ten_giay_to,
                    )
                ],
            )
        return self


class Declaration(DeclarationBase):
    """TỜ KHAI ĐĂNG KÝ KHAI TỬ."""

    kinh_gui: KinhGui
    nguoi_yeu_cau: NguoiYeuCau = fld("Người yêu cầu", label_en="Requester")
    quan_he_voi_nguoi_da_chet: ShortText = fld(
        "Quan hệ với người đã chết",
        label_en="Relationship to the deceased",
        examples=["Con", "Vợ", "Chồng", "Cháu nội"],
    )
    nguoi_da_chet: NguoiDaChet = fld("Người đã chết", label_en="The deceased")
    ngay_chet: PastDate = fld(
        "Đã chết vào ngày",
        label_en="Date of death",
        widget="date",
        help="Ngày, tháng, năm chết theo dương lịch.",
        help_en="Solar calendar date.",
    )
    gio_chet: GioPhut = fld(
        "Giờ, phút",
        label_en="Time of death",
        widget="time",
        help="Giờ và phút, ví dụ 10:30.",
        help_en="Hours and minutes, e.g. 10:30.",
    )
    noi_chet: PastPlace = fld(
        "Nơi chết",
        label_en="Place of death",
        examples=["Bệnh viện Đa khoa Sa Đéc, phường Sa Đéc, tỉnh Đồng Tháp"],
    )
    nguyen_nhan_chet: FreeText = fld(
        "Nguyên nhân chết", label_en="Cause of death", examples=["Bệnh già", "Tai nạn giao thông"]
    )
    giay_bao_tu: GiayBaoTu | None = fld(
        "Số Giấy báo tử/Giấy tờ thay thế Giấy báo tử",
        None,
        label_en="Death notice or substitute",
        help=NOTE_DEATH_NOTICE,
        help_en=NOTE_DEATH_NOTICE_EN,
    )
    lam_tai: LamTai
    ngay_lam: NgayLam
    de_nghi_cap_ban_sao: DeNghiCapBanSao
    so_luong_ban_sao: SoLuongBanSao

    @model_validator(mode="after")
    def _dates(self) -> Declaration:
        self.check_not_after_declaration(("ngay_chet",), ("giay_bao_tu", "ngay_cap"))
        born, died = self.nguoi_da_chet.ngay_sinh, self.ngay_chet
        errors = []
        if born.is_after(died):
            errors.append(
                (
                    ("ngay_chet",),
                    vn_error("vn_death_before_birth", death=format_date(died), birth=str(born)),
                    format_date(died),
                )
            )
        notice = self.giay_bao_tu
        if notice is not None and notice.ngay_cap < died:
            errors.append(
                (
                    ("giay_bao_tu", "ngay_cap"),
                    vn_error(
                        "vn_death_notice_before_death",
                        issued=format_date(notice.ngay_cap),
                        death=format_date(died),
                    ),
                    format_date(notice.ngay_cap),
                )
            )
        errors += same_person_errors(
            self.nguoi_yeu_cau, self.nguoi_da_chet, ("nguoi_da_chet",), "người yêu cầu"
        )
        raise_field_errors("Declaration", errors)
        return self
