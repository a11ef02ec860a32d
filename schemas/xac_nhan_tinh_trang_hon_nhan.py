"""Tờ khai cấp Giấy xác nhận tình trạng hôn nhân — 2024 series (TT 04/2024/TT-BTP).

Field order and labels: domain notes §1.6 (medium confidence). "Tình trạng hôn nhân" is not free
text here: it is one of the wordings TT 04/2020/TT-BTP Điều 33 allows on the Giấy (never married,
married to …, divorced …, widowed …), chosen by ``loai`` with the details that kind needs, each in a
sub-block shown only for its kind — so a UI, the batch reader and the data dictionary see every
detail field, and :meth:`TinhTrangHonNhan.as_text` prints the official sentence.
"""

from __future__ import annotations

import datetime as dt

from pydantic import model_validator

from formfill.schema import Block, FormMeta, Procedure, Section, fld, raise_field_errors, vn_error
from formfill.schema.persons import Declaration as DeclarationBase
from formfill.schema.persons import (
    GiayChungNhanKetHon,
    KinhGui,
    LamTai,
    NgayLam,
    NguoiDuocDangKy,
    NguoiYeuCau,
    choice,
)
from formfill.types import FreeText, PastDate, PersonName, PlaceText, ShortText, date_line_parts, format_date

CHUA_KET_HON = "Chưa đăng ký kết hôn"
DANG_CO_VO_CHONG = "Đang có vợ/chồng"
DA_LY_HON = "Đã ly hôn"
VO_CHONG_DA_CHET = "Vợ/chồng đã chết"

NOTE_STATUS = (
    "Chọn đúng tình trạng; Giấy xác nhận ghi theo câu chữ của Điều 33 Thông tư 04/2020/TT-BTP. Nếu cần xác nhận"
    " tình trạng hôn nhân trong một thời gian trước đây (ví dụ thời gian cư trú ở nơi khác) thì ghi thêm từ ngày,"
    " đến ngày."
)
NOTE_STATUS_EN = (
    "Choose the status; the certificate uses the wording of Circular 04/2020 Art. 33. For a past period"
    " (e.g. while living elsewhere) also give the start and end dates."
)
NOTE_PURPOSE = (
    "Ghi rõ mục đích sử dụng. Nếu để đăng ký kết hôn: ghi họ tên, năm sinh, quốc tịch, giấy tờ tùy thân của người"
    " dự định kết hôn và nơi dự định đăng ký kết hôn; khi đó chỉ được cấp một bản Giấy xác nhận. Giấy có giá trị"
    " 6 tháng kể từ ngày cấp."
)
NOTE_PURPOSE_EN = (
    "State the purpose. For a marriage: the intended spouse's name, year of birth, nationality, identity paper and"
    " where the marriage will be registered; only one certificate is then issued. Valid for 6 months."
)

