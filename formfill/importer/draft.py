"""Draft an overlay template from a blank form: pair labels with blanks, match them, place boxes.

Pairing: a blank's label is the text just before it on its line; a blank alone on a line continues
the blank above (one more line for that value), or, under a line that ends with a label, is that
label's blank. Matching: every (label, candidate) pair is scored — similarity (see
:mod:`formfill.importer.matching`), plus the section the label sits under (a heading or a column
title naming a group: "người mẹ", "chủ sở hữu chỗ ở hợp pháp"), less the distance between their
places in the form's order — and the best pairs are taken first, each label and candidate once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from formfill.importer.matching import THRESHOLD, Anchor, Candidate, heading_group, label_similarity
from formfill.importer.reading import Grid, PageRead, Seg, TextLine

VALUE_SIZE = 11.0


@dataclass
class Slot:
    """A blank with its label, where the value goes."""

    page: int
    label: str
    seg: Seg
    baseline: float
    pitch: float
    size: float
    order: float  # reading order, 0..1
    context: str | None
    lines: int = 1


@dataclass
class Placed:
    slot: Slot | None
    cand: Candidate
    score: float
    grid: Grid | None = None
    columns: list[tuple[Candidate, str, float, float, str, float]] = field(default_factory=list)


@dataclass
class Draft:
    placed: list[Placed]
    unmatched_labels: list[str]
    unmatched_fields: list[str]
    pages: list[PageRead]


def _activations(pages: list[PageRead], known: list[Anchor]) -> list[tuple[int, float, float, float, str]]:
    """(page, baseline, x from, x to, group) of every heading or label naming a group."""
    out = []
    for pr in pages:
        prev: TextLine | None = None
        for ln in pr.lines:
            texts = [s for s in ln.segs if s.kind == "text"]
            for k, seg in enumerate(texts):
                above = [
                    s.text
                    for s in (prev.segs if prev else [])
                    if s.kind == "text" and s.x0 < seg.x1 and seg.x0 < s.x1
                ]
                group = heading_group(" ".join([*above, seg.text]), known)
                if group:
                    lo = 0.0 if k == 0 else seg.x0 - 4
                    hi = texts[k + 1].x0 - 4 if k + 1 < len(texts) else pr.width
                    out.append((pr.page, ln.baseline, lo, hi, group))
            prev = ln
    return out


def _context(acts: list[tuple[int, float, float, float, str]], page: int, y: float, x: float) -> str | None:
    best = None
    for p, b, lo, hi, group in acts:
        if (p, b) <= (page, y + 0.5) and lo <= x < hi:
            best = group
    return best


def slots_of(pages: list[PageRead], known: list[Anchor]) -> tuple[list[Slot], list[str]]:
    """Every blank with its label (continuation lines folded into the blank above); unlabelled text."""
    acts = _activations(pages, known)
    slots: list[Slot] = []
    total = sum(len(pr.lines) for pr in pages) or 1
    seen = 0
    for pr in pages:
        prev: TextLine | None = None
        last: Slot | None = None
        for ln in pr.lines:
            seen += 1
            label = ""
            pitch = ln.baseline - prev.baseline if prev else ln.size * 1.5
            for seg in ln.segs:
                if seg.kind == "text":
                    label = seg.text
                    continue
                if (
                    not label
                    and last is not None
                    and last.page == pr.page
                    and seg.kind == "blank"
                    and _below(last, ln, seg)
                ):
                    last.lines += 1
                    continue
                if not label and prev is not None and prev.segs and prev.segs[-1].kind == "text":
                    label = prev.segs[-1].text
                x = seg.x0
                slot = Slot(
                    pr.page,
                    label,
                    seg,
                    ln.baseline,
                    max(pitch, ln.size * 1.2),
                    ln.size,
                    seen / total,
                    _context(acts, pr.page, ln.baseline, x),
                )
                slots.append(slot)
                last = slot if seg.kind == "blank" else None
                label = ""
            if ln.segs and ln.segs[-1].kind == "text":
                last = None
            prev = ln
    return slots, []


def _below(last: Slot, ln: TextLine, seg: Seg) -> bool:
    """A blank starting at the left of a line just under a blank that ran to the line's end."""
    step = ln.baseline - last.baseline - (last.lines - 1) * last.pitch
    return 0 < step < 1.6 * last.pitch and seg.x0 <= last.seg.x0 + 2 and abs(seg.x1 - last.seg.x1) < 20


