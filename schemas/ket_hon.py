"""Tờ khai đăng ký kết hôn — TT 04/2024/TT-BTP (replaces Phụ lục 5 of TT 04/2020/TT-BTP).

Field order and labels: domain notes §1.4 — a three-column table "Thông tin | Bên nữ | Bên nam"
(the woman's column first), one block per column. The photo boxes (notes (1), (2), marriages with a
foreign element) and the two signatures store nothing. Rows carrying the 2024 note (4) — required
only without a personal ID number — are Dân tộc, Quốc tịch and Nơi cư trú (a recorded doubt).
"""

from __future__ import annotations

from pydantic import model_validator

from formfill.schema import FormMeta, Procedure, Section, fld, raise_field_errors, vn_error
from formfill.schema.persons import (
    BenNam,
    BenNu,
    DeNghiCapBanSao,
    KinhGui,
    LamTai,
    NgayLam,
    SoLuongBanSao,
    full_years,
    same_person_errors,
)
from formfill.schema.persons import Declaration as DeclarationBase
from formfill.types import format_date

# Luật Hôn nhân và gia đình 2014, Điều 8 khoản 1 điểm a: nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi.
MIN_AGE_WOMAN = 18
MIN_AGE_MAN = 20

COMMITMENT = (
    "Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện,"
    " không vi phạm quy định của Luật Hôn nhân và gia đình Việt Nam. Chúng tôi chịu hoàn toàn trách nhiệm"
    " trước pháp luật về cam đoan của mình. Đề nghị Quý cơ quan đăng ký."
)

FORM = FormMeta(
    id="ket-hon",
    title="Tờ khai đăng ký kết hôn",
    short_title="Kết hôn",
    title_en="Marriage registration declaration",
    basis="Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP của Bộ trưởng Bộ Tư pháp",
    legal_basis="TT 04/2024/TT-BTP",
    version="2024.1",
    effective="",
    description="Đăng ký kết hôn tại Ủy ban nhân dân xã, phường, đặc khu; hai bên cùng khai trên một tờ khai.",
    description_en="Register a marriage at the commune/ward People's Committee; both parties on one form.",
    sections=(
        Section("kinh_gui", "Cơ quan đăng ký", "Registering body", ("kinh_gui",)),
        Section(
            "ben_nu",
            "Bên nữ",
            "The woman",
            ("ben_nu",),
            help="Nữ phải từ đủ 18 tuổi vào ngày làm tờ khai.",
            help_en="The woman must be at least 18 on the date of the declaration.",
        ),
        Section(
            "ben_nam",
            "Bên nam",
            "The man",
            ("ben_nam",),
            help="Nam phải từ đủ 20 tuổi vào ngày làm tờ khai.",
            help_en="The man must be at least 20 on the date of the declaration.",
        ),
        Section(
            "hoan_tat",
            "Bản sao, nơi và ngày làm tờ khai",
            "Copies, place and date",
            ("de_nghi_cap_ban_sao", "so_luong_ban_sao", "lam_tai", "ngay_lam"),
            help=COMMITMENT,
        ),
    ),
    procedures=(
        Procedure(
            code="1.000894",
            name="Đăng ký kết hôn",
            time_limit_days=0,
            time_limit="Ngay trong ngày; tối đa 5 ngày làm việc nếu cần xác minh",
            extend_days_max=5,  # Luật Hộ tịch Điều 18
            handed_in=("Tờ khai đăng ký kết hôn (một tờ, cả hai bên cùng ký)", "Cả hai bên có mặt"),
            shown=(
                "Giấy tờ tùy thân (CCCD, thẻ căn cước, căn cước điện tử hoặc hộ chiếu) của cả hai bên",
                "Tình trạng hôn nhân được tra cứu trong cơ sở dữ liệu (không cần Giấy xác nhận tình trạng hôn nhân)",
            ),
            fee="Miễn lệ phí cho công dân Việt Nam cư trú trong nước",
            legal_source="Luật Hộ tịch 2014 Điều 11, 18; QĐ 1833/QĐ-BTP (2025); NĐ 123/2015/NĐ-CP sửa đổi bởi NĐ 07/2025/NĐ-CP",
        ),
    ),
    doubts=(
        "Ngày hiệu lực của TT 04/2024/TT-BTP chưa xác minh được (các bài viết có từ 14/06/2024).",
        "Chưa rõ những dòng nào mang chú thích (4) của mẫu 2024 ('chỉ ghi khi không có số định danh cá nhân'):"
        " ở đây coi Dân tộc, Quốc tịch, Nơi cư trú là có điều kiện; Họ tên, Ngày sinh, Giấy tờ tùy thân,"
        " Kết hôn lần thứ mấy luôn bắt buộc.",
        "Chưa rõ mẫu 2024 có thêm dòng 'Số định danh cá nhân' riêng hay không: ở đây số định danh là một"
        " trường riêng của mỗi bên (dòng Giấy tờ tùy thân in số này).",
        "Thứ tự dòng 'Đề nghị cấp bản sao' trước 'Làm tại' theo mẫu 2020 (mẫu phần mềm LIFESOFT); chưa đối"
        " chiếu với bản DOC chính thức 2024.",
        "TT 08/2025/TT-BTP và NĐ 18/2026/NĐ-CP có thể đã sửa mẫu: chưa đọc được văn bản.",
    ),
)


class Declaration(DeclarationBase):
    """TỜ KHAI ĐĂNG KÝ KẾT HÔN."""

    kinh_gui: KinhGui
    ben_nu: BenNu = fld("Bên nữ", label_en="The woman")
    ben_nam: BenNam = fld("Bên nam", label_en="The man")
    de_nghi_cap_ban_sao: DeNghiCapBanSao
    so_luong_ban_sao: SoLuongBanSao
    lam_tai: LamTai
    ngay_lam: NgayLam

    @model_validator(mode="after")
    def _rules(self) -> Declaration:
        self.check_not_after_declaration(("ben_nu", "ngay_sinh"), ("ben_nam", "ngay_sinh"))
        errors = []
        for key, side, side_en, minimum in (
            ("ben_nu", "bên nữ", "woman", MIN_AGE_WOMAN),
            ("ben_nam", "bên nam", "man", MIN_AGE_MAN),
        ):
            born = getattr(self, key).ngay_sinh
            age = full_years(born, self.ngay_lam)
            if age < minimum:
                errors.append(
                    (
                        (key, "ngay_sinh"),
                        vn_error(
                            "vn_marriage_age",
                            side=side,
                            side_en=side_en,
                            min_age=minimum,
                            age=age,
                            declared=format_date(self.ngay_lam),
                        ),
                        format_date(born),
                    )
                )
        errors += same_person_errors(self.ben_nu, self.ben_nam, ("ben_nam",), "bên nữ")
        raise_field_errors("Declaration", errors)
        return self
