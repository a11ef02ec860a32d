"""Raw roster records: delimited text (any of the encodings clerks meet), XLSX and JSONL, streamed.

Each reader yields ``(row_number, cells)`` with row 1 the first record under the header. Nothing is
padded or dropped silently: the row builder compares each record with the header. Only regular files
are read (a FIFO or a device is refused, not waited on); lines end at LF, CRLF or a lone CR, and a
line longer than :data:`~formfill.base.json_input.MAX_RECORD_BYTES` is refused with the same message
as a JSON record of that size.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from formfill.base.errors import InputError
from formfill.base.i18n import tr
from formfill.base.json_input import (
    MAX_RECORD_BYTES,
    JSONDepthError,
    iter_lines,
    loads_strict,
    open_regular,
    record_too_long,
)
from formfill.batch import legacy

MAX_LINE_BYTES = MAX_RECORD_BYTES  # a physical line longer than this is not a roster (json_input's limit)
SAMPLE_BYTES = 256 * 1024
csv.field_size_limit(MAX_LINE_BYTES)

_NON_ASCII = re.compile(rb"[\x80-\xff]")


class RosterReadError(InputError):
    """The roster cannot be read at all (exit 2)."""


@dataclass
class TextSource:
    """Decoded lines of a text roster, with what was detected on the way."""

    lines: Iterator[str]
    encoding: str
    warnings: list[str] = field(default_factory=list)
    position: Callable[[], int] = lambda: 0
    size: int = 0


def _utf16_kind(head: bytes) -> str | None:
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    sample = head[:4096]
    if len(sample) >= 8:
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        half = len(sample) // 2
        if odd > half * 0.3 and even < half * 0.05:
            return "utf-16-le"
        if even > half * 0.3 and odd < half * 0.05:
            return "utf-16-be"
    return None


def _find_sample(fh: IO[bytes]) -> bytes:
    """Up to SAMPLE_BYTES starting at the first non-ASCII byte (the part that tells encodings apart)."""
    fh.seek(0)
    while chunk := fh.read(1 << 20):
        m = _NON_ASCII.search(chunk)
        if m:
            start = fh.tell() - len(chunk) + max(0, m.start() - 1024)
            fh.seek(start)
            return fh.read(SAMPLE_BYTES)
    return b""


def _trim_utf8_tail(sample: bytes) -> bytes:
    # The sample may cut a multi-byte letter in two: drop up to 3 trailing bytes of an incomplete one.
    for cut in range(0, 4):
        try:
            (sample[: len(sample) - cut] if cut else sample).decode("utf-8")
            return sample[: len(sample) - cut] if cut else sample
        except UnicodeDecodeError:
            continue
    return sample


def _legacy_warning(enc: legacy.Encoding, via_cp1252: bool = False) -> str:
    how_vi = ' (đã bị đọc nhầm thành Windows-1252, ví dụ "Hµ Néi")' if via_cp1252 else ""
    how_en = ' (already misread as Windows-1252, e.g. "Hµ Néi")' if via_cp1252 else ""
    if enc is legacy.TCVN3:
        return tr(
            f"Tệp dùng bảng mã cũ {enc.label}{how_vi}; đã chuyển sang Unicode. Tệp CSV không ghi tên phông chữ, "
            "nên chữ viết bằng phông chữ hoa (.VnTimeH…) được chuyển thành chữ thường: kiểm tra lại các tên viết hoa.",
            f"The file uses the legacy {enc.label} encoding{how_en}; converted to Unicode. A CSV file carries no font "
            "names, so letters written in the capital fonts (.VnTimeH…) come out lower case: check names written in capitals.",
        )
    return tr(
        f"Tệp dùng bảng mã cũ {enc.label}{how_vi}; đã chuyển sang Unicode. Kiểm tra lại vài dòng trước khi in.",
        f"The file uses the legacy {enc.label} encoding{how_en}; converted to Unicode. Check a few rows before printing.",
    )


def open_text(path: str) -> TextSource:
    """Detect the encoding of a text roster and stream its decoded, NFC lines."""
    fh = open_regular(path)
    size = os.fstat(fh.fileno()).st_size
    head = fh.read(4096)
    if not head:
        fh.close()
        raise RosterReadError(tr(f"{path}: tệp rỗng.", f"{path}: the file is empty."))
    utf16 = _utf16_kind(head)
    if utf16:
        return _utf16_source(fh, path, utf16, head, size)
    bom = head.startswith(codecs.BOM_UTF8)
    try:
        decode, name, warnings = _decoder(_find_sample(fh), path, bom)
    except BaseException:
        fh.close()
        raise
    fh.seek(3 if bom else 0)

    def lines() -> Iterator[str]:
        with fh:
            for number, raw in iter_lines(fh, path):
                try:
                    yield decode(raw)
                except UnicodeError as exc:
                    raise RosterReadError(
                        tr(
                            f"{path}: dòng {number}: không đọc được theo bảng mã {name} — tệp trộn nhiều bảng mã? Lưu lại với UTF-8.",
                            f"{path}: line {number}: cannot be read as {name} — mixed encodings? Save the file as UTF-8.",
                        )
                    ) from exc

    return TextSource(lines(), name, warnings, lambda: fh.tell() if not fh.closed else size, size)


def _utf16_source(fh: IO[bytes], path: str, kind: str, head: bytes, size: int) -> TextSource:
    """Excel's "Unicode Text": UTF-16 lines (LF, CRLF or CR), decoded by Python's own codec."""
    fh.seek(2 if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else 0)
    text = io.TextIOWrapper(fh, encoding=kind, errors="strict", newline="")

    def utf16_lines() -> Iterator[str]:
        with text:
            try:
                number = 0
                while line := text.readline(MAX_LINE_BYTES):
                    number += 1
                    if len(line) >= MAX_LINE_BYTES and not line.endswith(("\n", "\r")):
                        raise record_too_long(path, number)
                    yield unicodedata.normalize("NFC", line)
            except UnicodeDecodeError as exc:
                raise RosterReadError(f"{path}: UTF-16 {tr('hỏng', 'broken')}: {exc.reason}") from exc

    def position() -> int:
        return fh.tell() if not fh.closed else size

    return TextSource(utf16_lines(), "UTF-16 " + kind[-2:].upper(), [], position, size)


def _decoder(sample: bytes, path: str, bom: bool) -> tuple[Callable[[bytes], str], str, list[str]]:
    """(decode one line, encoding name, warnings) from a sample of the file's non-ASCII bytes."""
    try:
        text_sample = _trim_utf8_tail(sample).decode("utf-8")
    except UnicodeDecodeError:
        return _single_byte_decoder(sample, path)
    source = legacy.mojibake_source(unicodedata.normalize("NFC", text_sample)) if text_sample else None
    if source is None:
        return legacy.UTF8.decode, "UTF-8 (BOM)" if bom else "UTF-8", []

    def decode(data: bytes, _enc: legacy.Encoding = source) -> str:
        text = data.decode("utf-8")
        try:
            raw = text.encode("cp1252")
        except UnicodeEncodeError:
            raw = text.encode("latin-1", errors="strict")
        return _enc.decode(raw)

    return decode, f"{source.label} via Windows-1252", [_legacy_warning(source, via_cp1252=True)]


