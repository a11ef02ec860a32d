"""Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02, TT 03/2025/TT-VPCP): what the citizen must add
to the dossier, why, and whom to call (domain notes one-stop §3)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from formfill.desk.blocks import NguoiNop, paper_meta
from formfill.schema import Block, fld
from formfill.types import FreeText, PlaceText, ShortText

FORM = paper_meta(
    "phieu-bo-sung",
    "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "Request to complete the dossier",
    "02",
    (
        "co_quan",
        "so",
        "dia_danh",
        "ngay",
        "nguoi_nop",
        "noi_dung",
        "yeu_cau",
        "ly_do",
        "lien_he",
        "nguoi_huong_dan",
    ),
)


class YeuCau(Block):
    """One thing to add or complete."""

    noi_dung: FreeText = fld("Nội dung cần bổ sung, hoàn thiện", label_en="To add or complete")


class Declaration(Block):
    """Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ."""

    co_quan: PlaceText = fld("Cơ quan", label_en="Office")
    so: ShortText | None = fld("Số", None, label_en="Number")
    dia_danh: PlaceText | None = fld("Địa danh", None, label_en="Place")
    ngay: dt.date = fld("Ngày", label_en="Date")
    nguoi_nop: NguoiNop = fld("Hồ sơ của", label_en="Dossier of")
    noi_dung: PlaceText = fld("Nội dung yêu cầu giải quyết", label_en="Request")
    yeu_cau: list[YeuCau] = Field(min_length=1, title="Yêu cầu hoàn thiện hồ sơ")
    ly_do: FreeText = fld("Lý do", label_en="Reason")
    lien_he: PlaceText | None = fld("Liên hệ", None, label_en="Whom to call")
    nguoi_huong_dan: ShortText | None = fld("Người hướng dẫn", None, label_en="Officer")
