"""CT01 — Tờ khai thay đổi thông tin cư trú, TT 53/2025/TT-BCA.

Built from the complete TT 66/2023/TT-BCA text (domain notes §2.2) with the 53/2025 changes known
from §2.3 (VNeID renamed "ứng dụng định danh quốc gia"; notes (2), (3), (4), (6) extended). The
residence forms say "Họ, chữ đệm và tên" (hộ tịch forms: "Họ, chữ đệm, tên").
"""

from __future__ import annotations

from pydantic import model_validator

from formfill.schema import Block, FormMeta, Procedure, Section, fld, mask, raise_field_errors, vn_error
from formfill.schema.persons import Declaration as DeclarationBase
from formfill.schema.persons import KinhGui, LamTai, NgayLam, Person
from formfill.types import BirthDate, Email, FreeText, Gender, PersonalId, PersonName, Phone, ShortText

NOTE_REQUEST = (
    "Ghi rõ nội dung đề nghị, ví dụ: đăng ký thường trú, đăng ký tạm trú, tách hộ, xác nhận thông tin"
    " về cư trú…; ghi chi tiết nơi đề nghị đăng ký thường trú/tạm trú hoặc nội dung cần xác nhận."
)
NOTE_REQUEST_EN = (
    "State the request, e.g. register permanent residence, temporary residence, split the household,"
    " confirm residence information…, with the full address or what is to be confirmed."
)
NOTE_CONFIRM = (
    "Chỉ ghi họ tên và số định danh cá nhân khi việc đồng ý được xác nhận qua ứng dụng định danh quốc gia."
)
NOTE_CONFIRM_EN = "Only when the consent is confirmed through the national identity app."

FORM = FormMeta(
    id="ct01",
    title="Tờ khai thay đổi thông tin cư trú",
    short_title="CT01 – cư trú",
    title_en="Residence information change declaration (CT01)",
    basis="Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA của Bộ trưởng Bộ Công an",
    legal_basis="TT 53/2025/TT-BCA (thay mẫu CT01 của TT 66/2023/TT-BCA)",
    version="2025.1",
    effective="",
    description="Đăng ký thường trú, tạm trú, tách hộ, xác nhận thông tin cư trú tại Công an xã, phường.",
    description_en="Register permanent or temporary residence, split a household, confirm residence data.",
    sections=(
        Section("nguoi_ke_khai", "Người kê khai", "Declarant", ("kinh_gui", "nguoi_ke_khai")),
        Section("chu_ho", "Chủ hộ", "Head of household", ("chu_ho",)),
        Section("noi_dung", "Nội dung đề nghị", "Request", ("noi_dung_de_nghi",)),
        Section(
            "thanh_vien",
            "Thành viên hộ gia đình cùng thay đổi",
            "Household members changing too",
            ("thanh_vien",),
        ),
        Section(
            "y_kien",
            "Ý kiến xác nhận qua ứng dụng",
            "Consent confirmed through the app",
            ("chu_so_huu", "cha_me_giam_ho"),
            help=NOTE_CONFIRM,
            help_en=NOTE_CONFIRM_EN,
        ),
        Section("hoan_tat", "Nơi, ngày kê khai", "Place and date", ("lam_tai", "ngay_lam")),
    ),
    procedures=(
        Procedure(
            code="1.004222",
            name="Đăng ký thường trú (tại Công an xã, phường, đặc khu)",
            time_limit_days=7,
            time_limit="7 ngày làm việc",
            handed_in=(
                "Tờ khai thay đổi thông tin cư trú (CT01)",
                "Giấy tờ chứng minh chỗ ở hợp pháp hoặc quan hệ gia đình, nếu chưa có trong cơ sở dữ liệu",
            ),
            shown=("Giấy chứng nhận quyền sử dụng đất, thông tin kết hôn, khai sinh được tra cứu",),
            fee="20.000 đ khi nộp trực tiếp, 10.000 đ khi nộp trực tuyến; trẻ em dưới 16 tuổi thuộc diện miễn",
            legal_source="Luật Cư trú 2020 Điều 21, 22; TT 53/2025/TT-BCA; TT 75/2022/TT-BTC",
        ),
        Procedure(
            code="1.004194",
            name="Đăng ký tạm trú (tại Công an xã, phường, đặc khu)",
            time_limit_days=3,
            time_limit="3 ngày làm việc",
            handed_in=(
                "Tờ khai thay đổi thông tin cư trú (CT01)",
                "Giấy tờ chứng minh chỗ ở hợp pháp, nếu chưa có trong cơ sở dữ liệu",
            ),
            shown=("Thông tin chỗ ở được tra cứu",),
            fee="15.000 đ khi nộp trực tiếp, 7.000 đ khi nộp trực tuyến",
            legal_source="Luật Cư trú 2020 Điều 28; TT 53/2025/TT-BCA; TT 75/2022/TT-BTC",
        ),
        Procedure(
            code="",
            name="Khai báo thay đổi thông tin cư trú (tại Công an xã, phường, đặc khu)",
            time_limit_days=3,
            time_limit="3 ngày làm việc",
            handed_in=("Tờ khai thay đổi thông tin cư trú (CT01)",),
            shown=("Giấy tờ chứng minh thông tin thay đổi, nếu chưa có trong cơ sở dữ liệu",),
            fee="Không thu phí",
            legal_source="Luật Cư trú 2020; TT 53/2025/TT-BCA (mã thủ tục chưa kiểm chứng)",
        ),
    ),
    doubts=(
        "Chưa có toàn văn mẫu CT01 của TT 53/2025/TT-BCA: bố cục theo TT 66/2023 cộng các thay đổi đã biết.",
        "Một số nguồn ghi mục 1 là 'Họ, chữ đệm và tên khai sinh' (53/2025 hoặc bản '116/2026'): chưa xác minh.",
        "Ngày hiệu lực của TT 53/2025/TT-BCA chưa xác minh.",
    ),
)

