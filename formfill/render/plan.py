"""Place one record's values into a compiled layout: what to draw and where each value ends up.

The same plan drives drawing (``render_pdf``) and verification (``formfill check``): a value is
either fitted into its slot, or moved to a numbered continuation sheet ("Phụ lục n") with the
slot pointing to it, or (fixed boxes without a continuation sheet) refused with a typed error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from formfill.base.text import nfc
from formfill.layout.formatters import FORMATTERS
from formfill.layout.paths import declared, resolve
from formfill.render.compiled import (
    NOTES_FLOW,
    CheckSlot,
    Compiled,
    DigitSlot,
    LineOp,
    Op,
    Segment,
    StrikeSlot,
    TableSlot,
    TextOp,
    ValueSlot,
)
from formfill.render.failures import MissingGlyphError, RenderOverflowError
from formfill.render.fitting import fit_text, text_width
from formfill.render.fonts import BOLD, FACES, ITALIC, REGULAR, ensure_fonts


@dataclass(frozen=True)
class Box:
    page: int
    x0: float
    y0: float  # bottom (PDF coordinates)
    x1: float
    y1: float


@dataclass
class PlacedValue:
    """A value and where its lines are drawn (its own slot, or a continuation sheet)."""

    path: str  # user path, rows from 1
    text: str  # what is printed (NFC, white space collapsed)
    lines: list[TextOp]
    joins: tuple[str, ...]
    boxes: list[Box]  # one per line: the segment it sits in
    appendix: int | None = None


@dataclass
class PlacedCheck:
    path: str
    box: Box
    checked: bool


@dataclass
class PlacedDigits:
    path: str
    text: str
    cells: list[Box]


@dataclass
class Plan:
    pages: int
    texts: list[TextOp] = field(default_factory=list)  # drawn per record (values, pointers, sheets)
    ops: list[Op] = field(default_factory=list)
    values: list[PlacedValue] = field(default_factory=list)
    checks: list[PlacedCheck] = field(default_factory=list)
    digits: list[PlacedDigits] = field(default_factory=list)


def prepare(value: Any, fmt: str) -> str:
    """The printed text of a value: formatted, NFC, runs of white space as one space."""
    if value is None or value == "":
        return ""
    return " ".join(nfc(FORMATTERS[fmt].func(value)).split())


def slot_text(slot: ValueSlot, obj: Any) -> tuple[str, str]:
    """The printed text of a slot for ``obj`` and the path it came from (prefix, alternative applied)."""
    binding = slot.binding
    if binding is None:
        return prepare(resolve(obj, slot.path), slot.fmt), slot.path
    while binding is not None:
        given = not binding.declared or declared(obj, binding.field)
        text = prepare(resolve(obj, binding.field), binding.format) if given else ""
        if text:
            if binding.prefix:
                text = nfc(binding.prefix) + text
            if binding.suffix and not text.endswith(binding.suffix):
                text += nfc(binding.suffix)
            return text, binding.field
        binding = binding.alternative
    return "", slot.binding.field


def check_glyphs(text: str, font: str, path: str) -> None:
    cps = _codepoints(font)
    for ch in text:
        if ord(ch) not in cps:
            raise MissingGlyphError(path, ch)


_CPS: dict[str, frozenset[int]] = {}


def _codepoints(font: str) -> frozenset[int]:
    cps = _CPS.get(font)
    if cps is None:
        for face in ensure_fonts().values():
            _CPS[face.name] = face.codepoints
        cps = _CPS[font]
    return cps


def _place_lines(slot: ValueSlot, fitted: Any, font: str) -> tuple[list[TextOp], list[Box]]:
    lines, boxes = [], []
    asc, desc = 1.0, -0.3
    for text, seg_i, width in zip(fitted.lines, fitted.segments, fitted.widths, strict=True):
        seg = slot.segments[seg_i]
        x0, x1 = seg.x0 + slot.pad, seg.x1 - slot.pad
        if slot.align == "center":
            x = (x0 + x1 - width) / 2
        elif slot.align == "right":
            x = x1 - width
        else:
            x = x0
        lines.append(TextOp(seg.page, x, seg.y, text, font, fitted.size))
        boxes.append(Box(seg.page, seg.x0, seg.y + desc * slot.size, seg.x1, seg.y + asc * slot.size))
    return lines, boxes


MIN_SIZE = 5.0  # a name in a fixed box may shrink below the template's floor, never below this
MAX_GROW = 8  # lines a value may be given beyond its template's


class NeedsRoom(Exception):
    """Some names, IDs or dates need more lines than the layout gives them: ``grow`` says how many."""

    def __init__(self, grow: dict[tuple[Any, ...], int]) -> None:
        super().__init__(grow)
        self.grow = grow


class Planner:
    def __init__(self, compiled: Compiled) -> None:
        self.c = compiled
        self.plan = Plan(pages=compiled.pages)
        self.sheets = Sheets(compiled, self.plan)
        self.grow: dict[tuple[Any, ...], int] = {}

    def value(self, slot: ValueSlot, obj: Any, prefix: str = "") -> None:
        font = FACES[slot.style]
        text, path = slot_text(slot, obj)
        if prefix:
            path = f"{prefix}.{path}"
        if not text:
            return
        check_glyphs(text, font, path)
        if "signatures" in slot.source and "name" in slot.source:
            self.sheets.signer = (slot.label, text)
        limits = [s.width - 2 * slot.pad for s in slot.segments]
        fitted = fit_text(text, limits, font, slot.size, slot.floor)
        if fitted is None and not slot.free:
            fitted = self._in_place(slot, text, font, limits, path)
            if fitted is None:
                return  # the form is laid out again with lines for it (``NeedsRoom``)
        if fitted is not None:
            lines, boxes = _place_lines(slot, fitted, font)
            self.plan.texts.extend(lines)
            self.plan.values.append(PlacedValue(path, text, lines, fitted.joins, boxes))
            return
        if not self.c.allow_appendix:
            raise RenderOverflowError(path, slot.label)
        n = self.sheets.add_text(slot.label, path, text)
        self.pointer(slot, f"xem Phụ lục {n}")

    def _in_place(self, slot: ValueSlot, text: str, font: str, limits: list[float], path: str) -> Any:
        """A name, ID or date that does not fit its lines at the floor size: never a continuation
        sheet. A flow form gets lines of its own for it (recorded in ``self.grow``; ``None``); a
        fixed box shrinks below its floor down to :data:`MIN_SIZE`, or the value is refused."""
        if slot.grow_width > 0 and slot.source:
            for extra in range(1, MAX_GROW + 1):
                more = [*limits, *[slot.grow_width - 2 * slot.pad] * extra]
                if fit_text(text, more, font, slot.size, slot.floor) is not None or extra == MAX_GROW:
                    self.grow[slot.source] = max(self.grow.get(slot.source, 0), extra)
                    return None
        fitted = fit_text(text, limits, font, slot.floor, MIN_SIZE)
        if fitted is None:
            raise RenderOverflowError(path, slot.label)
        return fitted

    def pointer(self, slot: ValueSlot, text: str) -> None:
        fitted = fit_text(text, [s.width - 2 * slot.pad for s in slot.segments], ITALIC, slot.size, 5.0)
        if fitted is not None:
            lines, _ = _place_lines(slot, fitted, ITALIC)
            self.plan.texts.extend(lines)

    def check(self, slot: CheckSlot, value: Any, path: str) -> None:
        checked = value == slot.when
        box = Box(slot.page, slot.x, slot.y, slot.x + slot.size, slot.y + slot.size)
        self.plan.checks.append(PlacedCheck(path, box, checked))
        if checked:
            inset = slot.size * 0.18
            a, b = slot.x + inset, slot.x + slot.size - inset
            c, d = slot.y + inset, slot.y + slot.size - inset
            self.plan.ops.append(LineOp(slot.page, a, c, b, d, 0.9))
            self.plan.ops.append(LineOp(slot.page, a, d, b, c, 0.9))

    def digits(self, slot: DigitSlot, value: Any, path: str) -> None:
        text = prepare(value, "digits").replace(" ", "")
        if not text:
            return
        check_glyphs(text, REGULAR, path)
        if len(text) > slot.count:
            raise RenderOverflowError(path, slot.label)
        cells = []
        base = slot.y + (slot.h - slot.size * 0.72) / 2
        for i, ch in enumerate(text):
            x0 = slot.x + i * slot.cell
            w = text_width(ch, REGULAR, slot.size)
            self.plan.texts.append(TextOp(slot.page, x0 + (slot.cell - w) / 2, base, ch, REGULAR, slot.size))
            cells.append(Box(slot.page, x0, slot.y, x0 + slot.cell, slot.y + slot.h))
        self.plan.digits.append(PlacedDigits(path, text, cells))

    def table(self, slot: TableSlot, rows: Any) -> None:
        rows = list(rows or [])
        shown = rows[: len(slot.rows)]
        for i, row in enumerate(shown):
            for col, cell in zip(slot.columns, slot.rows[i], strict=True):
                if col.path == "@index":
                    self.value(_index_slot(cell), {"n": i + 1}, f"{slot.rows_from}.{i + 1}")
                else:
                    self.value(cell, row, f"{slot.rows_from}.{i + 1}")
        if len(rows) > len(slot.rows) and slot.notes_kept:
            self.grow[(NOTES_FLOW, slot.rows_from)] = 1  # more rows on page 1, the notes on page 2
        elif len(rows) > len(slot.rows):
            n = self.sheets.add_table(slot, rows, start=len(shown))
            left = len(rows) - len(shown)
            note = ValueSlot("", "text", (slot.note,), "italic", slot.size, 6.0, "left", slot.label)
            self.pointer(note, f"(Còn {left} {slot.more_noun} nữa: xem tiếp Phụ lục {n})")


def make_plan(compiled: Compiled, declaration: Any) -> Plan:
    """Place every value of ``declaration``; raises a :class:`~formfill.render.failures.RenderError`."""
    planner = Planner(compiled)
    for slot in compiled.slots:
        if isinstance(slot, ValueSlot):
            planner.value(slot, declaration)
        elif isinstance(slot, CheckSlot):
            planner.check(slot, resolve(declaration, slot.path), slot.path)
        elif isinstance(slot, StrikeSlot):
            planner.plan.ops.extend(slot.ops(resolve(declaration, slot.path)))
        elif isinstance(slot, DigitSlot):
            planner.digits(slot, resolve(declaration, slot.path), slot.path)
        elif isinstance(slot, TableSlot):
            planner.table(slot, resolve(declaration, slot.rows_from))
    if planner.grow:
        raise NeedsRoom(planner.grow)
    planner.sheets.layout()
    return planner.plan


def _index_slot(cell: ValueSlot) -> ValueSlot:
    from dataclasses import replace

    return replace(cell, path="n", fmt="text", binding=None)


# --- continuation sheets ------------------------------------------------------------------------
@dataclass
class _Entry:
    number: int
    label: str
    path: str
    text: str = ""
    table: TableSlot | None = None
    rows: list[Any] = field(default_factory=list)
    start: int = 0


class Sheets:
    """Numbered continuation sheets ("Phụ lục n") after the form's own pages."""

    def __init__(self, compiled: Compiled, plan: Plan) -> None:
        self.c = compiled
        self.plan = plan
        self.entries: list[_Entry] = []
        self.signer: tuple[str, str] | None = None  # (signature column title, name) of the declarant

    def add_text(self, label: str, path: str, text: str) -> int:
        n = len(self.entries) + 1
        self.entries.append(_Entry(n, label, path, text=text))
        return n

    def add_table(self, slot: TableSlot, rows: list[Any], start: int) -> int:
        n = len(self.entries) + 1
        self.entries.append(_Entry(n, slot.label, slot.rows_from, table=slot, rows=rows, start=start))
        return n

    # layout ---------------------------------------------------------------------------
    def layout(self) -> None:
        if not self.entries:
            return
        c = self.c
        self.left, self.bottom, self.right, self.top = c.frame
        self.page = c.pages - 1
        self._new_page()
        for entry in self.entries:
            if entry.table is not None:
                self._table(entry)
            else:
                self._text(entry)
        self._signature()

    def _signature(self) -> None:
        """The signer's block under the last sheet: a continuation sheet is signed like the form."""
        c = self.c
        title, name = self.signer or ("Người khai", "")
        width = (self.right - self.left) / 2
        x0 = self.right - width
        lines = [(title.upper(), BOLD), ("(Ký, ghi rõ họ tên)", ITALIC)]
        need = c.leading * (3 + 3)
        self._room(need)
        self.y -= c.leading * 0.5
        for text, font in lines:
            w = text_width(text, font, c.size)
            self.plan.texts.append(
                TextOp(self.page, x0 + (width - w) / 2, self.y - c.leading * 0.78, text, font, c.size)
            )
            self.y -= c.leading
        self.y -= c.leading * 2.5
        fitted = fit_text(name, [width - 8] * 3, BOLD, c.size, MIN_SIZE) if name else None
        for text, w in zip(fitted.lines, fitted.widths, strict=True) if fitted else ():
            self.plan.texts.append(
                TextOp(self.page, x0 + (width - w) / 2, self.y - c.leading * 0.78, text, BOLD, fitted.size)
            )
            self.y -= c.leading

    def _new_page(self) -> None:
        self.page += 1
        self.plan.pages = self.page + 1
        c = self.c
        w, h = c.page_size
        number = str(self.page + 1)
        nw = text_width(number, REGULAR, 11)
        self.plan.texts.append(TextOp(self.page, (w - nw) / 2, h - (h - self.top) / 2, number, REGULAR, 11))
        # the running header wraps within the frame (a long title takes two lines), at its own size
        head = f"Phụ lục kèm theo {c.title}"
        if self.signer:
            head += f" — {self.signer[0]}: {self.signer[1]}"
        size, lead = c.size * 0.85, c.leading * 0.85
        fitted = fit_text(head, [self.right - self.left] * 6, ITALIC, size, size)
        lines = fitted.lines if fitted is not None else (head,)
        y = self.top - c.leading * 0.78
        for line in lines:
            self.plan.texts.append(TextOp(self.page, self.left, y, line, ITALIC, size))
            y -= lead
        self.y = self.top - c.leading * 1.4 - lead * (len(lines) - 1)

    def _room(self, height: float) -> None:
        if self.y - height < self.bottom:
            self._new_page()

    def _heading(self, entry: _Entry, cont: bool = False) -> None:
        c = self.c
        of = c.meta.get("title", "tờ khai")
        of = of[:1].lower() + of[1:]
        text = f"Phụ lục {entry.number} của {of}: {entry.label}" + (" (tiếp theo)" if cont else "")
        self._room(c.leading * 3)
        fitted = fit_text(text, [self.right - self.left] * 3, BOLD, c.size, 6.0)
        for line in fitted.lines if fitted else (text,):
            self.plan.texts.append(
                TextOp(self.page, self.left, self.y - c.leading * 0.78, line, BOLD, c.size)
            )
            self.y -= c.leading

    def _text(self, entry: _Entry) -> None:
        c = self.c
        self._heading(entry)
        width = self.right - self.left
        n_lines = int(len(entry.text) + 10)  # never more lines than characters
        fitted = fit_text(entry.text, [width - 3] * n_lines, REGULAR, c.size, c.size)
        assert fitted is not None  # full-width lines, words broken between letters if need be
        lines, boxes = [], []
        for text, _w in zip(fitted.lines, fitted.widths, strict=True):
            self._room(c.leading)
            seg = Segment(self.page, self.left, self.right, self.y - c.leading * 0.78)
            lines.append(TextOp(seg.page, seg.x0 + 1.5, seg.y, text, REGULAR, c.size))
            boxes.append(Box(seg.page, seg.x0, seg.y - 0.3 * c.size, seg.x1, seg.y + c.size))
            self.y -= c.leading
        self.plan.texts.extend(lines)
        self.plan.values.append(PlacedValue(entry.path, entry.text, lines, fitted.joins, boxes, entry.number))
        self.y -= c.leading * 0.5

    def _table(self, entry: _Entry) -> None:
        """The rows a table's page could not hold, under its heading, across as many sheets as needed."""
        from formfill.render.tables import table_grid

        slot = entry.table
        assert slot is not None
        c = self.c

        class _Ctx:  # the bits of the flow context table_grid uses
            floor = slot.size

            @staticmethod
            def lead(size: float) -> float:
                return c.leading * size / c.size

        prepared = _measured_rows(entry, slot, c.leading * slot.size / c.size)
        first = True
        while prepared:
            self._heading(entry, cont=not first)
            first = False
            self._room(slot.header_height + prepared[0][1])
            room = self.y - self.bottom - slot.header_height
            take, used = 0, 0.0
            while take < len(prepared) and used + prepared[take][1] <= room:
                used += prepared[take][1]
                take += 1
            take = max(take, 1)
            chunk, prepared = prepared[:take], prepared[take:]
            ops, rows = table_grid(
                self.page,
                self.y,
                slot.columns,
                slot.header_height,
                slot.row_height,
                len(chunk),
                slot.header_size,
                _Ctx,
                slot.lines_per_cell,
                slot.size,
                row_heights=[h for _, h in chunk],
            )
            self.plan.ops.extend(o for o in ops if not isinstance(o, TextOp))
            self.plan.texts.extend(o for o in ops if isinstance(o, TextOp))
            self._fill_rows(entry, slot, chunk, rows)
            self.y -= slot.header_height + used + c.leading

    def _fill_rows(
        self,
        entry: _Entry,
        slot: TableSlot,
        chunk: list[tuple[list[tuple[str, str]], float]],
        rows: tuple[tuple[ValueSlot, ...], ...],
    ) -> None:
        """Each cell's text into the grid's slots of this sheet."""
        for (cells, _h), row_slots in zip(chunk, rows, strict=True):
            for (path, text), cell in zip(cells, row_slots, strict=True):
                if not text:
                    continue
                fitted = fit_text(
                    text, [s.width - 2 * cell.pad for s in cell.segments], REGULAR, slot.size, slot.size
                )
                assert fitted is not None
                lines, boxes = _place_lines(cell, fitted, REGULAR)
                self.plan.texts.extend(lines)
                self.plan.values.append(PlacedValue(path, text, lines, fitted.joins, boxes, entry.number))


def _measured_rows(entry: _Entry, slot: TableSlot, lead: float) -> list[tuple[list[tuple[str, str]], float]]:
    """Each remaining row's (path, text) cells and its height: as tall as its longest cell needs
    (no shrinking on a continuation sheet, and no further sheet)."""
    prepared = []
    for i in range(entry.start, len(entry.rows)):
        row = entry.rows[i]
        cells, need = [], 1
        for col in slot.columns:
            path = f"{slot.rows_from}.{i + 1}" + ("" if col.path == "@index" else f".{col.path}")
            if col.path == "@index":
                text = str(i + 1)
            else:
                probe = ValueSlot(
                    col.path,
                    col.fmt,
                    (),
                    "regular",
                    slot.size,
                    slot.size,
                    col.align,
                    col.label,
                    binding=col.binding,
                )
                text, _ = slot_text(probe, row)
            check_glyphs(text, REGULAR, path)
            fitted = fit_text(text, [col.x1 - col.x0 - 5] * (len(text) + 2), REGULAR, slot.size, slot.size)
            assert fitted is not None
            need = max(need, len(fitted.lines))
            cells.append((path, text))
        prepared.append((cells, need * lead + 3))
    return prepared
