"""The label similarity (accent- and case-insensitive, marks and numbering ignored, wording drift)."""

from __future__ import annotations

from formfill.importer.matching import THRESHOLD, fold, label_similarity, similarity


def test_fold_drops_accents_marks_numbers_and_punctuation() -> None:
    assert fold("4. Số định danh cá nhân:") == "so dinh danh ca nhan"
    assert fold("Nơi cư trú: ⁽²⁾") == fold("Nơi cư trú{2}") == fold("NƠI CƯ TRÚ (2)") == "noi cu tru"


def test_wording_drift_still_matches() -> None:
    assert similarity("Họ, chữ đệm và tên", "Họ và tên") >= THRESHOLD
    assert similarity("Họ, chữ đệm và tên người mẹ:", "Họ, chữ đệm, tên người mẹ") >= 0.9
    assert similarity("Dân tộc: ⁽²⁾", "Dân tộc:{2}") == 1.0


def test_different_fields_do_not_match() -> None:
    assert similarity("Số", "Số định danh cá nhân") < THRESHOLD
    assert similarity("Ngày cấp", "Ngày sinh") < THRESHOLD
    assert similarity("Quốc tịch", "Dân tộc") < THRESHOLD


def test_the_part_after_the_last_colon_is_tried() -> None:
    assert label_similarity("Thông tin về Giấy chứng nhận kết hôn (nếu có): Số:", ["Số"]) == 1.0
