"""Tờ khai đăng ký việc thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc — 2024 series.

Field order and labels: domain notes §1.9 (full body from one transcription, 2024 pattern: requester
date of birth, note (2) lines). "Nội dung" is a list of rows {thông tin, từ, thành}: each change is a
(field, old value, new value) triple — the Trích lục the registry issues writes it that way
("… từ: … thành: …"), a roster can carry it as numbered columns, and the rules can check each row
(the new value differs; only a "bổ sung" row may lack an old value). A free-text box could do none of it.
"""

from __future__ import annotations

from pydantic import field_validator, model_validator

from formfill.schema import Block, FormMeta, Procedure, Section, fld, raise_field_errors, vn_error
from formfill.schema.persons import Declaration as DeclarationBase
from formfill.schema.persons import (
    DeNghiCapBanSao,
    KinhGui,
    LamTai,
    NgayDangKy,
    NgayLam,
    NguoiDuocDangKy,
    NguoiYeuCau,
    NoiDangKy,
    QuyenSo,
    SoDangKy,
    SoLuongBanSao,
    ViecHoTich,
    choice,
)
from formfill.types import FreeText, ShortText, format_date

THAY_DOI = "Thay đổi"
CAI_CHINH = "Cải chính"
BO_SUNG = "Bổ sung thông tin hộ tịch"
XAC_DINH_LAI_DAN_TOC = "Xác định lại dân tộc"
LoaiYeuCau = choice(THAY_DOI, CAI_CHINH, BO_SUNG, XAC_DINH_LAI_DAN_TOC)

FORM = FormMeta(
    id="thay-doi-cai-chinh-ho-tich",
    title="Tờ khai đăng ký việc thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc",
    short_title="Thay đổi, cải chính",
    title_en="Declaration to change, correct or complete civil-status data, or redetermine ethnicity",
    basis="Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP của Bộ trưởng Bộ Tư pháp",
    legal_basis="TT 04/2024/TT-BTP",
    version="2024.1",
    effective="",
    description="Thay đổi, cải chính, bổ sung thông tin hộ tịch hoặc xác định lại dân tộc của một người đã đăng ký.",
    description_en="Change, correct or complete registered civil-status data, or redetermine ethnicity.",
    sections=(
        Section(
            "nguoi_yeu_cau",
            "Người yêu cầu",
            "Requester",
            ("kinh_gui", "nguoi_yeu_cau", "quan_he_voi_nguoi_duoc_thay_doi"),
        ),
        Section(
            "yeu_cau",
            "Việc đề nghị và người được thay đổi",
            "Request and person",
            ("loai_viec", "nguoi_duoc_thay_doi"),
        ),
        Section("da_dang_ky", "Việc hộ tịch đã đăng ký", "The earlier registration", ("da_dang_ky",)),
        Section("noi_dung", "Nội dung và lý do", "What changes and why", ("noi_dung", "ly_do")),
        Section(
            "hoan_tat",
            "Nơi, ngày làm tờ khai và bản sao",
            "Place, date and copies",
            ("lam_tai", "ngay_lam", "de_nghi_cap_ban_sao", "so_luong_ban_sao"),
        ),
    ),
    procedures=(
        Procedure(
            code="1.004859",
            name="Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc",
            time_limit_days=3,
            time_limit="3 ngày làm việc (thêm tối đa 3 ngày nếu cần xác minh); bổ sung thông tin: ngay trong ngày",
            extend_days_max=3,  # Luật Hộ tịch Điều 28
            handed_in=("Tờ khai", "Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung"),
            shown=("Giấy tờ tùy thân (CCCD, thẻ căn cước, căn cước điện tử hoặc hộ chiếu)",),
            fee="Theo mức Hội đồng nhân dân tỉnh quy định",
            legal_source="Luật Hộ tịch 2014 Điều 28, 29; QĐ 1833/QĐ-BTP (2025); NĐ 123/2015/NĐ-CP sửa đổi bởi NĐ 07/2025/NĐ-CP",
        ),
    ),
    doubts=(
        "Thân mẫu chỉ có từ một bản chép (KLTN, 08/2024) mang dạng mẫu 2024 (ngày sinh người yêu cầu, chú thích (2));"
        " chưa xác minh mẫu này nằm trong Phụ lục TT 04/2024/TT-BTP.",
        "Dòng 'Đề nghị cấp bản sao' không có trong bản chép; giữ lại (không bắt buộc) vì thủ tục có thu phí cấp bản"
        " sao Trích lục khi người dân yêu cầu — chưa đối chiếu bản DOC chính thức.",
        "Nội dung chú thích (4) (loại việc), (5) (việc đã đăng ký), (6) (nội dung) chưa tìm được: loại việc cho chọn"
        " nhiều; nội dung ghi thành các dòng 'thông tin — từ — thành'.",
        "Ngày hiệu lực của TT 04/2024/TT-BTP chưa xác minh được; TT 08/2025/TT-BTP có thể đã sửa mẫu.",
    ),
)


