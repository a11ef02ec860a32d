"""Bounds on a PDF that ``formfill check`` reads back, enforced with pikepdf before pdfplumber lays it out.

pdfplumber keeps about 2 KB per glyph it lays out, and a content stream of one byte per glyph
deflates a thousandfold: a 100 KB file once took it past 4 GB. So before pdfplumber sees a file,
its size, its page count and what its pages draw (content streams and the form XObjects they
paint, decoded under a cap, each counted every time it is drawn) are held to bounds a real form
stays far below (a filled form page draws about 10 KB). pdfplumber then reads the file as pikepdf
rewrote it, so both read the same objects.
"""

from __future__ import annotations

import io
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from formfill.base.i18n import tr

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_PAGES = 100
MAX_PAGE_DRAWN = 512 * 1024  # decoded bytes one page draws, its form XObjects included
MAX_TOTAL_DRAWN = 2 * 1024 * 1024  # the same, for the whole file
MAX_NESTING = 12  # form XObjects drawing form XObjects

# How much one encoded byte can grow at most, per filter we do not inflate ourselves.
_GROWTH = {"/LZWDecode": 3000, "/LZW": 3000, "/RunLengthDecode": 64, "/RL": 64}
_FLATE = {"/FlateDecode", "/Fl"}
_SHRINKING = {"/ASCII85Decode", "/A85", "/ASCIIHexDecode", "/AHx"}
_DELIM = rb"\s/\[\]()<>{}%"
_DO = re.compile(rb"/([^" + _DELIM + rb"]+)\s*Do(?![^" + _DELIM + rb"])")


class PdfTooLarge(Exception):
    """The PDF would take more memory or time to read back than any form needs."""


class PdfNotScannable(Exception):
    """pikepdf cannot open the file, or it draws in a way these bounds cannot measure."""


def read_bounded(path: Path) -> bytes:
    """The file's bytes; :class:`PdfTooLarge` past ``MAX_FILE_BYTES`` (read no further: ``/dev/zero``)."""
    with path.open("rb") as fh:
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise PdfTooLarge(_too_large(f"hơn {_mb(MAX_FILE_BYTES)}", f"over {_mb(MAX_FILE_BYTES)}"))
    return data


def bounded_copy(data: bytes) -> bytes:
    """``data`` checked against every bound and rewritten by pikepdf (what pdfplumber is then given)."""
    if len(data) > MAX_FILE_BYTES:
        raise PdfTooLarge(_too_large(f"hơn {_mb(MAX_FILE_BYTES)}", f"over {_mb(MAX_FILE_BYTES)}"))
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except Exception as exc:  # qpdf reports a broken file in several ways
        raise PdfNotScannable(_qpdf_message(exc)) from exc
    with pdf:
        try:
            _DrawnBudget(pdf).check()
            out = io.BytesIO()
            pdf.save(out)
        except (PdfTooLarge, PdfNotScannable):
            raise
        except Exception as exc:
            raise PdfNotScannable(_qpdf_message(exc)) from exc
        return out.getvalue()


@dataclass
class _DrawnBudget:
    """Decoded bytes drawn per page and in all, each form XObject counted every time it is painted."""

    pdf: pikepdf.Pdf
    total: int = 0
    _costs: dict[tuple[int, int], int] = field(default_factory=dict)

    def check(self) -> None:
        pages = len(self.pdf.pages)
        if pages > MAX_PAGES:
            raise PdfTooLarge(
                _too_large(f"{pages} trang (tối đa {MAX_PAGES})", f"{pages} pages (at most {MAX_PAGES})")
            )
        for page in self.pdf.pages:
            resources = _inherited(page.obj, "/Resources")
            contents = page.obj.get("/Contents")
            streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
            drawn = 0
            for stream in streams:
                if isinstance(stream, pikepdf.Stream):
                    drawn += self._cost(stream, resources, MAX_PAGE_DRAWN - drawn, ())
            self.total += drawn
            if self.total > MAX_TOTAL_DRAWN:
                raise PdfTooLarge(_drawn_too_much(MAX_TOTAL_DRAWN, per_page=False))

    def _cost(self, stream: pikepdf.Stream, resources: object, limit: int, stack: tuple[object, ...]) -> int:
        """Bytes ``stream`` draws, XObjects it paints included; :class:`PdfTooLarge` past ``limit``."""
        key = stream.objgen
        known = self._costs.get(key) if key != (0, 0) else None
        if known is not None:
            if known > limit:
                raise PdfTooLarge(_drawn_too_much(MAX_PAGE_DRAWN, per_page=True))
            return known
        if key in stack or len(stack) > MAX_NESTING:
            raise PdfNotScannable(tr("các XObject vẽ lồng nhau không dứt", "form XObjects nest without end"))
        data = _decoded(self.pdf, stream, limit)
        cost = len(data)
        xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
        for match in _DO.finditer(data):
            child = (
                xobjects.get("/" + _name(match.group(1)))
                if isinstance(xobjects, pikepdf.Dictionary)
                else None
            )
            if isinstance(child, pikepdf.Stream) and child.get("/Subtype") == pikepdf.Name.Form:
                inner = child.get("/Resources", resources)
                cost += self._cost(child, inner, limit - cost, (*stack, key))
        if key != (0, 0):
            self._costs[key] = cost
        return cost


