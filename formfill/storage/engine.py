"""The two engines behind one store: SQLite (the embedded default) and PostgreSQL (several machines).

The stores write their SQL once, in the common dialect (``?`` placeholders, ``instr``, ``rowid``);
an engine runs it. What differs lives here and only here:

- **transactions**: SQLite ``BEGIN IMMEDIATE`` (one writer at a time, so a write that reads then
  writes — a receipt code, the audit chain, a reception number — cannot interleave); PostgreSQL a
  transaction that takes ``pg_advisory_xact_lock`` first when the write is ``serial`` (every write
  that appends to the audit log or numbers something), so concurrent writers cannot fork the chain;
- **after a delete**: SQLite checkpoints the WAL (with ``secure_delete`` the values leave the files);
  PostgreSQL runs ``VACUUM`` on the tables (the dead row versions leave the table; see the README for
  what the WAL and backups keep until they rotate);
- **schema bookkeeping**: :mod:`formfill.storage.db` (SQLite ``user_version``) and
  :mod:`formfill.storage.pg` (a ``schema_version`` table under an advisory lock).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from formfill.storage.db import Connect, checkpoint, default_connect, open_database
from formfill.storage.failures import StorageError, from_sqlite

log = logging.getLogger("formfill.storage")

POSTGRES_PREFIXES = ("postgresql://", "postgres://")


def is_postgres(url: str | None) -> bool:
    """True when ``url`` names a PostgreSQL server (``postgresql://…``)."""
    return bool(url) and str(url).startswith(POSTGRES_PREFIXES)


class Engine(ABC):
    """What a store needs from its database: transactions, clean-up after deletes, closing."""

    kind = ""

    @abstractmethod
    def write(self, action: str, *, serial: bool = False) -> AbstractContextManager[Any]:
        """One write transaction, committed when the block ends; ``serial``: one such writer at a time."""

    @abstractmethod
    def read(self, action: str) -> AbstractContextManager[Any]:
        """One read transaction."""

    @abstractmethod
    def after_delete(self, tables: tuple[str, ...]) -> bool:
        """Make deleted rows leave the files (or the tables); False when that had to be deferred."""

    def idle(self) -> bool:
        return True

    @property
    def pending(self) -> bool:
        return False

    @abstractmethod
    def close(self) -> None:
        """Close the connection(s)."""


class SQLiteEngine(Engine):
    """One SQLite connection shared by the threads of one process (a lock serialises them)."""

    kind = "sqlite"

    def __init__(self, path: Path, connect: Connect = default_connect) -> None:
        self.path = path
        self._connect = connect
        self._lock = threading.RLock()
        self._closed = False
        self._pending = False  # a delete's checkpoint was blocked by another reader
        self.conn: sqlite3.Connection | None = open_database(path, connect)

    def _require(self) -> sqlite3.Connection:
        if self._closed:
            raise StorageError("Kho bản nháp đã đóng.", "The draft store is closed.")
        if self.conn is None:  # dropped after a failed rollback: start afresh
            self.conn = open_database(self.path, self._connect)
        return self.conn

    @contextmanager
    def write(self, action: str, *, serial: bool = False) -> Iterator[sqlite3.Connection]:
        """One write transaction (always serial in SQLite): committed when the block ends."""
        with self._transaction("BEGIN IMMEDIATE", action) as conn:
            yield conn

    @contextmanager
    def read(self, action: str) -> Iterator[sqlite3.Connection]:
        with self._transaction("BEGIN", action) as conn:
            yield conn

    @contextmanager
    def _transaction(self, begin: str, action: str) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._require()
            try:
                conn.execute(begin)
                yield conn
                conn.execute("COMMIT")
                self.idle()
            except sqlite3.Error as exc:
                self._abort(conn)
                log.error("store %s failed: %s", action, getattr(exc, "sqlite_errorname", type(exc).__name__))
                raise from_sqlite(exc, action) from exc
            except BaseException:
                self._abort(conn)
                raise

    def after_delete(self, tables: tuple[str, ...] = ()) -> bool:
        """Checkpoint and truncate the WAL; False when another reader kept deleted values in it."""
        with self._lock:
            try:
                done = checkpoint(self._require())
            except sqlite3.Error as exc:
                raise from_sqlite(exc, "delete") from exc
            self._pending = not done
        if not done:
            log.warning("WAL checkpoint incomplete (another reader is open); will retry")
        return done

    @property
    def pending(self) -> bool:
        return self._pending

    def idle(self) -> bool:
        """Retry a blocked checkpoint; never raises. True when nothing deleted waits in the -wal."""
        with self._lock:
            if not self._pending or self._closed or self.conn is None:
                return not self._pending
            try:
                self._pending = not checkpoint(self.conn, wait=False)
            except sqlite3.Error as exc:
                log.warning(
                    "WAL checkpoint retry failed: %s", getattr(exc, "sqlite_errorname", type(exc).__name__)
                )
            if not self._pending:
                log.info("blocked WAL checkpoint completed")
            return not self._pending

    def close(self) -> None:
        self.idle()
        with self._lock:
            self._closed = True
            conn, self.conn = self.conn, None
            if conn is not None:
                conn.close()

    def _abort(self, conn: sqlite3.Connection) -> None:
        """Roll back; if even that fails, drop the connection (closing rolls back) and reopen later."""
        if not conn.in_transaction:
            return
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            log.error("rollback failed; reopening the database")
            self.conn = None
            try:
                conn.close()
            except sqlite3.Error:
                pass


def open_engine(path: Path | None, url: str | None, connect: Connect = default_connect) -> Engine:
    """The engine for a PostgreSQL ``url``, else the SQLite file ``path``."""
    if is_postgres(url):
        from formfill.storage.pg import PostgresEngine

        return PostgresEngine(str(url))
    assert path is not None
    return SQLiteEngine(path, connect)
