"""Dân tộc: the 54 coded ethnic groups (TCTK 1979 list, codes 01–54) plus 55 "Người nước ngoài".

Input may be the code ("01", "1"), the name, or a common spelling variant; matching ignores case,
accents, hyphens, spaces and apostrophes (Mông / Hmông / H'Mông, Khmer / Khơ-me, Ê Đê / Ê-đê).
The stored value is the canonical name, so every form prints the same spelling.
"Việt" and "Việt Nam" are refused with a hint: the group is "Kinh", and Việt Nam is a nationality.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from formfill.base.messages import vn_error
from formfill.base.text import clean, fold
from formfill.types import fast
from formfill.types._base import NAME_MAX, require_str, schema, shown, validator


@dataclass(frozen=True)
class EthnicGroup:
    """One row of the coded list: code "01"…"55", canonical name, accepted variants."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()


# Names as in government data (vn-forms.md §3.4); aliases are spellings seen on forms and cards.
ETHNIC_GROUPS: tuple[EthnicGroup, ...] = (
    EthnicGroup("01", "Kinh"),
    EthnicGroup("02", "Tày"),
    EthnicGroup("03", "Thái"),
    EthnicGroup("04", "Hoa", ("Hán",)),
    EthnicGroup("05", "Khơ-me", ("Khmer", "Khơ Me", "Khmer Krôm")),
    EthnicGroup("06", "Mường"),
    EthnicGroup("07", "Nùng"),
    EthnicGroup("08", "Hmông", ("Mông", "H'Mông", "Mèo")),
    EthnicGroup("09", "Dao"),
    EthnicGroup("10", "Gia-rai", ("Gia Rai", "Jrai", "J'rai")),
    EthnicGroup("11", "Ngái"),
    EthnicGroup("12", "Ê-đê", ("Ê Đê", "Ede", "Rhade")),
    EthnicGroup("13", "Ba-na", ("Ba Na", "Bahnar")),
    EthnicGroup("14", "Xơ-đăng", ("Xơ Đăng", "Xê Đăng", "Sedang")),
    EthnicGroup("15", "Sán Chay", ("Sán Chí", "Cao Lan")),
    EthnicGroup("16", "Cơ-ho", ("Cơ Ho", "K'Ho", "Koho")),
    EthnicGroup("17", "Chăm", ("Chàm", "Cham")),
    EthnicGroup("18", "Sán Dìu"),
    EthnicGroup("19", "Hrê", ("H're",)),
    EthnicGroup("20", "Mnông", ("M'Nông", "Mơ Nông")),
    EthnicGroup("21", "Ra-glai", ("Ra Glai", "Raglai")),
    EthnicGroup("22", "Xtiêng", ("Stiêng", "X'tiêng")),
    EthnicGroup("23", "Bru-Vân Kiều", ("Bru", "Vân Kiều", "Bru Vân Kiều")),
    EthnicGroup("24", "Thổ"),
    EthnicGroup("25", "Giáy"),
    EthnicGroup("26", "Cơ-tu", ("Cơ Tu", "Katu")),
    EthnicGroup("27", "Gié-Triêng", ("Giẻ Triêng", "Gié Triêng", "Giẻ-Triêng")),
    EthnicGroup("28", "Mạ"),
    EthnicGroup("29", "Khơ-mú", ("Khơ Mú", "Khmu", "Kơ Mú")),
    EthnicGroup("30", "Co", ("Cor",)),
    EthnicGroup("31", "Ta-ôi", ("Tà Ôi", "Tà-ôi", "Pa Cô")),
    EthnicGroup("32", "Chơ-ro", ("Chơ Ro", "Chrau")),
    EthnicGroup("33", "Kháng"),
    EthnicGroup("34", "Xinh-mun", ("Xinh Mun",)),
    EthnicGroup("35", "Hà Nhì"),
    EthnicGroup("36", "Chu-ru", ("Chu Ru", "Churu")),
    EthnicGroup("37", "Lào"),
    EthnicGroup("38", "La Chí", ("La Chi",)),
    EthnicGroup("39", "La Ha"),
    EthnicGroup("40", "Phù Lá"),
    EthnicGroup("41", "La Hủ"),
    EthnicGroup("42", "Lự"),
    EthnicGroup("43", "Lô Lô"),
    EthnicGroup("44", "Chứt"),
    EthnicGroup("45", "Mảng"),
    EthnicGroup("46", "Pà Thẻn", ("Pà Hưng",)),
    EthnicGroup("47", "Cơ Lao", ("Cờ Lao",)),
    EthnicGroup("48", "Cống"),
    EthnicGroup("49", "Bố Y"),
    EthnicGroup("50", "Si La"),
    EthnicGroup("51", "Pu Péo"),
    EthnicGroup("52", "Brâu"),
    EthnicGroup("53", "Ơ Đu"),
    EthnicGroup("54", "Rơ-măm", ("Rơ Măm",)),
    EthnicGroup("55", "Người nước ngoài", ("nước ngoài", "foreigner")),
)

