"""The batch error report: ``report.csv`` (UTF-8 with BOM, safe to open in Excel) and ``report.json``.

Both are streamed (one line per problem) and renamed into place at the end, so an interrupted run
leaves the previous report intact. ID and phone numbers are partly masked: the report is passed
around by e-mail more often than the roster itself.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import IO, Any

from formfill.base.i18n import tr
from formfill.batch.rows import CellError
from formfill.batch.targets import FormFields

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> str:
    """A cell Excel and LibreOffice will not run as a formula: ``'`` before = + - @ TAB CR."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_TRIGGERS) else text


def mask(value: Any) -> str:
    """ "087123456745" -> "0871******45": first 4 and last 2 characters kept when there are enough."""
    text = "" if value is None else str(value)
    n = len(text)
    if n >= 8:
        return text[:4] + "*" * (n - 6) + text[-2:]
    if n >= 3:
        return "*" * (n - 2) + text[-2:]
    return "*" * n


def shown_value(error: CellError, fields: FormFields) -> str:
    value = error.value
    if value is None:
        return ""
    leaf = fields.leaf_at(error.field)
    if leaf is not None and leaf.sensitive:
        return mask(value)
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    if error.field.split(".")[0] in fields.groups and leaf is None:
        return tr("(danh sách)", "(list)")  # a JSON cell of members holds ID numbers
    return text[:200]


class ReportWriter:
    """Writes problems as they come; :meth:`close` puts the summary in and renames the files."""

    HEADER_VI = ("dòng", "cột", "trường", "giá trị", "lỗi", "mã lỗi")
    HEADER_EN = ("row", "column", "field", "value", "message", "type")

    def __init__(
        self, outdir: Path, fields: FormFields, meta: dict[str, Any], lang: str | None = None
    ) -> None:
        self.outdir = outdir
        self.fields = fields
        self.csv_path = outdir / "report.csv"
        self.json_path = outdir / "report.json"
        self._csv_tmp = outdir / ".report.csv.part"
        self._json_tmp = outdir / ".report.json.part"
        self._csv_fh: IO[str] = open(self._csv_tmp, "w", encoding="utf-8-sig", newline="")
        self._csv = csv.writer(self._csv_fh)
        english = lang == "en" if lang else tr("vi", "en") == "en"
        self._csv.writerow(self.HEADER_EN if english else self.HEADER_VI)
        self._json_fh: IO[str] = open(self._json_tmp, "w", encoding="utf-8")
        head = json.dumps(meta, ensure_ascii=False, indent=1)[:-2]
        self._json_fh.write(head + ',\n "errors": [')
        self._first = True
        self.count = 0

    def add(self, error: CellError) -> None:
        value = shown_value(error, self.fields)
        self._csv.writerow(
            [csv_safe(x) for x in (error.row, error.column, error.field, value, error.message, error.type)]
        )
        item = {
            "row": error.row,
            "column": error.column,
            "field": error.field,
            "value": value,
            "message": error.message,
            "type": error.type,
        }
        self._json_fh.write(("\n  " if self._first else ",\n  ") + json.dumps(item, ensure_ascii=False))
        self._first = False
        self.count += 1

    def close(self, summary: dict[str, Any], warnings: list[str]) -> None:
        tail = {"warnings": warnings, "summary": summary}
        body = json.dumps(tail, ensure_ascii=False, indent=1)
        self._json_fh.write("\n ],\n" + body[2:] + "\n")
        for fh, tmp, final in (
            (self._csv_fh, self._csv_tmp, self.csv_path),
            (self._json_fh, self._json_tmp, self.json_path),
        ):
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
            os.replace(tmp, final)  # our own report: replacing last run's is intended

    def abort(self) -> None:
        for fh, tmp in ((self._csv_fh, self._csv_tmp), (self._json_fh, self._json_tmp)):
            fh.close()
            tmp.unlink(missing_ok=True)
