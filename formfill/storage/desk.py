"""The desk's storage: statuses, versions of a submission, receptions at the one-stop counter.

Contract (the desk app and ``office receive/…`` commands are written against it; both engines):

- :data:`STATUSES` (stored ASCII values) and :data:`STATUS_LABELS` (Vietnamese labels);
- ``store.queue(status=None, form_id=None) -> list[Submission]``, oldest first;
- ``store.versions(code) -> list[SubmissionVersion]`` (every version kept, 1 = as submitted);
- ``store.correct(code, data, *, actor, fields) -> Submission``: a new version (the caller has
  validated ``data`` with the schema), audited "correct" with the field paths;
- ``store.set_status(code, status, *, actor) -> Submission``, audited "status";
- ``store.record_reception(code, *, actor, procedure, papers, dossier_code, received_at, due_at,
  extend_days, kind, items=None, reason=None) -> Reception``: kind "receive" | "request_more" |
  "refuse" sets the status da_tiep_nhan / yeu_cau_bo_sung / tu_choi in the same transaction; the
  reception gets the next running ``number`` of its office-local year (unique); audited with the
  kind as action and no value (``items`` and ``reason`` are not audited);
- ``store.reception(code) -> Reception | None`` (the latest); ``store.mark_returned(code, *, actor,
  at)`` → status da_tra_ket_qua, audited "return"; ``store.receptions(start, end)`` → (submission,
  reception) pairs received on those office-local days, for the register;
- ``store.stats()`` gains ``"results": {"before", "on_time", "late"}``: results returned before, on
  or after the due date's office-local day.

An unknown code raises :class:`SubmissionNotFoundError`; a mistyped one :class:`~formfill.storage.codes.CodeError`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from formfill.storage import audit as audit_log
from formfill.storage.codes import normalize
from formfill.storage.failures import StorageError

STATUSES = ("moi", "dang_tiep_nhan", "da_tiep_nhan", "yeu_cau_bo_sung", "tu_choi", "da_tra_ket_qua")
STATUS_LABELS = {
    "moi": "mới",
    "dang_tiep_nhan": "đang tiếp nhận",
    "da_tiep_nhan": "đã tiếp nhận",
    "yeu_cau_bo_sung": "yêu cầu bổ sung",
    "tu_choi": "từ chối",
    "da_tra_ket_qua": "đã trả kết quả",
}
KIND_STATUS = {"receive": "da_tiep_nhan", "request_more": "yeu_cau_bo_sung", "refuse": "tu_choi"}


@dataclass(frozen=True)
class SubmissionVersion:
    """One version of a declaration: 1 as submitted, then one per correction."""

    version: int
    data: dict
    created: datetime
    actor: str


@dataclass(frozen=True)
class Reception:
    """What the desk recorded when it received, asked for more, or refused a submission."""

    code: str
    kind: str
    procedure: str
    papers: list[int]
    dossier_code: str | None
    received_at: datetime
    due_at: datetime
    extend_days: int
    items: list[str] | None
    reason: str | None
    number: int
    returned_at: datetime | None


class SubmissionNotFoundError(StorageError):
    """No submission has this receipt code (never stored, deleted or purged)."""

    def __init__(self, code: str) -> None:
        super().__init__(f"Không tìm thấy hồ sơ {code}.", f"No submission {code}.")
        self.code_text = code


_RECEPTION = "code, kind, procedure, papers, dossier_code, received_at, due_at, extend_days, items, reason, number, returned_at"


class DeskMixin:
    """The desk's calls; mixed into :class:`~formfill.storage.submissions.SubmissionStore`."""

    _write: Any
    _read: Any
    _now: Any
    _local: Any
    _submission: Any
    _zone: Any

    def queue(self, status: str | None = None, form_id: str | None = None) -> list[Any]:
        """Submissions with this status and form (None: any), oldest first."""
        from formfill.storage.submissions import _COLUMNS

        with self._read("find") as tx:
            rows = tx.execute(
                f"SELECT {_COLUMNS} FROM submission WHERE (CAST(? AS TEXT) IS NULL OR status = ?)"
                " AND (CAST(? AS TEXT) IS NULL OR form_id = ?) ORDER BY created_at, rowid",
                (status, status, form_id, form_id),
            ).fetchall()
        return [self._submission(r) for r in rows]

    def versions(self, code: str) -> list[SubmissionVersion]:
        """Every version of a submission, oldest first (empty when there is no such submission)."""
        wanted = normalize(code)
        with self._read("find") as tx:
            rows = tx.execute(
                "SELECT version, data, created_at, actor FROM submission_version WHERE code = ? ORDER BY version",
                (wanted,),
            ).fetchall()
        return [SubmissionVersion(int(v), json.loads(d), self._local(_parse(c)), a) for v, d, c, a in rows]

    def correct(self, code: str, data: dict, *, actor: str, fields: Iterable[str]) -> Any:
        """Store ``data`` as the next version (validated by the caller); audited with the field paths."""
        from formfill.storage.submissions import _json

        wanted, body, now = normalize(code), _json(data), self._now()
        with self._write("desk", serial=True) as tx:
            version = self._current_version(tx, wanted) + 1
            tx.execute(
                "INSERT INTO submission_version (code, version, data, created_at, actor) VALUES (?, ?, ?, ?, ?)",
                (wanted, version, body, _iso(now), actor),
            )
            tx.execute("UPDATE submission SET data = ?, version = ? WHERE code = ?", (body, version, wanted))
            audit_log.append(tx, _iso(now), actor, "correct", wanted, fields)
            return self._fetch(tx, wanted)

    def set_status(self, code: str, status: str, *, actor: str) -> Any:
        """Set a submission's status (one of :data:`STATUSES`); audited "status"."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}")
        wanted = normalize(code)
        with self._write("desk", serial=True) as tx:
            self._current_version(tx, wanted)
            tx.execute("UPDATE submission SET status = ? WHERE code = ?", (status, wanted))
            audit_log.append(tx, _iso(self._now()), actor, "status", wanted, [f"status:{status}"])
            return self._fetch(tx, wanted)

    def record_reception(
        self,
        code: str,
        *,
        actor: str,
        procedure: str,
        papers: list[int],
        dossier_code: str | None,
        received_at: datetime,
        due_at: datetime,
        extend_days: int,
        kind: str,
        items: list[str] | None = None,
        reason: str | None = None,
    ) -> Reception:
        """Record a reception and set the status it implies, in one transaction; audited (no values)."""
        if kind not in KIND_STATUS:
            raise ValueError(f"kind must be one of {tuple(KIND_STATUS)}")
        wanted = normalize(code)
        year = self._local(received_at).year
        with self._write("desk", serial=True) as tx:
            self._current_version(tx, wanted)
            number = int(tx.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM reception WHERE year = ?",
                                    (year,)).fetchone()[0])  # fmt: skip
            tx.execute(
                "INSERT INTO reception (code, kind, procedure, papers, dossier_code, received_at, due_at,"
                " extend_days, items, reason, year, number, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (wanted, kind, procedure, json.dumps([int(p) for p in papers]), dossier_code, _iso(received_at),
                 _iso(due_at), int(extend_days), json.dumps(items, ensure_ascii=False) if items is not None else None,
                 reason, year, number, actor),
            )  # fmt: skip
            tx.execute("UPDATE submission SET status = ? WHERE code = ?", (KIND_STATUS[kind], wanted))
            audit_log.append(tx, _iso(self._now()), actor, kind, wanted, [f"procedure:{procedure}"])
            return self._latest(tx, wanted)  # type: ignore[return-value]

    def reception(self, code: str) -> Reception | None:
        """The latest reception of a submission, or None."""
        wanted = normalize(code)
        with self._read("find") as tx:
            return self._latest(tx, wanted)

    def mark_returned(self, code: str, *, actor: str, at: datetime) -> Any:
        """The result was handed back: the latest reception's ``returned_at``, status da_tra_ket_qua."""
        wanted = normalize(code)
        with self._write("desk", serial=True) as tx:
            latest = tx.execute("SELECT MAX(id) FROM reception WHERE code = ?", (wanted,)).fetchone()[0]
            if latest is None:
                self._current_version(tx, wanted)  # unknown code: not found; else no reception yet
                raise StorageError(
                    f"Hồ sơ {wanted} chưa được tiếp nhận.", f"Submission {wanted} was not received."
                )
            tx.execute("UPDATE reception SET returned_at = ? WHERE id = ?", (_iso(at), latest))
            tx.execute("UPDATE submission SET status = 'da_tra_ket_qua' WHERE code = ?", (wanted,))
            audit_log.append(tx, _iso(self._now()), actor, "return", wanted)
            return self._fetch(tx, wanted)

    def receptions(self, start: date, end: date) -> list[tuple[Any, Reception]]:
        """(submission, reception) of every reception on the office-local days ``start``..``end``."""
        from formfill.storage.submissions import _COLUMNS

        low, high = self._day_bounds(start, end)
        cols = ", ".join(f"s.{c.strip()}" for c in _COLUMNS.split(","))
        rcols = ", ".join(f"r.{c.strip()}" for c in _RECEPTION.split(","))
        with self._read("find") as tx:
            rows = tx.execute(
                f"SELECT {cols}, {rcols} FROM reception r JOIN submission s ON s.code = r.code"
                " WHERE r.received_at >= ? AND r.received_at < ? ORDER BY r.received_at, r.id",
                (low, high),
            ).fetchall()
        width = len(_COLUMNS.split(","))
        return [(self._submission(r[:width]), self._reception(r[width:])) for r in rows]

    # --- internals -----------------------------------------------------------------------------

    def _results(self, tx: Any, start: date | None, end: date | None) -> dict[str, int]:
        """Results returned before / on / after the due date's office-local day (returned in the range)."""
        out = {"before": 0, "on_time": 0, "late": 0}
        rows = tx.execute(
            "SELECT due_at, returned_at FROM reception WHERE returned_at IS NOT NULL"
        ).fetchall()
        for due, returned in rows:
            back, due_day = self._local(_parse(returned)).date(), self._local(_parse(due)).date()
            if (start and back < start) or (end and back > end):
                continue
            out["before" if back < due_day else "on_time" if back == due_day else "late"] += 1
        return out

    def _day_bounds(self, start: date, end: date) -> tuple[str, str]:
        low = datetime.combine(start, time(), self._zone)
        high = datetime.combine(end + timedelta(days=1), time(), self._zone)
        return _iso(low), _iso(high)

    def _current_version(self, tx: Any, code: str) -> int:
        row = tx.execute("SELECT version FROM submission WHERE code = ?", (code,)).fetchone()
        if row is None:
            raise SubmissionNotFoundError(code)
        return int(row[0])

    def _fetch(self, tx: Any, code: str) -> Any:
        from formfill.storage.submissions import _COLUMNS

        return self._submission(
            tx.execute(f"SELECT {_COLUMNS} FROM submission WHERE code = ?", (code,)).fetchone()
        )

    def _latest(self, tx: Any, code: str) -> Reception | None:
        row = tx.execute(
            f"SELECT {_RECEPTION} FROM reception WHERE code = ? ORDER BY id DESC LIMIT 1", (code,)
        ).fetchone()
        return self._reception(row) if row else None

    def _reception(self, row: Any) -> Reception:
        code, kind, proc, papers, dossier, received, due, extend, items, reason, number, returned = row
        return Reception(
            code, kind, proc, json.loads(papers), dossier, self._local(_parse(received)), self._local(_parse(due)),
            int(extend), json.loads(items) if items is not None else None, reason, int(number),
            self._local(_parse(returned)) if returned else None,
        )  # fmt: skip


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text)
