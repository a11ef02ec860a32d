"""Roster rows: the records of a roster read as rows of nested declaration data, with errors that name
row and column.

``iter_rows(path, spec)`` streams :class:`Row` objects; header problems (unknown, duplicate, ambiguous
or missing required columns) raise :class:`RosterHeaderError` before the first row. ``check_row``
adds the schema's own errors, each mapped back to the column it came from. The header mapping is in
:mod:`formfill.batch.columns`, the conversion of one cell in :mod:`formfill.batch.cells`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from formfill.base.i18n import Lang, tr
from formfill.base.json_input import no_data
from formfill.base.messages import format_message
from formfill.batch.cells import MAX_CELL_CHARS, as_given, convert_cell, mask, number_text, scrubbed, yes_no
from formfill.batch.columns import Column, column_letter, map_header
from formfill.batch.readers import RosterReadError, file_size, read_delimited, read_jsonl
from formfill.batch.targets import FormFields
from formfill.batch.xlsx import XCell, XlsxReader
from formfill.forms.explain import explain

ROSTER_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".jsonl")

_FOLLOW_ON = {"missing_without_id", "vn_identity_missing"}
_STRUCTURAL = {"batch_row_short", "batch_row_long", "batch_json_line"}
PEEK_RECORDS = 1_000  # blank records read ahead, at most, to find the first data row when opening


class RosterEmptyError(RosterReadError):
    """The roster has no data row (header only, blank rows only, an empty .jsonl): exit 2."""


@dataclass(frozen=True)
class CellError:
    """One problem, where a person finds it: data row (1 = first row under the header) and column."""

    row: int
    column: str  # the header as written in the file ("" for the whole row)
    field: str  # user path ("me.ho_ten", "thanh_vien.2.ho_ten")
    type: str
    message: str
    value: Any = None  # as given (masked in reports for ID numbers)

    def line(self) -> str:
        where = self.column or self.field
        if where:
            return tr(
                f"dòng {self.row}, cột {where}: {self.message}",
                f"row {self.row}, column {where}: {self.message}",
            )
        return tr(f"dòng {self.row}: {self.message}", f"row {self.row}: {self.message}")

    def as_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "field": self.field,
            "type": self.type,
            "message": self.message,
            "value": self.value,
        }


@dataclass
class Row:
    """One roster row: its number, the declaration data nested by field path, errors, values as given."""

    number: int
    data: dict[str, Any]
    errors: list[CellError] = field(default_factory=list)
    source: dict[str, Any] = field(default_factory=dict)
    declaration: Any = None  # the validated model (after check_row), else None
    blank: bool = False

    @property
    def valid(self) -> bool:
        return not self.errors and not self.blank


def _error(
    row: int, column: str, path: str, type_: str, shown: Any, lang: Lang | None, **ctx: Any
) -> CellError:
    return CellError(row, column, path, type_, scrubbed(format_message(type_, ctx, lang)), shown)


class Roster:
    """An open roster: header mapped, warnings known, rows streamed by :meth:`rows`."""

    def __init__(
        self,
        path: str | Path,
        spec: Any,
        *,
        mapping: Mapping[str, str | None] | None = None,
        sheet: str | None = None,
        lang: Lang | None = None,
    ) -> None:
        self.path = str(path)
        self.spec = spec
        self.lang = lang
        self.fields = FormFields.of(spec.model, spec.meta.sections)
        self.mapping = dict(mapping or {})
        self.suffix = Path(path).suffix.lower()
        self.warnings: list[str] = []
        self.encoding = ""
        self.columns: list[Column] = []
        self.size = file_size(self.path)
        self._position: Callable[[], int] = lambda: 0
        self._records: Iterator[tuple[int, Any]]
        self._column_of_path: dict[str, str] = {}
        self.date1904 = False  # .xlsx: the workbook counts dates from 1904
        try:
            if self.suffix == ".jsonl":
                self.encoding = "UTF-8"
                self._records = read_jsonl(self.path)
            elif self.suffix == ".xlsx":
                self._open_xlsx(sheet)
            elif self.suffix in (".csv", ".tsv", ".txt"):
                self._open_text()
            else:
                raise RosterReadError(
                    tr(
                        f"{self.path}: loại tệp {self.suffix or '(không có đuôi)'} không đọc được (.csv, .tsv, .xlsx, .jsonl).",
                        f"{self.path}: cannot read {self.suffix or '(no suffix)'} files (.csv, .tsv, .xlsx, .jsonl).",
                    )
                )
            self._peek_first_data_row()
        except BaseException:
            self.close()
            raise

    def _peek_first_data_row(self) -> None:
        """Read up to the first data record now, so a roster with none is refused before anything is
        written; the records read on the way are given back to :meth:`rows`."""
        head: list[tuple[int, Any]] = []
        for record in self._records:
            head.append(record)
            if not self._blank_record(record[1]) or len(head) >= PEEK_RECORDS:
                break
        else:
            raise RosterEmptyError(no_data(self.path))
        self._records = itertools.chain(head, self._records)

    # -- opening ---------------------------------------------------------------------------------
    def _open_text(self) -> None:
        reader = read_delimited(self.path)
        self.encoding = reader.source.encoding
        self.warnings.extend(reader.source.warnings)
        self._position = reader.source.position
        self._map_header([h for h in reader.header])
        self._records = reader.records

    def _open_xlsx(self, sheet: str | None) -> None:
        book = XlsxReader(self.path, sheet)
        self.encoding = "XLSX" + (" (1904)" if book.date1904 else "")
        self._book = book
        self.date1904 = book.date1904
        self.size = book.total_bytes
        self._position = book.progress
        rows = book.rows()
        header_row = 0
        header: dict[int, XCell] = {}
        for number, cells in rows:
            if any(c.kind != "text" or c.value.strip() for c in cells.values()):
                header_row, header = number, cells
                break
        if not header:
            raise RosterReadError(tr(f"{self.path}: không có dòng tiêu đề.", f"{self.path}: no header row."))
        width = max(header) + 1
        texts = []
        for i in range(width):
            c = header.get(i)
            texts.append(
                ""
                if c is None
                else (
                    c.value
                    if c.kind == "text"
                    else number_text(c.value)
                    if c.kind == "number"
                    else str(c.value)
                )
            )
        self._map_header(texts)

        def records() -> Iterator[tuple[int, dict[int, XCell]]]:
            for number, cells in rows:
                yield number - header_row, cells

        self._records = records()

    def _map_header(self, headers: list[str]) -> None:
        self.columns, self.width = map_header(headers, self.fields, self.mapping, self.spec.id, self.path)
        self._column_of_path = {c.target.path: c.header for c in self.columns if c.target}

    def _blank_record(self, cells: Any) -> bool:
        """A record with no value: CSV cells all blank, .xlsx cells all empty text (JSONL records come
        from non-blank lines only)."""
        if self.suffix == ".jsonl":
            return False
        if self.suffix == ".xlsx":
            return not any(c.kind != "text" or c.value.strip() for c in cells.values())
        return not any(c.strip() for c in cells)

    # -- rows ------------------------------------------------------------------------------------
    def progress(self) -> tuple[int, int]:
        """(bytes read, bytes in all) for a progress bar."""
        return self._position(), self.size

    def rows(self) -> Iterator[Row]:
        """Every data row, blank rows included (``blank=True``), in file order.

        Raises :class:`RosterEmptyError` at the end when no row had data (past the blank rows the
        opening looked ahead at)."""
        data = False
        for row in self._rows():
            data = data or not row.blank
            yield row
        if not data:
            raise RosterEmptyError(no_data(self.path))

    def _rows(self) -> Iterator[Row]:
        if self.suffix == ".jsonl":
            yield from self._jsonl_rows()
        elif self.suffix == ".xlsx":
            for number, cells in self._records:
                yield self._xlsx_row(number, cells)
        else:
            for number, cells in self._records:
                yield self._text_row(number, cells)

    def _text_row(self, number: int, cells: list[str]) -> Row:
        row = Row(number, {})
        if self._blank_record(cells):
            row.blank = True
            return row
        if len(cells) < self.width:
            row.errors.append(
                _error(
                    number, "", "", "batch_row_short", None, self.lang, found=len(cells), expected=self.width
                )
            )
        elif len(cells) > self.width:
            extra = [i for i in range(self.width, len(cells)) if cells[i].strip()]
            if extra:
                self._too_long(row, extra[0])
        values = {}
        for col in self.columns:
            if col.target is None or col.index >= len(cells):
                continue
            values[col.header] = cells[col.index]
        self._fill(row, values, {})
        return row

    def _xlsx_row(self, number: int, cells: dict[int, XCell]) -> Row:
        row = Row(number, {})
        if self._blank_record(cells):
            row.blank = True
            return row
        extra = [i for i, c in cells.items() if i >= self.width and (c.kind != "text" or c.value.strip())]
        if extra:
            self._too_long(row, min(extra))
        values: dict[str, Any] = {}
        kinds: dict[str, XCell] = {}
        for col in self.columns:
            if col.target is None:
                continue
            cell = cells.get(col.index)
            if cell is None:
                continue
            kinds[col.header] = cell
            values[col.header] = cell.value
        self._fill(row, values, kinds)
        return row

    def _too_long(self, row: Row, first_extra: int) -> None:
        """The row has a value right of the last header column (0-based index ``first_extra``)."""
        row.errors.append(
            _error(
                row.number,
                "",
                "",
                "batch_row_long",
                None,
                self.lang,
                found=column_letter(first_extra),
                expected=self.width,
            )
        )

    def _convert(self, row: Row, col: Column, value: Any, cell: XCell | None) -> Any:
        """A cell's value for pydantic, or ``None`` (not given). Errors go on the row."""
        target = col.target
        assert target is not None
        if cell is None and target.kind == "text" and isinstance(value, str) and len(value) <= MAX_CELL_CHARS:
            return value.strip() or None  # the common case, kept short

        def err(type_: str, shown: Any, **ctx: Any) -> None:
            row.errors.append(_error(row.number, col.header, target.path, type_, shown, self.lang, **ctx))

        return convert_cell(value, cell, target.kind, self.date1904, err)

    def _fill(self, row: Row, values: dict[str, Any], cells: dict[str, XCell]) -> None:
        data: dict[str, Any] = {}
        members: dict[str, dict[int, dict[str, Any]]] = {}
        for col in self.columns:
            if col.target is None or col.header not in values:
                continue
            raw = values[col.header]
            cell = cells.get(col.header)
            row.source[col.header] = as_given(raw, cell)
            value = self._convert(row, col, raw, cell)
            if value is None:
                continue
            target = col.target
            if target.index is not None and target.group is not None and target.leaf is not None:
                item = members.setdefault(target.group, {}).setdefault(target.index, {})
                _set(item, target.leaf.path.split("."), value)
            else:
                _set(data, target.path.split("."), value)
        for group, by_index in members.items():
            order = sorted(by_index)
            data[group] = [by_index[i] for i in order]
            row_map = getattr(row, "_member_index", {})
            row_map[group] = order
            row._member_index = row_map  # type: ignore[attr-defined]
        row.data = data

    def _jsonl_rows(self) -> Iterator[Row]:
        for number, obj in self._records:
            row = Row(number, {})
            if isinstance(obj, str):
                row.errors.append(_error(number, "", "", "batch_json_line", None, self.lang, error=obj))
                yield row
                continue
            row.data = obj
            row.source = {}
            self._check_json_values(row, obj, ())
            yield row

    def _check_json_values(self, row: Row, obj: Any, prefix: tuple[str, ...]) -> None:
        """JSON numbers in ID/phone fields, and Có/Không/x in yes-no fields."""
        if not isinstance(obj, dict):
            return
        for key, value in list(obj.items()):
            path = (*prefix, key)
            user = ".".join(path)
            if isinstance(value, dict):
                self._check_json_values(row, value, path)
                continue
            if isinstance(value, list):
                for i, item in enumerate(value, start=1):
                    self._check_json_values(row, item, (*path, str(i)))
                continue
            leaf = self.fields.leaf_at(user)
            if leaf is None:
                continue
            row.source[user] = value
            if leaf.kind == "digits" and isinstance(value, int | float) and not isinstance(value, bool):
                row.errors.append(
                    _error(row.number, user, user, "batch_numeric_id", value, self.lang, value=mask(value))
                )
                del obj[key]
            elif leaf.kind == "bool" and isinstance(value, str):
                answer = yes_no(value)
                if answer is not None:
                    obj[key] = answer

    # -- errors ----------------------------------------------------------------------------------
    def column_for(self, row: Row, path: str) -> tuple[str, str]:
        """(column header, user path as the roster numbers it) for an error path of the model."""
        order = getattr(row, "_member_index", {})
        parts = path.split(".")
        if len(parts) > 2 and parts[0] in order and parts[1].isdigit():
            pos = int(parts[1]) - 1
            if pos < len(order[parts[0]]):
                parts[1] = str(order[parts[0]][pos])
        user = ".".join(parts)
        if self.suffix == ".jsonl":
            return user, user
        probe = user
        while probe:
            if probe in self._column_of_path:
                return self._column_of_path[probe], user
            probe = probe.rpartition(".")[0]
        return "", user

    def close(self) -> None:
        book = getattr(self, "_book", None)
        if book is not None:
            book.close()


