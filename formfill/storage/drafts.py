"""Drafts: a citizen's answers, saved after every field so a crash or a closed terminal loses nothing.

Every write is one transaction that has committed before the method returns, so the UI may
say "saved" exactly when a call returned; a call that raises :class:`StorageError` changed nothing.
Deleting a draft also checkpoints the WAL, so with ``secure_delete`` its values are gone from the
database files, not just hidden. Values are stored as given (NFC normalisation is the caller's job).
Logs name draft ids, never values or labels.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeAlias

from formfill.base import clock, settings
from formfill.storage.db import Connect, default_connect, default_db_path
from formfill.storage.engine import Engine, is_postgres, open_engine
from formfill.storage.failures import DraftNotFoundError

log = logging.getLogger("formfill.storage")

JSONValue: TypeAlias = bool | int | float | str | list[Any] | dict[str, Any] | None
Clock = Callable[[], datetime]

LABEL_MAX = 60
# Runs of 6+ digits look like ID, phone or passport numbers: never shown in a draft list.
_ID_LIKE = re.compile(r"\d{6,}")


def utc_now() -> datetime:
    """The default clock: :func:`formfill.base.clock.utc_now` (``FORMFILL_TODAY`` pins it)."""
    return clock.utc_now()


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft as loaded: its answers keyed by field path (``nguoi_yeu_cau.ho_ten``)."""

    id: str
    form_id: str
    form_version: str
    created_at: datetime
    updated_at: datetime
    answers: dict[str, JSONValue] = field(default_factory=dict)
    current_section: str | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True)
class DraftSummary:
    """One line of a "resume a draft" list; ``label`` is safe to show (no ID numbers)."""

    id: str
    form_id: str
    form_version: str
    created_at: datetime
    updated_at: datetime
    current_section: str | None
    answer_count: int
    label: str


def clean_label(label: str | None) -> str | None:
    """A caller's label made safe to list: one line, short, digit runs that look like IDs masked."""
    if label is None:
        return None
    text = " ".join(_ID_LIKE.sub("•••", label).split())
    if len(text) > LABEL_MAX:
        text = text[: LABEL_MAX - 1] + "…"
    return text or None


def summary_label(form_id: str, updated_at: datetime, label: str | None) -> str:
    """``form id · dd/mm/yyyy HH:MM`` (local time) plus the caller's label, if any."""
    when = updated_at.astimezone().strftime("%d/%m/%Y %H:%M")
    return f"{form_id} · {when}" + (f" · {label}" if label else "")


def _dump(path: str, value: JSONValue) -> str:
    if not isinstance(path, str) or not path:
        raise ValueError(f"answer path must be a non-empty string, got {path!r}")
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        # Name the field, not the value (it may be personal data).
        raise ValueError(f"answer {path!r} is not JSON-serialisable: {type(exc).__name__}") from None


