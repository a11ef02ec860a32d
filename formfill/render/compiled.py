"""A template laid out once: static drawing operations per page plus the slots values go into.

Coordinates are PDF points with the origin at the bottom-left of the page (reportlab's); ``y`` of
a text is its baseline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class TextOp:
    page: int
    x: float
    y: float
    text: str
    font: str
    size: float
    word_space: float = 0.0


@dataclass(frozen=True, slots=True)
class LineOp:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.5
    dotted: bool = False


@dataclass(frozen=True, slots=True)
class RectOp:
    page: int
    x: float
    y: float
    w: float
    h: float
    width: float = 0.6


Op = TextOp | LineOp | RectOp


@dataclass(frozen=True, slots=True)
class Segment:
    """One line a value may occupy: from ``x0`` to ``x1`` on the baseline ``y`` of ``page``."""

    page: int
    x0: float
    x1: float
    y: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True)
class ValueSlot:
    path: str  # field path (relative to the row for table cells)
    fmt: str
    segments: tuple[Segment, ...]
    style: str
    size: float
    floor: float
    align: str
    label: str  # the form's wording, for continuation-sheet headings and errors
    pad: float = 1.5  # kept clear at each end of a segment
    binding: Any = None  # the template Binding (prefix, alternative); None = path + fmt only
    free: bool = False  # long free text: may go to a continuation sheet (names, IDs, dates never)
    source: tuple[Any, ...] = ()  # the run's template path: the key to grow it by lines
    grow_width: float = 0.0  # width of a line added when it grows (0: a fixed box, cannot grow)


@dataclass(frozen=True)
class CheckSlot:
    path: str
    when: Any
    page: int
    x: float
    y: float  # bottom edge
    size: float


@dataclass(frozen=True)
class StrikeSlot:
    """A static phrase struck through when ``path`` holds an answer other than ``unless``."""

    path: str
    unless: Any
    page: int
    x0: float
    x1: float
    y: float

    def ops(self, value: Any) -> list[LineOp]:
        """The strike line when ``value`` is an answer other than ``unless`` (the phrase not chosen)."""
        if value in (None, "") or value == self.unless:
            return []
        return [LineOp(self.page, self.x0, self.y, self.x1, self.y, 0.7)]


@dataclass(frozen=True)
class DigitSlot:
    path: str
    page: int
    x: float
    y: float  # bottom edge
    cell: float
    h: float
    count: int
    size: float
    label: str


@dataclass(frozen=True)
class ColumnSpec:
    path: str  # relative to the row; "@index" = row number from 1
    fmt: str
    binding: Any
    x0: float
    x1: float
    align: str
    header_lines: tuple[str, ...]
    label: str


NOTES_FLOW = "notes-flow"  # a grow key: lay a roster table out with its page's notes moved on


@dataclass(frozen=True)
class TableSlot:
    rows_from: str
    columns: tuple[ColumnSpec, ...]
    rows: tuple[tuple[ValueSlot, ...], ...]  # the rows printed on the form page
    note: Segment  # where "(xem tiếp Phụ lục n)" goes
    header_height: float
    row_height: float
    lines_per_cell: int
    size: float
    header_size: float
    label: str
    continuation_title: str
    more_noun: str = "dòng"  # "(Còn 5 dòng nữa: xem tiếp Phụ lục n)"
    notes_kept: bool = False  # rows were given up so the form's notes share this page (a record with
    # more rows asks for the layout without that: ``NOTES_FLOW``)


Slot = ValueSlot | CheckSlot | DigitSlot | TableSlot | StrikeSlot


@dataclass
class Compiled:
    """Everything that does not depend on the record."""

    form_id: str
    kind: str  # flow | overlay
    page_size: tuple[float, float]
    frame: tuple[float, float, float, float]  # left, bottom, right, top
    pages: int
    static: list[list[Op]]  # per page
    slots: list[Slot]
    size: float
    leading: float
    floor: float
    title: str
    meta: dict[str, str] = field(default_factory=dict)
    background: Path | None = None
    allow_appendix: bool = True  # flow: always; overlay: when the template enables it