_NAME = "Họ, chữ đệm và tên"
_ID = "Số định danh cá nhân"
_REL = "Mối quan hệ với chủ hộ"


class NguoiKeKhai(Person):
    """Items 1–6: the person declaring."""

    ho_ten: PersonName = fld(
        _NAME,
        label_en="Full name",
        help="Ghi đúng như giấy khai sinh, chữ in hoa hoặc chữ thường, có dấu.",
        help_en="As on the birth certificate, with accents.",
    )
    ngay_sinh: BirthDate = fld("Ngày, tháng, năm sinh", label_en="Date of birth", widget="date")
    gioi_tinh: Gender = fld("Giới tính", label_en="Sex", widget="choice")
    so_dinh_danh_ca_nhan: PersonalId = fld(_ID, label_en="Personal ID number", widget="digits")
    so_dien_thoai: Phone | None = fld("Số điện thoại liên hệ", None, label_en="Contact phone")
    email: Email | None = fld("Email", None, label_en="Email")


class ChuHo(Block):
    """Items 7–9: the head of household and the declarant's relationship to them."""

    ho_ten: PersonName = fld(f"{_NAME} chủ hộ", label_en="Head of household's full name")
    moi_quan_he_voi_chu_ho: ShortText = fld(
        _REL, label_en="Relationship to the head of household", examples=["Chủ hộ", "Vợ", "Con", "Cháu"]
    )
    so_dinh_danh_ca_nhan: PersonalId = fld(
        f"{_ID} của chủ hộ", label_en="Head of household's personal ID", widget="digits"
    )


class ThanhVien(Person):
    """A row of item 11's table."""

    ho_ten: PersonName = fld(_NAME, label_en="Full name")
    ngay_sinh: BirthDate = fld("Ngày, tháng, năm sinh", label_en="Date of birth", widget="date")
    gioi_tinh: Gender = fld("Giới tính", label_en="Sex", widget="choice")
    so_dinh_danh_ca_nhan: PersonalId = fld(_ID, label_en="Personal ID number", widget="digits")
    moi_quan_he_voi_chu_ho: ShortText = fld(_REL, label_en="Relationship to the head of household")


class NguoiXacNhan(Block):
    """Owner or parent/guardian whose consent is confirmed through the app (note 7)."""

    ho_ten: PersonName = fld("Họ và tên", label_en="Full name")
    so_dinh_danh_ca_nhan: PersonalId = fld(_ID, label_en="Personal ID number", widget="digits")


class Declaration(DeclarationBase):
    """TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ (CT01)."""

    kinh_gui: KinhGui = fld(
        "Kính gửi",
        label_en="To",
        help="Cơ quan đăng ký cư trú: Công an xã, phường, đặc khu.",
        help_en="The residence registration office (commune/ward police).",
        examples=["Công an phường Sa Đéc, tỉnh Đồng Tháp"],
    )
    nguoi_ke_khai: NguoiKeKhai = fld("Người kê khai", label_en="Declarant")
    chu_ho: ChuHo = fld("Chủ hộ", label_en="Head of household")
    noi_dung_de_nghi: FreeText = fld(
        "Nội dung đề nghị", label_en="Request", help=NOTE_REQUEST, help_en=NOTE_REQUEST_EN, widget="textarea"
    )
    thanh_vien: list[ThanhVien] = fld(
        "Những thành viên trong hộ gia đình cùng thay đổi",
        [],
        label_en="Household members changing too",
        max_length=200,
    )
    chu_so_huu: NguoiXacNhan | None = fld("Chủ sở hữu chỗ ở hợp pháp", None, label_en="Owner of the home")
    cha_me_giam_ho: NguoiXacNhan | None = fld(
        "Cha, mẹ hoặc người giám hộ", None, label_en="Parent or guardian"
    )
    lam_tai: LamTai
    ngay_lam: NgayLam

    @model_validator(mode="after")
    def _rules(self) -> Declaration:
        self.check_not_after_declaration(("nguoi_ke_khai", "ngay_sinh"))
        seen = {self.nguoi_ke_khai.so_dinh_danh_ca_nhan: "người kê khai"}
        errors = []
        for i, member in enumerate(self.thanh_vien):
            other = seen.get(member.so_dinh_danh_ca_nhan)
            if other:
                errors.append(
                    (
                        ("thanh_vien", i, "so_dinh_danh_ca_nhan"),
                        vn_error(
                            "vn_duplicate_person", number=mask(member.so_dinh_danh_ca_nhan), other=other
                        ),
                        member.so_dinh_danh_ca_nhan,
                    )
                )
            seen.setdefault(member.so_dinh_danh_ca_nhan, f"thành viên {i + 1}")
        raise_field_errors("Declaration", errors)
        return self