FORM = FormMeta(
    id="xac-nhan-tinh-trang-hon-nhan",
    title="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
    short_title="Xác nhận TTHN",
    title_en="Declaration for a certificate of marital status",
    basis="Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP của Bộ trưởng Bộ Tư pháp",
    legal_basis="TT 04/2024/TT-BTP; cách ghi tình trạng hôn nhân: TT 04/2020/TT-BTP Điều 33",
    version="2024.1",
    effective="",
    description="Xin cấp Giấy xác nhận tình trạng hôn nhân tại Ủy ban nhân dân xã, phường, đặc khu nơi cư trú.",
    description_en="Ask the commune/ward People's Committee for a certificate of marital status.",
    sections=(
        Section(
            "nguoi_yeu_cau",
            "Người yêu cầu",
            "Requester",
            ("kinh_gui", "nguoi_yeu_cau", "quan_he_voi_nguoi_duoc_cap"),
        ),
        Section(
            "nguoi_duoc_cap", "Người được cấp Giấy xác nhận", "The person certified", ("nguoi_duoc_cap",)
        ),
        Section(
            "tinh_trang",
            "Tình trạng hôn nhân và mục đích",
            "Marital status and purpose",
            ("tinh_trang_hon_nhan", "muc_dich_su_dung"),
        ),
        Section("hoan_tat", "Nơi, ngày làm tờ khai", "Place and date", ("lam_tai", "ngay_lam")),
    ),
    procedures=(
        Procedure(
            code="1.004873",
            name="Cấp Giấy xác nhận tình trạng hôn nhân",
            time_limit_days=3,
            time_limit="3 ngày làm việc; giấy có giá trị 6 tháng",
            handed_in=(
                "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
                "Giấy tờ chứng minh đã ly hôn hoặc người kia đã chết, nếu có",
                "Giấy xác nhận cũ, nếu xin cấp lại",
            ),
            shown=(
                "Giấy tờ tùy thân (CCCD, thẻ căn cước, căn cước điện tử hoặc hộ chiếu)",
                "Thông tin cư trú và tình trạng hôn nhân được tra cứu",
            ),
            fee="Theo mức Hội đồng nhân dân tỉnh quy định",
            legal_source="NĐ 123/2015/NĐ-CP Điều 22; QĐ 1833/QĐ-BTP (2025); NĐ 123/2015/NĐ-CP sửa đổi bởi NĐ 07/2025/NĐ-CP",
        ),
    ),
    doubts=(
        "Không có bản chính thức sạch của mẫu: thứ tự dòng ghép từ bản đồ đoạn của tệp DOC chính thức và một đặc tả"
        " OCR (độ tin cậy trung bình).",
        "Dòng Giới tính, Dân tộc, Quốc tịch, Nơi cư trú của người được cấp: coi là có chú thích (2) như các mẫu"
        " 2024 khác (chỉ bắt buộc khi không có số định danh cá nhân); chưa đối chiếu bản 2024.",
        "Chưa rõ mẫu 2020/2024 còn dòng riêng 'Trong thời gian cư trú tại … từ ngày … đến ngày …': ở đây thời gian"
        " (từ ngày, đến ngày) là phần tùy chọn của tình trạng hôn nhân và được in vào câu tình trạng.",
        "Nội dung chú thích (4), (5) của mẫu chưa tìm được: hướng dẫn ở đây lấy từ TT 04/2020/TT-BTP Điều 12, 33"
        " (mục đích kết hôn phải ghi thông tin người dự định kết hôn — chưa đối chiếu văn bản).",
        "Mẫu không có dòng đề nghị cấp bản sao (mục đích kết hôn chỉ cấp một bản).",
        "Ngày hiệu lực của TT 04/2024/TT-BTP chưa xác minh được; TT 08/2025/TT-BTP có thể đã sửa mẫu.",
    ),
)


def _date_words(d: dt.date) -> str:
    day, month, year = date_line_parts(d)
    return f"ngày {day} tháng {month} năm {year}"


LoaiTinhTrang = choice(CHUA_KET_HON, DANG_CO_VO_CHONG, DA_LY_HON, VO_CHONG_DA_CHET)
VoHayChong = choice("vợ", "chồng")
VanBanLyHon = choice("Bản án", "Quyết định")
GiayToChet = choice("Giấy chứng tử", "Trích lục khai tử", "Bản án")


class DangCoVoChong(Block):
    """ "… đang có vợ/chồng là bà/ông … (Giấy chứng nhận kết hôn số …, do … cấp ngày …)"."""

    vo_chong: VoHayChong = fld("Đang có", label_en="Has a", widget="choice", examples=["vợ"])
    ho_ten: PersonName = fld("Họ, chữ đệm, tên vợ/chồng", label_en="Spouse's full name")
    giay_chung_nhan_ket_hon: GiayChungNhanKetHon = fld(
        "Giấy chứng nhận kết hôn", label_en="Marriage certificate"
    )

    def as_text(self) -> str:
        title = "bà" if self.vo_chong == "vợ" else "ông"
        gcn = self.giay_chung_nhan_ket_hon
        return (
            f"đang có {self.vo_chong} là {title} {self.ho_ten} (Giấy chứng nhận kết hôn số {gcn.so},"
            f" do {gcn.noi_dang_ky} cấp {_date_words(gcn.ngay_dang_ky)})"
        )


