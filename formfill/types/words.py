"""Numbers and dates written in Vietnamese words ("ngày mười lăm tháng bảy năm hai nghìn …").

Written here rather than taken from num2words, whose Vietnamese gets the readings below wrong.
One canonical reading is printed (vn-forms.md §3.5):

* 10 "mười", 20–90 "… mươi"; units after "mươi": 1 "mốt", 5 "lăm", 4 "bốn" (never "tư");
  after "mười": 5 "lăm", 1 "một" (11 = "mười một"); 5 alone is "năm";
* zero tens with non-zero units inside a hundred group: "linh" (104 = "một trăm linh bốn");
* a group below the leading one always names its hundreds, even "không trăm"
  (2024 = "hai nghìn không trăm hai mươi bốn"); an all-zero group is skipped;
* scales: nghìn, triệu, tỷ (then "nghìn tỷ", …);
* months: April is "tháng tư", January "tháng một".
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from formfill.types.dates import PartialDate

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_SCALES = ("", "nghìn", "triệu")
_MONTHS = ("", "một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai")


def _tens_units(t: int, u: int, *, after_hundreds: bool) -> list[str]:
    if t == 0:
        if u == 0:
            return []
        return ["linh", _DIGITS[u]] if after_hundreds else [_DIGITS[u]]
    words = ["mười"] if t == 1 else [_DIGITS[t], "mươi"]
    if u == 0:
        return words
    if u == 5:
        return [*words, "lăm"]
    if u == 1 and t >= 2:
        return [*words, "mốt"]
    return [*words, _DIGITS[u]]


def _group(n: int, *, full: bool) -> list[str]:
    """Words for 0 < n < 1000; ``full`` names the hundreds even when zero ("không trăm")."""
    h, t, u = n // 100, n // 10 % 10, n % 10
    if h == 0 and not full:
        return _tens_units(t, u, after_hundreds=False)
    return [_DIGITS[h], "trăm", *_tens_units(t, u, after_hundreds=True)]


def _below_billion(n: int, *, full: bool) -> list[str]:
    groups = []
    while n:
        groups.append(n % 1000)
        n //= 1000
    words: list[str] = []
    leading = True
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            continue
        words += _group(g, full=full or not leading)
        if _SCALES[i]:
            words.append(_SCALES[i])
        leading = False
    return words


def _words(n: int, *, full: bool) -> list[str]:
    billions, rest = divmod(n, 1_000_000_000)
    words: list[str] = []
    if billions:
        words += [*_words(billions, full=full), "tỷ"]
    if rest:
        words += _below_billion(rest, full=full or bool(billions))
    return words


def number_in_words(n: int) -> str:
    """A whole number in Vietnamese words: 2024 -> "hai nghìn không trăm hai mươi bốn"."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("number_in_words takes an int")
    if n < 0:
        return "âm " + number_in_words(-n)
    if n == 0:
        return _DIGITS[0]
    return " ".join(_words(n, full=False))


def date_in_words(d: date | PartialDate, capitalize: bool = False) -> str:
    """ "ngày mười lăm tháng bảy năm hai nghìn không trăm hai mươi bốn" (parts a PartialDate lacks are left out)."""
    parts: list[str] = []
    day, month = getattr(d, "day", None), getattr(d, "month", None)
    if day is not None:
        parts.append("ngày " + number_in_words(day))
    if month is not None:
        parts.append("tháng " + _MONTHS[month])
    parts.append("năm " + number_in_words(d.year))
    text = " ".join(parts)
    return text[0].upper() + text[1:] if capitalize else text
