"""What a roster column can name: the leaf fields of a form, found by path, by label, or by a mapping.

A header is matched, in this order, against: a mapping file (``--map``), a field path (``me.ho_ten``,
``thanh_vien.2.ho_ten``), then the form's own labels, compared without accents, case or punctuation.
A label several fields share ("Họ, chữ đệm, tên") must be qualified by its block or section:
"me / Họ, chữ đệm, tên", "Họ, chữ đệm, tên người mẹ", "Người mẹ / Họ, chữ đệm, tên".
The field list comes from :func:`formfill.forms.field_docs.walk` (the schema is the only source).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from formfill.base.text import fold
from formfill.forms.field_docs import FieldDoc, walk

Kind = Literal["text", "digits", "bool", "date", "partial_date", "int", "json"]

# Numbers that must stay text: Excel drops their leading zeros or writes them as 7.9E+10.
_DIGIT_FORMATS = {"vn-personal-id", "vn-cmnd", "vn-phone", "vn-digits"}
_DIGIT_NAMES = re.compile(
    r"^(so_dinh_danh.*|so_cccd|so_cmnd|so_ho_chieu|so_dien_thoai.*|dien_thoai|so_can_cuoc.*)$"
)
_DIGIT_IN_BLOCK = {("giay_to_tuy_than", "so")}


def _kind(doc: FieldDoc, parent: str | None) -> Kind:
    if doc.format in _DIGIT_FORMATS or doc.widget == "digits" or _DIGIT_NAMES.match(doc.key):
        return "digits"
    if (parent, doc.key) in _DIGIT_IN_BLOCK:
        return "digits"
    if doc.format == "vn-partial-date":
        return "partial_date"
    if doc.kind in ("bool", "date", "int"):
        return doc.kind  # type: ignore[return-value]
    return "text"


@dataclass(frozen=True)
class Leaf:
    """A field that holds one value (one column)."""

    path: str  # inside a repeating group: relative to the item ("ho_ten")
    label: str
    kind: Kind
    required: bool  # a roster without this column cannot be valid
    group: str | None = None

    @property
    def name(self) -> str:
        return self.path.rsplit(".", 1)[-1]

    @property
    def sensitive(self) -> bool:
        """ID and phone numbers: masked in reports."""
        return self.kind == "digits"


@dataclass(frozen=True)
class Group:
    """A repeating group (list of blocks): numbered columns from 1, or one JSON cell."""

    path: str
    label: str
    leaves: dict[str, Leaf]


@dataclass(frozen=True)
class Target:
    """What one column fills: a leaf, item ``index`` (from 1) of a group, or a whole group as JSON."""

    path: str  # user path: "me.ho_ten", "thanh_vien.2.ho_ten", "thanh_vien"
    leaf: Leaf | None
    group: str | None = None
    index: int | None = None

    @property
    def kind(self) -> Kind:
        return self.leaf.kind if self.leaf else "json"


@dataclass
class FormFields:
    """Every column a form accepts, and how a header finds its field."""

    leaves: dict[str, Leaf] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    _aliases: dict[str, set[str]] = field(default_factory=dict)
    _group_aliases: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, model: type[BaseModel], sections: Iterable[Any] = ()) -> FormFields:
        self = cls()
        docs = walk(model, groups=True)
        blocks = {d.path: d for d in docs if d.kind in ("group", "list")}
        section_of: dict[str, list[str]] = {}
        for s in sections:
            for key in getattr(s, "fields", ()) or ():
                section_of[key] = [s.key, s.title]
        for d in docs:
            if d.kind == "list" and not d.repeated:
                self.groups[d.path] = Group(d.path, d.label, {})
                for alias in _qualifiers(d.key, d.label):
                    self._group_aliases[_norm(alias)] = d.path
        for d in docs:
            if d.kind in ("group", "list"):
                continue
            parts = d.path.split(".")
            parent = parts[-2] if len(parts) > 1 else None
            if d.repeated:
                gpath = d.path.split(".N.", 1)[0]
                sub = d.path.split(".N.", 1)[1]
                group = self.groups[gpath]
                group.leaves[sub] = Leaf(sub, d.label, _kind(d, parent), False, gpath)
                continue
            ancestors = [".".join(parts[:i]) for i in range(1, len(parts))]
            required = d.required and all(blocks[a].required for a in ancestors if a in blocks)
            leaf = Leaf(d.path, d.label, _kind(d, parent), required)
            self.leaves[d.path] = leaf
            quals = [_qualifiers(blocks[a].key, blocks[a].label) for a in ancestors if a in blocks]
            self._index_leaf(leaf, section_of.get(parts[0]), quals)
        return self

    def _add_alias(self, alias: str, key: str) -> None:
        if alias:
            self._aliases.setdefault(alias, set()).add(key)

    def _index_leaf(self, leaf: Leaf, section: list[str] | None, blocks: list[list[str]]) -> None:
        key, label = leaf.path, leaf.label
        self._add_alias(_norm(key), key)  # "ME.HO_TEN", "me ho ten"
        self._add_alias(_norm(label), key)
        self._add_alias(_norm(" / ".join([*key.split(".")[:-1], label])), key)
        levels = [section, *blocks] if section else blocks
        for level in levels:
            for q in level:
                for text in (f"{q} / {label}", f"{label} {q}"):
                    self._add_alias(_norm(text), key)
        for chain_levels in (levels, blocks):
            if len(chain_levels) > 1:
                for chain in _product(chain_levels):
                    self._add_alias(_norm(" / ".join([*chain, label])), key)

    # -- matching ---------------------------------------------------------------------------------
    def resolve(self, header: str) -> Target | str:
        """The field a header names, or why it names none: "unknown" or "ambiguous:a, b"."""
        text = header.strip()
        exact = self.target_for_path(text)
        if exact is not None:
            return exact
        key = _norm(text)
        hits = self._aliases.get(key, set())
        if len(hits) == 1:
            (hit,) = hits
            return Target(hit, self.leaves[hit])
        if len(hits) > 1:
            return "ambiguous:" + ", ".join(sorted(hits))
        if key in self._group_aliases:
            g = self._group_aliases[key]
            return Target(g, None, group=g)
        numbered = self._numbered(text)
        return numbered if numbered is not None else "unknown"

    def target_for_path(self, text: str) -> Target | None:
        """A field path: ``me.ho_ten``, ``thanh_vien`` (JSON cell), ``thanh_vien.2.ho_ten``."""
        text = text.strip()
        if text in self.leaves:
            return Target(text, self.leaves[text])
        if text in self.groups:
            return Target(text, None, group=text)
        m = re.fullmatch(r"([a-z0-9_.]+?)\.(\d+)\.([a-z0-9_.]+)", text)
        if m and m.group(1) in self.groups:
            leaf = self.groups[m.group(1)].leaves.get(m.group(3))
            n = int(m.group(2))
            if leaf is not None and n >= 1:
                return Target(f"{m.group(1)}.{n}.{leaf.path}", leaf, m.group(1), n)
        return None

    def _numbered(self, text: str) -> Target | None:
        m = re.fullmatch(r"(.*?)[\s._/#-]*(\d+)[\s._/:-]*(.+)", text)
        if not m:
            return None
        g = self._group_aliases.get(_norm(m.group(1)))
        if g is None:
            return None
        rest = _norm(m.group(3))
        hits = [
            leaf for sub, leaf in self.groups[g].leaves.items() if rest in (_norm(sub), _norm(leaf.label))
        ]
        n = int(m.group(2))
        if len(hits) != 1 or n < 1:
            return None
        return Target(f"{g}.{n}.{hits[0].path}", hits[0], g, n)

    def required_paths(self) -> list[str]:
        return [p for p, leaf in self.leaves.items() if leaf.required]

    def leaf_at(self, path: str) -> Leaf | None:
        """The leaf an error path names (``thanh_vien.2.so_dinh_danh_ca_nhan`` -> the group's leaf)."""
        if path in self.leaves:
            return self.leaves[path]
        m = re.fullmatch(r"([a-z0-9_.]+?)\.\d+\.([a-z0-9_.]+)", path)
        if m and m.group(1) in self.groups:
            return self.groups[m.group(1)].leaves.get(m.group(2))
        return None


_FOOTNOTE = re.compile(r"\(\s*\d+\s*\)|\*")
_NON_WORD = re.compile(r"[^0-9a-z/]+")


def _norm(text: str) -> str:
    """Header comparison key: no accents, case, footnote marks or punctuation; "/" kept as a separator."""
    folded = fold(_FOOTNOTE.sub(" ", text.replace("_", " ")))
    parts = [" ".join(_NON_WORD.sub(" ", p).split()) for p in folded.split("/")]
    return " / ".join(p for p in parts if p)


def _qualifiers(key: str, label: str) -> list[str]:
    out = [key, label]
    stripped = re.sub(r"^(thông tin|thong tin)( (về|ve|của|cua))?\s+", "", label, flags=re.IGNORECASE)
    if stripped != label:
        out.append(stripped)
    if "_" not in key and not fold(label).startswith("nguoi"):
        out.append(f"người {key}")
    return out


def _product(quals: list[list[str]]) -> Iterator[list[str]]:
    if not quals:
        yield []
        return
    for head in quals[0]:
        for tail in _product(quals[1:]):
            yield [head, *tail]
