"""Tờ khai đăng ký khai sinh — TT 04/2024/TT-BTP (replaces Phụ lục 5 of TT 04/2020/TT-BTP).

Field order, labels and footnotes: domain notes §1.3 (2024 version). Footnote (2) fields — the
requester's and the parents' residence, the parents' ethnicity and nationality — are required only
when that person gives no personal ID number.
"""

from __future__ import annotations

import datetime as dt

from pydantic import model_validator

from formfill.schema import FormMeta, Procedure, Section, fld, raise_field_errors, vn_error
from formfill.schema.persons import (
    Cha,
    DeNghiCapBanSao,
    GiayChungNhanKetHon,
    KinhGui,
    LamTai,
    Me,
    NgayLam,
    NguoiDuocKhaiSinh,
    NguoiYeuCau,
    SoLuongBanSao,
)
from formfill.schema.persons import Declaration as DeclarationBase
from formfill.types import ShortText

FORM = FormMeta(
    id="khai-sinh",
    title="Tờ khai đăng ký khai sinh",
    short_title="Khai sinh",
    title_en="Birth registration declaration",
    basis="Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP của Bộ trưởng Bộ Tư pháp",
    legal_basis="TT 04/2024/TT-BTP",
    version="2024.1",
    effective="",
    description="Đăng ký khai sinh cho trẻ em tại Ủy ban nhân dân xã, phường, đặc khu.",
    description_en="Register a child's birth at the commune/ward People's Committee.",
    sections=(
        Section(
            "nguoi_yeu_cau",
            "Người yêu cầu",
            "Requester",
            ("kinh_gui", "nguoi_yeu_cau", "quan_he_voi_nguoi_duoc_khai_sinh"),
        ),
        Section("nguoi_duoc_khai_sinh", "Người được khai sinh", "The child", ("nguoi_duoc_khai_sinh",)),
        Section(
            "me",
            "Thông tin người mẹ",
            "Mother",
            ("me",),
            help="Bỏ trống nếu chưa xác định được mẹ.",
            help_en="Leave empty if the mother is not known.",
        ),
        Section(
            "cha",
            "Thông tin người cha",
            "Father",
            ("cha",),
            help="Bỏ trống nếu chưa xác định được cha.",
            help_en="Leave empty if the father is not known.",
        ),
        Section(
            "ket_hon",
            "Giấy chứng nhận kết hôn của cha, mẹ",
            "Parents' marriage certificate",
            ("giay_chung_nhan_ket_hon",),
            help="Chỉ ghi nếu cha, mẹ trẻ đã đăng ký kết hôn.",
            help_en="Only if the parents have registered their marriage.",
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
            code="1.001193",
            name="Đăng ký khai sinh",
            time_limit_days=0,
            time_limit="Trong ngày làm việc (nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo)",
            late_after=dt.time(15, 0),
            handed_in=(
                "Tờ khai đăng ký khai sinh",
                "Giấy chứng sinh (hoặc văn bản của người làm chứng, giấy cam đoan về việc sinh; biên bản xác nhận việc trẻ bị bỏ rơi)",
                "Văn bản ủy quyền, nếu nhờ người khác đi nộp",
            ),
            shown=(
                "Giấy tờ tùy thân (CCCD, thẻ căn cước, căn cước điện tử hoặc hộ chiếu)",
                "Giấy chứng sinh điện tử đã ký số thì không cần bản giấy",
                "Không phải nộp giấy chứng nhận kết hôn của cha mẹ",
            ),
            fee="Miễn lệ phí nếu đăng ký trong 60 ngày từ ngày sinh; bản sao giấy khai sinh 8.000 đ/bản",
            legal_source="Luật Hộ tịch 2014 Điều 16; QĐ 1833/QĐ-BTP (2025); NĐ 123/2015/NĐ-CP sửa đổi bởi NĐ 07/2025/NĐ-CP; CV 481/BTP-HTQTCT",
        ),
    ),
    doubts=(
        "Ngày hiệu lực của TT 04/2024/TT-BTP chưa xác minh được (các bài viết có từ 14/06/2024).",
        "Chưa rõ dòng 'Ngày, tháng, năm sinh' của người yêu cầu có chú thích (2) hay không; ở đây coi là"
        " chỉ bắt buộc khi không có số định danh cá nhân.",
        "TT 08/2025/TT-BTP và NĐ 18/2026/NĐ-CP có thể đã sửa mẫu: chưa đọc được văn bản.",
    ),
)


class Declaration(DeclarationBase):
    """TỜ KHAI ĐĂNG KÝ KHAI SINH."""

    kinh_gui: KinhGui
    nguoi_yeu_cau: NguoiYeuCau = fld("Người yêu cầu", label_en="Requester")
    quan_he_voi_nguoi_duoc_khai_sinh: ShortText = fld(
        "Quan hệ với người được khai sinh",
        label_en="Relationship to the child",
        examples=["Mẹ", "Cha", "Ông nội", "Bà ngoại"],
    )
    nguoi_duoc_khai_sinh: NguoiDuocKhaiSinh = fld("Người được khai sinh", label_en="The child")
    me: Me | None = fld("Người mẹ", None, label_en="Mother")
    cha: Cha | None = fld("Người cha", None, label_en="Father")
    giay_chung_nhan_ket_hon: GiayChungNhanKetHon | None = fld(
        "Thông tin về Giấy chứng nhận kết hôn của cha, mẹ trẻ",
        None,
        label_en="Parents' marriage certificate",
        help="Nếu cha, mẹ trẻ đã đăng ký kết hôn.",
        help_en="If the parents registered their marriage.",
    )
    lam_tai: LamTai
    ngay_lam: NgayLam
    de_nghi_cap_ban_sao: DeNghiCapBanSao
    so_luong_ban_sao: SoLuongBanSao

    @model_validator(mode="after")
    def _dates(self) -> Declaration:
        self.check_not_after_declaration(("nguoi_duoc_khai_sinh", "ngay_sinh"))
        born = self.nguoi_duoc_khai_sinh.ngay_sinh
        errors = []
        for key, parent, parent_en in (("me", "mẹ", "mother"), ("cha", "cha", "father")):
            block = getattr(self, key)
            if block is not None and block.ngay_sinh.year + 10 > born.year:
                errors.append(
                    (
                        (key, "ngay_sinh"),
                        vn_error(
                            "vn_parent_too_young",
                            parent=parent,
                            parent_en=parent_en,
                            year=block.ngay_sinh.year,
                        ),
                        str(block.ngay_sinh),
                    )
                )
        raise_field_errors("Declaration", errors)
        return self
