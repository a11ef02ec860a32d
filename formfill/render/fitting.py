"""Fit a value into the line segments of its slot, measured with the font's real advance widths.

Order (RELIABILITY.md "Nothing clipped"): wrap onto the continuation lines the slot has, at the
template's size; then shrink in half-point steps down to the floor size; otherwise report that it
does not fit (the caller moves it to a continuation sheet or raises an overflow error).
Lines break only between the groups of :func:`formfill.render.breaks.groups` (never inside a unit
name, a date, an ID or a compound word). Only when that fails at every size down to the floor,
a group breaks at a space inside it; only a single word longer than a whole line breaks between
letters (never hyphenated, so the read-back text joins back to the value exactly).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Fitted:
    size: float
    lines: tuple[str, ...]  # text per used segment
    segments: tuple[int, ...]  # which segment of the slot each line is on (a narrow first one may stay empty)
    joins: tuple[str, ...]  # what each line break replaced: " " or "" (a break inside a word)
    widths: tuple[float, ...]

    def text(self) -> str:
        out = self.lines[0] if self.lines else ""
        for join, line in zip(self.joins, self.lines[1:], strict=False):
            out += join + line
        return out


@lru_cache(maxsize=8)
def _width_table(font_name: str) -> tuple[dict[int, int], int]:
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(font_name)
    widths = font.face.charWidths  # code point -> advance (1/1000 em)
    return widths, int(font.face.defaultWidth)


def text_width(text: str, font_name: str, size: float) -> float:
    """Advance width of ``text`` in points (the font's hmtx, as reportlab embeds it)."""
    widths, default = _width_table(font_name)
    return sum(widths.get(ord(ch), default) for ch in text) * size / 1000.0


def _char_widths(text: str, font_name: str) -> list[float]:
    widths, default = _width_table(font_name)
    return [widths.get(ord(ch), default) / 1000.0 for ch in text]


def _wrap(
    words: list[str],
    wwidths: list[list[float]],
    space: float,
    limits: Sequence[float],
    scale: float,
    split: bool = True,
    comma: bool = False,
):
    """Greedy wrap at one size; ``None`` when the words do not all fit.

    ``split``: a word (group) longer than a whole line may break between letters; without it the
    wrap fails instead, so the caller shrinks first. ``comma``: a full line breaks after its last
    comma instead (when that keeps at least half the line), so "…, tỉnh Đồng Tháp" starts a line.
    """
    lines: list[str] = []
    segs: list[int] = []
    joins: list[str] = []
    used: list[float] = []
    i = 0  # next word
    offset = 0  # characters of word i already placed (a word broken between letters)
    n = len(words)
    pending_join = " "
    for seg, limit in enumerate(limits):
        if i >= n:
            break
        cap = limit / scale
        parts: list[str] = []
        ends: list[float] = []  # the line's width after each part
        width = 0.0
        broke_in_word = False
        while i < n:
            word = words[i][offset:]
            cw = wwidths[i][offset:]
            w = sum(cw)
            gap = space if parts else 0.0
            if width + gap + w <= cap + 1e-9:
                parts.append(word)
                width += gap + w
                ends.append(width)
                i += 1
                offset = 0
                continue
            if parts:  # the word goes to the next line
                if comma:
                    j = _last_comma(parts, ends, cap / 2)
                    if j is not None:  # back to the comma: the words after it start the next line
                        i -= len(parts) - 1 - j
                        parts, width = parts[: j + 1], ends[j]
                break
            if offset == 0 and any(w <= lim / scale + 1e-9 for lim in limits[seg + 1 :]):
                break  # leave this (narrow) segment empty: the whole word fits on a later one
            if not split:
                return None
            # a word longer than the line: as many letters as fit
            k, acc = 0, 0.0
            while k < len(cw) and acc + cw[k] <= cap + 1e-9:
                acc += cw[k]
                k += 1
            if k == 0:
                return None  # not even one letter fits
            parts.append(word[:k])
            width = acc
            offset += k
            broke_in_word = True
            break
        if not parts:
            continue
        if lines:
            joins.append(pending_join)
        lines.append(" ".join(parts))
        segs.append(seg)
        used.append(width * scale)
        pending_join = "" if broke_in_word else " "
    if i < n:
        return None
    return lines, segs, joins, used


def _last_comma(parts: list[str], ends: list[float], least: float) -> int | None:
    """The last part before the line's last one that ends with a comma at ``least`` or further."""
    for j in range(len(parts) - 2, -1, -1):
        if ends[j] < least:
            return None
        if parts[j].endswith(","):
            return j
    return None


def fit_text(
    text: str,
    limits: Sequence[float],
    font_name: str,
    size: float,
    floor: float,
    step: float = 0.5,
) -> Fitted | None:
    """Wrap ``text`` (spaces already collapsed) into lines no wider than ``limits``; shrink if needed.

    Remembered for the last few thousand values (a pure function of its arguments): a roster repeats
    most of its values (places, dates, nationality, the office), and fitting is a third of a record's
    layout time.
    """
    return _fit_cached(text, tuple(limits), font_name, size, floor, step)


@lru_cache(maxsize=4096)
def _fit_cached(
    text: str, limits: tuple[float, ...], font_name: str, size: float, floor: float, step: float
) -> Fitted | None:
    if not text:
        return Fitted(size, (), (), (), ())
    from formfill.render.breaks import groups

    space = _char_widths(" ", font_name)[0]
    strict = list(groups(text))
    passes = [strict, text.split(" ")] if len(strict) < text.count(" ") + 1 else [strict]
    for words in passes:  # whole groups first; a break inside a group is the last resort
        wwidths = [_char_widths(w, font_name) for w in words]
        current = size
        split = words is not strict or len(passes) == 1
        while True:
            got = None
            if words is strict and "," in text:  # a break after a comma first, at the same size
                got = _wrap(words, wwidths, space, limits, current, split=False, comma=True)
            if got is None:
                got = _wrap(words, wwidths, space, limits, current, split=split)
            if got is not None:
                lines, segs, joins, used = got
                return Fitted(current, tuple(lines), tuple(segs), tuple(joins), tuple(used))
            if current <= floor + 1e-9:
                break
            current = max(floor, current - step)
    return None
