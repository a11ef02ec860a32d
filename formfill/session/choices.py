"""What a choice field offers while the user types: options searched without accents.

Pure Python: the options come from the schema (enum values), from the types (ethnic groups,
communes, provinces) or from a short list of usual answers (relationships, nationalities) that
are suggestions only — the schema's type still decides what is valid.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from formfill.base.text import fold
from formfill.forms import FormSpec
from formfill.forms.field_docs import FieldDoc


@dataclass(frozen=True)
class Choice:
    """One option: what the list shows, what goes into the field, extra words it is found by."""

    label: str
    value: str
    keys: tuple[str, ...] = ()
    extra: dict[str, str] | None = None  # sibling fields filled with it (commune -> province)


Source = Callable[[str], list[Choice]]

RELATIONSHIPS = (
    "Mẹ", "Cha", "Ông nội", "Bà nội", "Ông ngoại", "Bà ngoại", "Anh ruột", "Chị ruột", "Cô", "Dì",
    "Chú", "Bác", "Cậu", "Người giám hộ",
)  # fmt: skip
HOUSEHOLD_RELATIONSHIPS = (
    "Chủ hộ", "Vợ", "Chồng", "Con", "Con dâu", "Con rể", "Cháu", "Cha", "Mẹ", "Anh", "Chị", "Em",
    "Ông", "Bà", "Người ở nhờ",
)  # fmt: skip
NATIONALITIES = (
    "Việt Nam", "Trung Quốc", "Hàn Quốc", "Nhật Bản", "Lào", "Campuchia", "Thái Lan", "Hoa Kỳ",
    "Pháp", "Đức", "Úc", "Nga", "Anh", "Đài Loan", "Singapore", "Malaysia", "Philippines",
)  # fmt: skip


def form_matches(spec: FormSpec, query: str) -> bool:
    """Every word of the query appears in the form's title, description, id or legal basis (the
    start screen's search: which form to fill is the first choice a person makes)."""
    hay = fold(
        " ".join((spec.id, spec.meta.title, spec.meta.title_en, spec.meta.description, spec.meta.legal_basis))
    )
    hay = hay.replace("-", " ")
    return all(word in hay for word in fold(query).replace("-", " ").split())


def rank_forms(specs: Iterable[FormSpec], query: str) -> list[FormSpec]:
    """The forms matching ``query``, best first, so Enter opens the form the person meant.

    "cu tru" must put "Tờ khai thay đổi thông tin cư trú" before a form that only mentions "nơi cư
    trú" in its description: the whole phrase in the title first, then whole words in the title or
    id, then whole words in the description, then prefixes, then any substring. Ties keep the
    catalogue's order.
    """
    words = fold(query).replace("-", " ").split()
    found = [s for s in specs if form_matches(s, query)]
    if not words:
        return found

    def score(spec: FormSpec) -> tuple[int, ...]:
        title = fold(" ".join((spec.meta.title, spec.meta.title_en, spec.id.replace("-", " "))))
        described = fold(" ".join((spec.meta.description, spec.meta.legal_basis)))
        phrase = re.compile(rf"\b{re.escape(' '.join(words))}\b")
        title_words, described_words = title.split(), described.split()
        return (
            -bool(phrase.search(title)),
            -sum(w in title_words for w in words),
            -bool(phrase.search(described)),
            -sum(w in described_words for w in words),
            -sum(any(t.startswith(w) for t in title_words + described_words) for w in words),
        )

    return sorted(found, key=score)


def _static(choices: tuple[Choice, ...]) -> Source:
    def search(query: str, limit: int = 8) -> list[Choice]:
        q = fold(query)
        if not q:
            return list(choices[:limit])
        starts = [c for c in choices if any(k.startswith(q) for k in c.keys)]
        inside = [c for c in choices if c not in starts and any(q in k for k in c.keys)]
        return (starts + inside)[:limit]

    return search


def _simple(values: tuple[str, ...]) -> tuple[Choice, ...]:
    return tuple(Choice(v, v, (fold(v),)) for v in values)


@cache
def _ethnic_choices() -> tuple[Choice, ...]:
    from formfill.types.ethnicity import ETHNIC_GROUPS

    return tuple(
        Choice(f"{g.name} ({g.code})", g.name, (fold(g.name), g.code, *(fold(a) for a in g.aliases)))
        for g in ETHNIC_GROUPS
    )


@cache
def _province_choices() -> tuple[Choice, ...]:
    from formfill.types.admin import provinces

    return tuple(Choice(p.full_name, p.name, (fold(p.name), p.code)) for p in provinces())


def search_communes(query: str, limit: int = 8) -> list[Choice]:
    """Communes of the 2025 map, "sa dec" -> Phường Sa Đéc, tỉnh Đồng Tháp."""
    from formfill.types.admin import search_communes as search

    return [
        Choice(hit.label, hit.commune.name, (), {"tinh": hit.province.name})
        for hit in search(query, limit=limit)
    ]


def source_for(doc: FieldDoc) -> tuple[Source, bool] | None:
    """The options of a field and whether they are the only valid answers (None: a plain field)."""
    if doc.widget == "commune" or doc.format == "vn-commune":
        return search_communes, False
    if doc.widget == "province" or doc.format == "vn-province":
        return _static(_province_choices()), False
    if doc.format == "vn-ethnicity":
        return _static(_ethnic_choices()), False
    if doc.enum:
        return _static(_simple(doc.enum)), True
    if doc.format == "vn-nationality":
        return _static(_simple(NATIONALITIES)), False
    if "quan_he" in doc.key:
        values = HOUSEHOLD_RELATIONSHIPS if "chu_ho" in doc.key else RELATIONSHIPS
        return _static(_simple(values)), False
    return None


def canonical(source: Source, text: str) -> Choice | None:
    """The one option that ``text`` names exactly (accents and case ignored), if any."""
    q = fold(text)
    if not q:
        return None
    exact = [c for c in source(text) if q in (fold(c.value), *c.keys)]
    return exact[0] if len({c.value for c in exact}) == 1 else None
