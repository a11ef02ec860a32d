"""Blocks shared by the one-stop papers' schemas (``onestop/schemas/``): the person a paper is made
out to, a paper of the dossier, and the paper's metadata. Values come from a validated declaration
and from the office, so the types are the pack's plain text types: a paper never refuses a name the
declaration accepted.
"""

from __future__ import annotations

from formfill.model.block import Block, FormMeta, Section, fld
from formfill.types import FreeText, PlaceText, ShortText

BASIS = "Ban hành kèm theo Thông tư số 03/2025/TT-VPCP của Văn phòng Chính phủ"
LEGAL_BASIS = "NĐ 118/2025/NĐ-CP; TT 03/2025/TT-VPCP"
DOUBTS = (
    "Chưa đọc được toàn văn TT 03/2025/TT-VPCP: bố cục theo bản sao của một bộ và mẫu cũ của TT 01/2018/TT-VPCP.",
)


def paper_meta(paper_id: str, title: str, title_en: str, number: str, fields: tuple[str, ...]) -> FormMeta:
    """The metadata of a one-stop paper (Mẫu ``number``): one section holding every field."""
    return FormMeta(
        id=paper_id,
        title=title,
        title_en=title_en,
        basis=f"Mẫu số {number} — {BASIS}",
        legal_basis=LEGAL_BASIS,
        version="2025.1",
        effective="",
        description=title,
        description_en=title_en,
        sections=(Section("giay", title, title_en, fields),),
        doubts=DOUBTS,
    )


class NguoiNop(Block):
    """Who the dossier is from: the citizen (or organisation) on the declaration."""

    ho_ten: ShortText = fld("Ông (Bà)/Tổ chức", label_en="Name")
    so_dinh_danh: ShortText | None = fld("Số định danh cá nhân/tổ chức", None, label_en="Personal ID")
    dia_chi: PlaceText | None = fld("Địa chỉ", None, label_en="Address")
    so_dien_thoai: ShortText | None = fld("Số điện thoại", None, label_en="Phone")
    email: ShortText | None = fld("Email", None, label_en="Email")


class DaiDien(NguoiNop):
    """An authorised representative who hands the dossier in for the citizen."""

    giay_uy_quyen: PlaceText | None = fld("Giấy tờ ủy quyền", None, label_en="Authorisation paper")


class GiayTo(Block):
    """A paper of the dossier, as ticked by the officer."""

    ten: FreeText = fld("Tên giấy tờ", label_en="Paper")
    hinh_thuc: ShortText = fld("Hình thức", "Nộp", label_en="Handed in or shown")
