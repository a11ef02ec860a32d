"""What every person block of the civil-status forms shares: the 2024 footnotes, the identity rules
(ID number agrees with birth date and sex; identified by ID number or paper), the field helpers,
closed choices, and the rule that two parts of a form are different people.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar

from pydantic import PlainValidator, WithJsonSchema, model_validator

from formfill.base.messages import vn_error
from formfill.base.text import clean, fold, mask
from formfill.model.block import EMPTY, Block, fld, raise_field_errors
from formfill.types import check_personal_id

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


class Person(Block):
    """Rules every person block shares: the ID number agrees with the birth date and gender.

    A block whose role fixes the sex (the mother, the bride) sets ``implied_gender``.
    """

    implied_gender: ClassVar[str | None] = None

    @model_validator(mode="after")
    def _id_agrees(self) -> Person:
        fields = self.__dict__  # not getattr: a block without the field costs pydantic's slow miss path
        number = fields.get(ID_FIELD)
        if number:
            gender = fields.get("gioi_tinh") or self.implied_gender
            problems = check_personal_id(number, birth=fields.get("ngay_sinh"), gender=gender)
            if problems:
                raise_field_errors(type(self).__name__, [((name,), err, number) for name, err in problems])
        return self


class IdentifiedPerson(Person):
    """A person who must be identified: by personal ID number or by an identity paper."""

    @model_validator(mode="after")
    def _identified(self) -> IdentifiedPerson:
        if getattr(self, ID_FIELD, None) in EMPTY and getattr(self, "giay_to_tuy_than", None) in EMPTY:
            raise_field_errors(type(self).__name__, [((ID_FIELD,), vn_error("vn_identity_missing"), None)])
        return self


def id_field(label: str = "Số định danh cá nhân", **kw: Any) -> Any:
    """The personal ID number line (optional: an identity paper may stand for it)."""
    return fld(
        label,
        None,
        label_en="Personal ID number",
        help=NOTE_ID_PAPER,
        help_en=NOTE_ID_PAPER_EN,
        widget="digits",
        **kw,
    )


def paper_field(label: str = "Giấy tờ tùy thân") -> Any:
    """The identity paper line, for a person without an ID number (or to add another paper)."""
    return fld(
        label,
        None,
        label_en="Identity paper",
        help="Chỉ cần khi không ghi số định danh cá nhân, hoặc để ghi thêm giấy tờ khác.",
        help_en="Only needed without a personal ID number, or to add another paper.",
    )


def residence_field(label: str = "Nơi cư trú", conditional: bool = True) -> Any:
    """The residence line; by default asked only without an ID number (the 2024 note (2))."""
    return fld(
        label,
        None,
        label_en="Residence",
        help=NOTE_RESIDENCE,
        help_en=NOTE_RESIDENCE_EN,
        required_without=ID_FIELD if conditional else None,
        widget="address",
    )


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
        return [
            ((*loc_b, ID_FIELD), vn_error("vn_duplicate_person", number=mask(number), other=a_label), number)
        ]
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


def only_without_id(label: str, label_en: str, widget: str | None = "choice", **kw: Any) -> Any:
    """A footnote-(2) line: asked only when the person gives no personal ID number."""
    return fld(label, None, label_en=label_en, required_without=ID_FIELD, widget=widget, **kw)
