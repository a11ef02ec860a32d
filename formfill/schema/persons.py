"""Person blocks, requester blocks and envelope fields, written once and reused by every form.

A form differs from another only where the official form differs: a schema module composes
these blocks and adds what is its own. Labels are the hộ tịch wording ("Họ, chữ đệm, tên");
the residence forms (CT01) use "Họ, chữ đệm và tên" and define their own blocks.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar

from pydantic import PlainValidator, WithJsonSchema, model_validator

from formfill.base.messages import vn_error
from formfill.base.text import clean, fold
from formfill.model.block import EMPTY, Block, fld, raise_field_errors
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
from formfill.types.text_types import PlaceText

# --- footnotes of the 2024 series (TT 04/2024/TT-BTP), paraphrased ---------------------------
NOTE_BODY = "Ghi tên cơ quan đăng ký hộ tịch, ví dụ: Ủy ban nhân dân phường Sa Đéc, tỉnh Đồng Tháp."
NOTE_BODY_EN = "The registering body, e.g. the People's Committee of Sa Đéc ward, Đồng Tháp province."
# Footnote (2): the "only without an ID number" part is shown by the UIs from the rule itself
# (``required_without``); the residence order is help of its own.
NOTE_RESIDENCE = "Nơi thường trú; nếu không có thì nơi tạm trú; nếu cũng không có thì nơi đang sinh sống."
NOTE_RESIDENCE_EN = (
    "Permanent residence; if none, temporary residence; if neither, where the person lives now."
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
    fld(
        "Kính gửi",
        label_en="To",
        help=NOTE_BODY,
        help_en=NOTE_BODY_EN,
        examples=["Ủy ban nhân dân phường Sa Đéc, tỉnh Đồng Tháp"],
    ),
]
LamTai = Annotated[
    ShortText,
    fld(
        "Làm tại",
        label_en="Made at",
        help="Nơi làm tờ khai, ví dụ: phường Sa Đéc.",
        help_en="Where the declaration is made.",
        examples=["phường Sa Đéc, tỉnh Đồng Tháp"],
    ),
]
NgayLam = Annotated[PastDate, fld("Ngày làm tờ khai", label_en="Date of the declaration")]
DeNghiCapBanSao = Annotated[
    bool,
    fld(
        "Đề nghị cấp bản sao",
        False,
        label_en="Copies requested",
        help=NOTE_COPIES,
        help_en=NOTE_COPIES_EN,
        widget="yesno",
    ),
]
SoLuongBanSao = Annotated[
    int | None,
    fld(
        "Số lượng bản sao",
        None,
        label_en="Number of copies",
        show_when={"de_nghi_cap_ban_sao": True},
        required_when="khi đề nghị cấp bản sao / when copies are requested",
        ge=1,
        le=50,
    ),
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
    return fld(
        label,
        None,
        label_en="Personal ID number",
        help=NOTE_ID_PAPER,
        help_en=NOTE_ID_PAPER_EN,
        widget="digits",
        **kw,
    )


def _paper_field(label: str = "Giấy tờ tùy thân") -> Any:
    return fld(
        label,
        None,
        label_en="Identity paper",
        help="Chỉ cần khi không ghi số định danh cá nhân, hoặc để ghi thêm giấy tờ khác.",
        help_en="Only needed without a personal ID number, or to add another paper.",
    )


def _residence(label: str = "Nơi cư trú", conditional: bool = True) -> Any:
    return fld(
        label,
        None,
        label_en="Residence",
        help=NOTE_RESIDENCE,
        help_en=NOTE_RESIDENCE_EN,
        required_without=ID_FIELD if conditional else None,
        widget="address",
    )


class NguoiYeuCau(IdentifiedPerson):
    """The requester (người yêu cầu) of a hộ tịch declaration, 2024 series."""

    ho_ten: PersonName = fld("Họ, chữ đệm, tên người yêu cầu", label_en="Requester's full name")
    ngay_sinh: BirthDate | None = fld(
        "Ngày, tháng, năm sinh",
        None,
        label_en="Date of birth",
        required_without=ID_FIELD,
        widget="date",
    )
    noi_cu_tru: Address | None = _residence()
    so_dinh_danh_ca_nhan: PersonalId | None = _id_field()
    giay_to_tuy_than: IdentityPaper | None = _paper_field()


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
    noi_dang_ky: PastPlace = fld(
        "Tại",
        label_en="Registered at",
        help="Cơ quan đã đăng ký kết hôn (có thể là tên đơn vị trước năm 2025).",
        help_en="The body that registered the marriage (may be a pre-2025 unit).",
    )


class Declaration(Block):
    """Base of every form's Declaration: the copy-request rule and the not-after-declaration rule."""

    @model_validator(mode="after")
    def _copy_request(self) -> Declaration:
        fields = type(self).model_fields
        if "de_nghi_cap_ban_sao" in fields and "so_luong_ban_sao" in fields:
            wanted, count = self.de_nghi_cap_ban_sao, self.so_luong_ban_sao  # type: ignore[attr-defined]
            if wanted and count is None:
                raise_field_errors(
                    "Declaration", [(("so_luong_ban_sao",), vn_error("vn_copy_count_missing"), None)]
                )
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
                    (
                        path,
                        vn_error(
                            "vn_date_after_declaration",
                            value=format_date(value),
                            declared=format_date(declared),
                        ),
                        format_date(value),
                    )
                )
        raise_field_errors(type(self).__name__, errors)


