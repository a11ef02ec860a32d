"""Tờ khai đăng ký nhận cha, mẹ, con — TT 04/2024/TT-BTP (replaces Phụ lục 5 of TT 04/2020/TT-BTP).

Field order and labels: domain notes §1.7. The form reads "Đề nghị cơ quan công nhận người có tên
dưới đây: [nguoi_duoc_nhan] Là [la] của người có tên dưới đây: [nguoi_nhan]", and the word ``la``
("cha", "mẹ", "con") also fills the commitment "Tôi cam đoan việc nhận … nói trên …"
(:meth:`Declaration.cam_doan`). Both parties' lines "Giấy khai sinh/Giấy tờ tùy thân" accept a
birth certificate (a child may have nothing else).
"""

from __future__ import annotations

from pydantic import model_validator

from formfill.schema import FormMeta, Procedure, Section, fld, raise_field_errors, vn_error
from formfill.schema.persons import Declaration as DeclarationBase
from formfill.schema.persons import (
    DeNghiCapBanSao,
    KinhGui,
    LamTai,
    NgayLam,
    NguoiChaMeCon,
    NguoiYeuCau,
    SoLuongBanSao,
    choice,
    same_person_errors,
)
from formfill.types import ShortText, format_date, personal_id_info

QuanHeNhan = choice("cha", "mẹ", "con")
_WORD_EN = {"cha": "father", "mẹ": "mother", "con": "parent"}
_WORD_SEX = {"cha": "Nam", "mẹ": "Nữ"}

COMMITMENT = (
    "Tôi cam đoan việc nhận {la} nói trên là đúng sự thật, tự nguyện, không có tranh chấp và chịu trách nhiệm"
    " trước pháp luật về cam đoan của mình."
)

FORM = FormMeta(
    id="nhan-cha-me-con",
    title="Tờ khai đăng ký nhận cha, mẹ, con",
    short_title="Nhận cha, mẹ, con",
    title_en="Declaration to register the recognition of a father, mother or child",
    basis="Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP của Bộ trưởng Bộ Tư pháp",
    legal_basis="TT 04/2024/TT-BTP",
    version="2024.1",
    effective="",
    description="Đăng ký nhận cha, mẹ, con tại Ủy ban nhân dân xã, phường, đặc khu (không được ủy quyền).",
    description_en="Register that a father, mother or child is recognised (cannot be delegated).",
    sections=(
        Section(
            "nguoi_yeu_cau",
            "Người yêu cầu",
            "Requester",
            ("kinh_gui", "nguoi_yeu_cau", "quan_he_voi_nguoi_nhan"),
        ),
        Section(
            "nguoi_duoc_nhan",
            "Người được công nhận",
            "The person recognised",
            ("nguoi_duoc_nhan", "la"),
            help="Người được công nhận là cha, mẹ hoặc con của người ở phần sau.",
            help_en="The person recognised as the father, mother or child of the next person.",
        ),
        Section("nguoi_nhan", "Người nhận cha, mẹ, con", "The person recognising", ("nguoi_nhan",)),
        Section(
            "hoan_tat",
            "Nơi, ngày làm tờ khai và bản sao",
            "Place, date and copies",
            ("lam_tai", "ngay_lam", "de_nghi_cap_ban_sao", "so_luong_ban_sao"),
        ),
    ),
    procedures=(
        Procedure(
            code="1.001022",
            name="Đăng ký nhận cha, mẹ, con",
            time_limit_days=3,
            time_limit="3 ngày làm việc; thêm tối đa 5 ngày nếu cần xác minh",
            extend_days_max=5,  # Luật Hộ tịch Điều 25
            handed_in=(
                "Tờ khai đăng ký nhận cha, mẹ, con",
                "Chứng cứ chứng minh quan hệ cha, mẹ, con",
                "Các bên có mặt",
            ),
            shown=("Giấy tờ tùy thân (CCCD, thẻ căn cước, căn cước điện tử hoặc hộ chiếu) của các bên",),
            fee="Theo mức Hội đồng nhân dân tỉnh quy định",
            legal_source="Luật Hộ tịch 2014 Điều 25; QĐ 1833/QĐ-BTP (2025); NĐ 123/2015/NĐ-CP sửa đổi bởi NĐ 07/2025/NĐ-CP",
        ),
    ),
    doubts=(
        "Dòng 'Đề nghị cấp bản sao' không có trong bản chép KLTN (08/2024); giữ lại vì các mẫu 2020/2024 cùng loạt"
        " (khai sinh, kết hôn, khai tử) đều có — chưa đối chiếu bản DOC chính thức.",
        "Nội dung chú thích (4) ở dòng 'Quan hệ với người nhận cha/mẹ/con' chưa tìm được.",
        "Chưa có căn cứ pháp lý về khoảng cách tuổi tối thiểu giữa cha/mẹ và con khi nhận cha, mẹ, con (20 tuổi là"
        " điều kiện nuôi con nuôi, không áp dụng ở đây): chỉ kiểm tra cha/mẹ sinh trước con.",
        "Giới tính, Dân tộc, Quốc tịch, Nơi cư trú của hai bên mang chú thích (2) theo bản chép 2024; Ngày sinh của"
        " người yêu cầu coi là có điều kiện như tờ khai khai sinh.",
        "Ngày hiệu lực của TT 04/2024/TT-BTP chưa xác minh được; TT 08/2025/TT-BTP có thể đã sửa mẫu.",
    ),
)


