"""A small streaming XLSX reader: cached values only, typed cells, no XML entities, no zip bombs.

openpyxl would do most of this, but it pads every row to the sheet's widest column (one cell at XFD1
makes every row 16,384 cells), cannot tell a formula with no cached value from an empty cell in
``data_only`` mode, and parses entity declarations. This reader feeds expat one chunk at a time and
keeps only the current rows (the shared-strings table is held in memory, as Excel's format requires,
packed as UTF-8). Every part's inflated size is checked on the zip directory first; row numbers and
cell references past Excel's limits (row 1,048,576, column XFD) are refused as a broken file.
"""

from __future__ import annotations

import lzma
import math
import posixpath
import re
import zipfile
import zlib
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from xml.parsers import expat

from formfill.base.errors import InputError
from formfill.base.i18n import tr
from formfill.base.json_input import open_regular

# Inflated sizes, checked on the zip directory before anything is inflated (zipfile stops at the
# declared size and fails the CRC past it, so the directory cannot understate a part).
MAX_PART_BYTES = 1 << 30  # any part; a worksheet is streamed, so this bounds time, not memory
MAX_HELD_BYTES = {  # parts held in memory while the sheet is read
    "xl/sharedStrings.xml": 64 << 20,  # ~25 MB for 100,000 rows of distinct names and numbers
    "xl/styles.xml": 4 << 20,
    "xl/workbook.xml": 4 << 20,
    "xl/_rels/workbook.xml.rels": 4 << 20,
}
MAX_TOTAL_BYTES = 2 << 30
MAX_RATIO = 200  # uncompressed / compressed for parts past 1 MB: XML rarely compresses past ~30x
MAX_MEMBERS = 10_000
MAX_SHARED_STRINGS = 5_000_000
MAX_CELL_CHARS = 1 << 20  # a cell this big is refused by the reader before it reaches memory twice
MAX_COLUMNS = 16_384  # A..XFD, Excel's limit
MAX_ROWS = 1_048_576  # Excel's limit
CHUNK = 64 * 1024

# What a damaged or unusual zip raises while a part is inflated: a broken deflate stream (zlib), a
# bad CRC or header (BadZipFile), bzip2/LZMA data (OSError, LZMAError), an encrypted part
# (RuntimeError), an unknown compression method (NotImplementedError).
_INFLATE_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError)
_DAMAGED = (*_INFLATE_ERRORS, OSError, EOFError, RuntimeError, NotImplementedError)

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_BUILTIN_DATE_FORMATS = {14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57}


@dataclass(frozen=True)
class XCell:
    """One cell: ``kind`` is text, number, date (an Excel serial in a date format), bool, error or formula."""

    kind: str
    value: Any


class XlsxError(InputError):
    pass


def _refuse_doctype(*_: Any) -> None:
    raise XlsxError(
        tr(
            "Tệp Excel chứa khai báo DOCTYPE/ENTITY trong XML: bị từ chối.",
            "The Excel file has DOCTYPE/ENTITY declarations in its XML: refused.",
        )
    )


def _parser(start: Callable[..., None], end: Callable[[str], None], chars: Callable[[str], None]) -> Any:
    p = expat.ParserCreate(namespace_separator="}")
    p.StartDoctypeDeclHandler = _refuse_doctype
    p.EntityDeclHandler = _refuse_doctype
    p.UnparsedEntityDeclHandler = _refuse_doctype
    p.ExternalEntityRefHandler = lambda *a: _refuse_doctype()
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    p.StartElementHandler = start
    p.EndElementHandler = end
    p.CharacterDataHandler = chars
    p.buffer_text = True
    return p


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _shown(text: str) -> str:
    """An attribute quoted in a message: a hostile one may be megabytes long."""
    return repr(text if len(text) <= 24 else text[:24] + "…")


def _col_index(ref: str) -> int | None:
    """0-based column of a cell reference ("C7" -> 2); None when it is not one (or is past XFD)."""
    letters = ref.rstrip("0123456789")
    if not (letters.isascii() and letters.isalpha()) or len(letters) > 3:
        return None
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1 if n <= MAX_COLUMNS else None


class SharedStrings:
    """Excel's shared-strings table, kept as one UTF-8 buffer and end offsets: about one byte a
    character and four a string (a list of ``str`` costs some 50 bytes a string more)."""

    def __init__(self) -> None:
        self._data = bytearray()
        self._ends = array("I")

    def append(self, text: str) -> None:
        self._data += text.encode("utf-8")
        self._ends.append(len(self._data))

    def __len__(self) -> int:
        return len(self._ends)

    def get(self, index: int) -> str | None:
        """String ``index`` (from 0), or None when there is no such string (a negative index too)."""
        if not 0 <= index < len(self._ends):
            return None
        start = self._ends[index - 1] if index else 0
        return self._data[start : self._ends[index]].decode("utf-8")


