"""The SQLite file behind drafts and kiosk submissions: where it lives, the pragmas it must run with, its schema versions.

Durability and privacy rest on four pragmas, so each is read back after it is set and the store
refuses to start without it (a network drive or an old SQLite can silently ignore one):

- ``journal_mode=WAL`` and ``synchronous=FULL``: a commit that returned survives a crash or power loss;
- ``foreign_keys=ON``: deleting a draft cascades to its answers;
- ``secure_delete=ON``: deleted rows and freed pages are overwritten with zeros.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import platformdirs

from formfill.base import settings
from formfill.storage.failures import StorageError, from_os, from_sqlite

log = logging.getLogger("formfill.storage")

DB_FILENAME = settings.DRAFTS_FILE

# Opens a connection to a database file; tests pass one that injects faults.
Connect = Callable[[str], sqlite3.Connection]

# pragma -> (statement that sets it, value it must read back as)
REQUIRED_PRAGMAS: dict[str, tuple[str, object]] = {
    "journal_mode": ("PRAGMA journal_mode=WAL", "wal"),
    "synchronous": ("PRAGMA synchronous=FULL", 2),
    "foreign_keys": ("PRAGMA foreign_keys=ON", 1),
    "secure_delete": ("PRAGMA secure_delete=ON", 1),
}

# Migration i brings the schema from version i to i+1 (PRAGMA user_version). Append, never edit.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE draft (
            id              TEXT PRIMARY KEY,
            form_id         TEXT NOT NULL,
            form_version    TEXT NOT NULL,
            created_at      TEXT NOT NULL,  -- UTC ISO 8601, microseconds
            updated_at      TEXT NOT NULL,
            current_section TEXT,
            label           TEXT            -- caller's short label, ID-like digit runs masked
        )""",
        "CREATE INDEX draft_by_updated ON draft (updated_at)",
        """CREATE TABLE answer (
            draft_id TEXT NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
            path     TEXT NOT NULL,
            value    TEXT NOT NULL,          -- JSON
            PRIMARY KEY (draft_id, path)
        )""",
    ),
    # 2: kiosk submissions, resume codes, and the anonymous figures (time and trouble, satisfaction).
    # The figure tables are WITHOUT ROWID with a random key: their row order says nothing about
    # which submission they followed.
    (
        """CREATE TABLE submission (
            code         TEXT PRIMARY KEY,   -- receipt code XXXX-XXXX
            form_id      TEXT NOT NULL,
            form_version TEXT NOT NULL,
            data         TEXT NOT NULL,      -- JSON: the declaration
            created_at   TEXT NOT NULL,      -- UTC ISO 8601, microseconds
            day          TEXT NOT NULL,      -- the office's local date, ISO
            status       TEXT NOT NULL DEFAULT 'moi'
        )""",
        "CREATE INDEX submission_by_day ON submission (day, created_at)",
        "CREATE INDEX submission_by_created ON submission (created_at)",
        """CREATE TABLE resume (
            code       TEXT PRIMARY KEY,     -- resume code, same format as a receipt code
            form_id    TEXT NOT NULL,
            answers    TEXT NOT NULL,        -- JSON {path: value}
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX resume_by_created ON resume (created_at)",
        """CREATE TABLE finish (
            id      TEXT PRIMARY KEY,        -- random, shared with nothing
            form_id TEXT NOT NULL,
            day     TEXT NOT NULL,
            seconds REAL
        ) WITHOUT ROWID""",
        """CREATE TABLE finish_error (
            finish_id TEXT NOT NULL REFERENCES finish (id) ON DELETE CASCADE,
            field     TEXT NOT NULL,         -- field path, never a value
            error     TEXT NOT NULL,         -- error type
            PRIMARY KEY (finish_id, field, error)
        ) WITHOUT ROWID""",
        """CREATE TABLE satisfaction (
            id      TEXT PRIMARY KEY,        -- random, shared with nothing
            form_id TEXT NOT NULL,
            day     TEXT NOT NULL,           -- date only
            weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
            score   INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
            comment TEXT,
            visits  TEXT NOT NULL CHECK (visits IN ('1', '2', '3+'))
        ) WITHOUT ROWID""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
BUSY_TIMEOUT_MS = 5000


def default_db_path() -> Path:
    """The config's ``store.url``/``store.path`` if set, else ``$FORMFILL_DATA_DIR/drafts.sqlite3``,
    else the user data folder (platformdirs): drafts and submissions share one file."""
    configured = settings.current().drafts_path
    if configured is not None:
        return configured
    return Path(platformdirs.user_data_dir("formfill", appauthor=False)) / DB_FILENAME


def default_connect(path: str) -> sqlite3.Connection:
    """A plain connection; the store serialises access itself, so any thread may use it."""
    return sqlite3.connect(path, check_same_thread=False)


def open_database(path: Path, connect: Connect = default_connect) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path``, check its pragmas, migrate its schema."""
    try:
        # Private folder and file: drafts hold citizens' personal data. SQLite gives -wal/-shm the
        # database file's permissions.
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError as exc:
        raise from_os(exc, "open") from exc
    conn: sqlite3.Connection | None = None
    try:
        conn = connect(str(path))
        conn.isolation_level = None  # we issue BEGIN/COMMIT ourselves
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        apply_pragmas(conn)
        migrate(conn)
        # A delete whose checkpoint another reader blocked (then the process ended) may have left
        # deleted values in the -wal: finish that checkpoint now, so "deleted" means gone.
        _retry_checkpoint(conn)
    except sqlite3.Error as exc:
        _close_quietly(conn)
        raise from_sqlite(exc, "open") from exc
    except BaseException:
        _close_quietly(conn)
        raise
    return conn


def apply_pragmas(conn: sqlite3.Connection) -> None:
    """Set the required pragmas and read each one back; refuse with a :class:`StorageError` if one did not take."""
    for name, (statement, wanted) in REQUIRED_PRAGMAS.items():
        conn.execute(statement).fetchall()
        row = conn.execute(f"PRAGMA {name}").fetchone()
        got = row[0] if row else None
        if isinstance(got, str):
            got = got.lower()
        if got != wanted:
            raise StorageError(
                f"Kho bản nháp không thể chạy an toàn: không bật được PRAGMA {name}={wanted} (đang là {got}). "
                "Hãy đặt thư mục dữ liệu trên ổ đĩa cục bộ (FORMFILL_DATA_DIR).",
                f"The draft store cannot run safely: PRAGMA {name}={wanted} did not take (it is {got}). "
                "Put the data folder on a local disk (FORMFILL_DATA_DIR).",
            )


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema to :data:`SCHEMA_VERSION` in one transaction (a crash leaves the old version)."""
    if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return  # the usual case: no write lock needed (a read-only copy can still be listed)
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another process may have migrated meanwhile.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StorageError(
                f"Kho dữ liệu do phiên bản formfill mới hơn tạo (lược đồ phiên bản {version}, bản này chỉ "
                f"biết đến {SCHEMA_VERSION}); hãy cập nhật formfill. Tệp không bị thay đổi.",
                f"The store was made by a newer formfill (schema version {version}; this one knows up to "
                f"{SCHEMA_VERSION}); update formfill. The file was not changed.",
            )
        for step in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[step]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version={step + 1}")
            log.info("draft database migrated to schema %d", step + 1)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def checkpoint(conn: sqlite3.Connection, *, wait: bool = True) -> bool:
    """Copy the WAL into the database and truncate it to zero bytes, so deleted values leave the -wal.

    Returns False when another connection's open read kept the checkpoint from finishing. It waits
    for that reader up to the busy timeout; ``wait=False`` (a retry) gives up at once instead.
    """
    if not wait:
        conn.execute("PRAGMA busy_timeout=0")
    try:
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        if not wait:
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return busy == 0


def _retry_checkpoint(conn: sqlite3.Connection) -> None:
    """At open: finish a checkpoint a reader blocked before the deleting process ended (best effort)."""
    try:
        if not checkpoint(conn, wait=False):
            log.info("WAL checkpoint at open deferred: another reader is open")
    except sqlite3.Error as exc:
        log.info("WAL checkpoint at open skipped: %s", getattr(exc, "sqlite_errorname", type(exc).__name__))


def _close_quietly(conn: sqlite3.Connection | None) -> None:
    if conn is None:
        return
    try:
        conn.close()
    except sqlite3.Error:
        pass
