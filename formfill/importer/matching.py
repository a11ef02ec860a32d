"""Which schema field a label of the blank names: label normalisation, similarity, candidates.

**Similarity.** Both texts are folded (accents and "đ" dropped, lower case), footnote marks ("(2)",
"{2}", superscript digits), item numbers ("1.", "a)") and punctuation removed, then compared as words:

    similarity = ½ · Dice(word multisets) + ½ · difflib.SequenceMatcher ratio(of the folded strings)

Dice counts shared words (wording drift: "Họ, chữ đệm và tên" vs "Họ, chữ đệm, tên" share all
four); the sequence ratio keeps word order and spelling close ("Ngày cấp" vs "Ngày sinh" differ).
A label is matched when the best score reaches :data:`THRESHOLD` (0.62: "Họ và tên" still matches
"Họ, chữ đệm và tên" at 0.72, while "Số" alone against "Số định danh cá nhân" stays at 0.26).
A label is also tried as its last part after a colon ("…(nếu đã đăng ký kết hôn): Số:" → "Số").

**Candidates** come from the form's flow template (its printed wording and its exact binding:
formatter, prefix, ``or:``) and from the schema's labels (``formfill.forms.field_docs``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from formfill.layout import model as m

THRESHOLD = 0.62

_MARKS = re.compile(r"\(\s*\d{1,2}\s*\)|\{\d+\}|[⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾*]+")
_NUMBER = re.compile(r"^\s*(\d{1,2}|[a-zđ])\s*[.)]\s*")
_PUNCT = re.compile(r"[^\w\s]+")


def fold(text: str) -> str:
    """Accent- and case-insensitive form of a label, without marks, numbering and punctuation."""
    text = _MARKS.sub(" ", text)
    text = _NUMBER.sub("", text.strip().lower())
    text = text.replace("đ", "d").replace("Đ", "d")
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    text = _PUNCT.sub(" ", text)
    return " ".join(text.split())


def words(text: str) -> list[str]:
    """The label's words keeping their accents (to tell "chủ hộ" from "chữ … họ" in headings)."""
    text = _MARKS.sub(" ", unicodedata.normalize("NFC", text).lower())
    return _PUNCT.sub(" ", text).split()


def similarity(a: str, b: str) -> float:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    wa, wb = Counter(fa.split()), Counter(fb.split())
    dice = 2 * sum((wa & wb).values()) / (sum(wa.values()) + sum(wb.values()))
    return 0.5 * dice + 0.5 * SequenceMatcher(None, fa, fb).ratio()


def label_similarity(label: str, names: list[str]) -> float:
    """Best similarity of a label (whole, or its part after the last colon) with any of ``names``."""
    variants = [label]
    tail = label.rstrip(" :").rsplit(":", 1)
    if len(tail) == 2 and fold(tail[1]):
        variants.append(tail[1])
    return max((similarity(v, n) for v in variants for n in names), default=0.0)


@dataclass
class Candidate:
    """Something the blank may have a place for: a value, a tick box, digit boxes or a table."""

    kind: str  # value | check | digits | rows
    binding: m.Binding | None
    names: list[str]
    order: int
    when: Any = True
    lines: int = 1
    columns: list[tuple[str, m.Binding, str]] = field(default_factory=list)  # rows: header, binding, align
    heading: str = ""  # rows: continuation title

    @property
    def path(self) -> str:
        return self.binding.field if self.binding else ""

    @property
    def group(self) -> str | None:
        return self.path.split(".", 1)[0] if "." in self.path else None


def _b(path: str, fmt: str = "text") -> m.Binding:
    return m.Binding(field=path, format=fmt)


class _Collector:
    def __init__(self) -> None:
        self.out: list[Candidate] = []

    def add(self, kind: str, binding: Any, label: str, **kw: Any) -> None:
        if isinstance(binding, str):
            binding = _b(binding)
        self.out.append(Candidate(kind, binding, [label], len(self.out), **kw))

    def runs(self, runs: list[Any], column: str = "") -> None:
        text = ""
        for run in runs:
            if isinstance(run, m.TextRun):
                text += run.text
            elif isinstance(run, m.ValueRun):
                self.add("value", run.value, text, lines=run.lines)
                text = ""
            elif isinstance(run, m.CheckRun):
                self.add("check", run.checkbox, text, when=run.when)
                text = ""
            elif isinstance(run, m.DigitsRun):
                self.add("digits", _b(run.digits, "digits"), text)
                text = ""

    def place_date(self, place: Any, date: Any, prefix: str = "Làm tại") -> None:
        if place is not None:
            self.add("value", place, prefix)
        if date is not None:
            for word, fmt in (("ngày", "day"), ("tháng", "month"), ("năm", "year")):
                self.add("value", _b(date.field, fmt), word)


def candidates(flow: m.Template, docs: dict[str, str]) -> list[Candidate]:
    """What the form's flow template prints, in its order, each with its printed label and the
    schema's label (``docs``: path -> label) as names to match."""
    c = _Collector()
    for el in flow.elements:
        if isinstance(el, m.LineEl):
            c.add("value", el.value, el.label, lines=el.lines)
        elif isinstance(el, m.RowEl):
            for item in el.items:
                c.add("value", item.value, item.label, lines=item.lines)
        elif isinstance(el, m.ParagraphEl):
            c.runs(el.runs)
        elif isinstance(el, m.PlaceDateEl):
            c.place_date(el.place, el.date, el.prefix)
        elif isinstance(el, m.TableEl) and el.rows_from:
            cols = [(col.header, col.value, col.align) for col in el.columns if col.value is not None]
            c.out.append(
                Candidate(
                    "rows",
                    _b(el.rows_from),
                    [el.continuation_title or el.rows_from],
                    len(c.out),
                    columns=cols,
                    heading=el.continuation_title,
                )
            )
        elif isinstance(el, m.SignaturesEl):
            for col in el.columns:
                for runs in col.lines:
                    c.runs(runs, col.title)
                if not isinstance(col.date_line, bool):
                    c.place_date(col.date_line.place, col.date_line.date)
            for runs in el.aside:
                c.runs(runs)
    for cand in c.out:
        doc = docs.get(cand.path)
        if (
            doc
            and cand.kind != "rows"
            and (cand.binding is None or cand.binding.format not in {"day", "month", "year", "date_words"})
        ):
            cand.names.append(doc)
    return c.out


@dataclass(frozen=True)
class Anchor:
    """A group told apart by its heading words ("người mẹ", "chủ sở hữu chỗ ở hợp pháp")."""

    group: str
    words: frozenset[str]


def anchors(group_labels: dict[str, str]) -> list[Anchor]:
    out = [Anchor(g, frozenset(words(label))) for g, label in group_labels.items()]
    return [a for a in out if len(a.words) >= 2]


def heading_group(text: str, known: list[Anchor]) -> str | None:
    """The group whose heading words all occur in ``text`` (the most specific one)."""
    have = set(words(text))
    hits = [a for a in known if a.words <= have]
    if not hits:
        return None
    hits.sort(key=lambda a: len(a.words), reverse=True)
    if len(hits) > 1 and len(hits[0].words) == len(hits[1].words):
        return None
    return hits[0].group