def _is_date_format(code: str) -> bool:
    code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.', "", code).lower()
    return bool(re.search(r"[dmy]", code)) and "general" not in code


class XlsxReader:
    """Rows of one worksheet as ``(sheet_row_number, {column_index: XCell})``."""

    def __init__(self, path: str, sheet: str | None = None) -> None:
        self.path = path
        self._fh = open_regular(path)  # a FIFO or a device is refused, not waited on
        try:
            self.zip = zipfile.ZipFile(self._fh)
        except (*_DAMAGED, ValueError) as exc:
            self._fh.close()
            raise XlsxError(
                tr(
                    f"{path}: không đọc được tệp Excel .xlsx ({exc}). Tệp .xls cũ hoặc có mật khẩu: lưu lại thành .xlsx.",
                    f"{path}: not a readable .xlsx file ({exc}). Old .xls or password-protected: save it again as .xlsx.",
                )
            ) from exc
        try:
            self._check_package()
            self.date1904, sheet_path = self._workbook(sheet)
            self.sheet_path = sheet_path
            self.shared = self._shared_strings()
            self.date_styles = self._date_styles()
        except BaseException:
            self.close()
            raise
        info = self.zip.getinfo(sheet_path)
        self.total_bytes = info.compress_size
        self._raw: Any = None

    def close(self) -> None:
        self.zip.close()
        self._fh.close()

    def _check_package(self) -> None:
        """Refuse a package whose parts would inflate past the limits, before inflating any."""
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise XlsxError(
                tr(
                    f"{self.path}: quá nhiều phần trong tệp Excel.",
                    f"{self.path}: too many parts in the Excel file.",
                )
            )
        total = 0
        for info in infos:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            held = MAX_HELD_BYTES.get(info.filename)
            if held is not None and info.file_size > held:
                raise XlsxError(
                    tr(
                        f"{self.path}: phần {info.filename} của tệp Excel giải nén ra {info.file_size:,} byte, quá giới hạn {held >> 20} MB — có thể là 'bom nén': bị từ chối. Danh sách thật lớn như vậy: hãy chia thành nhiều tệp.",
                        f"{self.path}: the part {info.filename} of the Excel file expands to {info.file_size:,} bytes, over the {held >> 20} MB limit — a possible zip bomb: refused. A real roster that large: split it into several files.",
                    )
                )
            if (
                info.file_size > MAX_PART_BYTES
                or total > MAX_TOTAL_BYTES
                or (info.file_size > (1 << 20) and ratio > MAX_RATIO)
            ):
                raise XlsxError(
                    tr(
                        f"{self.path}: tệp Excel bất thường ({info.filename} giải nén ra {info.file_size:,} byte, gấp {ratio:.0f} lần) — có thể là 'bom nén': bị từ chối.",
                        f"{self.path}: suspicious Excel file ({info.filename} expands to {info.file_size:,} bytes, {ratio:.0f}×) — a possible zip bomb: refused.",
                    )
                )

    def _parse(self, member: str, start: Callable[..., None], end: Any = None, chars: Any = None) -> None:
        """Feed one part to expat, a chunk at a time (``end``/``chars``: optional handlers)."""
        parser = _parser(start, end or (lambda _t: None), chars or (lambda _t: None))
        try:
            with self.zip.open(member) as fh:
                while chunk := fh.read(CHUNK):
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
        except expat.ExpatError as exc:
            raise XlsxError(f"{self.path}: {member}: XML {tr('hỏng', 'broken')}: {exc}") from exc
        except _DAMAGED as exc:
            raise XlsxError(f"{self.path}: {member}: {exc}") from exc

    def _workbook(self, wanted: str | None) -> tuple[bool, str]:
        sheets: list[tuple[str, str]] = []
        date1904 = [False]

        def start(tag: str, attrs: dict[str, str]) -> None:
            name = _local(tag)
            if name == "workbookPr":
                date1904[0] = attrs.get("date1904", "0").lower() in ("1", "true")
            elif name == "sheet":
                sheets.append((attrs.get("name", ""), attrs.get(f"{_NS_REL}}}id", "")))

        try:
            self._parse("xl/workbook.xml", start)
        except KeyError as exc:
            raise XlsxError(f"{self.path}: {tr('thiếu', 'missing')} xl/workbook.xml") from exc
        rels: dict[str, str] = {}

        def rel(tag: str, attrs: dict[str, str]) -> None:
            if _local(tag) == "Relationship":
                rels[attrs.get("Id", "")] = attrs.get("Target", "")

        try:
            self._parse("xl/_rels/workbook.xml.rels", rel)
        except KeyError:
            pass
        if not sheets:
            raise XlsxError(tr(f"{self.path}: không có trang tính nào.", f"{self.path}: no worksheet."))
        if wanted is None:
            chosen = sheets[0]
        else:
            match = [s for s in sheets if s[0] == wanted]
            if not match:
                names = ", ".join(s[0] for s in sheets)
                raise XlsxError(
                    tr(
                        f"{self.path}: không có trang tính {wanted!r} (có: {names}).",
                        f"{self.path}: no worksheet {wanted!r} (there are: {names}).",
                    )
                )
            chosen = match[0]
        target = rels.get(chosen[1], "worksheets/sheet1.xml")
        path = (
            target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        )
        if path not in self.zip.namelist():
            raise XlsxError(f"{self.path}: {tr('thiếu', 'missing')} {path}")
        return date1904[0], path

    def _shared_strings(self) -> SharedStrings:
        out = SharedStrings()
        if "xl/sharedStrings.xml" not in self.zip.namelist():
            return out
        buf: list[str] = []
        state = {"t": False, "rph": 0}

        def start(tag: str, _attrs: dict[str, str]) -> None:
            name = _local(tag)
            if name == "si":
                buf.clear()
            elif name == "rPh":
                state["rph"] += 1
            elif name == "t" and not state["rph"]:
                state["t"] = True

        def end(tag: str) -> None:
            name = _local(tag)
            if name == "si":
                if len(out) >= MAX_SHARED_STRINGS:
                    raise XlsxError(
                        tr(
                            f"{self.path}: tệp Excel có hơn {MAX_SHARED_STRINGS:,} chuỗi dùng chung: bị từ chối. Hãy chia danh sách thành nhiều tệp.",
                            f"{self.path}: the Excel file has more than {MAX_SHARED_STRINGS:,} shared strings: refused. Split the roster into several files.",
                        )
                    )
                out.append("".join(buf))
            elif name == "rPh":
                state["rph"] -= 1
            elif name == "t":
                state["t"] = False

        def chars(text: str) -> None:
            if state["t"]:
                buf.append(text)

        self._parse("xl/sharedStrings.xml", start, end, chars)
        return out

    def _date_styles(self) -> set[int]:
        if "xl/styles.xml" not in self.zip.namelist():
            return set()
        custom: dict[int, str] = {}
        xf_formats: list[int] = []
        where = {"xfs": False}

        def start(tag: str, attrs: dict[str, str]) -> None:
            name = _local(tag)
            if name == "numFmt":
                try:
                    custom[int(attrs.get("numFmtId", "-1"))] = attrs.get("formatCode", "")
                except ValueError:
                    pass
            elif name == "cellXfs":
                where["xfs"] = True
            elif name == "xf" and where["xfs"]:
                try:
                    xf_formats.append(int(attrs.get("numFmtId", "0")))
                except ValueError:
                    xf_formats.append(0)

        def end(tag: str) -> None:
            if _local(tag) == "cellXfs":
                where["xfs"] = False

        self._parse("xl/styles.xml", start, end)
        dates = set()
        for i, fmt in enumerate(xf_formats):
            if fmt in _BUILTIN_DATE_FORMATS or (fmt in custom and _is_date_format(custom[fmt])):
                dates.add(i)
        return dates

    def progress(self) -> int:
        """Compressed bytes of the sheet read so far (for a progress bar)."""
        left = getattr(self._raw, "_compress_left", None)
        return self.total_bytes - left if isinstance(left, int) else 0

    def rows(self) -> Iterator[tuple[int, dict[int, XCell]]]:
        """Stream the sheet. Rows with no cell are not yielded (callers see gaps in the numbers)."""
        sheet = _SheetParser(self)
        parser = _parser(sheet.start, sheet.end, sheet.chars)
        try:
            with self.zip.open(self.sheet_path) as fh:
                self._raw = fh
                while chunk := fh.read(CHUNK):
                    parser.Parse(chunk, False)
                    if sheet.done:
                        yield from sheet.done
                        sheet.done.clear()
                parser.Parse(b"", True)
                yield from sheet.done
        except expat.ExpatError as exc:
            raise XlsxError(f"{self.path}: {self.sheet_path}: XML {tr('hỏng', 'broken')}: {exc}") from exc
        except _DAMAGED as exc:
            raise XlsxError(f"{self.path}: {exc}") from exc

    def _bad_cell(self, ref: str | None, row: int) -> XlsxError:
        what = tr(f"ô {_shown(ref)}", f"cell {_shown(ref)}") if ref else tr("một ô", "a cell")
        return XlsxError(
            tr(
                f"{self.path}: dòng {row} của trang tính: {what} không phải một ô hợp lệ hoặc nằm ngoài cột XFD (Excel chỉ có {MAX_COLUMNS:,} cột): tệp hỏng, bị từ chối.",
                f"{self.path}: sheet row {row}: {what} is not a valid cell or lies past column XFD (Excel has {MAX_COLUMNS:,} columns): broken file, refused.",
            )
        )

    def _row_number(self, r: str | None, previous: int) -> int:
        """The ``r`` of a ``<row>``: ASCII digits, after the previous row, within Excel's limit."""
        if r is None:
            number = previous + 1
        elif r.isascii() and r.isdigit() and len(r) <= 7:
            number = int(r)
        else:
            number = -1
        if not previous < number <= MAX_ROWS:
            shown = _shown(r) if r is not None else str(number)
            raise XlsxError(
                tr(
                    f"{self.path}: dòng sau dòng {previous} của trang tính: số dòng {shown} không hợp lệ (phải là số tăng dần, tối đa {MAX_ROWS:,}): tệp hỏng, bị từ chối.",
                    f"{self.path}: the sheet row after row {previous}: row number {shown} is not valid (numbers must increase, up to {MAX_ROWS:,}): broken file, refused.",
                )
            )
        return number

    def _cell(
        self, t: str, v: str | None, formula: bool, style: int, shared: SharedStrings, date_styles: set[int]
    ) -> XCell | None:
        if formula and (v is None or (v == "" and t != "str")):
            return XCell("formula", None)  # Excel's cached result is what we read; there is none
        if v is None:
            return None
        if t == "s":
            index = v.strip()
            text = shared.get(int(index)) if index.isascii() and index.isdigit() and len(index) < 10 else None
            if text is None:  # never another string: a negative index would read from the end
                return XCell(
                    "error",
                    tr(
                        f"#REF (không có chuỗi dùng chung {_shown(v)})",
                        f"#REF (no shared string {_shown(v)})",
                    ),
                )
            return XCell("text", text)
        if t in ("str", "inlineStr"):
            return XCell("text", v)
        if t == "b":
            return XCell("bool", v.strip() in ("1", "true"))
        if t == "e":
            return XCell("error", v)
        if t == "d":
            return XCell("text", v)
        try:
            number = float(v)
        except ValueError:
            return XCell("text", v)
        if not math.isfinite(number):  # "NaN", "inf": Excel never writes them as numbers
            return XCell("text", v)
        if style in date_styles:
            return XCell("date", number)
        return XCell("number", number)


