"""The 2025 two-tier administrative map: 34 provinces and 3,321 communes (xã, phường, đặc khu).

Data: the ``vietnam-provinces`` package (GSO codes, pinned 2025.10.1). The index is built once, on
first use, with every name pre-folded (no accents, lower case) so that a search over all communes
is a few substring tests per commune — well under 10 ms a query.

Matching ignores case, accents, punctuation and the unit word ("phường", "P.", "xã", "tỉnh",
"TP."): "sa dec", "phuong sa dec", "Sa Đéc", "P. Sa Đéc" and the code "29905" all find
Phường Sa Đéc (tỉnh Đồng Tháp). When two units fold to the same letters (Phường Mỹ Tho / Xã Mỹ
Thọ), the accented spelling decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from formfill.base.text import clean, fold

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_LEADING_ZEROS = re.compile(r"\b0+(?=[0-9])")

# Unit words as people type them, mapped to the folded canonical word.
_COMMUNE_TYPES = {
    "phuong": "phuong",
    "p": "phuong",
    "xa": "xa",
    "x": "xa",
    "dac khu": "dac khu",
    "dk": "dac khu",
}
_PROVINCE_PREFIXES = ("thanh pho truc thuoc trung uong", "thanh pho", "tinh", "tp")


def norm(text: str) -> str:
    """Folded words separated by single spaces: "P. Sa Đéc" -> "p sa dec"; "Phường 01" -> "phuong 1"."""
    return _LEADING_ZEROS.sub("", _NON_ALNUM.sub(" ", fold(text)).strip())


def _accent_key(text: str) -> str:
    """Lower case with accents kept, punctuation dropped: tells "Mỹ Tho" from "Mỹ Thọ"."""
    return " ".join(re.sub(r"[^\w]+", " ", clean(text).casefold()).split())


@dataclass(frozen=True)
class ProvinceInfo:
    """A province-level unit: "82", "Đồng Tháp", kind "tỉnh" (or "thành phố")."""

    code: str
    name: str  # without the unit word: "Đồng Tháp", "Hà Nội"
    kind: str  # "tỉnh" or "thành phố"
    official_name: str  # as in the GSO list: "Đồng Tháp", "Thành phố Hà Nội"
    phone_code: int

    @property
    def full_name(self) -> str:
        """ "tỉnh Đồng Tháp", "thành phố Hà Nội" — how an address line names it."""
        return f"{self.kind} {self.name}"


@dataclass(frozen=True)
class CommuneInfo:
    """A commune-level unit: "29905", "Phường Sa Đéc", kind "phường", in province "82"."""

    code: str  # five digits, zero-padded
    name: str  # official: "Phường Sa Đéc"
    kind: str  # "xã", "phường" or "đặc khu"
    short_name: str  # "Sa Đéc"
    province_code: str

    @property
    def full_name(self) -> str:
        """ "phường Sa Đéc" — the unit word in lower case, as inside an address line."""
        return f"{self.kind} {self.short_name}"

    @property
    def province(self) -> ProvinceInfo:
        """The province the commune belongs to."""
        return _index().province_by_code[self.province_code]

    @property
    def label(self) -> str:
        """ "Phường Sa Đéc, tỉnh Đồng Tháp" — for pick lists and messages."""
        return f"{self.name}, {self.province.full_name}"


@dataclass(frozen=True)
class CommuneHit:
    """One search result; ``rank`` orders hits (0 = code, 1 = exact name, 2 = prefix, 3–4 = words)."""

    commune: CommuneInfo
    province: ProvinceInfo
    rank: int

    @property
    def label(self) -> str:
        return self.commune.label


@dataclass(frozen=True)
class _Row:
    """A commune with its pre-folded search strings."""

    commune: CommuneInfo
    short: str  # "sa dec"
    full: str  # "phuong sa dec"
    own: str  # " phuong sa dec "
    hay: str  # " phuong sa dec dong thap "
    accent: str  # "sa đéc"
    kind: str  # "phuong"
    code_int: int


class _Index:
    def __init__(self) -> None:
        from vietnam_provinces import Province, VietNamDivisionType, Ward

        self.provinces: list[ProvinceInfo] = []
        self.province_by_code: dict[str, ProvinceInfo] = {}
        self.province_keys: dict[str, ProvinceInfo] = {}
        for p in Province.iter_all():
            is_city = p.division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG
            short = p.name.removeprefix("Thành phố ").strip()
            info = ProvinceInfo(
                code=f"{int(p.code):02d}",
                name=short,
                kind="thành phố" if is_city else "tỉnh",
                official_name=p.name,
                phone_code=int(p.phone_code),
            )
            self.provinces.append(info)
            self.province_by_code[info.code] = info
            self.province_keys[norm(short)] = info
        # Short forms people write for the big cities.
        for alias, code in {
            "hcm": "79",
            "tphcm": "79",
            "sai gon": "79",
            "hn": "01",
            "thua thien hue": "46",
        }.items():
            self.province_keys[alias] = self.province_by_code[code]

        self.rows: list[_Row] = []
        self.commune_by_code: dict[str, CommuneInfo] = {}
        self.commune_keys: dict[str, list[CommuneInfo]] = {}
        kinds = {VietNamDivisionType.XA: "xã", VietNamDivisionType.PHUONG: "phường"}
        for w in Ward.iter_all():
            kind = kinds.get(w.division_type, "đặc khu")
            word = {"xã": "Xã ", "phường": "Phường ", "đặc khu": "Đặc khu "}[kind]
            short = w.name[len(word) :] if w.name.startswith(word) else w.name
            info = CommuneInfo(
                code=f"{int(w.code):05d}",
                name=w.name,
                kind=kind,
                short_name=short,
                province_code=f"{int(w.province_code):02d}",
            )
            province = self.province_by_code[info.province_code]
            full, short_key = norm(w.name), norm(short)
            self.rows.append(
                _Row(
                    info,
                    short_key,
                    full,
                    f" {full} ",
                    f" {full} {norm(province.name)} ",
                    _accent_key(short),
                    norm(kind),
                    int(w.code),
                )
            )
            self.commune_by_code[info.code] = info
            for key in {full, short_key}:
                self.commune_keys.setdefault(key, []).append(info)


@cache
def _index() -> _Index:
    return _Index()


def provinces() -> list[ProvinceInfo]:
    """All 34 province-level units, in GSO code order."""
    return list(_index().provinces)


def communes(province: str | ProvinceInfo | None = None) -> list[CommuneInfo]:
    """All communes (3,321), or those of one province."""
    rows = _index().rows
    if province is None:
        return [r.commune for r in rows]
    p = province if isinstance(province, ProvinceInfo) else find_province(province)
    return [r.commune for r in rows if p is not None and r.commune.province_code == p.code]


def _province_key(text: str) -> str:
    key = norm(text)
    for prefix in _PROVINCE_PREFIXES:
        if key.startswith(prefix + " "):
            return key[len(prefix) + 1 :]
    return key


def find_province(text_or_code: str | int) -> ProvinceInfo | None:
    """The 2025 province named or coded ("82", "Đồng Tháp", "tỉnh Đồng Tháp", "TP. HCM"), or ``None``."""
    index = _index()
    text = str(text_or_code).strip()
    if text.isdigit() and text.isascii():
        return index.province_by_code.get(f"{int(text):02d}")
    return index.province_keys.get(_province_key(text))


def _split_type(key: str) -> tuple[str | None, str]:
    for word, canonical in _COMMUNE_TYPES.items():
        if key.startswith(word + " "):
            return canonical, key[len(word) + 1 :]
    return None, key


def match_communes(text_or_code: str | int, province: str | ProvinceInfo | None = None) -> list[CommuneInfo]:
    """Every commune whose name (or code) is exactly ``text_or_code``, ignoring case and accents.

    Several hits mean the name is ambiguous (238 names occur in more than one province); an
    accented spelling that matches exactly one of them wins.
    """
    index = _index()
    text = str(text_or_code).strip()
    if text.isdigit() and text.isascii():
        found = index.commune_by_code.get(f"{int(text):05d}")
        hits = [found] if found else []
    else:
        typ, rest = _split_type(norm(text))
        hits = index.commune_keys.get(f"{typ} {rest}" if typ else rest, [])
        if not hits and typ:  # "Xã Sa Đéc" for what is now a phường: the name still decides
            hits = index.commune_keys.get(rest, [])
        if len(hits) > 1:
            accent = _accent_key(text)
            exact = [c for c in hits if accent in (_accent_key(c.name), _accent_key(c.short_name))]
            hits = exact or hits
    if province is not None:
        p = province if isinstance(province, ProvinceInfo) else find_province(province)
        hits = [c for c in hits if p is not None and c.province_code == p.code]
    return list(hits)


def find_commune(text_or_code: str | int, province: str | ProvinceInfo | None = None) -> CommuneInfo | None:
    """The one commune named or coded so (within ``province`` if given); ``None`` if none or several."""
    hits = match_communes(text_or_code, province)
    return hits[0] if len(hits) == 1 else None


def search_communes(query: str, limit: int = 20) -> list[CommuneHit]:
    """Communes for a search box, best first: code, exact name, name prefix, word prefixes.

    "sa dec" -> Phường Sa Đéc (Đồng Tháp) first; words may also name the province
    ("tan phu dong thap"); a comma separates commune and province ("sa dec, dong thap").
    """
    index = _index()
    if not isinstance(query, str) or limit <= 0:
        return []
    province: ProvinceInfo | None = None
    if "," in query:
        head, _, tail = query.rpartition(",")
        province = find_province(tail)
        if province is not None:
            query = head
    q = norm(query)
    if not q:
        return []
    typ, rest = _split_type(q)
    q_tokens = rest.split() if typ else q.split()
    accent = _accent_key(query)
    pats = [f" {t}" for t in q_tokens]
    ranked: list[tuple[tuple[int, int, int, str, str], _Row]] = []
    number = int(q) if q.isdigit() else None
    for row in index.rows:
        c = row.commune
        if province is not None and c.province_code != province.code:
            continue
        if number is not None:
            if row.code_int == number:
                rank = 0
            elif str(row.code_int).startswith(str(number)):
                rank = 2
            elif all(p in row.hay for p in pats):  # numbered units: "phuong 1" typed as "1"
                rank = 3
            else:
                continue
        elif not all(p in row.hay for p in pats):  # cheap filter first: every rank needs it
            continue
        elif q in (row.short, row.full) or (typ and rest == row.short):
            rank = 1
        elif row.short.startswith(q) or row.full.startswith(q) or (typ and row.short.startswith(rest)):
            rank = 2
        elif all(p in row.own for p in pats):
            rank = 3
        else:
            rank = 4
        type_bonus = 0 if typ is None or row.kind == typ else 1
        accent_bonus = 0 if row.accent.startswith(accent) or accent.endswith(row.accent) else 1
        ranked.append(((rank, type_bonus + accent_bonus, len(row.short), c.province_code, c.name), row))
    ranked.sort(key=lambda item: item[0])
    return [
        CommuneHit(row.commune, index.province_by_code[row.commune.province_code], key[0])
        for key, row in ranked[:limit]
    ]


def _lower_unit_word(name: str) -> str:
    for word in (
        "Phường ",
        "Xã ",
        "Đặc khu ",
        "Tỉnh ",
        "Thành phố ",
        "Thị trấn ",
        "Quận ",
        "Huyện ",
        "Thị xã ",
    ):
        if name.startswith(word):
            return word.lower() + name[len(word) :]
    return name


def format_address(
    chi_tiet: str | None,
    xa: str | CommuneInfo | None,
    tinh: str | ProvinceInfo | None,
    quoc_gia: str | None = None,
) -> str:
    """One address line: "Số 153 Nguyễn Sinh Sắc, phường Sa Đéc, tỉnh Đồng Tháp".

    Known units are written in official form with the unit word in lower case; anything else is
    written as given. The country is added only when it is not Việt Nam.
    """
    parts: list[str] = []
    if chi_tiet and clean(chi_tiet):
        parts.append(clean(chi_tiet))
    if isinstance(xa, str) and clean(xa):
        found = find_commune(xa, tinh if tinh else None)
        parts.append(found.full_name if found else _lower_unit_word(clean(xa)))
    elif isinstance(xa, CommuneInfo):
        parts.append(xa.full_name)
    if isinstance(tinh, str) and clean(tinh):
        p = find_province(tinh)
        parts.append(p.full_name if p else _lower_unit_word(clean(tinh)))
    elif isinstance(tinh, ProvinceInfo):
        parts.append(tinh.full_name)
    if quoc_gia and norm(quoc_gia) not in ("viet nam", "vietnam", "vn"):
        parts.append(clean(quoc_gia))
    return ", ".join(parts)