def _single_byte_decoder(sample: bytes, path: str) -> tuple[Callable[[bytes], str], str, list[str]]:
    """The single-byte encoding (Windows-1258, TCVN3, VNI) the sample reads most like Vietnamese in."""
    ranked = legacy.rank_single_byte(sample)
    if not ranked:
        raise RosterReadError(
            tr(f"{path}: không nhận ra bảng mã của tệp.", f"{path}: unknown text encoding.")
        )
    odd, _letters, enc = ranked[0]
    if odd > max(3, len(enc.decode(sample)) // 50):
        names = ", ".join(r[2].label for r in ranked)
        raise RosterReadError(
            tr(
                f"{path}: không nhận ra bảng mã của tệp (không phải UTF-8; đã thử {names}). Lưu lại tệp với bảng mã UTF-8.",
                f"{path}: unknown text encoding (not UTF-8; tried {names}). Save the file again as UTF-8.",
            )
        )
    if enc.legacy:
        warning = _legacy_warning(enc)
    else:
        warning = tr(
            f"Tệp dùng bảng mã {enc.label}; đã chuyển sang Unicode.",
            f"The file uses {enc.label}; converted to Unicode.",
        )
    return enc.decode, enc.label, [warning]


def sniff_delimiter(header_line: str, suffix: str, encoding: str) -> str:
    """``\\t`` for .tsv and Excel "Unicode Text"; otherwise the most frequent of , ; TAB in the header."""
    if suffix == ".tsv":
        return "\t"
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    if encoding.startswith("UTF-16") and counts["\t"]:
        return "\t"
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


@dataclass
class DelimitedReader:
    """CSV/TSV records after the header, with the header itself."""

    path: str
    source: TextSource
    header: list[str]
    header_row: int
    records: Iterator[tuple[int, list[str]]]


def read_delimited(path: str) -> DelimitedReader:
    source = open_text(path)
    lines = source.lines
    first: list[str] = []
    for line in lines:
        if line.strip():
            first = [line]
            break
    if not first:
        raise RosterReadError(tr(f"{path}: không có dòng tiêu đề.", f"{path}: no header row."))
    if first[0].startswith("\ufeff"):  # a second BOM (or one the decoder kept) must not stick to a header
        first[0] = first[0].lstrip("\ufeff")
    delimiter = sniff_delimiter(first[0], Path(path).suffix.lower(), source.encoding)
    reader = csv.reader(itertools.chain(first, lines), delimiter=delimiter, quotechar='"', strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise RosterReadError(f"{path}: {tr('dòng tiêu đề hỏng', 'broken header row')}: {exc}") from exc

    def records() -> Iterator[tuple[int, list[str]]]:
        number = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise RosterReadError(
                    tr(
                        f"{path}: dòng dữ liệu {number + 1}: CSV hỏng ({exc}).",
                        f"{path}: data row {number + 1}: broken CSV ({exc}).",
                    )
                ) from exc
            number += 1
            yield number, cells

    return DelimitedReader(path, source, header, 1, records())


def read_jsonl(path: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """JSONL objects by line number; a line that is not a strict JSON object yields its error text."""
    with open_regular(path) as fh:
        for number, raw in iter_lines(fh, path):
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield number, tr("dòng không phải UTF-8", "the line is not UTF-8")
                continue
            try:
                obj = loads_strict(unicodedata.normalize("NFC", text))
            except JSONDepthError as exc:
                raise JSONDepthError(
                    tr(f"{path}: dòng {number}: {exc}", f"{path}: line {number}: {exc}")
                ) from None
            except ValueError as exc:
                yield number, str(exc)
                continue
            if not isinstance(obj, dict):
                yield (
                    number,
                    tr("mỗi dòng phải là một đối tượng JSON {…}", "each line must be a JSON object {…}"),
                )
                continue
            yield number, obj


def file_size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0
