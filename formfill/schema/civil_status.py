"""The person blocks of the 2024 civil-status forms (khai sinh, kết hôn, khai tử, xác nhận tình
trạng hôn nhân, nhận cha mẹ con, thay đổi cải chính) and an earlier registration
("Đã đăng ký … tại … ngày … Số … Quyển số …").
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import model_validator

from formfill.base.messages import vn_error
from formfill.model.block import EMPTY, Block, fld, raise_field_errors
from formfill.schema.person_rules import (
    ID_FIELD,
    IdentifiedPerson,
    Person,
    choice,
    id_field,
    only_without_id,
    paper_field,
    residence_field,
)
from formfill.types import (
    Address,
    BirthDate,
    Ethnicity,
    Gender,
    IdentityPaper,
    Nationality,
    PartialBirthDate,
    PastDate,
    PastPlace,
    PersonalId,
    PersonName,
    ShortText,
    format_date,
)


class NguoiDuocKhaiSinh(Block):
    """The child (no personal ID yet): every line of the block is required."""

    ho_ten: PersonName = fld(
        "Họ, chữ đệm, tên",
        label_en="Full name",
        help="Giấy khai sinh in họ tên bằng chữ in hoa, có dấu.",
        help_en="The birth certificate prints the name in capitals with accents.",
    )
    ngay_sinh: BirthDate = fld(
        "Ngày, tháng, năm sinh",
        label_en="Date of birth",
        help="Ghi bằng số; tờ khai in thêm bằng chữ.",
        help_en="In digits; the form also prints it in words.",
        widget="date",
    )
    gioi_tinh: Gender = fld("Giới tính", label_en="Sex", widget="choice")
    dan_toc: Ethnicity = fld("Dân tộc", label_en="Ethnicity", widget="choice")
    quoc_tich: Nationality = fld("Quốc tịch", "Việt Nam", label_en="Nationality", widget="choice")
    noi_sinh: PastPlace = fld(
        "Nơi sinh",
        label_en="Place of birth",
        help="Sinh tại cơ sở y tế: tên cơ sở và địa chỉ; sinh ngoài cơ sở y tế: xã/phường, tỉnh/thành phố.",
        help_en="Born in a health facility: its name and address; elsewhere: commune and province.",
        examples=["Bệnh viện Đa khoa Sa Đéc, phường Sa Đéc, tỉnh Đồng Tháp"],
    )
    que_quan: PastPlace = fld(
        "Quê quán", label_en="Home town", examples=["xã Tân Khánh Trung, tỉnh Đồng Tháp"]
    )


class ChaMe(Person):
    """A parent in the birth declaration: optional block, complete when given."""

    ho_ten: PersonName = fld("Họ, chữ đệm, tên", label_en="Full name")
    ngay_sinh: PartialBirthDate = fld(
        "Năm sinh",
        label_en="Year of birth",
        help="Ghi năm sinh; nếu biết thì ghi đầy đủ ngày, tháng, năm sinh.",
        help_en="The year of birth; the full date when known.",
        widget="date",
    )
    dan_toc: Ethnicity | None = fld(
        "Dân tộc", None, label_en="Ethnicity", required_without=ID_FIELD, widget="choice"
    )
    quoc_tich: Nationality | None = fld(
        "Quốc tịch", None, label_en="Nationality", required_without=ID_FIELD, widget="choice"
    )
    noi_cu_tru: Address | None = residence_field()
    so_dinh_danh_ca_nhan: PersonalId | None = id_field()
    giay_to_tuy_than: IdentityPaper | None = paper_field()


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
    noi_dang_ky: PastPlace = fld(
        "Tại",
        label_en="Registered at",
        help="Cơ quan đã đăng ký kết hôn (có thể là tên đơn vị trước năm 2025).",
        help_en="The body that registered the marriage (may be a pre-2025 unit).",
    )


class NguoiDuocDangKy(IdentifiedPerson):
    """The person a 2024-series declaration is about (XNTTHN, thay đổi cải chính…).

    Name and date of birth always; sex, ethnicity, nationality and residence only without a
    personal ID number (note (2)); identified by the ID number or an identity paper (note (3)).
    """

    ho_ten: PersonName = fld("Họ, chữ đệm, tên", label_en="Full name")
    ngay_sinh: BirthDate = fld("Ngày, tháng, năm sinh", label_en="Date of birth", widget="date")
    gioi_tinh: Gender | None = only_without_id("Giới tính", "Sex")
    dan_toc: Ethnicity | None = only_without_id("Dân tộc", "Ethnicity")
    quoc_tich: Nationality | None = only_without_id("Quốc tịch", "Nationality")
    noi_cu_tru: Address | None = residence_field()
    so_dinh_danh_ca_nhan: PersonalId | None = id_field()
    giay_to_tuy_than: IdentityPaper | None = paper_field()


class BenKetHon(IdentifiedPerson):
    """One column (Bên nữ / Bên nam) of the marriage declaration's table, 2024 version.

    The column fixes the sex, so there is no "Giới tính" row; :class:`BenNu` / :class:`BenNam` check
    the ID number against it. Rows marked with the 2024 note (4): Dân tộc, Quốc tịch, Nơi cư trú (see the doubts).
    """

    ho_ten: PersonName = fld("Họ, chữ đệm, tên", label_en="Full name")
    ngay_sinh: BirthDate = fld("Ngày, tháng, năm sinh", label_en="Date of birth", widget="date")
    dan_toc: Ethnicity | None = only_without_id("Dân tộc", "Ethnicity")
    quoc_tich: Nationality | None = only_without_id("Quốc tịch", "Nationality")
    noi_cu_tru: Address | None = residence_field()
    so_dinh_danh_ca_nhan: PersonalId | None = id_field()
    giay_to_tuy_than: IdentityPaper | None = paper_field()
    ket_hon_lan_thu: int = fld(
        "Kết hôn lần thứ mấy",
        label_en="Which marriage (1 = first)",
        ge=1,
        le=20,
        examples=[1],
        help="Ghi bằng số: 1 nếu kết hôn lần đầu.",
        help_en="A number: 1 for a first marriage.",
    )


class BenNu(BenKetHon):
    """Column "Bên nữ": the ID number must carry a female sex digit."""

    implied_gender: ClassVar[str | None] = "Nữ"


class BenNam(BenKetHon):
    """Column "Bên nam": the ID number must carry a male sex digit."""

    implied_gender: ClassVar[str | None] = "Nam"


NOTE_DEATH_ONLY_WITHOUT_ID = (
    "Chỉ ghi khi người chết không có hoặc không ghi số định danh cá nhân, hoặc không ghi đủ ngày, tháng, "
    "năm sinh. Nơi cư trú cuối cùng: nơi thường trú; nếu không có thì nơi tạm trú; nếu cũng không có thì "
    "nơi đang sinh sống trước khi chết."
)
NOTE_DEATH_ONLY_WITHOUT_ID_EN = (
    "Only when the deceased has or gives no personal ID number, or the full date of birth is not known. "
    "Last residence: permanent; if none, temporary; if neither, where the person lived."
)
_DEATH_CONDITION = "khi không có `so_dinh_danh_ca_nhan` hoặc ngày sinh không đầy đủ"


def _death_conditional(label: str, label_en: str, widget: str | None = "choice") -> Any:
    return fld(
        label,
        None,
        label_en=label_en,
        required_without=ID_FIELD,
        required_when=_DEATH_CONDITION,
        help=NOTE_DEATH_ONLY_WITHOUT_ID,
        help_en=NOTE_DEATH_ONLY_WITHOUT_ID_EN,
        widget=widget,
    )


class NguoiDaChet(Person):
    """The deceased in the death declaration (2024): the ID number only if the person had one.

    The 2024 note (2) of this form adds a second trigger: the conditional lines are also required when
    the full date of birth is not given (only the year, or month and year, known).
    """

    ho_ten: PersonName = fld("Họ, chữ đệm, tên", label_en="Full name")
    ngay_sinh: PartialBirthDate = fld(
        "Ngày, tháng, năm sinh",
        label_en="Date of birth",
        widget="date",
        help="Ghi đủ ngày, tháng, năm nếu biết; nếu chỉ biết năm sinh thì ghi năm.",
        help_en="The full date when known; otherwise the year.",
    )
    gioi_tinh: Gender | None = _death_conditional("Giới tính", "Sex")
    dan_toc: Ethnicity | None = _death_conditional("Dân tộc", "Ethnicity")
    quoc_tich: Nationality | None = _death_conditional("Quốc tịch", "Nationality")
    noi_cu_tru_cuoi_cung: Address | None = _death_conditional(
        "Nơi cư trú cuối cùng", "Last residence", widget="address"
    )
    so_dinh_danh_ca_nhan: PersonalId | None = id_field()
    giay_to_tuy_than: IdentityPaper | None = fld(
        "Giấy tờ tùy thân",
        None,
        label_en="Identity paper",
        help="Nếu người chết có giấy tờ tùy thân (hộ chiếu, CMND…).",
        help_en="If the deceased had one.",
    )

    @model_validator(mode="after")
    def _partial_birth_date(self) -> NguoiDaChet:
        if getattr(self, ID_FIELD) in EMPTY or self.ngay_sinh.is_complete:
            return self  # without an ID number the base rule already asked for these lines
        missing = [
            ((name,), vn_error("missing_without_id", other="ngày, tháng, năm sinh đầy đủ"), None)
            for name in ("gioi_tinh", "dan_toc", "quoc_tich", "noi_cu_tru_cuoi_cung")
            if getattr(self, name) in EMPTY
        ]
        raise_field_errors(type(self).__name__, missing)
        return self


class GiayKhaiSinh(Block):
    """A birth certificate, as a child's identifying paper ("Giấy khai sinh số 01/2014, quyển số 02…")."""

    so: ShortText = fld("Số", label_en="Number", examples=["01/2014"])
    quyen_so: ShortText | None = fld("Quyển số", None, label_en="Book number", examples=["02"])
    noi_cap: PastPlace = fld(
        "Do cơ quan cấp",
        label_en="Issued by",
        help="Có thể là tên đơn vị trước năm 2025.",
        help_en="May be a pre-2025 unit.",
        examples=["Ủy ban nhân dân xã Mỹ An Hưng B, huyện Lấp Vò, tỉnh Đồng Tháp"],
    )
    ngay_cap: PastDate = fld("Ngày cấp", label_en="Date of issue", widget="date")

    def as_text(self) -> str:
        """ "Giấy khai sinh số 01/2014, quyển số 02 do … cấp ngày 12/03/2014"."""
        book = f", quyển số {self.quyen_so}" if self.quyen_so else ""
        return f"Giấy khai sinh số {self.so}{book} do {self.noi_cap} cấp ngày {format_date(self.ngay_cap)}"