# --- blocks of the other hộ tịch forms (kết hôn, khai tử, xác nhận TTHN, nhận cha mẹ con, trích lục,
# --- thay đổi cải chính) --------------------------------------------------------------------------


def choice(*values: str) -> Any:
    """A closed list of official wordings, matched ignoring case, accents and spacing.

    The stored value is the wording as written here, so every form prints the same text. A bad
    value gets ``literal_error`` (message lists the choices) like any other closed choice.
    """
    keys = {fold(v): v for v in values}
    if not values or len(keys) != len(values):
        raise ValueError(f"choice(): values must be non-empty and distinct after folding: {values!r}")

    def _validate(value: Any) -> str:
        if not isinstance(value, str):
            raise vn_error("string_type")
        try:
            return keys[fold(clean(value))]
        except KeyError:
            raise vn_error("literal_error", expected=", ".join(values)) from None

    return Annotated[
        str,
        PlainValidator(_validate, json_schema_input_type=str),
        WithJsonSchema({"type": "string", "enum": list(values)}),
    ]


def full_years(born: dt.date, on: dt.date) -> int:
    """Age in full years on a day (a person born 29/02 turns a year older on 01/03 in other years)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


ErrorItem = tuple[tuple[str | int, ...], Any, Any]


def same_person_errors(
    a: Block | None, b: Block | None, loc_b: tuple[str | int, ...], a_label: str
) -> list[ErrorItem]:
    """Two parts of a form that must be different people: not the same ID number, nor the same paper.

    Errors sit on ``b``. (Where both blocks imply opposite sexes, an identical ID number already
    fails the sex-digit check on one side; the paper comparison still catches a shared passport.)
    """
    if a is None or b is None:
        return []
    number = getattr(b, ID_FIELD, None)
    if number and getattr(a, ID_FIELD, None) == number:
        return [((*loc_b, ID_FIELD), vn_error("vn_duplicate_person", number=number, other=a_label), number)]
    paper_a, paper_b = getattr(a, "giay_to_tuy_than", None), getattr(b, "giay_to_tuy_than", None)
    if (
        paper_a is not None
        and paper_b is not None
        and (paper_a.loai, paper_a.so) == (paper_b.loai, paper_b.so)
    ):
        return [
            (
                (*loc_b, "giay_to_tuy_than", "so"),
                vn_error("vn_duplicate_paper", paper=f"{paper_b.loai} số {paper_b.so}", other=a_label),
                paper_b.so,
            )
        ]
    return []


def _only_without_id(label: str, label_en: str, widget: str | None = "choice", **kw: Any) -> Any:
    """A footnote-(2) line: asked only when the person gives no personal ID number."""
    return fld(label, None, label_en=label_en, required_without=ID_FIELD, widget=widget, **kw)


class NguoiDuocDangKy(IdentifiedPerson):
    """The person a 2024-series declaration is about (XNTTHN, thay đổi cải chính…).

    Name and date of birth always; sex, ethnicity, nationality and residence only without a
    personal ID number (note (2)); identified by the ID number or an identity paper (note (3)).
    """

    ho_ten: PersonName = fld("Họ, chữ đệm, tên", label_en="Full name")
    ngay_sinh: BirthDate = fld("Ngày, tháng, năm sinh", label_en="Date of birth", widget="date")
    gioi_tinh: Gender | None = _only_without_id("Giới tính", "Sex")
    dan_toc: Ethnicity | None = _only_without_id("Dân tộc", "Ethnicity")
    quoc_tich: Nationality | None = _only_without_id("Quốc tịch", "Nationality")
    noi_cu_tru: Address | None = _residence()
    so_dinh_danh_ca_nhan: PersonalId | None = _id_field()
    giay_to_tuy_than: IdentityPaper | None = _paper_field()


class BenKetHon(IdentifiedPerson):
    """One column (Bên nữ / Bên nam) of the marriage declaration's table, 2024 version.

    The column fixes the sex, so there is no "Giới tính" row; :class:`BenNu` / :class:`BenNam` check
    the ID number against it. Rows marked with the 2024 note (4): Dân tộc, Quốc tịch, Nơi cư trú (see the doubts).
    """

    ho_ten: PersonName = fld("Họ, chữ đệm, tên", label_en="Full name")
    ngay_sinh: BirthDate = fld("Ngày, tháng, năm sinh", label_en="Date of birth", widget="date")
    dan_toc: Ethnicity | None = _only_without_id("Dân tộc", "Ethnicity")
    quoc_tich: Nationality | None = _only_without_id("Quốc tịch", "Nationality")
    noi_cu_tru: Address | None = _residence()
    so_dinh_danh_ca_nhan: PersonalId | None = _id_field()
    giay_to_tuy_than: IdentityPaper | None = _paper_field()
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
    so_dinh_danh_ca_nhan: PersonalId | None = _id_field()
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
