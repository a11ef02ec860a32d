"""Roster columns: the header row mapped to the form's fields (by name, or by a mapping file), and
every header problem (unknown, duplicate, ambiguous, missing required column) in one error.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from formfill.base.errors import InputError
from formfill.base.i18n import tr
from formfill.base.json_input import MAX_RECORD_BYTES, loads_strict, open_regular, record_too_long
from formfill.base.text import fold
from formfill.batch.cells import scrubbed
from formfill.batch.targets import FormFields, Target

MAX_COLUMNS = 16_384  # Excel's limit (A..XFD), for every kind of roster
MAX_PROBLEMS = 50  # listed; the rest are counted (a header of 16,384 blank cells is not 16,384 lines)


class RosterHeaderError(InputError):
    """The header cannot be mapped to the form (exit 2, before any PDF is written)."""

    def __init__(self, path: str, problems: list[str]) -> None:
        if len(problems) > MAX_PROBLEMS:
            rest = len(problems) - MAX_PROBLEMS
            problems = [*problems[:MAX_PROBLEMS], tr(f"… và {rest:,} vấn đề khác", f"… and {rest:,} more")]
        self.problems = [scrubbed(p) for p in problems]  # a data row taken for the header quotes IDs
        problems = self.problems
        head = tr(f"{path}: tiêu đề cột không dùng được:", f"{path}: the column headers cannot be used:")
        super().__init__("\n".join([head, *(f"  - {p}" for p in problems)]))


@dataclass
class Column:
    header: str
    index: int
    target: Target | None  # None: ignored by the mapping file


def load_mapping(path: str | Path) -> dict[str, str | None]:
    """A mapping file: ``{column header: field path or null}`` in YAML or JSON."""
    p = Path(path)
    with open_regular(str(p)) as fh:  # a FIFO or a device is refused, not waited on
        try:
            raw = fh.read(MAX_RECORD_BYTES + 1)
        except OSError as exc:
            raise InputError(f"{p}: {exc}") from exc
    if len(raw) > MAX_RECORD_BYTES:
        raise record_too_long(str(p), None)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: {exc}") from exc
    try:
        if p.suffix.lower() == ".json":
            data = loads_strict(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except Exception as exc:  # yaml.YAMLError, ValueError
        raise InputError(
            tr(f"{p}: tệp ánh xạ cột không hợp lệ: {exc}", f"{p}: invalid column mapping: {exc}")
        ) from exc
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in data.items()
    ):
        raise InputError(
            tr(
                f"{p}: tệp ánh xạ phải là các cặp 'tên cột: đường dẫn trường'.",
                f"{p}: a mapping must be 'column: field.path' pairs.",
            )
        )
    return {unicodedata.normalize("NFC", k): v for k, v in data.items()}


def map_header(
    headers: list[str], fields: FormFields, mapping: Mapping[str, str | None], form_id: str, path: str
) -> tuple[list[Column], int]:
    """The columns of a header row and its width (trailing blank headers left out).

    Raises :class:`RosterHeaderError` listing every problem found.
    """
    columns: list[Column] = []
    problems: list[str] = []
    while headers and not headers[-1].strip():
        headers.pop()
    if len(headers) > MAX_COLUMNS:
        raise RosterHeaderError(
            path,
            [
                tr(
                    f"tiêu đề có {len(headers):,} cột, quá giới hạn {MAX_COLUMNS:,} cột (cột XFD) của Excel",
                    f"the header has {len(headers):,} columns, past Excel's limit of {MAX_COLUMNS:,} (column XFD)",
                )
            ],
        )
    seen: dict[str, str] = {}
    mapped_folded = {fold(k): v for k, v in mapping.items()}
    for index, raw in enumerate(headers):
        header = unicodedata.normalize("NFC", raw).lstrip("\ufeff").strip()
        letter = column_letter(index)
        if not header:
            problems.append(
                tr(f"cột {letter} không có tên (tiêu đề trống)", f"column {letter} has no header")
            )
            continue
        if header in mapping or fold(header) in mapped_folded:
            dest = mapping.get(header, mapped_folded.get(fold(header)))
            if dest is None:
                columns.append(Column(header, index, None))  # ignored by the mapping file
                continue
            target = fields.target_for_path(dest) or tr(
                f"ánh xạ tới trường không có: {dest}", f"mapped to an unknown field: {dest}"
            )
        else:
            target = fields.resolve(header)
        if isinstance(target, str):
            problems.append(_unusable(header, letter, target, form_id))
        elif target.path in seen:
            problems.append(
                tr(
                    f"cột “{header}” ({letter}) trùng với cột “{seen[target.path]}” (cùng trường {target.path})",
                    f"column “{header}” ({letter}) duplicates “{seen[target.path]}” (both are {target.path})",
                )
            )
        else:
            seen[target.path] = header
            columns.append(Column(header, index, target))
    problems += _whole_header_problems(fields, seen)
    if problems:
        raise RosterHeaderError(path, problems)
    return columns, len(headers)


def _unusable(header: str, letter: str, why: str, form_id: str) -> str:
    """Why a header names no field: ``why`` is "unknown", "ambiguous:a, b" or a message."""
    if why.startswith("ambiguous:"):
        options = why.split(":", 1)[1]
        return tr(
            f"cột “{header}” ({letter}) không rõ là trường nào: {options} — ghi rõ, ví dụ “me / {header}”",
            f"column “{header}” ({letter}) is ambiguous: {options} — qualify it, e.g. “me / {header}”",
        )
    if why == "unknown":
        return tr(
            f"cột “{header}” ({letter}) không có trong tờ khai {form_id}",
            f"column “{header}” ({letter}) is not a field of {form_id}",
        )
    return f"“{header}” ({letter}): {why}"


def _whole_header_problems(fields: FormFields, seen: dict[str, str]) -> list[str]:
    """A group given both ways (JSON and numbered columns), and required columns missing."""
    problems = []
    for group in fields.groups:
        if group in seen and any(p.startswith(group + ".") for p in seen):
            problems.append(
                tr(
                    f"nhóm {group} vừa có cột JSON vừa có cột đánh số: chỉ dùng một cách",
                    f"group {group} has both a JSON column and numbered columns: use one",
                )
            )
    for required in fields.required_paths():
        if required not in seen:
            leaf = fields.leaves[required]
            problems.append(
                tr(
                    f"thiếu cột bắt buộc “{leaf.label}” ({required})",
                    f"missing required column “{leaf.label}” ({required})",
                )
            )
    return problems


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index: 0 -> A, 26 -> AA."""
    out = ""
    n = index + 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out