class NguoiChaMeCon(NguoiDuocDangKy):
    """A party of "nhận cha, mẹ, con": the line is "Giấy khai sinh/Giấy tờ tùy thân" (a child may
    only have a birth certificate), so the person is identified by ID number, paper or certificate."""

    giay_khai_sinh: GiayKhaiSinh | None = fld(
        "Giấy khai sinh",
        None,
        label_en="Birth certificate",
        help="Với người con chưa có giấy tờ tùy thân: số, quyển số, cơ quan cấp, ngày cấp Giấy khai sinh.",
        help_en="For a child without an identity paper: the birth certificate's number, book, issuer, date.",
    )

    @model_validator(mode="after")
    def _identified(self) -> NguoiChaMeCon:  # replaces IdentifiedPerson's rule
        if all(getattr(self, k) in EMPTY for k in (ID_FIELD, "giay_to_tuy_than", "giay_khai_sinh")):
            raise_field_errors(
                type(self).__name__,
                [((ID_FIELD,), vn_error("vn_identity_or_birth_certificate_missing"), None)],
            )
        return self


# --- an earlier registration ("Đã đăng ký … tại … ngày … Số … Quyển số …") --------------------
VIEC_HO_TICH = (
    "Khai sinh",
    "Kết hôn",
    "Khai tử",
    "Nhận cha, mẹ, con",
    "Giám hộ",
    "Nuôi con nuôi",
    "Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc",
)
ViecHoTich = choice(*VIEC_HO_TICH)

NoiDangKy = Annotated[
    PastPlace,
    fld(
        "Đã đăng ký tại",
        label_en="Registered at",
        help="Tên cơ quan đã đăng ký, như lúc đăng ký (có thể là đơn vị trước năm 2025), ví dụ: Ủy ban nhân dân"
        " phường 1, thành phố Sa Đéc, tỉnh Đồng Tháp.",
        help_en="The body that registered it, as named then (may be a pre-2025 unit).",
        examples=["Ủy ban nhân dân phường 1, thành phố Sa Đéc, tỉnh Đồng Tháp"],
    ),
]
NgayDangKy = Annotated[PastDate | None, fld("Ngày đăng ký", None, label_en="Registered on", widget="date")]
SoDangKy = Annotated[ShortText | None, fld("Số", None, label_en="Number", examples=["125"])]
QuyenSo = Annotated[ShortText | None, fld("Quyển số", None, label_en="Book number", examples=["01/2012"])]


class DaDangKy(Block):
    """Where, when and under which number an event was registered."""

    noi_dang_ky: NoiDangKy
    ngay_dang_ky: NgayDangKy
    so: SoDangKy
    quyen_so: QuyenSo
