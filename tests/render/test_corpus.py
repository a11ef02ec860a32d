"""Every form x its valid examples -> PDF -> pdfplumber: each value NFC-equal inside its box,
tick boxes in the right state, header, title and labels in the official wording."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from formfill.forms import get_form, list_forms
from formfill.render import plan_pdf, render_pdf
from formfill.render.verify import is_checked, read_pdf, verify

from .conftest import FORMS, load_example, valid_examples

CASES = [(f, p.name) for f in FORMS for p in valid_examples(f)]

LABELS = {
    "khai-sinh": [
        "TỜ KHAI ĐĂNG KÝ KHAI SINH",
        "Kính gửi:",
        "Họ, chữ đệm, tên người yêu cầu:",
        "Ngày, tháng, năm sinh:",
        "Nơi cư trú:",
        "Giấy tờ tùy thân:",
        "Quan hệ với người được khai sinh:",
        "Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:",
        "Họ, chữ đệm, tên:",
        "ghi bằng chữ:",
        "Giới tính:",
        "Dân tộc:",
        "Quốc tịch:",
        "Nơi sinh:",
        "Quê quán:",
        "Họ, chữ đệm, tên người mẹ:",
        "Năm sinh:",
        "Họ, chữ đệm, tên người cha:",
        "Thông tin về Giấy chứng nhận kết hôn của cha, mẹ trẻ",
        "Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật",
        "Tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.",
        "Làm tại:",
        "Đề nghị cấp bản sao",
        "Số lượng:",
        "Người yêu cầu",
        "(Ký, ghi rõ họ, chữ đệm, tên)",
        "Chú thích:",
        "Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP",
    ],
    "ct01": [
        "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",
        "Kính gửi",
        "1. Họ, chữ đệm và tên:",
        "2. Ngày, tháng, năm sinh:",
        "3. Giới tính:",
        "4. Số định danh cá nhân:",
        "5. Số điện thoại liên hệ:",
        "6. Email:",
        "7. Họ, chữ đệm và tên chủ hộ:",
        "8. Mối quan hệ với chủ hộ:",
        "9. Số định danh cá nhân của chủ hộ:",
        "10. Nội dung đề nghị",
        "11. Những thành viên trong hộ gia đình cùng thay đổi:",
        "TT",
        "Họ, chữ đệm và tên",
        "Giới tính",
        "Ý KIẾN CỦA CHỦ HỘ",
        "Ý KIẾN CỦA CHA, MẸ",
        "NGƯỜI KÊ KHAI",
        "Chú thích:",
        "Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA",
    ],
    "ket-hon": [
        "TỜ KHAI ĐĂNG KÝ KẾT HÔN",
        "Kính gửi:",
        "Thông tin",
        "Bên nữ",
        "Bên nam",
        "Họ, chữ đệm, tên",
        "Ngày, tháng, năm sinh",
        "Dân tộc",
        "Quốc tịch",
        "Nơi cư trú",
        "Giấy tờ tùy thân",
        "Kết hôn lần thứ mấy",
        "Chúng tôi cam đoan những lời khai trên đây là đúng sự thật",
        "Chúng tôi chịu hoàn toàn trách nhiệm trước pháp luật về cam đoan của mình.",
        "Đề nghị Quý cơ quan đăng ký.",
        "Đề nghị cấp bản sao",
        "Số lượng:",
        "Làm tại:",
        "(Ký, ghi rõ họ, chữ đệm, tên)",
        "Chú thích:",
        "Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP",
    ],
    "khai-tu": [
        "TỜ KHAI ĐĂNG KÝ KHAI TỬ",
        "Kính gửi:",
        "Họ, chữ đệm, tên người yêu cầu:",
        "Quan hệ với người đã chết:",
        "Đề nghị cơ quan đăng ký khai tử cho người có tên dưới đây:",
        "Nơi cư trú cuối cùng:",
        "Đã chết vào lúc:",
        "Nơi chết:",
        "Nguyên nhân chết:",
        "Số Giấy báo tử/Giấy tờ thay thế Giấy báo tử:",
        "Tôi cam đoan những nội dung khai trên đây là đúng sự thật",
        "Làm tại:",
        "Người yêu cầu",
        "Chú thích:",
        "Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP",
    ],
    "nhan-cha-me-con": [
        "TỜ KHAI ĐĂNG KÝ NHẬN CHA, MẸ, CON",
        "Kính gửi:",
        "Họ, chữ đệm, tên người yêu cầu:",
        "Quan hệ với người nhận cha/mẹ/con:",
        "Đề nghị cơ quan công nhận người có tên dưới đây:",
        "Giấy khai sinh/Giấy tờ tùy thân:",
        "của người có tên dưới đây:",
        "Tôi cam đoan việc nhận",
        "nói trên là đúng sự thật, tự nguyện, không có tranh chấp",
        "Làm tại:",
        "Người yêu cầu",
        "Chú thích:",
        "Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP",
    ],
    "thay-doi-cai-chinh-ho-tich": [
        "TỜ KHAI ĐĂNG KÝ VIỆC THAY ĐỔI, CẢI CHÍNH,",
        "BỔ SUNG THÔNG TIN HỘ TỊCH, XÁC ĐỊNH LẠI DÂN TỘC",
        "Quan hệ với người được thay đổi, cải chính, xác định lại dân tộc, bổ sung thông tin hộ tịch:",
        "Đề nghị cơ quan đăng ký việc",
        "cho người có tên dưới đây:",
        "Đã đăng ký",
        "Nội dung:",
        "Thông tin",
        "Nội dung cũ (từ)",
        "Nội dung mới (thành)",
        "Lý do:",
        "Đề nghị cấp bản sao",
        "Chú thích:",
    ],
    "trich-luc-ho-tich": [
        "TỜ KHAI CẤP BẢN SAO TRÍCH LỤC HỘ TỊCH",
        "Quan hệ với người được cấp bản sao Trích lục hộ tịch:",
        "Đề nghị cấp bản sao Trích lục hộ tịch về",
        "cho người có tên dưới đây:",
        "Đã đăng ký tại:",
        "Quyển số:",
        "Số lượng bản sao đề nghị cấp:",
        "Tôi cam đoan những nội dung khai trên đây là đúng sự thật",
        "Làm tại:",
        "Chú thích:",
        "Thông tư số 04/2020/TT-BTP",
    ],
    "xac-nhan-tinh-trang-hon-nhan": [
        "TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN",
        "Kính gửi:",
        "Họ, chữ đệm, tên người yêu cầu:",
        "Quan hệ với người được cấp Giấy xác nhận tình trạng hôn nhân:",
        "Đề nghị cấp Giấy xác nhận tình trạng hôn nhân cho người có tên dưới đây:",
        "Tình trạng hôn nhân:",
        "Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân:",
        "Tôi cam đoan những nội dung khai trên đây là đúng sự thật",
        "Làm tại:",
        "Người yêu cầu",
        "Chú thích:",
        "Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP",
    ],
}


def test_every_form_of_the_pack_has_its_labels() -> None:
    assert set(FORMS) == {s.id for s in list_forms()}
    missing = [f for f in FORMS if not LABELS.get(f)]
    assert not missing, f"no LABELS entry (official wording) for {missing}"
    assert not set(LABELS) - set(FORMS), "LABELS for a form that is not in the pack"
    assert all(valid_examples(f) for f in FORMS), "a form without valid examples is not round-tripped"


def _text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return " ".join(" ".join(p.extract_text() or "" for p in pdf.pages).split())


@pytest.mark.parametrize(("form_id", "example"), CASES)
def test_example_round_trips(form_id: str, example: str) -> None:
    spec = get_form(form_id)
    declaration = spec.validate(load_example(form_id, example))
    data = render_pdf(spec, declaration)
    plan = plan_pdf(spec, declaration)
    assert plan.values, "nothing was placed"
    assert verify(data, plan) == []
    assert not [v.path for v in plan.values if v.appendix is not None], "an example needs no sheet"
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == plan.pages
    text = _text(data)
    for line in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", *LABELS[form_id]):
        assert line in text, line


def test_header_fonts_and_sizes() -> None:
    spec = get_form("khai-sinh")
    data = render_pdf(spec, spec.validate(load_example("khai-sinh")))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["fontname", "size"])
    first = {w["text"]: w for w in words}
    assert first["CỘNG"]["fontname"].endswith("NotoSerif-Bold") and round(first["CỘNG"]["size"]) == 13
    assert first["Độc"]["fontname"].endswith("NotoSerif-Bold") and round(first["Độc"]["size"]) == 14
    assert first["Kính"]["fontname"].endswith("NotoSerif-Regular")


@pytest.mark.parametrize("wanted", [True, False])
def test_copy_request_checkboxes(wanted: bool) -> None:
    spec = get_form("khai-sinh")
    raw = load_example("khai-sinh")
    raw["de_nghi_cap_ban_sao"] = wanted
    raw["so_luong_ban_sao"] = 3 if wanted else None
    declaration = spec.validate(raw)
    data = render_pdf(spec, declaration)
    plan = plan_pdf(spec, declaration)
    pages = read_pdf(data)
    states = [is_checked(pages[c.box.page], c.box) for c in plan.checks]
    assert states == [wanted, not wanted]  # "Có", then "Không"


def test_id_numbers_sit_one_digit_per_box() -> None:
    spec = get_form("ct01")
    declaration = spec.validate(load_example("ct01"))
    plan = plan_pdf(spec, declaration)
    digits = {d.path: d for d in plan.digits}
    assert len(digits["nguoi_ke_khai.so_dinh_danh_ca_nhan"].cells) == 12
    assert digits["chu_ho.so_dinh_danh_ca_nhan"].text == declaration.chu_ho.so_dinh_danh_ca_nhan
    assert verify(render_pdf(spec, declaration), plan) == []


def _members(n: int) -> list[dict[str, str]]:
    given = ["An", "Bình", "Cường", "Dũng", "Hà", "Phúc", "Giang", "Hải", "Khánh", "Long", "Minh", "Nam"]
    return [
        {
            "ho_ten": f"Nguyễn Văn {given[i % len(given)]}",
            "ngay_sinh": "01/02/2003",
            "gioi_tinh": "Nam",
            "so_dinh_danh_ca_nhan": f"0872030{i:05d}",
            "moi_quan_he_voi_chu_ho": "Con",
        }
        for i in range(n)
    ]


def test_long_member_table_continues_with_the_same_header() -> None:
    spec = get_form("ct01")
    raw = load_example("ct01")
    raw["thanh_vien"] = _members(60)
    declaration = spec.validate(raw)
    data = render_pdf(spec, declaration)
    plan = plan_pdf(spec, declaration)
    assert verify(data, plan) == []
    on_sheet = [v for v in plan.values if v.appendix is not None and v.path.endswith(".ho_ten")]
    assert on_sheet and on_sheet[-1].path == "thanh_vien.60.ho_ten"
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        texts = [p.extract_text() for p in pdf.pages]
    assert "xem tiếp Phụ lục 1" in texts[0]
    sheets = [t for t in texts if "Phụ lục 1" in t and "Số định danh" in t]
    assert len(sheets) >= 2  # continues over more than one sheet, header repeated
