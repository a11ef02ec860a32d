"""A small streaming XLSX reader: cached values only, typed cells, no XML entities, no zip bombs.

openpyxl would do most of this, but it pads every row to the sheet's widest column (one cell at XFD1
makes every row 16,384 cells), cannot tell a formula with no cached value from an empty cell in
``data_only`` mode, and parses entity declarations. This reader feeds expat one chunk at a time and
keeps only the current rows (the shared-strings table is held in memory, as Excel's format requires).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from xml.parsers import expat

from formfill.base.errors import InputError
from formfill.base.i18n import tr

MAX_MEMBER_BYTES = 2 << 30  # one part of the package, uncompressed
MAX_TOTAL_BYTES = 4 << 30
MAX_RATIO = 200  # uncompressed / compressed for parts past 1 MB: XML rarely compresses past ~30x
MAX_MEMBERS = 10_000
MAX_CELL_CHARS = 1 << 20  # a cell this big is refused by the reader before it reaches memory twice
CHUNK = 64 * 1024

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


def _col_index(ref: str) -> int:
    n = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            n = n * 26 + ord(ch) - 64
        else:
            break
    return n - 1


def _is_date_format(code: str) -> bool:
    code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.', "", code).lower()
    return bool(re.search(r"[dmy]", code)) and "general" not in code


def excel_date(serial: float, date1904: bool) -> dt.date:
    """An Excel date serial as a date. 1900 system: serial 60 is the phantom 29/02/1900 (refused)."""
    day = int(serial)
    if date1904:
        return dt.date(1904, 1, 1) + dt.timedelta(days=day)
    if day == 60:
        raise ValueError("phantom 1900-02-29")
    if day < 1:
        raise ValueError("before 1900-01-01")
    if day < 60:
        return dt.date(1899, 12, 31) + dt.timedelta(days=day)
    return dt.date(1899, 12, 30) + dt.timedelta(days=day)


class XlsxReader:
    """Rows of one worksheet as ``(sheet_row_number, {column_index: XCell})``."""

    def __init__(self, path: str, sheet: str | None = None) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise XlsxError(
                tr(
                    f"{path}: không đọc được tệp Excel .xlsx ({exc}). Tệp .xls cũ hoặc có mật khẩu: lưu lại thành .xlsx.",
                    f"{path}: not a readable .xlsx file ({exc}). Old .xls or password-protected: save it again as .xlsx.",
                )
            ) from exc
        self._check_package()
        self.date1904, sheet_path = self._workbook(sheet)
        self.sheet_path = sheet_path
        self.shared = self._shared_strings()
        self.date_styles = self._date_styles()
        info = self.zip.getinfo(sheet_path)
        self.total_bytes = info.compress_size
        self._raw: Any = None

    def close(self) -> None:
        self.zip.close()

    def _check_package(self) -> None:
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
            if (
                info.file_size > MAX_MEMBER_BYTES
                or total > MAX_TOTAL_BYTES
                or (info.file_size > (1 << 20) and ratio > MAX_RATIO)
            ):
                raise XlsxError(
                    tr(
                        f"{self.path}: tệp Excel bất thường ({info.filename} giải nén ra {info.file_size:,} byte, gấp {ratio:.0f} lần) — có thể là 'bom nén': bị từ chối.",
                        f"{self.path}: suspicious Excel file ({info.filename} expands to {info.file_size:,} bytes, {ratio:.0f}×) — a possible zip bomb: refused.",
                    )
                )

    def _parse(
        self,
        member: str,
        start: Callable[..., None],
        end: Callable[[str], None] | None = None,
        chars: Callable[[str], None] | None = None,
    ) -> None:
        parser = _parser(start, end or (lambda _t: None), chars or (lambda _t: None))
        try:
            with self.zip.open(member) as fh:
                while chunk := fh.read(CHUNK):
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
        except expat.ExpatError as exc:
            raise XlsxError(f"{self.path}: {member}: XML {tr('hỏng', 'broken')}: {exc}") from exc
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
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

    def _shared_strings(self) -> list[str]:
        if "xl/sharedStrings.xml" not in self.zip.namelist():
            return []
        out: list[str] = []
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
        done: list[tuple[int, dict[int, XCell]]] = []
        st: dict[str, Any] = {
            "row": 0,
            "cells": None,
            "col": -1,
            "t": "n",
            "s": 0,
            "f": False,
            "v": None,
            "in": None,
            "buf": [],
        }
        shared = self.shared
        date_styles = self.date_styles

        def start(tag: str, attrs: dict[str, str]) -> None:
            name = _local(tag)
            if name == "c":
                ref = attrs.get("r")
                st["col"] = _col_index(ref) if ref else st["col"] + 1
                st["t"] = attrs.get("t", "n")
                try:
                    st["s"] = int(attrs.get("s", "0"))
                except ValueError:
                    st["s"] = 0
                st["f"] = False
                st["v"] = None
            elif name == "row":
                r = attrs.get("r")
                st["row"] = int(r) if r and r.isdigit() else st["row"] + 1
                st["cells"] = {}
                st["col"] = -1
            elif name in ("v", "t") or name == "is":
                if name != "is":
                    st["in"] = name
                    st["buf"] = []
            elif name == "f":
                st["f"] = True

        def chars(text: str) -> None:
            if st["in"] is not None:
                st["buf"].append(text)
                if len(st["buf"]) > 64 and sum(map(len, st["buf"])) > MAX_CELL_CHARS:
                    raise XlsxError(
                        tr(
                            f"{self.path}: dòng {st['row']}: một ô quá lớn.",
                            f"{self.path}: sheet row {st['row']}: a cell is too large.",
                        )
                    )

        def end(tag: str) -> None:
            name = _local(tag)
            if name in ("v", "t"):
                if st["in"] == name:
                    text = "".join(st["buf"])
                    st["v"] = text if st["v"] is None or name == "v" else st["v"] + text
                st["in"] = None
            elif name == "c":
                cell = self._cell(st["t"], st["v"], st["f"], st["s"], shared, date_styles)
                if cell is not None and st["cells"] is not None:
                    st["cells"][st["col"]] = cell
            elif name == "row":
                if st["cells"]:
                    done.append((st["row"], st["cells"]))
                st["cells"] = None

        parser = _parser(start, end, chars)
        try:
            with self.zip.open(self.sheet_path) as fh:
                self._raw = fh
                while chunk := fh.read(CHUNK):
                    parser.Parse(chunk, False)
                    if done:
                        yield from done
                        done.clear()
                parser.Parse(b"", True)
                yield from done
        except expat.ExpatError as exc:
            raise XlsxError(f"{self.path}: {self.sheet_path}: XML {tr('hỏng', 'broken')}: {exc}") from exc
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise XlsxError(f"{self.path}: {exc}") from exc

    def _cell(
        self, t: str, v: str | None, formula: bool, style: int, shared: list[str], date_styles: set[int]
    ) -> XCell | None:
        if formula and (v is None or (v == "" and t != "str")):
            return XCell("formula", None)  # Excel's cached result is what we read; there is none
        if v is None:
            return None
        if t == "s":
            try:
                return XCell("text", shared[int(v)])
            except (ValueError, IndexError):
                return XCell("error", f"#REF (shared string {v})")
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
        if style in date_styles:
            return XCell("date", number)
        return XCell("number", number)
