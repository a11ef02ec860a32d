"""Tờ khai cấp bản sao trích lục hộ tịch — still the 2020 version (Phụ lục 5, TT 04/2020/TT-BTP).

Field order and labels: domain notes §1.8 (medium confidence). TT 04/2024/TT-BTP is not known to have
replaced this form, so its 2020 rules stay: the requester's residence and identity paper are always
required (2020 notes (2), (3)); there is no personal-ID line for the requester. The earlier
registration ("Đã đăng ký tại … ngày … Số … Quyển số …") is the shared :class:`DaDangKy` block.
"""

from __future__ import annotations

from pydantic import model_validator

from formfill.schema import FormMeta, Procedure, Section, fld, raise_field_errors, vn_error
from formfill.schema.persons import (
    DaDangKy,
    KinhGui,
    LamTai,
    NgayLam,
    NguoiDuocCap2020,
    NguoiYeuCau2020,
    ViecHoTich,
)
from formfill.schema.persons import Declaration as DeclarationBase
from formfill.types import ShortText, format_date

FORM = FormMeta(
    id="trich-luc-ho-tich",
    title="Tờ khai cấp bản sao trích lục hộ tịch",
    short_title="Trích lục hộ tịch",
    title_en="Declaration for copies of a civil-status extract",
    basis="Mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP của Bộ trưởng Bộ Tư pháp (Phụ lục 5)",
    legal_basis="TT 04/2020/TT-BTP",
    version="2020.1",
    effective="16/07/2020",
    description="Xin cấp bản sao trích lục về một việc hộ tịch đã đăng ký (khai sinh, kết hôn, khai tử…).",
    description_en="Ask for copies of the extract of a registered civil-status event (birth, marriage, death…).",
    sections=(
        Section(
            "nguoi_yeu_cau",
            "Người yêu cầu",
            "Requester",
            ("kinh_gui", "nguoi_yeu_cau", "quan_he_voi_nguoi_duoc_cap_ban_sao"),
        ),
        Section(
            "viec",
            "Việc hộ tịch và người được cấp bản sao",
            "The event and the person",
            ("loai_viec", "nguoi_duoc_cap_ban_sao"),
        ),
        Section("da_dang_ky", "Nơi, ngày đã đăng ký", "Where and when it was registered", ("da_dang_ky",)),
        Section(
            "hoan_tat",
            "Số bản sao, nơi và ngày làm tờ khai",
            "Copies, place and date",
            ("so_luong_ban_sao", "lam_tai", "ngay_lam"),
        ),
    ),
    procedures=(
        Procedure(
            code="2.000635",
            name="Cấp bản sao trích lục hộ tịch",
            time_limit_days=0,
            time_limit="Ngay trong ngày",
            handed_in=("Tờ khai cấp bản sao trích lục hộ tịch (hoặc văn bản yêu cầu của cơ quan)",),
            shown=("Giấy tờ tùy thân (CCCD, thẻ căn cước, căn cước điện tử hoặc hộ chiếu)",),
            fee="8.000 đ mỗi bản sao",
            legal_source="Luật Hộ tịch 2014 Điều 64; QĐ 1833/QĐ-BTP (2025); NĐ 123/2015/NĐ-CP sửa đổi bởi NĐ 07/2025/NĐ-CP",
        ),
    ),
    doubts=(
        "Chưa rõ TT 04/2024/TT-BTP có thay mẫu này không (không có trong danh sách bài viết về mẫu 2024): giữ mẫu"
        " 2020 và quy tắc 2020 (nơi cư trú, giấy tờ tùy thân của người yêu cầu luôn bắt buộc).",
        "Các dòng Giới tính/Dân tộc/Quốc tịch, Nơi cư trú, Giấy tờ tùy thân của người được cấp bản sao chưa rõ"
        " (bản đồ đoạn 18–22): ở đây Giới tính, Dân tộc, Quốc tịch bắt buộc; Nơi cư trú, Giấy tờ tùy thân và số"
        " định danh cá nhân không bắt buộc (người được cấp có thể đã chết hoặc là trẻ em).",
        "Danh sách loại việc hộ tịch (chú thích (4)) là danh sách đóng theo Luật Hộ tịch; việc hiếm (ghi chú ly"
        " hôn, ghi vào sổ việc hộ tịch ở nước ngoài…) chưa có.",
        "Ngày hiệu lực 16/07/2020 là ngày hiệu lực của TT 04/2020/TT-BTP (theo ngày ký 28/05/2020 + 45 ngày):"
        " chưa đối chiếu văn bản.",
    ),
)


class Declaration(DeclarationBase):
    """TỜ KHAI CẤP BẢN SAO TRÍCH LỤC HỘ TỊCH (mẫu 2020)."""

    kinh_gui: KinhGui = fld(
        "Kính gửi",
        label_en="To",
        help="Tên cơ quan cấp bản sao (cơ quan đang lưu sổ hộ tịch hoặc cơ sở dữ liệu hộ tịch).",
        help_en="The body that issues the copy (holds the register).",
        examples=["Ủy ban nhân dân phường Sa Đéc, tỉnh Đồng Tháp"],
    )
    nguoi_yeu_cau: NguoiYeuCau2020 = fld("Người yêu cầu", label_en="Requester")
    quan_he_voi_nguoi_duoc_cap_ban_sao: ShortText = fld(
        "Quan hệ với người được cấp bản sao Trích lục hộ tịch",
        label_en="Relationship to the person",
        examples=["Bản thân", "Cha đẻ", "Mẹ đẻ", "Vợ", "Chồng", "Con đẻ"],
    )
    loai_viec: ViecHoTich = fld(
        "Đề nghị cấp bản sao Trích lục hộ tịch về",
        label_en="Extract of the event",
        widget="choice",
        help="Loại việc hộ tịch đã đăng ký trước đây.",
        help_en="The kind of event registered earlier.",
    )
    nguoi_duoc_cap_ban_sao: NguoiDuocCap2020 = fld("Cho người có tên dưới đây", label_en="For the person")
    da_dang_ky: DaDangKy = fld(
        "Đã đăng ký",
        label_en="Registered",
        help="Ghi tên cơ quan đã đăng ký như lúc đăng ký; ngày, số, quyển số nếu biết.",
        help_en="The registering body as named then; date, number and book if known.",
    )
    so_luong_ban_sao: int = fld(
        "Số lượng bản sao đề nghị cấp", label_en="Number of copies", ge=1, le=50, examples=[1]
    )
    lam_tai: LamTai
    ngay_lam: NgayLam

    @model_validator(mode="after")
    def _dates(self) -> Declaration:
        self.check_not_after_declaration(("da_dang_ky", "ngay_dang_ky"))
        registered, born = self.da_dang_ky.ngay_dang_ky, self.nguoi_duoc_cap_ban_sao.ngay_sinh
        if registered is not None and born.is_after(registered):
            raise_field_errors(
                "Declaration",
                [
                    (
                        ("da_dang_ky", "ngay_dang_ky"),
                        vn_error(
                            "vn_registered_before_birth", registered=format_date(registered), birth=str(born)
                        ),
                        format_date(registered),
                    )
                ],
            )
        return self
