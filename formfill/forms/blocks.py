"""Person blocks, requester blocks and envelope fields, written once and reused by every form.

A form differs from another only where the official form differs: a schema module composes
these blocks and adds what is its own. Labels are the hộ tịch wording ("Họ, chữ đệm, tên");
the residence forms (CT01) use "Họ, chữ đệm và tên" and define their own blocks.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar

from pydantic import model_validator

from formfill.forms.model import EMPTY, Block, fld, raise_field_errors
from formfill.types import (
    Address,
    BirthDate,
    Ethnicity,
    FreeText,
    Gender,
    IdentityPaper,
    Nationality,
    PartialBirthDate,
    PastDate,
    PastPlace,
    PersonalId,
    PersonName,
    ShortText,
    check_personal_id,
    format_date,
)
from formfill.types.messages import vn_error

# --- footnotes of the 2024 series (TT 04/2024/TT-BTP), paraphrased ---------------------------
NOTE_BODY = "Ghi tên cơ quan đăng ký hộ tịch, ví dụ: Ủy ban nhân dân phường Sa Đéc, tỉnh Đồng Tháp."
NOTE_BODY_EN = "The registering body, e.g. the People's Committee of Sa Đéc ward, Đồng Tháp province."
NOTE_ONLY_WITHOUT_ID = (
    "Chỉ ghi khi người đó không có hoặc không ghi số định danh cá nhân. Nơi cư trú: nơi thường trú; "
    "nếu không có thì nơi tạm trú; nếu cũng không có thì nơi đang sinh sống."
)
NOTE_ONLY_WITHOUT_ID_EN = (
    "Only when the person has or gives no personal ID number. Residence: permanent; if none, "
    "temporary; if neither, where the person currently lives."
)
NOTE_ID_PAPER = (
    "Ghi số định danh cá nhân (số Căn cước công dân / thẻ Căn cước); nếu không có thì ghi giấy tờ "
    "tùy thân hợp lệ khác (hộ chiếu, CMND…) với số, cơ quan cấp, ngày cấp."
)
NOTE_ID_PAPER_EN = (
    "The personal ID number (citizen ID / identity card); if none, another valid paper (passport, "
    "old ID card…) with its number, issuer and issue date."
)
NOTE_COPIES = "Đánh dấu nếu có yêu cầu cấp bản sao và ghi rõ số lượng."
NOTE_COPIES_EN = "Tick if copies are wanted and give how many."

ID_FIELD = "so_dinh_danh_ca_nhan"


# --- envelope fields (Annotated, so every form declares them in its own order) ---------------
KinhGui = Annotated[
    FreeText,
    fld("Kính gửi", label_en="To", help=NOTE_BODY, help_en=NOTE_BODY_EN,
        examples=["Ủy ban nhân dân phường Sa Đéc, tỉnh Đồng Tháp"]),
]
LamTai = Annotated[
    ShortText,
    fld("Làm tại", label_en="Made at", help="Nơi làm tờ khai, ví dụ: phường Sa Đéc.",
        help_en="Where the declaration is made.", examples=["phường Sa Đéc, tỉnh Đồng Tháp"]),
]
NgayLam = Annotated[PastDate, fld("Ngày làm tờ khai", label_en="Date of the declaration")]
DeNghiCapBanSao = Annotated[
    bool,
    fld("Đề nghị cấp bản sao", False, label_en="Copies requested", help=NOTE_COPIES,
        help_en=NOTE_COPIES_EN, widget="yesno"),
]
SoLuongBanSao = Annotated[
    int | None,
    fld("Số lượng bản sao", None, label_en="Number of copies", show_when={"de_nghi_cap_ban_sao": True},
        required_when="khi đề nghị cấp bản sao / when copies are requested", ge=1, le=50),
]


class Person(Block):
    """Rules every person block shares: the ID number agrees with the birth date and gender.

    A block whose role fixes the sex (the mother, the bride) sets ``implied_gender``.
    """

    implied_gender: ClassVar[str | None] = None

    @model_validator(mode="after")
    def _id_agrees(self) -> Person:
        number = getattr(self, ID_FIELD, None)
        if number:
            gender = getattr(self, "gioi_tinh", None) or self.implied_gender
            problems = check_personal_id(number, birth=getattr(self, "ngay_sinh", None), gender=gender)
            raise_field_errors(type(self).__name__, [((name,), err, number) for name, err in problems])
        return self


class IdentifiedPerson(Person):
    """A person who must be identified: by personal ID number or by an identity paper."""

    @model_validator(mode="after")
    def _identified(self) -> IdentifiedPerson:
        if getattr(self, ID_FIELD, None) in EMPTY and getattr(self, "giay_to_tuy_than", None) in EMPTY:
            raise_field_errors(type(self).__name__, [((ID_FIELD,), vn_error("vn_identity_missing"), None)])
        return self


def _id_field(label: str = "Số định danh cá nhân", **kw: Any) -> Any:
    return fld(label, None, label_en="Personal ID number", help=NOTE_ID_PAPER, help_en=NOTE_ID_PAPER_EN,
               widget="digits", **kw)


def _paper_field(label: str = "Giấy tờ tùy thân") -> Any:
    return fld(label, None, label_en="Identity paper",
               help="Chỉ cần khi không ghi số định danh cá nhân, hoặc để ghi thêm giấy tờ khác.",
               help_en="Only needed without a personal ID number, or to add another paper.")


def _residence(label: str = "Nơi cư trú", conditional: bool = True) -> Any:
    return fld(label, None, label_en="Residence", help=NOTE_ONLY_WITHOUT_ID if conditional else None,
               help_en=NOTE_ONLY_WITHOUT_ID_EN if conditional else None,
               required_without=ID_FIELD if conditional else None, widget="address")


class NguoiYeuCau(IdentifiedPerson):
    """The requester (người yêu cầu) of a hộ tịch declaration, 2024 series."""

    ho_ten: PersonName = fld("Họ, chữ đệm, tên người yêu cầu", label_en="Requester's full name")
    ngay_sinh: BirthDate | None = fld(
        "Ngày, tháng, năm sinh", None, label_en="Date of birth", required_without=ID_FIELD,
        help=NOTE_ONLY_WITHOUT_ID, help_en=NOTE_ONLY_WITHOUT_ID_EN, widget="date",
    )
    noi_cu_tru: Address | None = _residence()
    so_dinh_danh_ca_nhan: PersonalId | None = _id_field()
    giay_to_tuy_than: IdentityPaper | None = _paper_field()


class NguoiDuocKhaiSinh(Block):
    """The child (no personal ID yet): every line of the block is required."""

    ho_ten: PersonName = fld("Họ, chữ đệm, tên", label_en="Full name",
                             help="Giấy khai sinh in họ tên bằng chữ in hoa, có dấu.",
                             help_en="The birth certificate prints the name in capitals with accents.")
    ngay_sinh: BirthDate = fld("Ngày, tháng, năm sinh", label_en="Date of birth",
                               help="Ghi bằng số; tờ khai in thêm bằng chữ.",
                               help_en="In digits; the form also prints it in words.", widget="date")
    gioi_tinh: Gender = fld("Giới tính", label_en="Sex", widget="choice")
    dan_toc: Ethnicity = fld("Dân tộc", label_en="Ethnicity", widget="choice")
    quoc_tich: Nationality = fld("Quốc tịch", "Việt Nam", label_en="Nationality", widget="choice")
    noi_sinh: PastPlace = fld(
        "Nơi sinh", label_en="Place of birth",
        help="Sinh tại cơ sở y tế: tên cơ sở và địa chỉ; sinh ngoài cơ sở y tế: xã/phường, tỉnh/thành phố.",
        help_en="Born in a health facility: its name and address; elsewhere: commune and province.",
        examples=["Bệnh viện Đa khoa Sa Đéc, phường Sa Đéc, tỉnh Đồng Tháp"],
    )
    que_quan: PastPlace = fld("Quê quán", label_en="Home town",
                              examples=["xã Tân Khánh Trung, tỉnh Đồng Tháp"])


class ChaMe(Person):
    """A parent in the birth declaration: optional block, complete when given."""

    ho_ten: PersonName = fld("Họ, chữ đệm, tên", label_en="Full name")
    ngay_sinh: PartialBirthDate = fld(
        "Năm sinh", label_en="Year of birth",
        help="Ghi năm sinh; nếu biết thì ghi đầy đủ ngày, tháng, năm sinh.",
        help_en="The year of birth; the full date when known.", widget="date",
    )
    dan_toc: Ethnicity | None = fld("Dân tộc", None, label_en="Ethnicity", required_without=ID_FIELD,
                                     help=NOTE_ONLY_WITHOUT_ID, help_en=NOTE_ONLY_WITHOUT_ID_EN, widget="choice")
    quoc_tich: Nationality | None = fld("Quốc tịch", None, label_en="Nationality", required_without=ID_FIELD,
                                         help=NOTE_ONLY_WITHOUT_ID, help_en=NOTE_ONLY_WITHOUT_ID_EN,
                                         widget="choice")
    noi_cu_tru: Address | None = _residence()
    so_dinh_danh_ca_nhan: PersonalId | None = _id_field()
    giay_to_tuy_than: IdentityPaper | None = _paper_field()


class Me(ChaMe):
    """The mother: her ID number must carry a female sex digit."""

    implied_gender: ClassVar[str | None] = "Nữ"


class Cha(ChaMe):
    """The father: his ID number must carry a male sex digit."""

    implied_gender: ClassVar[str | None] = "Nam"


class GiayChungNhanKetHon(Block):
    """The parents' marriage certificate (NĐ 07/2025: the registry checks it)."""

    so: ShortText = fld("Số", label_en="Number")
    quyen_so: ShortText | None = fld("Quyển số", None, label_en="Book number")
    ngay_dang_ky: PastDate = fld("Đăng ký ngày", label_en="Registered on", widget="date")
    noi_dang_ky: PastPlace = fld("Tại", label_en="Registered at",
                                 help="Cơ quan đã đăng ký kết hôn (có thể là tên đơn vị trước năm 2025).",
                                 help_en="The body that registered the marriage (may be a pre-2025 unit).")


