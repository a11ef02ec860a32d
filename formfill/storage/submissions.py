"""Kiosk submissions, resume codes and the anonymous figures, in the drafts' SQLite file.

A finished declaration is stored under a receipt code (:mod:`formfill.storage.codes`) that is unique
among submissions and resume codes. Submitting also records the "time and trouble" row — form,
day, seconds, (field path, error type) pairs, never a value — and a satisfaction rating goes to its
own table with no identifier shared with the submission (see :mod:`formfill.storage.figures`).
Retention (``retention.draft_hours`` / ``submission_days``) is applied by :meth:`SubmissionStore.purge`;
deleting checkpoints the WAL so, with ``secure_delete``, the values are gone from the files.
Logs name forms and counts, never codes, values or comments.
"""

from __future__ import annotations

import json
import logging
import math
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from formfill.base import settings as settings_module
from formfill.base.settings import Settings
from formfill.storage import audit
from formfill.storage.accounts import AccountsMixin
from formfill.storage.codes import CodeError, looks_like_code, new_code, normalize
from formfill.storage.db import Connect, default_connect
from formfill.storage.desk import DeskMixin
from formfill.storage.drafts import Clock, DraftStore, utc_now
from formfill.storage.figures import VISITS, office_stats

log = logging.getLogger("formfill.storage")

COMMENT_MAX = 300
ERRORS_MAX = 500
_ID_LIKE = re.compile(r"\d{6,}")
_ID_NUMBER = re.compile(r"^\d{12}$")
_DRAFT_ID = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class Submission:
    """A finished declaration as stored; ``created`` is aware, in the office's time zone."""

    code: str
    form_id: str
    form_version: str
    data: dict
    created: datetime
    status: str  # one of formfill.storage.STATUSES; "moi" (new) at submit
    version: int = 1  # 1 at submit; each correction at the desk adds one (all kept: versions())


def _json(value: object) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"not JSON-serialisable: {type(exc).__name__}") from None  # no value in the message


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def holds_id(value: Any, number: str) -> bool:
    """True when some string in the JSON value is exactly this ID number (spaces ignored)."""
    if isinstance(value, str):
        return "".join(value.split()) == number
    if isinstance(value, dict):
        return any(holds_id(v, number) for v in value.values())
    if isinstance(value, list):
        return any(holds_id(v, number) for v in value)
    return False