class LyHon(Block):
    """ "Có đăng ký kết hôn, nhưng đã ly hôn theo Bản án/Quyết định ly hôn số … ngày … của Tòa án …"."""

    loai_van_ban: VanBanLyHon = fld("Bản án/Quyết định", label_en="Judgment or decision", widget="choice")
    so: ShortText = fld("Số", label_en="Number", examples=["25/2021/QĐST-HNGĐ"])
    ngay: PastDate = fld("Ngày", label_en="Date", widget="date")
    toa_an: PlaceText = fld(
        "Của Tòa án",
        label_en="Court",
        examples=["Tòa án nhân dân thành phố Sa Đéc"],
        help="Tên tòa án như ghi trên bản án (có thể là tên trước năm 2025).",
        help_en="The court as named on the judgment (may be a pre-2025 name).",
    )

    def as_text(self) -> str:
        return (
            f"có đăng ký kết hôn, nhưng đã ly hôn theo {self.loai_van_ban} ly hôn số {self.so}"
            f" {_date_words(self.ngay)} của {self.toa_an}"
        )


class VoChongDaChet(Block):
    """ "Có đăng ký kết hôn, nhưng vợ/chồng đã chết (Giấy chứng tử/Trích lục khai tử/Bản án số … do … cấp ngày …)"."""

    vo_chong: VoHayChong = fld(
        "Người đã chết là", label_en="The deceased spouse is the", widget="choice", examples=["chồng"]
    )
    loai_giay_to: GiayToChet = fld("Loại giấy tờ", label_en="Kind of paper", widget="choice")
    so: ShortText = fld("Số", label_en="Number", examples=["15/2019"])
    noi_cap: PlaceText = fld("Do cơ quan cấp", label_en="Issued by")
    ngay_cap: PastDate = fld("Ngày cấp", label_en="Date of issue", widget="date")

    def as_text(self) -> str:
        return (
            f"có đăng ký kết hôn, nhưng {self.vo_chong} đã chết ({self.loai_giay_to} số {self.so} do"
            f" {self.noi_cap} cấp {_date_words(self.ngay_cap)})"
        )


_DETAILS = {DANG_CO_VO_CHONG: "dang_co_vo_chong", DA_LY_HON: "ly_hon", VO_CHONG_DA_CHET: "vo_chong_da_chet"}