class Declaration(Block):
    """Base of every form's Declaration: the copy-request rule and the not-after-declaration rule."""

    @model_validator(mode="after")
    def _copy_request(self) -> Declaration:
        fields = type(self).model_fields
        if "de_nghi_cap_ban_sao" in fields and "so_luong_ban_sao" in fields:
            wanted, count = self.de_nghi_cap_ban_sao, self.so_luong_ban_sao  # type: ignore[attr-defined]
            if wanted and count is None:
                raise_field_errors("Declaration", [(("so_luong_ban_sao",), vn_error("vn_copy_count_missing"), None)])
            if not wanted and count is not None:
                raise_field_errors(
                    "Declaration", [(("so_luong_ban_sao",), vn_error("vn_copy_count_without_request"), count)]
                )
        return self

    def check_not_after_declaration(self, *paths: tuple[str, ...]) -> None:
        """Dates at ``paths`` may not be later than ``ngay_lam``."""
        declared: dt.date | None = getattr(self, "ngay_lam", None)
        if declared is None:
            return
        errors = []
        for path in paths:
            value: Any = self
            for part in path:
                value = getattr(value, part, None)
            if isinstance(value, dt.date) and value > declared:
                errors.append(
                    (path, vn_error("vn_date_after_declaration", value=format_date(value),
                                    declared=format_date(declared)), format_date(value))
                )
        raise_field_errors(type(self).__name__, errors)


__all__ = [
    "ID_FIELD",
    "Cha",
    "ChaMe",
    "DeNghiCapBanSao",
    "Declaration",
    "GiayChungNhanKetHon",
    "IdentifiedPerson",
    "KinhGui",
    "LamTai",
    "Me",
    "NgayLam",
    "NguoiDuocKhaiSinh",
    "NguoiYeuCau",
    "Person",
    "SoLuongBanSao",
]