class _SheetParser:
    """The expat handlers of one worksheet: completed rows collect in :attr:`done`."""

    def __init__(self, book: XlsxReader) -> None:
        self.book = book
        self.done: list[tuple[int, dict[int, XCell]]] = []
        self.row = 0
        self.cells: dict[int, XCell] | None = None
        self.col = -1
        self.t, self.s, self.f = "n", 0, False
        self.v: str | None = None
        self.inside: str | None = None  # "v" or "t" while their text is collected
        self.buf: list[str] = []

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        name = _local(tag)
        if name == "c":
            ref = attrs.get("r")
            col = _col_index(ref) if ref else self.col + 1
            if col is None or col >= MAX_COLUMNS:
                raise self.book._bad_cell(ref, self.row)
            self.col = col
            self.t = attrs.get("t", "n")
            try:
                self.s = int(attrs.get("s", "0"))
            except ValueError:
                self.s = 0
            self.f = False
            self.v = None
        elif name == "row":
            self.row = self.book._row_number(attrs.get("r"), self.row)
            self.cells = {}
            self.col = -1
        elif name in ("v", "t"):
            self.inside = name
            self.buf = []
        elif name == "f":
            self.f = True

    def chars(self, text: str) -> None:
        if self.inside is not None:
            self.buf.append(text)
            if len(self.buf) > 64 and sum(map(len, self.buf)) > MAX_CELL_CHARS:
                raise XlsxError(
                    tr(
                        f"{self.book.path}: dòng {self.row}: một ô quá lớn.",
                        f"{self.book.path}: sheet row {self.row}: a cell is too large.",
                    )
                )

    def end(self, tag: str) -> None:
        name = _local(tag)
        if name in ("v", "t"):
            if self.inside == name:
                text = "".join(self.buf)
                self.v = text if self.v is None or name == "v" else self.v + text
            self.inside = None
        elif name == "c":
            book = self.book
            cell = book._cell(self.t, self.v, self.f, self.s, book.shared, book.date_styles)
            if cell is not None and self.cells is not None:
                self.cells[self.col] = cell
        elif name == "row":
            if self.cells:
                self.done.append((self.row, self.cells))
            self.cells = None