class DaDangKyViec(Block):
    """ "Đã đăng ký (5) … tại … ngày … tháng … năm … số: … Quyển số: …"."""

    viec: ViecHoTich = fld("Đã đăng ký việc", "Khai sinh", label_en="Registered event", widget="choice")
    noi_dang_ky: NoiDangKy
    ngay_dang_ky: NgayDangKy
    so: SoDangKy
    quyen_so: QuyenSo


class NoiDungThayDoi(Block):
    """One change: which item, from what, to what."""

    thong_tin: ShortText = fld(
        "Thông tin", label_en="Item", examples=["Họ, chữ đệm, tên", "Dân tộc", "Quê quán"]
    )
    tu: FreeText | None = fld(
        "Từ",
        None,
        label_en="From",
        help="Nội dung đang ghi trong sổ hộ tịch; bỏ trống khi bổ sung thông tin còn thiếu.",
        help_en="As now registered; empty when adding missing data.",
        required_when="trừ khi bổ sung thông tin / unless adding missing data",
    )
    thanh: FreeText = fld(
        "Thành", label_en="To", help="Nội dung đề nghị ghi.", help_en="The requested value."
    )

    @model_validator(mode="after")
    def _changes_something(self) -> NoiDungThayDoi:
        if self.tu is not None and self.tu == self.thanh:  # exact: a correction may fix only a diacritic
            raise_field_errors("NoiDungThayDoi", [(("thanh",), vn_error("vn_change_same_value"), self.thanh)])
        return self


class Declaration(DeclarationBase):
    """TỜ KHAI ĐĂNG KÝ VIỆC THAY ĐỔI, CẢI CHÍNH, BỔ SUNG THÔNG TIN HỘ TỊCH, XÁC ĐỊNH LẠI DÂN TỘC."""

    kinh_gui: KinhGui
    nguoi_yeu_cau: NguoiYeuCau = fld("Người yêu cầu", label_en="Requester")
    quan_he_voi_nguoi_duoc_thay_doi: ShortText = fld(
        "Quan hệ với người được thay đổi, cải chính, xác định lại dân tộc, bổ sung thông tin hộ tịch",
        label_en="Relationship to the person concerned",
        examples=["Bản thân", "Mẹ", "Cha"],
    )
    loai_viec: list[LoaiYeuCau] = fld(  # type: ignore[valid-type]
        "Đề nghị cơ quan đăng ký việc",
        label_en="Requested",
        min_length=1,
        widget="multichoice",
        help="Chọn một hoặc nhiều việc.",
        help_en="One or more.",
        examples=[[CAI_CHINH]],
    )
    nguoi_duoc_thay_doi: NguoiDuocDangKy = fld("Cho người có tên dưới đây", label_en="For the person")
    da_dang_ky: DaDangKyViec = fld("Đã đăng ký", label_en="Registered earlier")
    noi_dung: list[NoiDungThayDoi] = fld(
        "Nội dung",
        label_en="Changes",
        min_length=1,
        max_length=20,
        help="Mỗi dòng một thông tin: từ nội dung cũ thành nội dung mới.",
        help_en="One row per item: from the old value to the new one.",
    )
    ly_do: FreeText = fld(
        "Lý do",
        label_en="Reason",
        widget="textarea",
        examples=["Giấy khai sinh ghi sai dấu tên so với giấy chứng sinh."],
    )
    lam_tai: LamTai
    ngay_lam: NgayLam
    de_nghi_cap_ban_sao: DeNghiCapBanSao
    so_luong_ban_sao: SoLuongBanSao

    @field_validator("loai_viec")
    @classmethod
    def _once_each(cls, kinds: list[str]) -> list[str]:
        return list(dict.fromkeys(kinds))

    @model_validator(mode="after")
    def _rules(self) -> Declaration:
        self.check_not_after_declaration(("da_dang_ky", "ngay_dang_ky"))
        errors = []
        registered, born = self.da_dang_ky.ngay_dang_ky, self.nguoi_duoc_thay_doi.ngay_sinh
        if registered is not None and registered < born:
            errors.append(
                (
                    ("da_dang_ky", "ngay_dang_ky"),
                    vn_error(
                        "vn_registered_before_birth",
                        registered=format_date(registered),
                        birth=format_date(born),
                    ),
                    format_date(registered),
                )
            )
        if BO_SUNG not in self.loai_viec:
            errors += [
                (("noi_dung", i, "tu"), vn_error("missing"), None)
                for i, row in enumerate(self.noi_dung)
                if row.tu is None
            ]
        raise_field_errors("Declaration", errors)
        return self
