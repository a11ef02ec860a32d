from datetime import date

import pytest

from formfill.types import PartialDate, date_in_words, number_in_words


@pytest.mark.parametrize(
    ("d", "words"),
    [
        (date(2024, 7, 15), "ngày mười lăm tháng bảy năm hai nghìn không trăm hai mươi bốn"),
        (date(2004, 1, 5), "ngày năm tháng một năm hai nghìn không trăm linh bốn"),
        (date(2010, 10, 21), "ngày hai mươi mốt tháng mười năm hai nghìn không trăm mười"),
        (date(2021, 4, 14), "ngày mười bốn tháng tư năm hai nghìn không trăm hai mươi mốt"),
        (date(1995, 12, 25), "ngày hai mươi lăm tháng mười hai năm một nghìn chín trăm chín mươi lăm"),
        (date(2026, 3, 15), "ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi sáu"),
        (date(2000, 11, 11), "ngày mười một tháng mười một năm hai nghìn"),
        (date(2031, 1, 31), "ngày ba mươi mốt tháng một năm hai nghìn không trăm ba mươi mốt"),
    ],
)
def test_date_vectors(d: date, words: str) -> None:
    assert date_in_words(d) == words


def test_capitalize_and_partial() -> None:
    assert date_in_words(date(2024, 7, 15), capitalize=True).startswith("Ngày mười lăm")
    assert date_in_words(PartialDate(1950)) == "năm một nghìn chín trăm năm mươi"
    assert date_in_words(PartialDate(1950, 4)) == "tháng tư năm một nghìn chín trăm năm mươi"


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (1, "một"),
        (4, "bốn"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi bốn"),
        (25, "hai mươi lăm"),
        (101, "một trăm linh một"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (115, "một trăm mười lăm"),
        (1001, "một nghìn không trăm linh một"),
        (2024, "hai nghìn không trăm hai mươi bốn"),
        (10_005, "mười nghìn không trăm linh năm"),
        (1_000_000, "một triệu"),
        (1_234_567, "một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy"),
        (2_000_000_001, "hai tỷ không trăm linh một"),
        (-3, "âm ba"),
    ],
)
def test_numbers(n: int, words: str) -> None:
    assert number_in_words(n) == words


def test_number_type() -> None:
    with pytest.raises(TypeError):
        number_in_words(1.5)  # type: ignore[arg-type]
