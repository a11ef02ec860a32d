"""Lay out a line-wrapped sequence of runs (static words, value slots, check boxes, digit boxes).

Used once per template by the flow compiler; the result is static operations plus slots.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from typing import Any

from formfill.layout.model import CheckRun, DigitsRun, TextRun, ValueRun
from formfill.render.breaks import groups
from formfill.render.compiled import (
    CheckSlot,
    DigitSlot,
    LineOp,
    Op,
    RectOp,
    Segment,
    StrikeSlot,
    TextOp,
    ValueSlot,
)
from formfill.render.fitting import text_width
from formfill.render.fonts import FACES

MIN_REST = 20 * 72 / 25.4  # a "rest" slot narrower than this starts on the next line
NOTE_RE = re.compile(r"\{(\w+)\}")  # "Kính gửi{1}:" -> superscript (1)
# dotted leader this far below the baseline, per point of type: clear of the dot below (ạ ộ ụ ặ reach
# 0.18 em in Noto Serif; the 0.8 pt line's top edge sits 0.2 pt lower) and of the next line's accents
LEADER_DROP = 0.2
LEADER_CLEAR = 0.4
BOX_GAP = 2.5  # between a value box and text written against it
PUNCT_GAP = 0.6  # between a box or leader and the comma after it: "Có ☒, Không ☐", "……, Quyển số"


@dataclass
class Tok:
    kind: str  # word | space | slot | check | digits
    width: float = 0.0
    text: str = ""
    font: str = ""
    size: float = 0.0
    rise: float = 0.0
    run: Any = None
    path: tuple[Any, ...] = ()


@dataclass
class Out:
    ops: list[Op] = field(default_factory=list)
    slots: list[Any] = field(default_factory=list)


class RunLayout:
    """Turns runs into lines between ``x0`` and ``x1``; ``top`` is the top of the first line."""

    def __init__(self, ctx: Any, page: int, x0: float, x1: float, size: float, style: str) -> None:
        self.ctx = ctx
        self.page = page
        self.x0, self.x1 = x0, x1
        self.size = size
        self.style = style
        self.leading = ctx.lead(size)

    # --- tokens -----------------------------------------------------------------------------
    def _text_tokens(self, text: str, style: str | None, ypath: tuple[Any, ...]) -> list[Tok]:
        font = FACES[style or self.style]
        out: list[Tok] = []
        for i, piece in enumerate(NOTE_RE.split(text)):
            if i % 2 == 1:
                out.extend(self._note_tokens(piece, ypath))
                continue
            space = Tok("space", text_width(" ", font, self.size))
            if piece[:1] == " ":
                out.append(space)
            words = piece.split()
            if words:
                self.ctx.check_static("".join(words), font, ypath)
            for k, group in enumerate(self._groups(" ".join(words), font) if words else []):
                if k:
                    out.append(space)
                out.append(Tok("word", text_width(group, font, self.size), group, font, self.size))
            if words and piece[-1:] == " ":
                out.append(space)
        return out

    def _groups(self, text: str, font: str) -> list[str]:
        """Static words kept together where a line may not break (a group wider than a line: its words)."""
        out: list[str] = []
        for group in groups(text):
            if " " in group and text_width(group, font, self.size) > self.x1 - self.x0:
                out.extend(group.split(" "))
            else:
                out.append(group)
        return out

    def _note_tokens(self, mark: Any, ypath: tuple[Any, ...]) -> list[Tok]:
        font = FACES[self.style]
        size = self.size * 0.65
        text = f"({mark})"
        return [Tok("word", text_width(text, font, size), text, font, size, rise=self.size * 0.38)]

    def tokens(self, runs: list[Any], ypath: tuple[Any, ...]) -> list[Tok]:
        toks: list[Tok] = []
        for k, run in enumerate(runs):
            path = (*ypath, k)
            if isinstance(run, TextRun):
                words = self._text_tokens(run.text, run.style, path)
                if run.strike is not None:  # the phrase's words carry where their strike line goes
                    for tok in words:
                        if tok.kind == "word":
                            tok.run, tok.path = run, path
                toks.extend(words)
                if run.note is not None:
                    toks.extend(self._note_tokens(run.note, path))
            elif isinstance(run, ValueRun):
                extra = self.ctx.grow.get(path, 0)
                if extra:
                    run = run.model_copy(update={"lines": run.lines + extra})
                toks.append(Tok("slot", run=run, path=path))
            elif isinstance(run, CheckRun):
                toks.append(Tok("check", run.size + 1.0, run=run, path=path))
            elif isinstance(run, DigitsRun):
                toks.append(Tok("digits", run.cell * run.count, run=run, path=path))
        return toks

    # --- lines -----------------------------------------------------------------------------
    def layout(
        self,
        runs: list[Any],
        ypath: tuple[Any, ...],
        top: float,
        *,
        align: str = "left",
        indent: float = 0.0,
        label: str = "",
    ) -> tuple[float, Out]:
        toks = self.tokens(runs, ypath)
        out = Out()
        lines: list[list[tuple[Tok, float, float]]] = []  # (token, x, width)
        extra: list[int] = []  # continuation lines reserved after each line
        cur: list[tuple[Tok, float, float]] = []
        x = self.x0 + indent
        space = 0.0

        def finish(cont: int = 0) -> None:
            nonlocal cur, x, space
            lines.append(cur)
            extra.append(cont)
            cur, x, space = [], self.x0, 0.0

        for tok in toks:
            if tok.kind == "space":
                space = tok.width if cur else 0.0
                continue
            if cur and not space and (tok.kind != "word") != (cur[-1][0].kind != "word"):
                # text touching a box: keep it clear of the box (and of check tolerance); a comma
                # or full stop after a box sits against it, as punctuation does after a word
                after_box = tok.kind == "word" and tok.text[:1] in ",.;:)"
                space = PUNCT_GAP if after_box else BOX_GAP
            width = tok.width
            if tok.kind == "slot":
                want = tok.run.width.resolve(self.x1 - self.x0)
                if want is None:
                    width = self.x1 - (x + space)
                    if cur and width < MIN_REST:
                        finish()
                        width = self.x1 - x
                else:
                    width = want
            if cur and x + space + width > self.x1 + 0.01:
                # a footnote mark never starts a line: the word it belongs to goes down with it
                glued = tok.rise and not space and len(cur) > 1 and cur[-1][0].kind == "word"
                carried = cur.pop() if glued else None
                finish()
                if carried is not None:
                    cur.append((carried[0], x, carried[2]))
                    x += carried[2]
                if tok.kind == "slot" and tok.run.width.resolve(self.x1 - self.x0) is None:
                    width = self.x1 - x
            if x + space + width > self.x1 + 0.01:
                raise self.ctx.source_error(
                    tok.path or ypath, f"does not fit in the text width: {tok.text or tok.kind}"
                )
            cur.append((tok, x + space, width))
            x += space + width
            space = 0.0
            if tok.kind == "slot" and tok.run.lines > 1:
                finish(tok.run.lines - 1)
        if cur or not lines:
            finish()

        y = top
        for n, (line, cont) in enumerate(zip(lines, extra, strict=True)):
            base = y - self.leading * 0.78
            shift, word_space = self._align(line, align, last=n == len(lines) - 1)
            conts = [Segment(self.page, self.x0, self.x1, base - self.leading * (c + 1)) for c in range(cont)]
            self._emit(line, base, shift, word_space, conts, out, label)
            y -= self.leading * (1 + cont)
        return top - y, out

    def _align(self, line: list[tuple[Tok, float, float]], align: str, last: bool) -> tuple[float, float]:
        if not line:
            return 0.0, 0.0
        natural = line[-1][1] + line[-1][2] - line[0][1]
        free = (self.x1 - line[0][1]) - natural
        has_rest = any(t.kind == "slot" and t.run.width.rest for t, _, _ in line)
        if has_rest or free <= 0:
            return 0.0, 0.0
        if align == "center":
            return free / 2, 0.0
        if align == "right":
            return free, 0.0
        if align == "justify" and not last:
            gaps = sum(1 for a, b in itertools.pairwise(line) if b[1] - (a[1] + a[2]) > 0.01)
            gaps += sum(t.text.count(" ") for t, _, _ in line)  # word space stretches these too
            if gaps and all(t.kind == "word" for t, _, _ in line):
                return 0.0, free / gaps
        return 0.0, 0.0

    def _emit(
        self,
        line: list[tuple[Tok, float, float]],
        base: float,
        shift: float,
        ws: float,
        conts: list[Segment],
        out: Out,
        label: str,
    ) -> None:
        gaps = 0
        prev: tuple[Tok, float, float] | None = None
        merged: TextOp | None = None
        for tok, x, width in line:
            natural_gap = x - (prev[1] + prev[2]) if prev else 0.0
            if prev and natural_gap > 0.01:
                gaps += 1
            if prev and prev[0].kind == "word":
                gaps += prev[0].text.count(" ")  # the spaces inside a word group stretch as well
            fx = x + shift + gaps * ws
            if tok.kind == "word":
                y = base + tok.rise
                if (
                    merged is not None
                    and prev is not None
                    and prev[0].kind == "word"
                    and merged.font == tok.font
                    and merged.size == tok.size
                    and merged.y == y
                ):
                    sep = " " if natural_gap > 0.01 else ""
                    merged = TextOp(
                        merged.page, merged.x, y, merged.text + sep + tok.text, tok.font, tok.size, ws
                    )
                    out.ops[-1] = merged
                else:
                    merged = TextOp(self.page, fx, y, tok.text, tok.font, tok.size, ws)
                    out.ops.append(merged)
                if isinstance(tok.run, TextRun) and tok.run.strike is not None:
                    self._strike(tok, fx, width + ws * tok.text.count(" "), base, out)
            else:
                merged = None
                self._emit_box(tok, fx, width, base, conts, out, label)
            prev = (tok, x, width)

    def _strike(self, tok: Tok, x: float, width: float, base: float, out: Out) -> None:
        """Where the strike line of a phrase's word goes (one line across the words of a line)."""
        strike = tok.run.strike
        y = base + tok.size * 0.3  # through the middle of the lower-case letters
        last = out.slots[-1] if out.slots else None
        same = isinstance(last, StrikeSlot) and (last.path, last.unless, last.y) == (
            strike.field,
            strike.unless,
            y,
        )
        if same and x - last.x1 < tok.size:
            out.slots[-1] = replace(last, x1=x + width)
        else:
            out.slots.append(StrikeSlot(strike.field, strike.unless, self.page, x, x + width, y))

    def _emit_box(
        self, tok: Tok, x: float, width: float, base: float, conts: list[Segment], out: Out, label: str
    ) -> None:
        run = tok.run
        if tok.kind == "slot":
            segs = (Segment(self.page, x, x + width, base), *(conts if run.lines > 1 else ()))
            if run.leader:
                drop = LEADER_DROP * self.size + LEADER_CLEAR
                for s in segs:
                    out.ops.append(LineOp(self.page, s.x0 + 1, s.y - drop, s.x1, s.y - drop, 0.8, True))
            out.slots.append(
                ValueSlot(
                    path=run.value.field,
                    fmt=run.value.format,
                    segments=segs,
                    style=run.style or "regular",
                    size=run.size or self.size,
                    floor=min(run.floor or self.ctx.floor, run.size or self.size),
                    align=run.align,
                    label=label or run.value.field,
                    binding=run.value,
                    free=self.ctx.free_text(run.value),
                    source=tok.path,
                    grow_width=self.x1 - self.x0,
                )
            )
        elif tok.kind == "check":
            y = base - 1.0
            out.ops.append(RectOp(self.page, x + 0.5, y, run.size, run.size, 0.7))
            out.slots.append(CheckSlot(run.checkbox, run.when, self.page, x + 0.5, y, run.size))
        elif tok.kind == "digits":
            h = min(run.cell, self.leading) * 1.0
            y = base - (h - self.size * 0.72) / 2
            for i in range(run.count):
                out.ops.append(RectOp(self.page, x + i * run.cell, y, run.cell, h, 0.6))
            out.slots.append(
                DigitSlot(run.digits, self.page, x, y, run.cell, h, run.count, self.size, label or run.digits)
            )