class SubmissionStore(DeskMixin, AccountsMixin, DraftStore):
    """Submissions, resume codes, time-and-trouble rows and ratings; also every :class:`DraftStore` call,
    the desk's calls (:class:`~formfill.storage.desk.DeskMixin`), accounts and the audit log
    (:class:`~formfill.storage.accounts.AccountsMixin`).

    ``path``: the SQLite file; ``url``: a ``postgresql://`` URL (None for both: ``store.url`` /
    ``FORMFILL_DATABASE_URL``, then ``store.path`` of the config, else the user data folder).
    ``settings`` gives the office time zone and the retention (default: the current settings).
    ``actor`` names who acts in the audit log when a call does not say (``kiosk:<name>``, an account).
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        settings: Settings | None = None,
        clock: Clock = utc_now,
        connect: Connect = default_connect,
        url: str | None = None,
        actor: str = "cli",
    ) -> None:
        self.settings = settings if settings is not None else settings_module.current()
        if path is None and url is None:
            url = self.settings.database_url
            path = None if url else self.settings.drafts_path
        super().__init__(path, clock=clock, connect=connect, url=url)
        self._zone = self.settings.office.zone
        self.actor = actor

    # --- submissions ---------------------------------------------------------------------------

    def submit(
        self,
        form_id: str,
        form_version: str,
        data: dict,
        *,
        seconds: float | None = None,
        errors: Iterable[tuple[str, str]] = (),
        actor: str | None = None,
    ) -> Submission:
        """Store a finished declaration under a new unique receipt code; committed when this returns.

        ``seconds`` (first field to finish) and ``errors`` (field path, error type — no values) go to
        the anonymous time-and-trouble tables in the same transaction.
        """
        if not isinstance(data, dict):
            raise ValueError("data must be a dict")
        body = _json(data)
        pairs = sorted({(str(p)[:200], str(e)[:100]) for p, e in errors})[:ERRORS_MAX]
        if seconds is not None and not (math.isfinite(seconds) and seconds >= 0):
            seconds = None
        now = self._now()
        day = self._local(now).date().isoformat()
        who = actor or self.actor
        with self._write("submit", serial=True) as conn:
            code = self._unique_code(conn)
            conn.execute(
                "INSERT INTO submission (code, form_id, form_version, data, created_at, day, status, version)"
                " VALUES (?, ?, ?, ?, ?, ?, 'moi', 1)",
                (code, form_id, form_version, body, _iso(now), day),
            )
            conn.execute(
                "INSERT INTO submission_version (code, version, data, created_at, actor) VALUES (?, 1, ?, ?, ?)",
                (code, body, _iso(now), who),
            )
            audit.append(conn, _iso(now), who, "submit", code)
            finish_id = uuid.uuid4().hex
            conn.execute(
                "INSERT INTO finish (id, form_id, day, seconds) VALUES (?, ?, ?, ?)",
                (finish_id, form_id, day, seconds),
            )
            conn.executemany(
                "INSERT INTO finish_error (finish_id, field, error) VALUES (?, ?, ?)",
                [(finish_id, p, e) for p, e in pairs],
            )
        log.info("submission stored: form %s, %d error type(s) met", form_id, len(pairs))
        return Submission(code, form_id, form_version, json.loads(body), self._local(now), "moi", 1)

    def get(self, code: str) -> Submission | None:
        """The submission with this receipt code, or None; :class:`CodeError` if the code is mistyped."""
        wanted = normalize(code)
        with self._read("find") as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM submission WHERE code = ?", (wanted,)).fetchone()
        return self._submission(row) if row else None

    def find(self, code_or_id: str) -> list[Submission]:
        """By receipt code, or by a 12-digit personal ID found anywhere in the declaration.

        :class:`CodeError` when the text is neither a 12-digit number nor a code that checks.
        """
        text = "".join(str(code_or_id).split())
        if not _ID_NUMBER.match(text):
            if not looks_like_code(text):
                raise CodeError()
            found = self.get(text)
            return [found] if found else []
        with self._read("find") as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM submission WHERE instr(data, ?) > 0 ORDER BY created_at, rowid",
                (text,),
            ).fetchall()
        subs = [self._submission(r) for r in rows]
        return [s for s in subs if holds_id(s.data, text)]

    def list(self, day: date | None = None) -> list[Submission]:
        """Submissions of one office-local day (None: all), oldest first."""
        with self._read("find") as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM submission WHERE CAST(? AS TEXT) IS NULL OR day = ? ORDER BY created_at, rowid",
                (day.isoformat() if day else None,) * 2,
            ).fetchall()
        return [self._submission(r) for r in rows]

    def delete(self, code: str, *, actor: str | None = None) -> bool:  # type: ignore[override]
        """Delete a submission for good (SQLite: secure_delete + WAL checkpoint; PostgreSQL: VACUUM);
        False if there was none. Audited ("delete", the code) in the same transaction.

        A draft id (32 hex digits, never the shape of a code) still deletes that draft, as in
        :class:`DraftStore`, so this store can stand wherever a draft store is expected.
        """
        if _DRAFT_ID.match(code):
            super().delete(code)
            return True
        wanted = normalize(code)
        with self._write("remove", serial=True) as conn:
            gone = conn.execute("DELETE FROM submission WHERE code = ?", (wanted,)).rowcount
            if gone:
                audit.append(conn, _iso(self._now()), actor or self.actor, "delete", wanted)
        if gone:
            log.info("submission deleted")
            self.checkpoint()
        return bool(gone)

    def purge(self, now: datetime | None = None, *, actor: str | None = None) -> tuple[int, int]:
        """Apply the retention now: (drafts and resume codes, submissions) removed; audited ("purge")."""
        moment = now if now is not None else self._now()
        keep = self.settings.retention
        draft_cut = _iso(moment - timedelta(hours=keep.draft_hours))
        sub_cut = _iso(moment - timedelta(days=keep.submission_days))
        with self._write("remove", serial=True) as conn:
            drafts = conn.execute("DELETE FROM draft WHERE updated_at < ?", (draft_cut,)).rowcount
            drafts += conn.execute("DELETE FROM resume WHERE created_at < ?", (draft_cut,)).rowcount
            subs = conn.execute("DELETE FROM submission WHERE created_at < ?", (sub_cut,)).rowcount
            audit.append(conn, _iso(self._now()), actor or self.actor, "purge", None)
        if drafts or subs:
            log.info("retention: %d draft(s)/resume code(s), %d submission(s) purged", drafts, subs)
            self.checkpoint()
        return drafts, subs

    # --- resume codes --------------------------------------------------------------------------

    def save_resume(self, form_id: str, answers: dict) -> str:
        """Keep unfinished answers under a new resume code (valid for ``retention.draft_hours``)."""
        body = _json(answers)
        with self._write("save", serial=True) as conn:
            code = self._unique_code(conn)
            conn.execute(
                "INSERT INTO resume (code, form_id, answers, created_at) VALUES (?, ?, ?, ?)",
                (code, form_id, body, _iso(self._now())),
            )
        log.info("resume code issued: form %s", form_id)
        return code

    def open_resume(self, code: str) -> tuple[str, dict] | None:
        """(form id, answers) of a live resume code, else None; :class:`CodeError` if mistyped."""
        wanted = normalize(code)
        cut = _iso(self._now() - timedelta(hours=self.settings.retention.draft_hours))
        with self._read("load") as conn:
            row = conn.execute(
                "SELECT form_id, answers FROM resume WHERE code = ? AND created_at >= ?", (wanted, cut)
            ).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def forget_resume(self, code: str) -> bool:
        """Delete a resume code and its answers now (after the declaration is finished)."""
        wanted = normalize(code)
        with self._write("delete") as conn:
            gone = conn.execute("DELETE FROM resume WHERE code = ?", (wanted,)).rowcount
        if gone:
            self.checkpoint()
        return bool(gone)

    # --- figures -------------------------------------------------------------------------------

    def record_satisfaction(
        self, form_id: str, day: date, score: int, comment: str | None, visits: str
    ) -> None:
        """One rating: form, date and ISO weekday only, a random key; nothing that names the person."""
        if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
            raise ValueError("score must be 1..5")
        if visits not in VISITS:
            raise ValueError(f"visits must be one of {VISITS}")
        if isinstance(day, datetime):
            day = day.date()  # never a time finer than the day
        text = " ".join(_ID_LIKE.sub("•••", comment or "").split())[:COMMENT_MAX] or None
        with self._write("record") as conn:
            conn.execute(
                "INSERT INTO satisfaction (id, form_id, day, weekday, score, comment, visits)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (uuid.uuid4().hex, form_id, day.isoformat(), day.isoweekday(), score, text, visits),
            )

    def stats(self, start: date | None = None, end: date | None = None) -> dict:
        """The JSON of ``office stats`` for the days ``start``..``end`` (inclusive; None: open)."""
        with self._read("find") as conn:
            figures = office_stats(conn, start, end)
            figures["results"] = self._results(conn, start, end)
        return figures

    def now(self) -> datetime:
        """The store's clock, in the office's time zone (what reception times default to)."""
        return self._local(self._now())

    def today(self) -> date:
        """Today in the office's time zone (``FORMFILL_TODAY`` pins it through the clock)."""
        return self.now().date()

    # --- internals -----------------------------------------------------------------------------

    def _local(self, moment: datetime) -> datetime:
        return moment.astimezone(self._zone)

    def _submission(self, row: Any) -> Submission:
        code, form_id, form_version, data, created, status, version = row
        created_at = self._local(datetime.fromisoformat(created))
        return Submission(code, form_id, form_version, json.loads(data), created_at, status, int(version))

    @staticmethod
    def _unique_code(conn: Any) -> str:
        """A code used by no submission and no resume code (checked inside the write transaction)."""
        while True:
            code = new_code()
            taken = conn.execute(
                "SELECT 1 FROM submission WHERE code = ? UNION ALL SELECT 1 FROM resume WHERE code = ?",
                (code, code),
            ).fetchone()
            if taken is None:
                return code


_COLUMNS = "code, form_id, form_version, data, created_at, status, version"