class TinhTrangHonNhan(Block):
    """Tình trạng hôn nhân: the kind, its details, and an optional period."""

    loai: LoaiTinhTrang = fld(
        "Tình trạng", label_en="Status", widget="choice", help=NOTE_STATUS, help_en=NOTE_STATUS_EN
    )
    dang_co_vo_chong: DangCoVoChong | None = fld(
        "Đang có vợ/chồng",
        None,
        label_en="Currently married",
        show_when={"loai": DANG_CO_VO_CHONG},
        required_when=f"khi tình trạng là “{DANG_CO_VO_CHONG}”",
    )
    ly_hon: LyHon | None = fld(
        "Đã ly hôn theo",
        None,
        label_en="Divorced by",
        show_when={"loai": DA_LY_HON},
        required_when=f"khi tình trạng là “{DA_LY_HON}”",
    )
    vo_chong_da_chet: VoChongDaChet | None = fld(
        "Vợ/chồng đã chết",
        None,
        label_en="Spouse deceased",
        show_when={"loai": VO_CHONG_DA_CHET},
        required_when=f"khi tình trạng là “{VO_CHONG_DA_CHET}”",
    )
    tu_ngay: PastDate | None = fld(
        "Trong thời gian từ ngày",
        None,
        label_en="From",
        widget="date",
        help="Chỉ ghi khi cần xác nhận cho một thời gian trước đây.",
        help_en="Only for a past period.",
    )
    den_ngay: PastDate | None = fld(
        "Đến ngày",
        None,
        label_en="To",
        widget="date",
        help="Bỏ trống nếu đến nay.",
        help_en="Leave empty for 'until now'.",
    )

    @model_validator(mode="after")
    def _details_match_kind(self) -> TinhTrangHonNhan:
        errors = []
        for kind, key in _DETAILS.items():
            given = getattr(self, key) is not None
            if kind == self.loai and not given:
                errors.append(((key,), vn_error("missing"), None))
            elif kind != self.loai and given:
                errors.append(
                    (
                        (key,),
                        vn_error(
                            "vn_not_applicable",
                            condition=f"tình trạng là “{kind}”",
                            condition_en=f"the status is “{kind}”",
                        ),
                        None,
                    )
                )
        if self.den_ngay is not None and self.tu_ngay is None:
            errors.append((("tu_ngay",), vn_error("missing"), None))
        elif self.tu_ngay and self.den_ngay and self.den_ngay < self.tu_ngay:
            errors.append(
                (
                    ("den_ngay",),
                    vn_error(
                        "vn_period_order", start=format_date(self.tu_ngay), end=format_date(self.den_ngay)
                    ),
                    format_date(self.den_ngay),
                )
            )
        raise_field_errors("TinhTrangHonNhan", errors)
        return self

    def as_text(self) -> str:
        """The official sentence, e.g. "Hiện tại chưa đăng ký kết hôn với ai"."""
        period = self.tu_ngay is not None
        now = "" if period else "hiện tại "
        if self.loai == CHUA_KET_HON:
            core = f"{now}chưa đăng ký kết hôn với ai"
        elif self.loai == DANG_CO_VO_CHONG and self.dang_co_vo_chong:
            core = f"{now}{self.dang_co_vo_chong.as_text()}"
        else:
            detail = self.ly_hon if self.loai == DA_LY_HON else self.vo_chong_da_chet
            core = f"{detail.as_text() if detail else ''}; {now}chưa đăng ký kết hôn với ai"
        if period:
            end = f"ngày {format_date(self.den_ngay)}" if self.den_ngay else "nay"
            core = f"trong thời gian từ ngày {format_date(self.tu_ngay)} đến {end}, {core}"  # type: ignore[arg-type]
        return core[:1].upper() + core[1:]


class Declaration(DeclarationBase):
    """TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN."""

    kinh_gui: KinhGui
    nguoi_yeu_cau: NguoiYeuCau = fld("Người yêu cầu", label_en="Requester")
    quan_he_voi_nguoi_duoc_cap: ShortText = fld(
        "Quan hệ với người được cấp Giấy xác nhận tình trạng hôn nhân",
        "Bản thân",
        label_en="Relationship to the person certified",
        help="Ghi “Bản thân” nếu xin cấp cho chính mình.",
        help_en="“Bản thân” when asking for yourself.",
        examples=["Bản thân", "Con", "Cha"],
    )
    nguoi_duoc_cap: NguoiDuocDangKy = fld("Người được cấp Giấy xác nhận", label_en="The person certified")
    tinh_trang_hon_nhan: TinhTrangHonNhan = fld(
        "Tình trạng hôn nhân", label_en="Marital status", help=NOTE_STATUS, help_en=NOTE_STATUS_EN
    )
    muc_dich_su_dung: FreeText = fld(
        "Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân",
        label_en="Purpose of the certificate",
        help=NOTE_PURPOSE,
        help_en=NOTE_PURPOSE_EN,
        widget="textarea",
        examples=[
            "Để làm thủ tục vay vốn tại Ngân hàng",
            "Để đăng ký kết hôn với anh Lê Văn Tài, sinh năm 1995,"
            " quốc tịch Việt Nam, tại Ủy ban nhân dân phường Sa Đéc, tỉnh Đồng Tháp",
        ],
    )
    lam_tai: LamTai
    ngay_lam: NgayLam

    @model_validator(mode="after")
    def _dates(self) -> Declaration:
        self.check_not_after_declaration(
            ("tinh_trang_hon_nhan", "den_ngay"), ("tinh_trang_hon_nhan", "tu_ngay")
        )
        return self
