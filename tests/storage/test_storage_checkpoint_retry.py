"""Deleted means gone, even when another connection was reading at the moment of the delete.

SQLite cannot truncate the -wal while a reader holds an older snapshot, so the delete's own
checkpoint fails and the deleted values stay in the -wal. The store retries that checkpoint after
its next read or write, at :meth:`DraftStore.idle`, and at the next open of the database. Each test
uses two real connections to the same file.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from formfill.storage import DraftStore
from tests.storage.test_storage_deleted_gone import fill, found_in


@contextmanager
def reader(db: Path) -> Iterator[sqlite3.Connection]:
    """A second connection holding an open read transaction (a snapshot from before the delete)."""
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("BEGIN")
        assert conn.execute("SELECT count(*) FROM draft").fetchone()[0] >= 1
        yield conn
    finally:
        conn.close()


def blocked_delete(store: DraftStore, db: Path, marker: str, other: sqlite3.Connection) -> None:
    """Delete while ``other`` reads; the marker must then still be in the -wal (the bug's setting)."""
    draft_id = fill(store, marker)
    other.execute("COMMIT")
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM answer").fetchone()
    store.delete(draft_id)
    assert store.checkpoint_pending
    assert found_in(db, marker.encode()) == [db.name + "-wal"]


def test_idle_finishes_the_checkpoint_once_the_reader_is_done(tmp_path: Path) -> None:
    db = tmp_path / "drafts.sqlite3"
    marker = f"MARKER-{uuid.uuid4().hex}"
    with DraftStore(db) as store:
        store.create("ket-hon", "1")
        with reader(db) as other:
            blocked_delete(store, db, marker, other)
            started = time.monotonic()
            assert store.idle() is False  # still reading: the retry gives up at once ...
            assert time.monotonic() - started < 1.0  # ... without waiting for the busy timeout
            assert found_in(db, marker.encode()) == [db.name + "-wal"]
            other.execute("COMMIT")  # the reader is done but its connection stays open
            assert store.idle() is True
            assert not store.checkpoint_pending
            assert found_in(db, marker.encode()) == []


def test_the_next_read_retries_the_checkpoint(tmp_path: Path) -> None:
    db = tmp_path / "drafts.sqlite3"
    marker = f"MARKER-{uuid.uuid4().hex}"
    with DraftStore(db) as store:
        kept = store.create("ket-hon", "1")
        with reader(db) as other:
            blocked_delete(store, db, marker, other)
            other.execute("COMMIT")
            assert [d.id for d in store.list_drafts()] == [kept.id]
            assert found_in(db, marker.encode()) == []


def test_the_next_open_finishes_what_a_closed_store_left(tmp_path: Path) -> None:
    db = tmp_path / "drafts.sqlite3"
    marker = f"MARKER-{uuid.uuid4().hex}"
    with _seeded(db) as other:
        store = DraftStore(db)
        blocked_delete(store, db, marker, other)
        store.close()  # not the last connection: SQLite does not checkpoint on this close
        assert found_in(db, marker.encode()) == [db.name + "-wal"]
        other.execute("COMMIT")
        with DraftStore(db) as again:  # ``other`` is still open: only the open-time retry can help
            assert found_in(db, marker.encode()) == []
            assert again.list_drafts() != []


@contextmanager
def _seeded(db: Path) -> Iterator[sqlite3.Connection]:
    with DraftStore(db) as store:
        store.create("ket-hon", "1")
    with reader(db) as other:
        yield other
