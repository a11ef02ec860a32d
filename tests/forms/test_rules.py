"""Cross-field rules of the hộ tịch forms: each rule at its boundary, with the error on its field."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest
from pydantic import ValidationError

from formfill.forms import explain, get_form
from formfill.schema.persons import full_years
from tests.conftest import EXAMPLES


def _example(form_id: str, name: str = "valid-1") -> dict[str, Any]:
    return json.loads((EXAMPLES / form_id / f"{name}.json").read_text(encoding="utf-8"))


def _errors(form_id: str, data: dict[str, Any]) -> set[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        get_form(form_id).validate(data)
    return {(e.path, e.type) for e in explain(info.value)}


def _ok(form_id: str, data: dict[str, Any]) -> Any:
    return get_form(form_id).validate(data)


# --- ket-hon: marriage age on the declaration date (Luật HN&GĐ 2014, Điều 8) ------------------------


def _marriage(bride_born: str, groom_born: str, declared: str) -> dict[str, Any]:
    data = _example("ket-hon")
    data["ben_nu"] = {
        "ho_ten": "Võ Thị Kim Thoa",
        "ngay_sinh": bride_born,
        "dan_toc": "Kinh",
        "quoc_tich": "Việt Nam",
        "noi_cu_tru": "xã Mỹ An Hưng, Đồng Tháp",
        "giay_to_tuy_than": {"loai": "Hộ chiếu", "so": "C7654321"},
        "ket_hon_lan_thu": 1,
    }
    data["ben_nam"] = {
        "ho_ten": "Lê Văn Tài",
        "ngay_sinh": groom_born,
        "dan_toc": "Kinh",
        "quoc_tich": "Việt Nam",
        "noi_cu_tru": "xã Mỹ An Hưng, Đồng Tháp",
        "giay_to_tuy_than": {"loai": "Hộ chiếu", "so": "C1234567"},
        "ket_hon_lan_thu": 1,
    }
    data["ngay_lam"] = declared
    return data


def test_bride_turning_18_on_the_declaration_date_may_marry() -> None:
    _ok("ket-hon", _marriage("20/11/2008", "01/01/2000", "20/11/2026"))


def test_bride_one_day_short_of_18_may_not() -> None:
    errors = _errors("ket-hon", _marriage("21/11/2008", "01/01/2000", "20/11/2026"))
    assert errors == {("ben_nu.ngay_sinh", "vn_marriage_age")}


def test_groom_turning_20_on_the_declaration_date_may_marry() -> None:
    _ok("ket-hon", _marriage("01/01/2000", "20/11/2006", "20/11/2026"))


def test_groom_one_day_short_of_20_may_not() -> None:
    errors = _errors("ket-hon", _marriage("01/01/2000", "21/11/2006", "20/11/2026"))
    assert errors == {("ben_nam.ngay_sinh", "vn_marriage_age")}


def test_the_age_counts_on_the_declaration_date_not_today() -> None:
    # 18 today, but not yet on the (earlier) date the declaration was made.
    errors = _errors("ket-hon", _marriage("15/03/2008", "01/01/2000", "14/03/2026"))
    assert errors == {("ben_nu.ngay_sinh", "vn_marriage_age")}


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (dt.date(2008, 11, 20), dt.date(2026, 11, 20), 18),
        (dt.date(2008, 11, 21), dt.date(2026, 11, 20), 17),
        (dt.date(2008, 2, 29), dt.date(2026, 2, 28), 17),  # a 29 February birthday comes on 1 March
        (dt.date(2008, 2, 29), dt.date(2026, 3, 1), 18),
    ],
)
def test_full_years(born: dt.date, on: dt.date, age: int) -> None:
    assert full_years(born, on) == age


def test_the_same_paper_on_both_sides_is_refused_on_the_man() -> None:
    data = _marriage("01/01/2000", "01/01/1998", "20/11/2026")
    data["ben_nam"]["giay_to_tuy_than"] = {"loai": "hộ chiếu", "so": "c7654321"}
    assert _errors("ket-hon", data) == {("ben_nam.giay_to_tuy_than.so", "vn_duplicate_paper")}


def test_the_same_id_number_on_both_sides_fails_the_column_sex() -> None:
    # An ID number carries its holder's sex, so one column always refuses a number given twice.
    data = _example("ket-hon")
    data["ben_nam"]["so_dinh_danh_ca_nhan"] = data["ben_nu"]["so_dinh_danh_ca_nhan"]
    data["ben_nam"]["ngay_sinh"] = data["ben_nu"]["ngay_sinh"]
    assert _errors("ket-hon", data) == {("ben_nam.so_dinh_danh_ca_nhan", "vn_personal_id_gender")}


def test_different_people_rule_catches_a_repeated_id_number() -> None:
    from formfill.schema.persons import BenKetHon, same_person_errors

    a = BenKetHon.model_validate(
        {
            "ho_ten": "A",
            "ngay_sinh": "01/01/2000",
            "so_dinh_danh_ca_nhan": "087300012345",
            "ket_hon_lan_thu": 1,
        }
    )
    errors = same_person_errors(a, a, ("ben_nam",), "bên nữ")
    assert [(loc, err.type) for loc, err, _ in errors] == [
        (("ben_nam", "so_dinh_danh_ca_nhan"), "vn_duplicate_person")
    ]


# --- khai-tu: death after birth, not in the future, not after the declaration ---------------------


def test_death_before_birth_is_refused_on_the_date_of_death() -> None:
    data = _example("khai-tu")
    data["ngay_chet"] = "11/05/1945"  # born 12/05/1945
    data.pop("giay_bao_tu")
    assert _errors("khai-tu", data) == {("ngay_chet", "vn_death_before_birth")}


def test_death_on_the_day_of_birth_is_possible() -> None:
    data = _example("khai-tu")
    data["nguoi_da_chet"]["ngay_sinh"] = "18/11/2026"
    data["nguoi_da_chet"]["so_dinh_danh_ca_nhan"] = "087226000981"
    _ok("khai-tu", data)


def test_death_in_the_birth_year_with_only_the_year_known_is_possible() -> None:
    data = _example("khai-tu", "valid-2")
    data["nguoi_da_chet"]["ngay_sinh"] = "2026"
    _ok("khai-tu", data)


def test_death_after_the_declaration_date_is_refused() -> None:
    data = _example("khai-tu")
    data["ngay_lam"] = "17/11/2026"
    data.pop("giay_bao_tu")
    assert _errors("khai-tu", data) == {("ngay_chet", "vn_date_after_declaration")}


def test_death_notice_before_the_death_is_refused() -> None:
    data = _example("khai-tu")
    data["giay_bao_tu"]["ngay_cap"] = "17/11/2026"
    assert _errors("khai-tu", data) == {("giay_bao_tu.ngay_cap", "vn_death_notice_before_death")}


def test_requester_cannot_be_the_deceased() -> None:
    data = _example("khai-tu")
    data["nguoi_yeu_cau"]["so_dinh_danh_ca_nhan"] = data["nguoi_da_chet"]["so_dinh_danh_ca_nhan"]
    assert _errors("khai-tu", data) == {("nguoi_da_chet.so_dinh_danh_ca_nhan", "vn_duplicate_person")}


def test_partial_birth_date_makes_note_2_lines_required_even_with_an_id() -> None:
    data = _example("khai-tu")
    data["nguoi_da_chet"]["ngay_sinh"] = "05/1945"
    assert _errors("khai-tu", data) == {
        ("nguoi_da_chet.gioi_tinh", "missing_without_id"),
        ("nguoi_da_chet.dan_toc", "missing_without_id"),
        ("nguoi_da_chet.quoc_tich", "missing_without_id"),
        ("nguoi_da_chet.noi_cu_tru_cuoi_cung", "missing_without_id"),
    }


@pytest.mark.parametrize("text", ["10:30", "10h30", "10 giờ 30 phút", "10:30:00"])
def test_time_of_death_is_stored_as_hh_mm(text: str) -> None:
    data = _example("khai-tu")
    data["gio_chet"] = text
    declaration = _ok("khai-tu", data)
    assert declaration.model_dump(mode="json")["gio_chet"] == "10:30"


# --- nhan-cha-me-con: the relationship word ------------------------------------------------------


@pytest.mark.parametrize("word", ["cha", "con"])
def test_commitment_carries_the_relationship_word(word: str) -> None:
    data = _example("nhan-cha-me-con", "valid-2" if word == "cha" else "valid-1")
    declaration = _ok("nhan-cha-me-con", data)
    assert declaration.cam_doan().startswith(f"Tôi cam đoan việc nhận {word} nói trên là đúng sự thật")
    assert declaration.cam_doan().endswith("chịu trách nhiệm trước pháp luật về cam đoan của mình.")


def test_relationship_word_is_matched_without_accents() -> None:
    data = _example("nhan-cha-me-con", "valid-2")
    data["nguoi_duoc_nhan"] = {
        "ho_ten": "Võ Thị Lan",
        "ngay_sinh": "11/02/1975",
        "so_dinh_danh_ca_nhan": "087175002233",
    }
    data["la"] = "ME"
    assert _ok("nhan-cha-me-con", data).cam_doan().startswith("Tôi cam đoan việc nhận mẹ nói trên")


def test_with_la_con_the_person_recognising_is_the_parent() -> None:
    data = _example("nhan-cha-me-con")
    data["nguoi_duoc_nhan"]["ngay_sinh"] = "01/01/1990"  # the "child" born before the father
    data["nguoi_duoc_nhan"]["giay_khai_sinh"]["ngay_cap"] = "15/01/1990"
    assert _errors("nhan-cha-me-con", data) == {("nguoi_nhan.ngay_sinh", "vn_parent_not_older")}


def test_parent_and_child_born_the_same_day_is_refused() -> None:
    data = _example("nhan-cha-me-con", "valid-2")
    data["nguoi_duoc_nhan"]["ngay_sinh"] = data["nguoi_nhan"]["ngay_sinh"]
    data["nguoi_duoc_nhan"]["so_dinh_danh_ca_nhan"] = "087201002233"
    assert _errors("nhan-cha-me-con", data) == {("nguoi_duoc_nhan.ngay_sinh", "vn_parent_not_older")}


def test_the_two_parties_are_different_people() -> None:
    data = _example("nhan-cha-me-con", "valid-2")
    data["nguoi_duoc_nhan"] = copy.deepcopy(data["nguoi_nhan"])
    data["la"] = "mẹ"
    data["nguoi_duoc_nhan"]["ngay_sinh"] = "18/10/2001"
    assert ("nguoi_nhan.so_dinh_danh_ca_nhan", "vn_duplicate_person") in _errors("nhan-cha-me-con", data)


# --- xac-nhan-tinh-trang-hon-nhan: the official sentence ------------------------------------------


def _status(data: dict[str, Any]) -> str:
    form = _example("xac-nhan-tinh-trang-hon-nhan")
    form["tinh_trang_hon_nhan"] = data
    return _ok("xac-nhan-tinh-trang-hon-nhan", form).tinh_trang_hon_nhan.as_text()


def test_never_married_wording() -> None:
    assert _status({"loai": "Chưa đăng ký kết hôn"}) == "Hiện tại chưa đăng ký kết hôn với ai"


def test_period_wording() -> None:
    text = _status({"loai": "chua dang ky ket hon", "tu_ngay": "27/04/2016", "den_ngay": "14/09/2016"})
    assert text == "Trong thời gian từ ngày 27/04/2016 đến ngày 14/09/2016, chưa đăng ký kết hôn với ai"


def test_married_wording() -> None:
    text = _status(
        {
            "loai": "Đang có vợ/chồng",
            "dang_co_vo_chong": {
                "vo_chong": "chồng",
                "ho_ten": "Nguyễn Minh Luân",
                "giay_chung_nhan_ket_hon": {
                    "so": "45/2020",
                    "ngay_dang_ky": "21/10/2020",
                    "noi_dang_ky": "Ủy ban nhân dân phường 1, thành phố Sa Đéc, tỉnh Đồng Tháp",
                },
            },
        }
    )
    assert text == (
        "Hiện tại đang có chồng là ông Nguyễn Minh Luân (Giấy chứng nhận kết hôn số 45/2020, do Ủy ban"
        " nhân dân phường 1, thành phố Sa Đéc, tỉnh Đồng Tháp cấp ngày 21 tháng 10 năm 2020)"
    )


def test_widowed_wording_ends_with_not_remarried() -> None:
    text = _status(
        {
            "loai": "Vợ/chồng đã chết",
            "vo_chong_da_chet": {
                "vo_chong": "vợ",
                "loai_giay_to": "Trích lục khai tử",
                "so": "15/2019",
                "noi_cap": "Ủy ban nhân dân xã Mỹ An Hưng A",
                "ngay_cap": "03/04/2019",
            },
        }
    )
    assert text.startswith("Có đăng ký kết hôn, nhưng vợ đã chết (Trích lục khai tử số 15/2019")
    assert text.endswith("; hiện tại chưa đăng ký kết hôn với ai")


# --- thay-doi-cai-chinh-ho-tich: change rows -----------------------------------------------------


def test_a_correction_of_one_diacritic_is_a_change() -> None:
    data = _example("thay-doi-cai-chinh-ho-tich")
    assert data["noi_dung"][0]["tu"] != data["noi_dung"][0]["thanh"]
    _ok("thay-doi-cai-chinh-ho-tich", data)


def test_a_row_without_old_value_needs_bo_sung() -> None:
    data = _example("thay-doi-cai-chinh-ho-tich")
    data["noi_dung"].append({"thong_tin": "Quê quán", "thanh": "phường Sa Đéc, tỉnh Đồng Tháp"})
    assert _errors("thay-doi-cai-chinh-ho-tich", data) == {("noi_dung.2.tu", "missing")}
    data["loai_viec"].append("Bổ sung thông tin hộ tịch")
    _ok("thay-doi-cai-chinh-ho-tich", data)
