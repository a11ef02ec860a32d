"""Fit a value into the line segments of its slot, measured with the font's real advance widths.

Order (RELIABILITY.md "Nothing clipped"): wrap onto the continuation lines the slot has, at the
template's size; then shrink in half-point steps down to the floor size; otherwise report that it
does not fit (the caller moves it to a continuation sheet or raises an overflow error).
Words break at spaces; a word longer than a whole line breaks between letters (never hyphenated,
so the read-back text joins back to the value exactly).
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


def _wrap(words: list[str], wwidths: list[list[float]], space: float, limits: Sequence[float], scale: float):
    """Greedy wrap at one size; ``None`` when the words do not all fit."""
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
                i += 1
                offset = 0
                continue
            if parts:  # the word goes to the next line
                break
            if offset == 0 and any(w <= lim / scale + 1e-9 for lim in limits[seg + 1 :]):
                break  # leave this (narrow) segment empty: the whole word fits on a later one
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


def fit_text(
    text: str,
    limits: Sequence[float],
    font_name: str,
    size: float,
    floor: float,
    step: float = 0.5,
) -> Fitted | None:
    """Wrap ``text`` (spaces already collapsed) into lines no wider than ``limits``; shrink if needed."""
    if not text:
        return Fitted(size, (), (), (), ())
    words = text.split(" ")
    wwidths = [_char_widths(w, font_name) for w in words]
    space = _char_widths(" ", font_name)[0]
    current = size
    while True:
        got = _wrap(words, wwidths, space, limits, current)
        if got is not None:
            lines, segs, joins, used = got
            return Fitted(current, tuple(lines), tuple(segs), tuple(joins), tuple(used))
        if current <= floor + 1e-9:
            return None
        current = max(floor, current - step)