def _decoded(pdf: pikepdf.Pdf, stream: pikepdf.Stream, limit: int) -> bytes:
    """The stream decoded, filter by filter, never past ``limit`` bytes (:class:`PdfTooLarge`)."""
    data = stream.read_raw_bytes()
    filters = stream.get("/Filter")
    names = list(filters) if isinstance(filters, pikepdf.Array) else [] if filters is None else [filters]
    parms = stream.get("/DecodeParms")
    parm_list = list(parms) if isinstance(parms, pikepdf.Array) else [parms] * len(names)
    for i, name in enumerate(str(n) for n in names):
        parm = parm_list[i] if i < len(parm_list) else None
        if name in _FLATE:
            data = _inflate(data, limit)
        elif name in _SHRINKING or name in _GROWTH:
            if len(data) * _GROWTH.get(name, 1) > limit:
                raise PdfTooLarge(_drawn_too_much(MAX_PAGE_DRAWN, per_page=True))
            data = _one_stage(pdf, data, name, parm)
        else:
            raise PdfNotScannable(tr(f"bộ lọc {name} không hỗ trợ", f"unsupported filter {name}"))
    if len(data) > limit:
        raise PdfTooLarge(_drawn_too_much(MAX_PAGE_DRAWN, per_page=True))
    return data


def _inflate(data: bytes, limit: int) -> bytes:
    """Deflated data inflated to at most ``limit`` bytes (a predictor only shrinks it afterwards)."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise PdfNotScannable(str(exc)) from exc
    if len(out) > limit:
        raise PdfTooLarge(_drawn_too_much(MAX_PAGE_DRAWN, per_page=True))
    return out


def _one_stage(pdf: pikepdf.Pdf, data: bytes, name: str, parm: object) -> bytes:
    """One filter undone by pikepdf (its growth already bounded by the caller)."""
    single = pikepdf.Stream(pdf, data)
    single.Filter = pikepdf.Name(name)
    if isinstance(parm, pikepdf.Dictionary):
        single.DecodeParms = parm
    try:
        return single.read_bytes(pikepdf.StreamDecodeLevel.specialized)
    except pikepdf.PdfError as exc:
        raise PdfNotScannable(str(exc)) from exc


def _inherited(page: pikepdf.Dictionary, key: str) -> object:
    """A page attribute, looked up the page tree as far as the root (bounded: a tree may loop)."""
    node: object = page
    for _ in range(64):
        if not isinstance(node, pikepdf.Dictionary):
            return None
        if key in node:
            return node[key]
        node = node.get("/Parent")
    return None


def _name(raw: bytes) -> str:
    """A PDF name's text (``#20`` escapes undone)."""
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw).decode("latin-1")


def _qpdf_message(exc: Exception) -> str:
    """qpdf's reason, without the in-memory stream it names (``stream <_io.BytesIO object at 0x…>:``)."""
    text = re.sub(r"^.*?<_io\.BytesIO object at 0x[0-9a-f]+>:?\s*", "", str(exc))
    return text or type(exc).__name__


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def _too_large(vi: str, en: str) -> str:
    return tr(f"tệp quá lớn để kiểm tra ({vi})", f"the file is too large to check ({en})")


def _drawn_too_much(limit: int, *, per_page: bool) -> str:
    where_vi, where_en = ("một trang", "one page") if per_page else ("cả tệp", "the whole file")
    return _too_large(
        f"nội dung {where_vi} giải nén vượt {_mb(limit)}",
        f"what {where_en} draws decompresses to over {_mb(limit)}",
    )