def _set(data: dict[str, Any], parts: list[str], value: Any) -> None:
    for part in parts[:-1]:
        data = data.setdefault(part, {})
    data[parts[-1]] = value


def open_roster(
    path: str | Path,
    spec: Any,
    *,
    mapping: Mapping[str, str | None] | None = None,
    sheet: str | None = None,
    lang: Lang | None = None,
) -> Roster:
    """Open a roster and map its header (raises :class:`RosterHeaderError` or ``InputError``)."""
    return Roster(path, spec, mapping=mapping, sheet=sheet, lang=lang)


def iter_rows(
    path: str | Path,
    spec: Any,
    *,
    mapping: Mapping[str, str | None] | None = None,
    sheet: str | None = None,
    lang: Lang | None = None,
    validate: bool = False,
) -> Iterator[Row]:
    """Stream the rows of a roster (.csv, .tsv, .xlsx, .jsonl), blank rows left out.

    Each :class:`Row` has its number (1 = first row under the header), ``data`` nested by field path,
    cell-level errors (numbers in ID columns, short rows, Excel formulas with no value, …) and the
    values as given. With ``validate=True`` the schema's errors are added and ``row.declaration`` set.
    """
    roster = open_roster(path, spec, mapping=mapping, sheet=sheet, lang=lang)
    try:
        for row in roster.rows():
            if row.blank:
                continue
            if validate:
                check_row(roster, row)
            yield row
    finally:
        roster.close()


def check_row(roster: Roster, row: Row) -> Row:
    """Validate one row with the form's schema; errors land on the row, mapped to their columns."""
    if row.blank:
        return row
    if any(e.type in _STRUCTURAL for e in row.errors):
        return row  # cells may be shifted: the schema's errors would only mislead
    try:
        row.declaration = roster.spec.validate(row.data)
    except ValidationError as exc:
        row.declaration = None
        # A cell already refused: "missing", or "required without an ID" in its block, would say nothing new.
        known = {e.field for e in row.errors}
        blocks = {f.rpartition(".")[0] for f in known}
        for fe in explain(exc, roster.lang):
            column, user = roster.column_for(row, fe.path)
            if user in known or (fe.type in _FOLLOW_ON and user.rpartition(".")[0] in blocks):
                continue
            value = row.source.get(column, fe.input if isinstance(fe.input, str | int | float) else None)
            row.errors.append(CellError(row.number, column, user, fe.type, scrubbed(fe.message), value))
    if row.errors:
        row.declaration = None
    return row