def _sex(person: NguoiChaMeCon) -> str | None:
    """The person's sex as the form states it, or as the ID number's sex digit says."""
    if person.gioi_tinh:
        return person.gioi_tinh
    if person.so_dinh_danh_ca_nhan:
        return personal_id_info(person.so_dinh_danh_ca_nhan).sex
    return None


class Declaration(DeclarationBase):
    """TỜ KHAI ĐĂNG KÝ NHẬN CHA, MẸ, CON."""

    kinh_gui: KinhGui
    nguoi_yeu_cau: NguoiYeuCau = fld("Người yêu cầu", label_en="Requester")
    quan_he_voi_nguoi_nhan: ShortText = fld(
        "Quan hệ với người nhận cha/mẹ/con",
        label_en="Relationship to the person recognising",
        help="Thường là “Bản thân” (việc nhận cha, mẹ, con không được ủy quyền).",
        help_en="Usually “Bản thân” (self): this cannot be delegated.",
        examples=["Bản thân"],
    )
    nguoi_duoc_nhan: NguoiChaMeCon = fld("Người được công nhận", label_en="The person recognised")
    la: QuanHeNhan = fld(
        "Là",
        label_en="Is the",
        widget="choice",
        help="“cha”, “mẹ” hoặc “con” của người có tên dưới đây.",
        help_en="“cha” (father), “mẹ” (mother) or “con” (child) of the person below.",
    )
    nguoi_nhan: NguoiChaMeCon = fld("Của người có tên dưới đây", label_en="Of the person below")
    lam_tai: LamTai
    ngay_lam: NgayLam
    de_nghi_cap_ban_sao: DeNghiCapBanSao
    so_luong_ban_sao: SoLuongBanSao

    def cam_doan(self) -> str:
        """The commitment with the relationship word filled in ("Tôi cam đoan việc nhận con nói trên …")."""
        return COMMITMENT.format(la=self.la)

    @model_validator(mode="after")
    def _rules(self) -> Declaration:
        self.check_not_after_declaration(("nguoi_duoc_nhan", "ngay_sinh"), ("nguoi_nhan", "ngay_sinh"))
        parent_key, child_key = (
            ("nguoi_nhan", "nguoi_duoc_nhan") if self.la == "con" else ("nguoi_duoc_nhan", "nguoi_nhan")
        )
        parent, child = getattr(self, parent_key), getattr(self, child_key)
        errors = []
        if parent.ngay_sinh >= child.ngay_sinh:
            word = "cha, mẹ" if self.la == "con" else self.la
            errors.append(
                (
                    (parent_key, "ngay_sinh"),
                    vn_error(
                        "vn_parent_not_older",
                        word=word,
                        word_en=_WORD_EN[self.la],
                        parent=format_date(parent.ngay_sinh),
                        child=format_date(child.ngay_sinh),
                    ),
                    format_date(parent.ngay_sinh),
                )
            )
        expected = _WORD_SEX.get(self.la)
        sex = _sex(self.nguoi_duoc_nhan)
        if expected and sex and sex != expected:
            errors.append((("la",), vn_error("vn_relation_word_sex", word=self.la, sex=sex), self.la))
        errors += same_person_errors(
            self.nguoi_duoc_nhan, self.nguoi_nhan, ("nguoi_nhan",), "người được công nhận"
        )
        raise_field_errors("Declaration", errors)
        return self