class DraftStore:
    """Drafts in the office store (an SQLite file, or PostgreSQL when ``url`` is ``postgresql://…``). Use as a context manager, or call :meth:`close`.

    ``path`` is the database file (default: :func:`~formfill.storage.db.default_db_path`).
    ``clock`` must return aware datetimes; tests inject a fixed one. ``connect`` opens the SQLite
    connection; tests inject one that fails on purpose.
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        clock: Clock = utc_now,
        connect: Connect = default_connect,
        url: str | None = None,
    ) -> None:
        if path is None and url is None:
            url = settings.current().database_url
        self.url = url if is_postgres(url) else None
        if path is not None:
            self.path: Path | None = Path(path)
        else:
            self.path = None if self.url else default_db_path()
        self._clock = clock
        self._engine: Engine = open_engine(self.path, self.url, connect)

    @property
    def engine(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._engine.kind

    @property
    def _conn(self) -> Any:
        """The engine's open connection (None once closed), for tests that inspect it."""
        return self._engine.conn  # type: ignore[attr-defined]

    # --- lifecycle -----------------------------------------------------------------------------

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (SQLite checkpoints and removes the -wal when the last one closes)."""
        self._engine.close()

    # --- writes --------------------------------------------------------------------------------

    def create(self, form_id: str, form_version: str, *, label: str | None = None) -> Draft:
        """Start an empty draft for a form; its id is a random uuid4 hex."""
        draft_id = uuid.uuid4().hex
        now = self._now()
        label = clean_label(label)
        with self._write("create") as conn:
            conn.execute(
                "INSERT INTO draft (id, form_id, form_version, created_at, updated_at, label)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (draft_id, form_id, form_version, _iso(now), _iso(now), label),
            )
        log.debug("draft %s created", draft_id)
        return Draft(draft_id, form_id, form_version, now, now, {}, None, label)

    def save_answer(self, draft_id: str, path: str, value: JSONValue) -> None:
        """Save one field's answer (insert or replace). When this returns, the answer is committed."""
        self.save_answers(draft_id, {path: value})

    def save_answers(
        self, draft_id: str, answers: Mapping[str, JSONValue], *, remove: Iterable[str] = ()
    ) -> None:
        """Save several answers and remove paths (see :meth:`delete_answer`) in one transaction: all or none.

        Renumbering a repeating group after removing a row is one call, so a crash cannot leave it half done.
        """
        rows = [(draft_id, path, _dump(path, value)) for path, value in answers.items()]
        removed = list(remove)
        with self._write("save") as conn:
            self._touch(conn, draft_id)
            for path in removed:
                self._delete_path(conn, draft_id, path)
            conn.executemany(
                "INSERT INTO answer (draft_id, path, value) VALUES (?, ?, ?)"
                " ON CONFLICT (draft_id, path) DO UPDATE SET value = excluded.value",
                rows,
            )
        log.debug("draft %s: %d answer(s) saved, %d path(s) removed", draft_id, len(rows), len(removed))

    def delete_answer(self, draft_id: str, path: str) -> None:
        """Remove the answer at ``path`` and every answer below it (``thanh_vien.2`` removes ``thanh_vien.2.ho_ten``)."""
        self.save_answers(draft_id, {}, remove=[path])

    def set_section(self, draft_id: str, key: str | None) -> None:
        """Remember where the citizen was, so resuming opens the same section."""
        with self._write("save") as conn:
            self._touch(conn, draft_id)
            conn.execute("UPDATE draft SET current_section = ? WHERE id = ?", (key, draft_id))

    def set_label(self, draft_id: str, label: str | None) -> None:
        """Set the short label shown in :meth:`list_drafts` (e.g. a name); ID-like numbers are masked."""
        with self._write("save") as conn:
            self._touch(conn, draft_id)
            conn.execute("UPDATE draft SET label = ? WHERE id = ?", (clean_label(label), draft_id))

    def delete(self, draft_id: str) -> None:
        """Delete a draft and its answers, then checkpoint so the values leave the -wal file too.

        Deleting an unknown id is not an error (the draft is gone either way).
        """
        with self._write("delete") as conn:
            conn.execute("DELETE FROM draft WHERE id = ?", (draft_id,))
        log.info("draft %s deleted", draft_id)
        self.checkpoint()

    def purge_older_than(self, days: float) -> int:
        """Delete drafts not updated for ``days`` days (the retention schedule); returns how many."""
        if days < 0:
            raise ValueError("days must be >= 0")
        cutoff = _iso(self._now() - timedelta(days=days))
        with self._write("delete") as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM draft WHERE updated_at < ?", (cutoff,))]
            conn.execute("DELETE FROM draft WHERE updated_at < ?", (cutoff,))
        for draft_id in ids:
            log.info("draft %s purged", draft_id)
        if ids:
            self.checkpoint()
        return len(ids)

    def checkpoint(self) -> bool:
        """After a delete: make the deleted values leave the database files now.

        SQLite: checkpoint and truncate the WAL; False if another reader kept deleted values in it
        for now (retried after every later read or write, by :meth:`idle`, and at the next open).
        PostgreSQL: VACUUM the tables (see the README for the server's WAL and backups).
        """
        return self._engine.after_delete()

    @property
    def checkpoint_pending(self) -> bool:
        """True while deleted values may still sit in the -wal (a checkpoint is to be retried)."""
        return self._engine.pending

    def idle(self) -> bool:
        """Retry a blocked checkpoint; a UI calls this at quiet moments. Never raises.

        Returns True when no deleted value is left waiting in the -wal.
        """
        return self._engine.idle()

    # --- reads ---------------------------------------------------------------------------------

    def load(self, draft_id: str) -> Draft:
        """The draft with all its answers; :class:`DraftNotFoundError` if there is none."""
        with self._read("load") as conn:
            row = conn.execute(
                "SELECT form_id, form_version, created_at, updated_at, current_section, label"
                " FROM draft WHERE id = ?",
                (draft_id,),
            ).fetchone()
            if row is None:
                raise DraftNotFoundError(draft_id)
            answers = conn.execute(
                "SELECT path, value FROM answer WHERE draft_id = ? ORDER BY path", (draft_id,)
            ).fetchall()
        form_id, form_version, created, updated, section, label = row
        return Draft(
            id=draft_id,
            form_id=form_id,
            form_version=form_version,
            created_at=_parse(created),
            updated_at=_parse(updated),
            answers={path: json.loads(value) for path, value in answers},
            current_section=section,
            label=label,
        )

    def list_drafts(self, form_id: str | None = None) -> list[DraftSummary]:
        """Drafts, most recently updated first, optionally of one form only."""
        sql = (
            "SELECT d.id, d.form_id, d.form_version, d.created_at, d.updated_at, d.current_section, d.label,"
            " (SELECT count(*) FROM answer a WHERE a.draft_id = d.id)"
            " FROM draft d WHERE CAST(? AS TEXT) IS NULL OR d.form_id = ?"
            " ORDER BY d.updated_at DESC, d.rowid DESC"
        )
        with self._read("list") as conn:
            rows = conn.execute(sql, (form_id, form_id)).fetchall()
        out = []
        for draft_id, fid, version, created, updated, section, label, count in rows:
            updated_at = _parse(updated)
            out.append(
                DraftSummary(
                    id=draft_id,
                    form_id=fid,
                    form_version=version,
                    created_at=_parse(created),
                    updated_at=updated_at,
                    current_section=section,
                    answer_count=count,
                    label=summary_label(fid, updated_at, label),
                )
            )
        return out

    # --- internals -----------------------------------------------------------------------------

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the clock must return timezone-aware datetimes")
        return now

    def _touch(self, conn: Any, draft_id: str) -> None:
        cur = conn.execute("UPDATE draft SET updated_at = ? WHERE id = ?", (_iso(self._now()), draft_id))
        if cur.rowcount == 0:
            raise DraftNotFoundError(draft_id)

    @staticmethod
    def _delete_path(conn: Any, draft_id: str, path: str) -> None:
        # substr, not LIKE: paths may contain "_" which LIKE treats as a wildcard.
        prefix = path + "."
        conn.execute(
            "DELETE FROM answer WHERE draft_id = ? AND (path = ? OR substr(path, 1, ?) = ?)",
            (draft_id, path, len(prefix), prefix),
        )

    @contextmanager
    def _write(self, action: str, *, serial: bool = False) -> Iterator[Any]:
        """One write transaction: committed when the block ends, rolled back on any error.

        ``serial``: the write reads then writes shared state (a code, the audit chain, a number),
        so it must not interleave with another writer (always so in SQLite).
        """
        with self._engine.write(action, serial=serial) as tx:
            yield tx

    @contextmanager
    def _read(self, action: str) -> Iterator[Any]:
        """One read transaction, so a draft and its answers come from the same snapshot."""
        with self._engine.read(action) as tx:
            yield tx


def _iso(moment: datetime) -> str:
    # One fixed format and offset, so text order is time order in SQL.
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text)
