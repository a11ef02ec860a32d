"""Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01, TT 03/2025/TT-VPCP): the receipt the one-stop
desk gives the citizen, with the dossier code and the date the result is due (domain notes §3)."""

from __future__ import annotations

import datetime as dt

from formfill.desk.blocks import DaiDien, GiayTo, NguoiNop, paper_meta
from formfill.schema import Block, fld
from formfill.types import FreeText, PlaceText, ShortText

FORM = paper_meta(
    "giay-tiep-nhan",
    "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    "Dossier receipt and appointment for the result",
    "01",
    (
        "co_quan",
        "so",
        "dia_danh",
        "ngay",
        "ma_ho_so",
        "ma_bien_nhan",
        "nguoi_nop",
        "dai_dien",
        "noi_dung",
        "giay_to",
        "so_bo",
        "thoi_han",
        "nhan_luc",
        "tra_luc",
        "noi_tra",
        "quyen_so",
        "so_thu_tu",
        "ghi_chu",
        "nguoi_tiep_nhan",
    ),
)


class Declaration(Block):
    """Giấy tiếp nhận hồ sơ và hẹn trả kết quả."""

    co_quan: PlaceText = fld("Cơ quan", label_en="Office")
    so: ShortText | None = fld("Số", None, label_en="Number")
    dia_danh: PlaceText | None = fld("Địa danh", None, label_en="Place")
    ngay: dt.date = fld("Ngày", label_en="Date")
    ma_ho_so: ShortText | None = fld("Mã hồ sơ", None, label_en="Dossier code")
    ma_bien_nhan: ShortText | None = fld("Mã biên nhận tại kiosk", None, label_en="Kiosk receipt code")
    nguoi_nop: NguoiNop = fld("Tiếp nhận hồ sơ của", label_en="From")
    dai_dien: DaiDien | None = fld("Người được ủy quyền", None, label_en="Representative")
    noi_dung: PlaceText = fld("Nội dung yêu cầu giải quyết", label_en="Request")
    giay_to: list[GiayTo] = fld("Thành phần hồ sơ", default_factory=list, label_en="Papers")
    so_bo: int = fld("Số lượng hồ sơ (bộ)", 1, label_en="Sets", ge=1, le=99)
    thoi_han: ShortText = fld("Thời gian giải quyết theo quy định", label_en="Time limit")
    nhan_luc: dt.datetime = fld("Thời gian nhận hồ sơ", label_en="Received at")
    tra_luc: dt.datetime = fld("Thời gian trả kết quả", label_en="Result due at")
    noi_tra: PlaceText | None = fld("Đăng ký nhận kết quả tại", None, label_en="Result collected at")
    quyen_so: ShortText | None = fld("Quyển số", None, label_en="Register book")
    so_thu_tu: ShortText | None = fld("Số thứ tự", None, label_en="Register entry")
    ghi_chu: FreeText | None = fld("Ghi chú", None, label_en="Note")
    nguoi_tiep_nhan: ShortText | None = fld("Người tiếp nhận hồ sơ", None, label_en="Officer")