def _fits(slot: Slot, cand: Candidate) -> bool:
    if slot.seg.kind == "check":
        return cand.kind == "check"
    if slot.seg.kind == "digits":
        return cand.kind in ("digits", "value")
    return cand.kind in ("value", "digits")


def match(pages: list[PageRead], cands: list[Candidate], known: list[Anchor]) -> Draft:
    slots, _ = slots_of(pages, known)
    n = max(len(cands), 1)
    scored = []
    for i, slot in enumerate(slots):
        for cand in cands:
            if cand.kind == "rows" or not _fits(slot, cand):
                continue
            sim = label_similarity(slot.label, cand.names)
            if sim < THRESHOLD:
                continue
            score = sim - 0.25 * abs(slot.order - cand.order / n)
            if slot.context and cand.group in {a.group for a in known}:
                score += 0.25 if cand.group == slot.context else -0.3
            scored.append((score, sim, i, cand.order))
    scored.sort(key=lambda t: (-t[0], t[2], t[3]))
    by_order = {c.order: c for c in cands}
    used_slots: set[int] = set()
    used_cands: set[int] = set()
    placed: list[Placed] = []
    for _score, sim, i, order in scored:
        if i in used_slots or order in used_cands:
            continue
        used_slots.add(i)
        used_cands.add(order)
        placed.append(Placed(slots[i], by_order[order], sim))
    for cand in cands:
        if cand.kind == "rows":
            hit = _grid_for(pages, cand)
            if hit is not None:
                placed.append(hit)
                used_cands.add(cand.order)
    placed.sort(
        key=lambda p: (
            (p.slot.page, p.slot.baseline, p.slot.seg.x0)
            if p.slot
            else (p.grid.page, p.grid.first_top, 0)
            if p.grid
            else (0, 0, 0)
        )
    )
    labels = [s.label for k, s in enumerate(slots) if k not in used_slots and s.label]
    covered = {p.cand.path for p in placed}
    fields = sorted({c.path for c in cands if c.order not in used_cands and c.path not in covered})
    return Draft(placed, labels, fields, pages)


def _grid_for(pages: list[PageRead], cand: Candidate) -> Placed | None:
    best: Placed | None = None
    for pr in pages:
        for grid in pr.grids:
            cols = []
            for header, x0, x1 in grid.headers:
                scores = [(label_similarity(header, [h]), k) for k, (h, _b, _a) in enumerate(cand.columns)]
                sim, k = max(scores, default=(0.0, -1))
                if sim >= THRESHOLD:
                    h, b, align = cand.columns[k]
                    cols.append((cand, h, x0, x1, align, sim, b))
            if len(cols) * 2 >= len(cand.columns) and (best is None or len(cols) > len(best.columns)):
                score = sum(c[5] for c in cols) / len(cols)
                best = Placed(None, cand, score, grid, cols)  # type: ignore[arg-type]
    return best


def template_text(draft: Draft, form: str, background: str, size: float = VALUE_SIZE) -> str:
    """The overlay template as YAML text, with each box's confidence and what was not matched as comments."""
    from formfill.importer.writer import write_yaml

    return write_yaml(draft, form, background, size)


def background_name(template_path: Path, blank: Path) -> str:
    """The blank's path relative to the template's folder (as the loader resolves it)."""
    import os

    return os.path.relpath(blank.resolve(), template_path.resolve().parent)
