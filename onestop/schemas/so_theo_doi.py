"""Sổ theo dõi hồ sơ (Mẫu 07, TT 03/2025/TT-VPCP): the desk's register of dossiers for a period, one
row per dossier, on A4 landscape (domain notes one-stop §3). Cells are text the desk has written
already (times as "HH:MM dd/mm/yyyy"), so the register prints what the desk recorded."""

from __future__ import annotations

import datetime as dt

from formfill.desk.blocks import paper_meta
from formfill.schema import Block, fld
from formfill.types import PlaceText, ShortText

FORM = paper_meta(
    "so-theo-doi",
    "Sổ theo dõi hồ sơ",
    "Register of dossiers",
    "07",
    ("co_quan", "tu_ngay", "den_ngay", "dong", "nguoi_lap"),
)


class Dong(Block):
    """One dossier of the register."""

    ma_ho_so: ShortText | None = fld("Mã hồ sơ", None, label_en="Dossier code")
    thu_tuc: PlaceText = fld("Tên TTHC", label_en="Procedure")
    ten: ShortText = fld("Tên tổ chức, cá nhân", label_en="Name")
    dia_chi: PlaceText | None = fld("Địa chỉ, số điện thoại", None, label_en="Address, phone")
    co_quan_chu_tri: PlaceText | None = fld("Cơ quan chủ trì giải quyết", None, label_en="Handling body")
    nhan: ShortText = fld("Nhận hồ sơ", label_en="Received")
    hen_tra: ShortText | None = fld("Hẹn trả kết quả", None, label_en="Due")
    tra: ShortText | None = fld("Trả kết quả", None, label_en="Returned")
    phuong_thuc: ShortText | None = fld("Phương thức nhận kết quả", None, label_en="How collected")
    ky_nhan: ShortText | None = fld("Ký nhận", None, label_en="Signed for")  # blank: signed by hand


class Declaration(Block):
    """Sổ theo dõi hồ sơ."""

    co_quan: PlaceText = fld("Cơ quan", label_en="Office")
    tu_ngay: dt.date = fld("Từ ngày", label_en="From")
    den_ngay: dt.date = fld("Đến ngày", label_en="To")
    dong: list[Dong] = fld("Hồ sơ", default_factory=list, label_en="Dossiers")
    nguoi_lap: ShortText | None = fld("Người lập sổ", None, label_en="Kept by")
