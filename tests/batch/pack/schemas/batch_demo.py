"""A small form for the batch tests: the shapes of khai-sinh and ct01 without their evolving rules.

Repeated labels ("Họ, chữ đệm, tên" in three blocks), optional parent blocks, a repeating group, an
ID number, a phone number, a date, a yes/no and a count — every kind of column the reader handles.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StringConstraints

from formfill.model.block import Block, FormMeta, Section, fld


def _vn_date(value: object) -> object:
    if isinstance(value, str) and (m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value.strip())):
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    return value


VnDate = Annotated[dt.date, BeforeValidator(_vn_date)]
Id12 = Annotated[str, StringConstraints(pattern=r"^[0-9]{12}$")]
Phone = Annotated[str, StringConstraints(pattern=r"^0[0-9]{9}$")]
Name = Annotated[str, StringConstraints(min_length=2, max_length=100)]

FORM = FormMeta(
    id="batch-demo",
    title="Tờ khai thử nghiệm",
    title_en="Test declaration",
    basis="(kiểm thử)",
    legal_basis="-",
    version="0.1",
    effective="",
    description="Tờ khai dùng cho kiểm thử batch.",
    description_en="Declaration used by the batch tests.",
    sections=(
        Section("chung", "Thông tin chung", "General", ("kinh_gui", "nguoi_yeu_cau")),
        Section("tre", "Người được khai sinh", "Child", ("tre",)),
        Section("cha_me", "Cha mẹ", "Parents", ("me", "cha")),
        Section(
            "hoan_tat",
            "Hoàn tất",
            "Finish",
            ("thanh_vien", "de_nghi_cap_ban_sao", "so_luong_ban_sao", "ngay_lam"),
        ),
    ),
)


class NguoiYeuCau(Block):
    ho_ten: Name = fld("Họ, chữ đệm, tên người yêu cầu")
    so_dinh_danh_ca_nhan: Id12 = fld("Số định danh cá nhân")
    so_dien_thoai: Phone | None = fld("Số điện thoại", None)


class Tre(Block):
    ho_ten: Name = fld("Họ, chữ đệm, tên")
    ngay_sinh: VnDate = fld("Ngày, tháng, năm sinh")
    gioi_tinh: Literal["Nam", "Nữ"] = fld("Giới tính")


class ChaMe(Block):
    ho_ten: Name = fld("Họ, chữ đệm, tên")
    ngay_sinh: VnDate | None = fld("Ngày, tháng, năm sinh", None)
    so_dinh_danh_ca_nhan: Id12 | None = fld("Số định danh cá nhân", None)


class ThanhVien(Block):
    ho_ten: Name = fld("Họ, chữ đệm, tên")
    so_dinh_danh_ca_nhan: Id12 = fld("Số định danh cá nhân")


class Declaration(Block):
    kinh_gui: Annotated[str, StringConstraints(max_length=200)] = fld("Kính gửi")
    nguoi_yeu_cau: NguoiYeuCau = fld("Người yêu cầu")
    tre: Tre = fld("Người được khai sinh")
    me: ChaMe | None = fld("Người mẹ", None)
    cha: ChaMe | None = fld("Người cha", None)
    thanh_vien: Annotated[list[ThanhVien], Field(max_length=5)] = fld("Thành viên", [])
    de_nghi_cap_ban_sao: bool = fld("Đề nghị cấp bản sao", False)
    so_luong_ban_sao: int | None = fld("Số lượng bản sao", None, ge=1, le=50)
    ngay_lam: VnDate = fld("Ngày làm tờ khai")
