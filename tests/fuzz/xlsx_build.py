"""Hand-made .xlsx packages: the few parts a reader needs, so a test controls every byte of the XML
(openpyxl writes only well-formed workbooks; hostile ones have to be built by hand)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/></Types>'
)
WORKBOOK = (
    f'<workbook xmlns="{MAIN}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
).encode()
RELS = (
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def letter(index: int) -> str:
    """0 -> A, 26 -> AA (independent of the code under test)."""
    out, n = "", index + 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def text_row(number: int, cells: Sequence[str]) -> str:
    """One ``<row>`` of inline strings, columns from A."""
    body = "".join(inline(f"{letter(i)}{number}", c) for i, c in enumerate(cells) if c != "")
    return f'<row r="{number}">{body}</row>'


def sheet(rows_xml: str | bytes) -> bytes:
    body = rows_xml.encode() if isinstance(rows_xml, str) else rows_xml
    return f'<worksheet xmlns="{MAIN}"><sheetData>'.encode() + body + b"</sheetData></worksheet>"


def shared(strings: Sequence[str]) -> bytes:
    items = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    return f'<sst xmlns="{MAIN}" count="{len(strings)}">{items}</sst>'.encode()


def package(
    sheet_xml: bytes,
    shared_xml: bytes | None = None,
    extra: dict[str, bytes] | None = None,
) -> dict[str, bytes]:
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": RELS,
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    if shared_xml is not None:
        parts["xl/sharedStrings.xml"] = shared_xml
    parts.update(extra or {})
    return parts


def _zipped(parts: dict[str, bytes], level: int) -> bytes:
    """The same bytes on every run (a fixed time stamp), so a counterexample can be kept as a file."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data, compresslevel=level)
    return buf.getvalue()


def write_xlsx(path: Path, parts: dict[str, bytes], level: int = 6) -> Path:
    path.write_bytes(_zipped(parts, level))
    return path


def xlsx_bytes(parts: dict[str, bytes]) -> bytes:
    return _zipped(parts, 6)