# "Việt", "người Việt", "Việt Nam": a nationality or the common word, not the coded group.
_VIET_KEYS = frozenset({"viet", "nguoiviet", "vietnam", "nguoivietnam", "dantocviet", "dantocvietnam"})
_PREFIXES = ("dantoc", "nguoi")


# What a spelling may hold besides letters and digits: "Ê Đê", "Khơ-me", "H'Mông", "K’Ho".
_SEPARATORS = frozenset(" -\u2010\u2011\u2013'\u2019\u2018\u02bc")


def _key(text: str) -> str:
    """Letters and digits of the folded spelling; "" when it holds anything else ("=1+1", "Kinh!") or
    starts or ends with a separator ("-1"), so a symbol can never be dropped into a match."""
    folded = fold(text)
    if not folded or folded[0] in _SEPARATORS or folded[-1] in _SEPARATORS:
        return ""  # "-1" is a number or a formula, not a spelling
    if not all(ch.isalnum() or ch in _SEPARATORS for ch in folded):
        return ""
    return "".join(ch for ch in folded if ch.isalnum())


@cache
def _index() -> dict[str, EthnicGroup]:
    index: dict[str, EthnicGroup] = {}
    for group in ETHNIC_GROUPS:
        for spelling in (group.name, *group.aliases):
            key = _key(spelling)
            if not key:
                raise AssertionError(f"ethnic spelling {spelling!r} has a character matching ignores")
            if index.get(key, group) is not group:
                raise AssertionError(f"ethnic alias {spelling!r} collides with {index[key].name!r}")
            index[key] = group
        index[group.code] = group
        index[str(int(group.code))] = group
    return index


def find_ethnic_group(value: str) -> EthnicGroup | None:
    """The group named or coded by ``value`` (any spelling variant), or ``None``."""
    index = _index()
    key = _key(value)
    if not key:
        return None
    if key in index:
        return index[key]
    for prefix in _PREFIXES:  # "dân tộc Kinh", "người Tày"
        if key.startswith(prefix) and key[len(prefix) :] in index:
            return index[key[len(prefix) :]]
    return None


_CANONICAL = frozenset(g.name for g in ETHNIC_GROUPS)


def normalise_ethnicity(value: Any) -> str:
    """The canonical name, ``vn_ethnicity_viet`` for "Việt"/"Việt Nam", else ``vn_ethnicity_unknown``."""
    if isinstance(value, str) and value in _CANONICAL:
        return value
    text = clean(require_str(value, allow_int=True))
    if not text:
        raise vn_error("missing")
    group = find_ethnic_group(text)
    if group is not None:
        return group.name
    if _key(text) in _VIET_KEYS:
        raise vn_error("vn_ethnicity_viet", value=shown(text))
    raise vn_error("vn_ethnicity_unknown", value=shown(text))


def ethnicity_code(name: str) -> str:
    """The two-digit code of a group: ``ethnicity_code("Kinh") == "01"`` (any accepted spelling)."""
    group = find_ethnic_group(name)
    if group is None:
        raise KeyError(name)
    return group.code


fast.mark(normalise_ethnicity, lambda _today: fast.literal(_CANONICAL))

Ethnicity = Annotated[
    str,
    validator(normalise_ethnicity),
    schema("vn-ethnicity", ["Kinh", "Tày", "Khơ-me"], maxLength=NAME_MAX),
]
"""Dân tộc: one of the 54 coded groups or "Người nước ngoài", stored by canonical name."""
