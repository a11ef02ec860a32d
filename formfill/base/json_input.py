"""Strict, bounded JSON input: duplicate keys, NaN and Infinity are errors (Python's json allows them),
nesting deeper than :data:`MAX_DEPTH` and records longer than :data:`MAX_RECORD_BYTES` are refused, and
only regular files are read (a FIFO would hang, ``/dev/zero`` would fill the memory).

One limit and one message for one record, whichever command reads it: a ``.json`` declaration for
``fill``/``validate``, a line of a ``.jsonl`` file, a line of a CSV roster.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator
from typing import IO, Any

from formfill.base.errors import InputError
from formfill.base.i18n import tr

MAX_RECORD_BYTES = 8 << 20  # one declaration, one JSONL line, one roster line
MAX_DEPTH = 64  # a declaration nests 4 levels; 64 is far from Python's recursion limit
CHUNK = 64 * 1024

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKETS = re.compile(r"[\[\]{}]")


class StrictJSONError(ValueError):
    """A JSON document that is well-formed for Python but ambiguous for a declaration."""


class JSONDepthError(InputError, ValueError):
    """JSON nested deeper than :data:`MAX_DEPTH`: refused before Python's parser recurses.

    An ``InputError`` (exit 2) for the file readers here, which catch it first; still a ``ValueError``
    for a caller that only knows ``loads_strict`` raises one for bad JSON."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise StrictJSONError(f"khóa trùng lặp / duplicate key: {key!r}")
        out[key] = value
    return out


def _no_constants(name: str) -> Any:
    raise StrictJSONError(f"giá trị không hợp lệ / not allowed: {name}")


def _depth_error() -> JSONDepthError:
    return JSONDepthError(
        tr(
            f"JSON lồng nhau quá sâu (quá {MAX_DEPTH} tầng [ hoặc {{): không phải dữ liệu tờ khai.",
            f"JSON nested too deep (more than {MAX_DEPTH} levels of [ or {{): not declaration data.",
        )
    )


def check_depth(text: str) -> None:
    """Raise :class:`JSONDepthError` when brackets outside strings nest deeper than MAX_DEPTH."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return  # the common case: too few brackets to be too deep
    depth = 0
    for mark in _BRACKETS.findall(_STRING.sub("", text)):
        depth += 1 if mark in "[{" else -1
        if depth > MAX_DEPTH:
            raise _depth_error()


def loads_strict(text: str | bytes) -> Any:
    """Parse JSON, refusing duplicate keys and NaN/Infinity (``StrictJSONError``) and nesting deeper
    than MAX_DEPTH (:class:`JSONDepthError`); both are ``ValueError``s."""
    if isinstance(text, bytes | bytearray):
        text = text.decode(json.detect_encoding(text), "surrogatepass")
    check_depth(text)
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except RecursionError:  # only with a nearly exhausted stack: the depth check came first
        raise _depth_error() from None


# --- files ------------------------------------------------------------------------------------------
def not_regular(path: str) -> InputError:
    return InputError(
        tr(
            f"{path}: không phải tệp thường (FIFO, thiết bị hay thư mục): hãy chọn một tệp dữ liệu.",
            f"{path}: not a regular file (a FIFO, a device or a folder): give a data file.",
        )
    )


def open_regular(path: str) -> IO[bytes]:
    """Open a regular file for reading; anything else (FIFO, device, folder) is an :class:`InputError`.

    The file is opened non-blocking (a FIFO with no writer would block ``open`` itself) and checked with
    ``fstat`` on the open descriptor, so a file swapped after a ``stat`` cannot slip through.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise not_regular(path)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def record_too_long(path: str, line: int | None) -> InputError:
    """The one message for a record over MAX_RECORD_BYTES (``line`` None: a whole .json file)."""
    mb = MAX_RECORD_BYTES >> 20
    if line is None:
        return InputError(
            tr(
                f"{path}: tệp JSON dài hơn {mb} MB: quá lớn cho một tờ khai.",
                f"{path}: the JSON file is longer than {mb} MB: too large for one declaration.",
            )
        )
    return InputError(
        tr(
            f"{path}: dòng {line} dài hơn {mb} MB: quá lớn cho một dòng dữ liệu.",
            f"{path}: line {line} is longer than {mb} MB: too large for one data row.",
        )
    )


def no_data(path: str) -> str:
    """The one message for a file with no data row (header only, blank lines only, empty)."""
    return tr(
        f"{path}: tệp không có dòng dữ liệu nào.",
        f"{path}: the file has no data row.",
    )


def iter_lines(fh: IO[bytes], path: str) -> Iterator[tuple[int, bytes]]:
    """Physical lines with their endings, numbered from 1: LF, CRLF and CR-only (old Mac) files alike.

    A line longer than MAX_RECORD_BYTES is refused before it is held in memory whole.
    """
    number = 0
    held: list[bytes] = []  # pieces of a line not complete yet
    size = 0
    while chunk := fh.read(CHUNK):
        parts = chunk.splitlines(keepends=True)
        last = len(parts) - 1
        for i, part in enumerate(parts):
            if held and held[-1].endswith(b"\r"):  # a CR ended the last chunk: is it CRLF?
                if part == b"\n":
                    held.append(part)
                    part = b""
                number += 1
                yield number, b"".join(held)
                held.clear()
                size = 0
                if not part:
                    continue
            held.append(part)
            size += len(part)
            if size > MAX_RECORD_BYTES:
                raise record_too_long(path, number + 1)
            if part.endswith(b"\n") or (part.endswith(b"\r") and i < last):
                number += 1
                yield number, b"".join(held)
                held.clear()
                size = 0
    if held:
        yield number + 1, b"".join(held)


def read_json_file(path: str) -> Any:
    """A whole JSON file (UTF-8, BOM tolerated); unreadable or invalid -> :class:`InputError`."""
    with open_regular(path) as fh:
        try:
            data = fh.read(MAX_RECORD_BYTES + 1)
        except OSError as exc:
            raise InputError(f"{path}: {exc.strerror or exc}") from exc
    if len(data) > MAX_RECORD_BYTES:
        raise record_too_long(path, None)
    try:
        return loads_strict(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: không phải UTF-8 / not UTF-8 ({exc.reason})") from exc
    except JSONDepthError as exc:
        raise JSONDepthError(f"{path}: {exc}") from None
    except ValueError as exc:
        raise InputError(f"{path}: JSON không hợp lệ / invalid JSON: {exc}") from exc


def iter_json_records(path: str) -> Iterator[tuple[int, Any, str | None]]:
    """(record number from 1, data or None, error or None) for each non-blank line of a ``.jsonl`` file.

    A line that is not strict JSON is that record's error; a file that is not UTF-8, a line too long
    or too deep, or a file with no record at all is an :class:`InputError` (exit 2).
    """
    number = 0
    with open_regular(path) as fh:
        for line_number, raw in iter_lines(fh, path):
            try:
                line = raw.decode("utf-8-sig" if line_number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: không phải UTF-8 / not UTF-8 ({exc.reason})") from exc
            if not line.strip():
                continue
            number += 1
            try:
                yield number, loads_strict(line), None
            except JSONDepthError as exc:
                raise JSONDepthError(
                    tr(f"{path}: dòng {line_number}: {exc}", f"{path}: line {line_number}: {exc}")
                ) from None
            except ValueError as exc:
                yield number, None, str(exc)
    if not number:
        raise InputError(no_data(path))
