"""The batch error report: ``report.csv`` (UTF-8 with BOM, safe to open in Excel) and ``report.json``.

Both are streamed (one line per problem) to unnamed temporary files and written under their names
at the end (:func:`formfill.base.files.atomic_write_new`), so an interrupted run leaves the previous
report intact. Both are 0600, like the PDFs; a dry run writes ``report.dry-run.csv``/``.json``.
ID and phone numbers are partly masked: the report is passed around by e-mail more often than the
roster itself.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import tempfile
from pathlib import Path
from typing import Any

from formfill.base.errors import InputError
from formfill.base.files import atomic_write_new
from formfill.base.i18n import tr
from formfill.base.text import mask
from formfill.batch.rows import CellError
from formfill.batch.targets import FormFields

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> str:
    """A cell Excel and LibreOffice will not run as a formula: ``'`` before = + - @ TAB CR."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_TRIGGERS) else text


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


REPORT_CSV, REPORT_JSON = "report.csv", "report.json"
DRY_RUN_CSV, DRY_RUN_JSON = "report.dry-run.csv", "report.dry-run.json"


def report_paths(outdir: Path, dry_run: bool = False) -> tuple[Path, Path]:
    """report.csv and report.json; a dry run's have their own names (the last real run's stay)."""
    if dry_run:
        return outdir / DRY_RUN_CSV, outdir / DRY_RUN_JSON
    return outdir / REPORT_CSV, outdir / REPORT_JSON


class ReportWriter:
    """Writes problems as they come (to unnamed temporary files in the folder); :meth:`close` puts
    the summary in and gives the files their names, replacing only formfill's own last reports."""

    HEADER_VI = ("dòng", "cột", "trường", "giá trị", "lỗi", "mã lỗi")
    HEADER_EN = ("row", "column", "field", "value", "message", "type")

    def __init__(
        self,
        outdir: Path,
        fields: FormFields,
        meta: dict[str, Any],
        lang: str | None = None,
        *,
        dry_run: bool = False,
    ) -> None:
        self.outdir = outdir
        self.fields = fields
        self.csv_path, self.json_path = report_paths(outdir, dry_run)
        for path in (self.csv_path, self.json_path):
            if not self._replaceable(path):
                raise InputError(
                    tr(
                        f"{path} không phải báo cáo do formfill ghi: không ghi đè. Đổi tên hoặc chuyển tệp đó đi, hoặc chọn thư mục khác.",
                        f"{path} is not a report formfill wrote: not replaced. Rename or move it, or choose another folder.",
                    )
                )
        self._csv_raw = tempfile.TemporaryFile(dir=outdir)  # 0600, and no name left if killed
        self._json_raw = tempfile.TemporaryFile(dir=outdir)
        self._csv_fh = io.TextIOWrapper(self._csv_raw, encoding="utf-8-sig", newline="")
        self._json_fh = io.TextIOWrapper(self._json_raw, encoding="utf-8")
        self._csv = csv.writer(self._csv_fh)
        english = lang == "en" if lang else tr("vi", "en") == "en"
        self._csv.writerow(self.HEADER_EN if english else self.HEADER_VI)
        head = json.dumps(meta, ensure_ascii=False, indent=1)[:-2]
        self._json_fh.write(head + ',\n "errors": [')
        self._first = True
        self.count = 0

    @classmethod
    def _replaceable(cls, path: Path) -> bool:
        """Nothing there, or a report formfill wrote (recognised by how it begins)."""
        try:
            with open(path, "rb") as fh:
                head = fh.read(256)
        except FileNotFoundError:
            return True
        except OSError:  # a folder, unreadable: not ours to replace
            return False
        if path.suffix == ".csv":
            starts = [
                codecs.BOM_UTF8 + ",".join(h).encode() + b"\r\n" for h in (cls.HEADER_VI, cls.HEADER_EN)
            ]
            return any(head.startswith(start) for start in starts)
        return head.startswith(b'{\n "form": ')

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

    def close(self, summary: dict[str, Any], warnings: list[str]) -> Path:
        """Both files written under their names (each complete or not at all); returns report.csv's path."""
        tail = {"warnings": warnings, "summary": summary}
        body = json.dumps(tail, ensure_ascii=False, indent=1)
        self._json_fh.write("\n ],\n" + body[2:] + "\n")
        for fh, raw, final in (
            (self._csv_fh, self._csv_raw, self.csv_path),
            (self._json_fh, self._json_raw, self.json_path),
        ):
            fh.flush()
            raw.seek(0)
            atomic_write_new(final, raw.read(), force=True)  # checked in __init__: ours, or nothing
        self.abort()
        return self.csv_path

    def abort(self) -> None:
        """The temporary files closed (and so gone)."""
        for fh in (self._csv_fh, self._json_fh):
            with contextlib.suppress(OSError, ValueError):
                fh.close()
