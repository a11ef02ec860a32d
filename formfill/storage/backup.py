"""Backups of the office store: an SQLite file made with SQLite's online backup API, restored row by row.

``backup(store, path)`` (SQLite stores): a consistent copy taken while kiosks keep writing, written
under a temporary name (0600) and given its final name only when complete, never over an existing
file. For a PostgreSQL store the server's own tool does it (:data:`PG_DUMP_HINT`).

``restore(store, path)`` copies every table of a backup file into an *empty* store (no submission,
draft, account or reception; only the store's own "migrate" entries in its audit log), on either
engine, in one transaction: the submissions, their versions and receptions, the figures, the
accounts (their scrypt hashes) and the audit log with its chain, followed by a "restore" entry.
The backup file itself is never changed (an older backup is migrated in a temporary copy).
Retention is not applied here: the next purge removes what is past it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from formfill.base.files import fsync_dir
from formfill.storage import audit as audit_log
from formfill.storage.failures import StorageError, from_sqlite

PG_DUMP_HINT = "pg_dump --format=custom --file=formfill-$(date +%F).dump 'postgresql://…'"

# Parents before children; draft and submission carry their rowid (list order).
TABLES = (
    "draft", "answer", "submission", "submission_version", "resume", "finish", "finish_error",
    "satisfaction", "reception", "account", "audit",
)  # fmt: skip
WITH_ROWID = ("draft", "submission")
EMPTY_CHECK = ("submission", "draft", "resume", "account", "reception")


def backup(store: Any, output: Path) -> Path:
    """Copy an SQLite store to ``output`` (a new file, 0600); audited "backup" first, so the copy has it."""
    engine = store._engine
    if engine.kind != "sqlite":
        raise StorageError(
            f"Kho PostgreSQL: hãy sao lưu bằng pg_dump, ví dụ: {PG_DUMP_HINT}",
            f"A PostgreSQL store: back it up with pg_dump, e.g.: {PG_DUMP_HINT}",
        )
    if output.exists():
        raise FileExistsError(output)
    store.audit(store.actor, "backup")
    folder = output.parent if str(output.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        target = sqlite3.connect(tmp)
        try:
            with engine._lock:
                engine._require().backup(target)
        except sqlite3.Error as exc:
            raise from_sqlite(exc, "backup") from exc
        finally:
            target.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.link(tmp, output)  # refuses to replace a file
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    with contextlib.suppress(OSError):
        fsync_dir(folder)
    return output


def open_backup(path: Path, settings: Any, workdir: Path) -> Any:
    """The backup opened as a store, from a private copy in ``workdir`` (migrated there, if older)."""
    from formfill.storage.submissions import SubmissionStore

    try:
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise StorageError(
                    f"{path} không phải tệp sao lưu của formfill.", f"{path} is not a formfill backup."
                )
        copy = workdir / "backup.sqlite3"
        shutil.copyfile(path, copy)
        os.chmod(copy, 0o600)
    except OSError as exc:
        raise StorageError(
            f"Không đọc được {path}: {exc.strerror}.", f"Cannot read {path}: {exc.strerror}."
        ) from None
    return SubmissionStore(copy, settings=settings, actor="formfill")


def restore(store: Any, source: Any, *, actor: str) -> int:
    """Copy every table of the opened backup ``source`` into the empty ``store``; submissions copied."""
    with source._read("restore") as src:
        rows = {t: _rows(src, t) for t in TABLES}
    with store._write("restore", serial=True) as tx:
        _require_empty(tx)
        tx.execute("DELETE FROM audit")  # only the empty store's own migrate entries
        for table in TABLES:
            columns, data = rows[table]
            if data:
                marks = ", ".join("?" * len(columns))
                tx.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", data)
        if store._engine.kind == "postgresql":
            _reset_identities(tx)
        audit_log.append(
            tx, store._stamp(), actor, "restore", None, [f"submissions:{len(rows['submission'][1])}"]
        )
    return len(rows["submission"][1])


def _rows(src: Any, table: str) -> tuple[list[str], list[tuple]]:
    columns = [r[1] for r in src.execute(f"PRAGMA table_info({table})").fetchall()]
    if table in WITH_ROWID:
        columns = ["rowid", *columns]
    return columns, [tuple(r) for r in src.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()]


def _require_empty(tx: Any) -> None:
    busy = [t for t in EMPTY_CHECK if tx.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone()]
    busy += ["audit"] * bool(tx.execute("SELECT 1 FROM audit WHERE action <> 'migrate' LIMIT 1").fetchone())
    if busy:
        raise StorageError(
            "Chỉ khôi phục vào một kho trống (kho này đã có dữ liệu: " + ", ".join(busy) + ").",
            "Restore only into an empty store (this one has data: " + ", ".join(busy) + ").",
        )


def _reset_identities(tx: Any) -> None:
    """PostgreSQL: move each identity past the copied rows, so the next insert takes a fresh number."""
    for table, column in (("draft", "rowid"), ("submission", "rowid"), ("reception", "id")):
        tx.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'),"
            f" (SELECT COALESCE(MAX({column}), 0) + 1 FROM {table}), false)"
        )
