"""The SQLite engine's file: where it lives, the pragmas it must run with, its schema versions.

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
from datetime import UTC
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
    # 3 (office store): versions of a submission, the desk's receptions, accounts, the audit log.
    # Additive only (new tables, a column with a default), so an app of schema 2 that is still
    # running keeps working while this runs; a removal would come in a later version, after every
    # app in the office has stopped using the column (see the README).
    (
        "ALTER TABLE submission ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
        "CREATE INDEX submission_by_status ON submission (status, created_at)",
        """CREATE TABLE submission_version (
            code       TEXT NOT NULL REFERENCES submission (code) ON DELETE CASCADE,
            version    INTEGER NOT NULL,
            data       TEXT NOT NULL,        -- JSON: the declaration as of this version
            created_at TEXT NOT NULL,
            actor      TEXT NOT NULL,
            PRIMARY KEY (code, version)
        )""",
        "INSERT INTO submission_version (code, version, data, created_at, actor)"
        " SELECT code, 1, data, created_at, 'kiosk' FROM submission",
        """CREATE TABLE reception (
            id           INTEGER PRIMARY KEY,
            code         TEXT NOT NULL REFERENCES submission (code) ON DELETE CASCADE,
            kind         TEXT NOT NULL CHECK (kind IN ('receive', 'request_more', 'refuse')),
            procedure    TEXT NOT NULL,
            papers       TEXT NOT NULL,      -- JSON list of paper numbers
            dossier_code TEXT,
            received_at  TEXT NOT NULL,
            due_at       TEXT NOT NULL,
            extend_days  INTEGER NOT NULL DEFAULT 0,
            items        TEXT,               -- JSON list, request_more
            reason       TEXT,               -- refuse
            year         INTEGER NOT NULL,
            number       INTEGER NOT NULL,
            returned_at  TEXT,
            actor        TEXT NOT NULL,
            UNIQUE (year, number)
        )""",
        "CREATE INDEX reception_by_code ON reception (code, id)",
        "CREATE INDEX reception_by_received ON reception (received_at)",
        """CREATE TABLE account (
            name         TEXT PRIMARY KEY,
            role         TEXT NOT NULL CHECK (role IN ('officer', 'admin')),
            password     TEXT NOT NULL,      -- scrypt$n$r$p$salt$hash, never the password
            disabled     INTEGER NOT NULL DEFAULT 0,
            failures     INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            created_at   TEXT NOT NULL
        )""",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE audit (
            seq       INTEGER PRIMARY KEY,
            at        TEXT NOT NULL,
            actor     TEXT NOT NULL,
            action    TEXT NOT NULL,
            code      TEXT,
            fields    TEXT NOT NULL,         -- JSON list of field paths, never values
            prev_hash TEXT NOT NULL,
            hash      TEXT NOT NULL
        )""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
AUDIT_SINCE = 3  # the first schema version with the audit log
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
            raise newer_schema(version, _made_by(conn))
        for step in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[step]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version={step + 1}")
            log.info("draft database migrated to schema %d", step + 1)
        audit_migration(conn, version, SCHEMA_VERSION)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def newer_schema(version: int, made_by: str | None) -> StorageError:
    """The refusal of a store whose schema is newer than this app knows: which formfill to install."""
    from formfill import __version__

    known = made_by and made_by != __version__
    need_vi = f" (cài formfill {made_by} trở lên, như máy đã nâng cấp kho)" if known else ""
    need_en = f" (install formfill {made_by} or later, as on the machine that upgraded it)" if known else ""
    return StorageError(
        f"Kho dữ liệu do phiên bản formfill mới hơn tạo (lược đồ phiên bản {version}, bản {__version__} này "
        f"chỉ biết đến {SCHEMA_VERSION}); hãy cập nhật formfill{need_vi}. Kho không bị thay đổi.",
        f"The store was made by a newer formfill (schema version {version}; this {__version__} knows up to "
        f"{SCHEMA_VERSION}); update formfill{need_en}. The store was not changed.",
    )


def _made_by(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'app_version'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def audit_migration(tx: object, old: int, new: int) -> None:
    """Record a migration in the audit log (a new store, version 0, records its creation the same way)."""
    if new < AUDIT_SINCE or old == new:
        return
    from formfill import __version__
    from formfill.base.clock import utc_now
    from formfill.storage.audit import append

    tx.execute(  # type: ignore[attr-defined]
        "INSERT INTO meta (key, value) VALUES ('app_version', ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (__version__,),
    )
    at = utc_now().astimezone(UTC).isoformat(timespec="microseconds")
    append(tx, at, "formfill", "migrate", None, [f"schema:{old}->{new}"])


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
