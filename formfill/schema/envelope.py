"""The envelope of a civil-status declaration: the fields around the persons (Kính gửi, Làm tại,
ngày làm, bản sao), the requester of the 2024 series, and the base of every form's ``Declaration``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import model_validator

from formfill.base.messages import vn_error
from formfill.model.block import Block, fld, raise_field_errors
from formfill.schema.person_rules import (
    ID_FIELD,
    NOTE_BODY,
    NOTE_BODY_EN,
    NOTE_COPIES,
    NOTE_COPIES_EN,
    IdentifiedPerson,
    id_field,
    paper_field,
    residence_field,
)
from formfill.types import (
    Address,
    BirthDate,
    FreeText,
    IdentityPaper,
    PastDate,
    PersonalId,
    PersonName,
    ShortText,
    format_date,
)

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
    noi_cu_tru: Address | None = residence_field()
    so_dinh_danh_ca_nhan: PersonalId | None = id_field()
    giay_to_tuy_than: IdentityPaper | None = paper_field()


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
