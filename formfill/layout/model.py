"""The template model: layout as data, validated by pydantic (errors are turned into file:line by the loader).

YAML shape (see ``form_templates/khai-sinh.yaml``)::

    form: khai-sinh            # must match the form id
    kind: flow                 # flow: drawn from scratch | overlay: value boxes over a blank PDF
    page: {size: A4, margins: {top: 20mm, bottom: 20mm, left: 30mm, right: 15mm}}
    text: {size: 12pt, leading: 17pt, floor: 9pt}
    elements:                  # flow: one single-key mapping per element, in page order
      - national_header: {}
      - line: {label: "Kính gửi:", note: 1, value: kinh_gui, lines: 2}
      - row: [{label: "Giới tính:", value: nguoi_duoc_khai_sinh.gioi_tinh, width: 30%}, ...]
    boxes: [...]               # overlay: value boxes at coordinates (y from the top of the page)

A binding is ``"path"`` or ``"path | format"`` or ``{field: path, format: name}``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, PrivateAttr, model_validator

from formfill.layout.bindings import (  # noqa: F401 - re-exported: the model's names in one place
    Align,
    Binding,
    BindingIn,
    Strict,
    Style,
    Width,
    WidthIn,
)
from formfill.layout.conditions import WHEN_RE, FieldTest
from formfill.layout.units import Measure, mm

PAGE_SIZES = {"A4": (mm(210), mm(297)), "A5": (mm(148), mm(210))}


# Strict, bindings and widths live in formfill.layout.bindings (re-exported here).
# --- runs: what a line of text is made of ----------------------------------------------------
class StrikeUnless(Strict):
    """Strike a phrase through once ``field`` is answered with anything but ``unless`` (the phrase
    not chosen: khai-tu's "Giấy báo tử / Giấy tờ thay thế Giấy báo tử", as its footnote asks)."""

    field: str
    unless: Any


class TextRun(Strict):
    text: str
    style: Style | None = None
    note: int | None = None  # footnote mark printed as a superscript "(n)" after the text
    strike: StrikeUnless | None = None


class ValueRun(Strict):
    """A value slot of fixed width on the line (a dotted leader when empty)."""

    value: BindingIn
    width: WidthIn = Field(default_factory=lambda: Width(rest=True))
    align: Align = "left"
    style: Style | None = None
    lines: int = Field(1, ge=1, le=20)  # 1 + continuation lines (full text width) the value may use
    leader: bool = True
    size: Measure | None = None
    floor: Measure | None = None


class CheckRun(Strict):
    """A tick box drawn as a square; ticked (an X) when the field equals ``when``."""

    checkbox: str
    when: Any = True
    size: Measure = Field(default_factory=lambda: mm(3.5))


class DigitsRun(Strict):
    """One box per digit (12 for a personal ID number)."""

    digits: str
    count: int = Field(12, ge=1, le=40)
    cell: Measure = Field(default_factory=lambda: mm(5))


def _run_in(value: Any) -> Any:
    if isinstance(value, str):
        return {"text": value}
    return value


Run = Annotated[TextRun | ValueRun | CheckRun | DigitsRun, BeforeValidator(_run_in)]


class LabelledValue(Strict):
    """``label: value`` with a width (one item of a ``row``)."""

    label: str = ""
    note: int | None = None
    value: BindingIn
    width: WidthIn = Field(default_factory=lambda: Width(rest=True))
    lines: int = Field(1, ge=1, le=20)
    align: Align = "left"


# --- elements of a flow template ---------------------------------------------------------------
def _when_ok(value: str | None) -> str | None:
    if value is not None and not WHEN_RE.match(value):
        raise ValueError(f"when: {value!r} is not a condition name (or !name)")
    return value


When = Annotated[str | None, BeforeValidator(_when_ok)]


class Spacing(Strict):
    space_before: Measure = 0.0
    space_after: Measure = 0.0
    when: When = None  # a name from the template's ``conditions:``: laid out only when it holds


class BasisEl(Spacing):
    kind: Literal["basis"]
    text: str | None = None  # default: the form's FormMeta.basis
    size: Measure = 10.0
    width: Measure = Field(default_factory=lambda: mm(72))
    style: Style = "italic"


class NationalHeaderEl(Spacing):
    kind: Literal["national_header"]
    line1: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    line2: str = "Độc lập - Tự do - Hạnh phúc"
    size1: Measure = 13.0
    size2: Measure = 14.0


class TitleEl(Spacing):
    kind: Literal["title"]
    text: str
    size: Measure = 14.0
    subtitle: str | None = None


class LineEl(Spacing):
    """``label (n): value……`` to the right margin, with ``lines - 1`` full-width continuation lines."""

    kind: Literal["line"]
    label: str
    note: int | None = None
    value: BindingIn
    lines: int = Field(1, ge=1, le=20)
    style: Style | None = None


class RowEl(Spacing):
    """Several labelled values on one line."""

    kind: Literal["row"]
    items: list[LabelledValue] = Field(min_length=1)


class ParagraphEl(Spacing):
    """Text with inline value slots, check boxes and digit boxes; wraps at the right margin."""

    kind: Literal["paragraph"]
    runs: list[Run] = Field(min_length=1)
    style: Style = "regular"
    align: Literal["left", "center", "right", "justify"] = "left"
    indent: Measure = 0.0
    size: Measure | None = None


class PlaceDateEl(Spacing):
    """``Làm tại: …, ngày … tháng … năm …`` (italic, NĐ 30 leading zeros)."""

    kind: Literal["place_date"]
    place: BindingIn | None = None
    date: BindingIn | None = None
    prefix: str = "Làm tại: "
    place_width: Measure = Field(default_factory=lambda: mm(45))
    align: Align = "right"
    style: Style = "italic"


class Column(Strict):
    header: str
    value: BindingIn | None = None  # relative to the row; "@index" is the 1-based row number (rows_from only)
    width: WidthIn
    align: Align = "left"


class FixedRow(Strict):
    """A row of a table without ``rows_from``: its label (first column), one value per other column."""

    label: str
    cells: list[BindingIn] = Field(min_length=1)
    lines: int = Field(1, ge=1, le=6)  # lines of text the row's cells hold


class TableEl(Spacing):
    """A table fed by a repeating group (``rows_from``; rows that do not fit go to a continuation
    sheet), or a table of ``fixed_rows`` (label column + one value per column, e.g. Bên nữ | Bên nam)."""

    kind: Literal["table"]
    rows_from: str | None = None
    fixed_rows: list[FixedRow] = Field(default_factory=list)
    columns: list[Column] = Field(min_length=1)
    rows: int | Literal["auto"] = "auto"
    min_rows: int = Field(3, ge=1)
    lines_per_cell: int = Field(1, ge=1, le=6)
    size: Measure | None = None
    header_size: Measure | None = None
    label_style: Style = "regular"  # fixed rows: the label column
    continuation_title: str = ""
    # what a row is, in "(Còn 5 <more_noun> nữa: xem tiếp Phụ lục n)" under a table that continues
    more_noun: str = Field("dòng", min_length=1)

    @model_validator(mode="after")
    def _one_source(self) -> TableEl:
        if (self.rows_from is None) == (not self.fixed_rows):
            raise ValueError("a table has either rows_from (a repeating group) or fixed_rows")
        if self.rows_from is not None and any(c.value is None for c in self.columns):
            raise ValueError("every column of a rows_from table needs a value")
        for row in self.fixed_rows:
            if len(row.cells) != len(self.columns) - 1:
                raise ValueError(
                    f"row {row.label!r}: {len(row.cells)} cells for {len(self.columns) - 1} value columns"
                )
        return self


class PlaceDateBinding(Strict):
    place: BindingIn
    date: BindingIn


class SignatureColumn(Strict):
    title: str
    note: int | None = None
    hint: str = "(Ký, ghi rõ họ, chữ đệm, tên)"
    date_line: bool | PlaceDateBinding = False  # its own "…, ngày … tháng … năm …" (blank, or bound)
    lines: list[list[Run]] = Field(default_factory=list)  # e.g. "(7) Họ và tên: …"
    name: BindingIn | None = None  # printed under the signing space


class SignaturesEl(Spacing):
    kind: Literal["signatures"]
    columns: list[SignatureColumn] = Field(min_length=1, max_length=4)
    aside: list[list[Run]] = Field(default_factory=list)  # lines in the free left half (one signer)
    space: Measure = Field(default_factory=lambda: mm(22))
    size: Measure | None = None


class Note(Strict):
    mark: int | str
    text: str
    when: When = None  # printed only when the condition holds (``!name``: when it does not)


class PhotoBox(Strict):
    label: str = "Ảnh chụp"
    note: int | None = None


class PhotosEl(Spacing):
    """Empty frames for photos glued on paper (ket-hon's "Ảnh chụp", 4×6 cm, one per party), side by
    side, each centred in an equal share of the width right of ``offset``."""

    kind: Literal["photos"]
    boxes: list[PhotoBox] = Field(min_length=1, max_length=4)
    width: Measure = Field(default_factory=lambda: mm(40))
    height: Measure = Field(default_factory=lambda: mm(60))
    offset: Measure = 0.0
    size: Measure = 11.0
    between: str | None = None  # a title printed between two frames (it replaces the title element)
    between_size: Measure = 14.0


class FootnotesEl(Spacing):
    kind: Literal["footnotes"]
    title: str = "Chú thích:"
    notes: list[Note] = Field(min_length=1)
    size: Measure = 9.5
    at_bottom: bool = True


class BlockLine(Strict):
    """One line (wrapping if it must) of a block of ``columns``: runs, centred by default."""

    runs: list[Run] = Field(min_length=1)
    style: Style = "regular"
    align: Literal["left", "center", "right"] = "center"
    size: Measure | None = None
    rule: Measure | None = None  # a short centred rule under the line (NĐ 30 headers), this long


class ColumnsEl(Spacing):
    """Blocks side by side, each its own stack of lines: the two-column heading of an official paper
    (the issuing body and "Số: …" on the left, the national header and the date line on the right)."""

    kind: Literal["columns"]
    widths: list[WidthIn] = Field(min_length=2, max_length=3)
    blocks: list[list[BlockLine]] = Field(min_length=2, max_length=3)

    @model_validator(mode="after")
    def _one_width_per_block(self) -> ColumnsEl:
        if len(self.widths) != len(self.blocks):
            raise ValueError(f"{len(self.widths)} widths for {len(self.blocks)} blocks")
        return self


class PageBreakEl(Strict):
    kind: Literal["page_break"]


class SpacerEl(Strict):
    kind: Literal["spacer"]
    height: Measure


Element = Annotated[
    BasisEl
    | NationalHeaderEl
    | TitleEl
    | LineEl
    | RowEl
    | ParagraphEl
    | PlaceDateEl
    | TableEl
    | SignaturesEl
    | FootnotesEl
    | PageBreakEl
    | SpacerEl
    | PhotosEl
    | ColumnsEl,
    Field(discriminator="kind"),
]

_LIST_BODIED = {"row": "items", "paragraph": "runs", "footnotes": "notes"}


def _element_in(value: Any) -> Any:
    """``{line: {...}}`` -> ``{"kind": "line", ...}``; ``{row: [...]}`` -> items; ``{page_break: null}``."""
    if isinstance(value, str):
        return {"kind": value}
    if isinstance(value, dict) and len(value) == 1 and "kind" not in value:
        ((kind, body),) = value.items()
        if body is None:
            body = {}
        if isinstance(body, list) and kind in _LIST_BODIED:
            body = {_LIST_BODIED[kind]: body}
        if isinstance(body, str) and kind == "paragraph":
            body = {"runs": [body]}
        if isinstance(body, dict):
            return {"kind": kind, **body}
    return value


ElementIn = Annotated[Element, BeforeValidator(_element_in)]


# --- overlay boxes -----------------------------------------------------------------------------
class BoxBase(Strict):
    page: int = Field(1, ge=1)
    x: Measure
    y: Measure  # from the top edge of the page, like a ruler on paper


class ValueBox(BoxBase):
    value: BindingIn
    w: Measure
    h: Measure
    lines: int = Field(1, ge=1, le=20)
    align: Align = "left"
    size: Measure | None = None
    floor: Measure | None = None
    label: str | None = None


class CheckBox(BoxBase):
    checkbox: str
    when: Any = True
    size: Measure = Field(default_factory=lambda: mm(3.5))


class DigitBoxes(BoxBase):
    digits: str
    count: int = Field(12, ge=1, le=40)
    cell: Measure = Field(default_factory=lambda: mm(5))
    h: Measure | None = None


class RowColumn(Strict):
    """One column of an overlay ``rows`` element: its box in the first row (x, width)."""

    value: BindingIn  # relative to the row; "@index" is the 1-based row number
    x: Measure
    w: Measure
    align: Align = "left"
    header: str = ""


class RowsBox(Strict):
    """A repeating group printed into a table of the blank (CT01's members): the first row's boxes,
    the row pitch and the number of rows on the page; rows that do not fit go to a continuation
    sheet, as with a flow template's ``rows_from`` table."""

    rows: str  # the list field
    page: int = Field(1, ge=1)
    y: Measure  # top of the first row, from the top edge of the page
    pitch: Measure
    count: int = Field(ge=1, le=100)
    columns: list[RowColumn] = Field(min_length=1)
    size: Measure | None = None
    continuation_title: str = ""
    more_noun: str = Field("dòng", min_length=1)


Box = ValueBox | CheckBox | DigitBoxes | RowsBox


# --- the template --------------------------------------------------------------------------------
class Margins(Strict):
    top: Measure = Field(default_factory=lambda: mm(20))
    bottom: Measure = Field(default_factory=lambda: mm(20))
    left: Measure = Field(default_factory=lambda: mm(30))
    right: Measure = Field(default_factory=lambda: mm(15))


class Page(Strict):
    size: Literal["A4", "A5"] = "A4"
    orientation: Literal["portrait", "landscape"] = "portrait"  # landscape: a register's wide table
    margins: Margins = Field(default_factory=Margins)

    @property
    def dimensions(self) -> tuple[float, float]:
        width, height = PAGE_SIZES[self.size]
        return (height, width) if self.orientation == "landscape" else (width, height)


class TextStyle(Strict):
    size: Measure = 12.0
    leading: Measure = 17.0
    floor: Measure = 9.0  # values shrink no further than this before moving to a continuation sheet


class Template(Strict):
    """A validated layout template of one form (``form_templates/<form-id>.yaml``)."""

    form: str
    kind: Literal["flow", "overlay"]
    version: str = "1"
    page: Page = Field(default_factory=Page)
    text: TextStyle = Field(default_factory=TextStyle)
    elements: list[ElementIn] = Field(default_factory=list)
    # overlay only
    background: str | None = None  # PDF path relative to the template file
    boxes: list[Box] = Field(default_factory=list)
    continuation: bool = False  # overlay: allow a continuation sheet instead of an overflow error
    # flow: named conditions (any of the tests holds) for elements and notes with ``when:``
    conditions: dict[str, list[FieldTest]] = Field(default_factory=dict)

    _path: Any = PrivateAttr(default=None)  # the YAML file (set by the loader)
    _source: Any = PrivateAttr(default=None)  # its SourceMap, for file:line errors found later

    @property
    def path(self) -> Any:
        return self._path

    @property
    def source(self) -> Any:
        return self._source

    @model_validator(mode="after")
    def _kind_fits(self) -> Template:
        if self.kind == "flow" and not self.elements:
            raise ValueError("a flow template needs elements")
        if self.kind == "overlay" and not self.boxes:
            raise ValueError("an overlay template needs boxes")
        if self.text.floor > self.text.size:
            raise ValueError("text.floor is larger than text.size")
        whens = [getattr(el, "when", None) for el in self.elements]
        whens += [n.when for el in self.elements if isinstance(el, FootnotesEl) for n in el.notes]
        for when in filter(None, whens):
            if when.lstrip("!") not in self.conditions:
                known = ", ".join(sorted(self.conditions)) or "none"
                raise ValueError(f"when: {when!r} names no condition of the template (conditions: {known})")
        return self
