"""Where a printed line may break: between words, never inside a name a clerk reads as one.

Vietnamese writes one syllable per space, so "a break at a space" is not "a break between words":
"hộ / tịch" splits one word, "tỉnh Đồng / Tháp" one place name. :func:`groups` cuts a text into
the pieces a line may end after — an administrative unit with its level word up to the next comma
("tỉnh Đồng Tháp", "phường Sa Đéc"), a date with the word before it ("cấp ngày 02/02/2020",
"ngày 20 tháng 11 năm 2026"), an ID with its "số", a number with its unit ("2 bản"), and the
compound words of the forms ("Ủy ban nhân dân", "hộ tịch", "QLHC về TTXH"). Breaking inside a
group is the caller's last resort (a narrow table cell at its floor size); inside a word, never.
"""

from __future__ import annotations

import re
from functools import lru_cache

# level words, lower case; a two-syllable level is matched as one
_LEVELS_2 = frozenset({"thành phố", "thị xã", "thị trấn", "đặc khu", "tổ dân phố", "khu phố"})
_LEVELS_1 = frozenset(
    {
        "tỉnh",
        "xã",
        "phường",
        "huyện",
        "quận",
        "ấp",
        "khóm",
        "thôn",
        "xóm",
        "bản",
        "làng",
        "tổ",
        "khu",
        "đường",
    }
)
# syllable pairs/triples read as one word on these forms (lower case, punctuation stripped)
_COMPOUNDS = tuple(
    tuple(c.split())
    for c in (
        "ủy ban nhân dân",
        "ủy ban",
        "nhân dân",
        "qlhc về ttxh",
        "cục cảnh sát",
        "cục quản lý xuất nhập cảnh",
        "xuất nhập cảnh",
        "bộ ngoại giao",
        "công an",
        "hộ tịch",
        "hộ khẩu",
        "hộ chiếu",
        "khai sinh",
        "khai tử",
        "kết hôn",
        "hôn nhân",
        "tình trạng",
        "cư trú",
        "thường trú",
        "tạm trú",
        "sinh sống",
        "định danh",
        "cá nhân",
        "căn cước",
        "công dân",
        "giấy tờ",
        "tùy thân",
        "chữ đệm",
        "quốc tịch",
        "dân tộc",
        "việt nam",
        "hàn quốc",
        "trung quốc",
        "hoa kỳ",
        "nhật bản",
        "pháp luật",
        "trách nhiệm",
        "cam đoan",
        "đăng ký",
        "bản sao",
        "số lượng",
        "cơ quan",
        "cơ sở",
        "y tế",
        "bệnh viện",
        "đa khoa",
        "quan hệ",
        "chủ hộ",
        "thông tin",
        "giấy chứng nhận",
        "chứng nhận",
        "giấy báo tử",
        "báo tử",
        "thay thế",
        "trích lục",
        "cải chính",
        "bổ sung",
        "xác nhận",
        "thay đổi",
        "nội dung",
        "đề nghị",
        "yêu cầu",
        "người yêu cầu",
        "ngày tháng",
        "giới tính",
        "quê quán",
        "nơi sinh",
        "điện thoại",
        "thư điện tử",
        "thỏa thuận",
        "nhất trí",
        "liên quan",
        "quy định",
        "tương ứng",
        "hợp lệ",
        "nước ngoài",
        "ghi chú",
    )
)
_MAX_COMPOUND = max(len(c) for c in _COMPOUNDS)
_COMPOUND_SET = frozenset(_COMPOUNDS)

