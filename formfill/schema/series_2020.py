"""The 2020 series (TT 04/2020/TT-BTP), for the forms the 2024 series did not replace: requester,
identity paper and subject blocks.
"""

from __future__ import annotations

from formfill.model.block import Block, fld
from formfill.schema.person_rules import Person
from formfill.types import (
    Address,
    Ethnicity,
    Gender,
    IdentityPaper,
    Nationality,
    PartialBirthDate,
    PastDate,
    PersonalId,
    PersonName,
)
from formfill.types.text_types import PlaceText

# --- the 2020 series (TT 04/2020/TT-BTP), for forms 04/2024 did not replace --------------------
NOTE_RESIDENCE_2020 = "Ghi nơi đăng ký thường trú; nếu không có thì nơi đăng ký tạm trú; nếu cũng không có thì nơi đang sinh sống."
NOTE_RESIDENCE_2020_EN = (
    "Permanent residence; if none, temporary residence; if neither, where the person lives."
)
NOTE_ID_PAPER_2020 = (
    "Ghi rõ loại, số, cơ quan cấp, ngày cấp hộ chiếu, chứng minh nhân dân, thẻ căn cước công dân hoặc giấy tờ"
    " hợp lệ thay thế, ví dụ: Căn cước công dân số 087188001010 do Cục Cảnh sát QLHC về TTXH cấp ngày 20/11/2021."
)
NOTE_ID_PAPER_2020_EN = "Kind, number, issuer and issue date of the passport, ID card or a valid substitute."


class GiayToTuyThan2020(IdentityPaper):
    """The 2020 note (3): an identity paper with its number, issuer and issue date (all required)."""

    ngay_cap: PastDate = fld("Ngày cấp", label_en="Date of issue", widget="date")
    noi_cap: PlaceText = fld("Nơi cấp", label_en="Issued by", examples=["Cục Cảnh sát QLHC về TTXH"])


class NguoiYeuCau2020(Block):
    """The requester on a 2020-series form: no date-of-birth or ID-number line; residence and
    identity paper always required (2020 notes (2) and (3))."""

    ho_ten: PersonName = fld("Họ, chữ đệm, tên người yêu cầu", label_en="Requester's full name")
    noi_cu_tru: Address = fld(
        "Nơi cư trú",
        label_en="Residence",
        help=NOTE_RESIDENCE_2020,
        help_en=NOTE_RESIDENCE_2020_EN,
        widget="address",
    )
    giay_to_tuy_than: GiayToTuyThan2020 = fld(
        "Giấy tờ tùy thân", label_en="Identity paper", help=NOTE_ID_PAPER_2020, help_en=NOTE_ID_PAPER_2020_EN
    )


class NguoiDuocCap2020(Person):
    """The subject of a 2020-series request about an earlier registration (bản sao trích lục): every
    line of the 2020 form is required except residence and identity paper, which a deceased person or
    a child may not have; the ID number only helps the registry find the record."""

    ho_ten: PersonName = fld("Họ, chữ đệm, tên", label_en="Full name")
    ngay_sinh: PartialBirthDate = fld(
        "Ngày, tháng, năm sinh",
        label_en="Date of birth",
        widget="date",
        help="Ghi đủ ngày, tháng, năm nếu biết.",
        help_en="The full date when known.",
    )
    gioi_tinh: Gender = fld("Giới tính", label_en="Sex", widget="choice")
    dan_toc: Ethnicity = fld("Dân tộc", label_en="Ethnicity", widget="choice")
    quoc_tich: Nationality = fld("Quốc tịch", "Việt Nam", label_en="Nationality", widget="choice")
    noi_cu_tru: Address | None = fld(
        "Nơi cư trú",
        None,
        label_en="Residence",
        help=NOTE_RESIDENCE_2020,
        help_en=NOTE_RESIDENCE_2020_EN,
        widget="address",
    )
    so_dinh_danh_ca_nhan: PersonalId | None = fld(
        "Số định danh cá nhân",
        None,
        label_en="Personal ID number",
        widget="digits",
        help="Nếu có: giúp cơ quan đăng ký tìm đúng hồ sơ.",
        help_en="If any: helps the registry find the record.",
    )
    giay_to_tuy_than: IdentityPaper | None = fld(
        "Giấy tờ tùy thân",
        None,
        label_en="Identity paper",
        help=NOTE_ID_PAPER_2020,
        help_en=NOTE_ID_PAPER_2020_EN,
    )
