"""Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03, TT 03/2025/TT-VPCP): the office will not take
the dossier on, and says why (domain notes one-stop §3)."""

from __future__ import annotations

import datetime as dt

from formfill.desk.blocks import NguoiNop, paper_meta
from formfill.schema import Block, fld
from formfill.types import FreeText, PlaceText, ShortText

FORM = paper_meta(
    "phieu-tu-choi",
    "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    "Refusal to take the dossier on",
    "03",
    ("co_quan", "so", "dia_danh", "ngay", "nguoi_nop", "ma_ho_so", "noi_dung", "ly_do", "nguoi_tiep_nhan"),
)


class Declaration(Block):
    """Phiếu từ chối tiếp nhận giải quyết hồ sơ."""

    co_quan: PlaceText = fld("Cơ quan", label_en="Office")
    so: ShortText | None = fld("Số", None, label_en="Number")
    dia_danh: PlaceText | None = fld("Địa danh", None, label_en="Place")
    ngay: dt.date = fld("Ngày", label_en="Date")
    nguoi_nop: NguoiNop = fld("Tiếp nhận hồ sơ của", label_en="From")
    ma_ho_so: ShortText | None = fld("Mã hồ sơ", None, label_en="Dossier code")
    noi_dung: PlaceText = fld("Nội dung yêu cầu giải quyết", label_en="Request")
    ly_do: FreeText = fld("Lý do", label_en="Reason")
    nguoi_tiep_nhan: ShortText | None = fld("Người tiếp nhận hồ sơ", None, label_en="Officer")