_DATE = re.compile(r"^\(?\d{1,2}/\d{1,2}/\d{4}[,;.)]*$|^\(?\d{1,2}/\d{4}[,;.)]*$")
_NUMBER = re.compile(r"^\(?[0-9][0-9.,/]*[,;.)]*$")
_ID = re.compile(r"^[A-Z]{0,3}[0-9][0-9A-Z./-]{2,}[,;.)]*$")  # 087195012345, C7654321, 45/2020
_DATE_WORDS = frozenset({"ngày", "tháng", "năm", "giờ", "phút"})
_UNITS = frozenset(
    {"bản", "tuổi", "cm", "mm", "kg", "m", "m2", "m²", "năm", "tháng", "ngày", "giờ", "phút", "người", "lần"}
)
_ENDS = ",;:.)"  # a syllable ending in one of these ends what it belongs to


def _bare(word: str) -> str:
    return word.strip("()").rstrip(_ENDS).lower()


def _is_name_word(word: str) -> bool:
    """A word that continues a place name: capitalised, or a number ("phường 1", "tổ 5")."""
    first = word.lstrip("(")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def _glue(words: list[str]) -> list[bool]:
    """``glue[i]``: no line break between ``words[i]`` and ``words[i + 1]``."""
    n = len(words)
    glue = [False] * max(n - 1, 0)
    bare = [_bare(w) for w in words]
    i = 0
    while i < n:  # compound words, longest first
        for k in range(min(_MAX_COMPOUND, n - i), 1, -1):
            if tuple(bare[i : i + k]) in _COMPOUND_SET and not any(
                words[j][-1] in _ENDS for j in range(i, i + k - 1)
            ):
                for j in range(i, i + k - 1):
                    glue[j] = True
                i += k - 1
                break
        i += 1
    for i in range(n - 1):
        w, nxt = words[i], words[i + 1]
        if w[-1] in _ENDS:
            continue
        b = bare[i]
        pair = f"{b} {bare[i + 1]}"
        if pair in _LEVELS_2:
            glue[i] = True
        level_end = i + 1 if pair in _LEVELS_2 else i if b in _LEVELS_1 else -1
        if level_end >= 0:  # the level word with the unit's name, up to the next comma
            j = level_end
            while j + 1 < n and _is_name_word(words[j + 1]) and (j == level_end or words[j][-1] not in _ENDS):
                glue[j] = True
                if words[j + 1][-1] in _ENDS:
                    break
                j += 1
        if _DATE.match(nxt) and b in ("ngày", "cấp", "sinh", "từ", "đến"):
            glue[i] = True
        if b in _DATE_WORDS and _NUMBER.match(nxt):
            glue[i] = True  # "ngày 20", "tháng 11", "năm 2026"
        if _NUMBER.match(w) and _bare(nxt) in _UNITS:
            glue[i] = True  # "2 bản", "20 tháng"
        if b == "số" and _ID.match(nxt):
            glue[i] = True  # "số 025188001010"
        if b == "cấp" and bare[i + 1] == "ngày":
            glue[i] = True  # "cấp ngày 02/02/2020"
    return glue


@lru_cache(maxsize=4096)
def groups(text: str) -> tuple[str, ...]:
    """``text`` (single spaces) as the pieces a line may break between, joined back by one space."""
    words = text.split(" ")
    if len(words) < 2:
        return tuple(words)
    glue = _glue(words)
    out: list[str] = []
    cur = words[0]
    for i in range(1, len(words)):
        if glue[i - 1]:
            cur += " " + words[i]
        else:
            out.append(cur)
            cur = words[i]
    out.append(cur)
    return tuple(out)


def bad_breaks(lines: list[str]) -> list[str]:
    """The line ends of ``lines`` (one text, broken) that fall inside a group: empty when all are allowed.

    Used by the tests on what a PDF reads back; ``lines`` are the printed lines in order.
    """
    text = " ".join(lines)
    allowed: set[int] = set()
    pos = 0
    for g in groups(text):
        pos += len(g)
        allowed.add(pos)
        pos += 1
    bad: list[str] = []
    pos = 0
    for line in lines[:-1]:
        pos += len(line)
        if pos not in allowed:
            bad.append(f"{line[-25:]} / {text[pos + 1 : pos + 26]}")
        pos += 1
    return bad
