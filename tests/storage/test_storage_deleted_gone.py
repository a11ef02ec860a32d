"""Deleted means gone: after delete, a marker value is in none of the database, -wal and -shm files."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from formfill.storage import DraftStore


def db_files(db: Path) -> dict[str, bytes]:
    """The bytes of the database and its -wal and -shm companions (those that exist)."""
    out = {}
    for suffix in ("", "-wal", "-shm"):
        f = db.with_name(db.name + suffix)
        if f.exists():
            out[f.name] = f.read_bytes()
    return out


def found_in(db: Path, needle: bytes) -> list[str]:
    return [name for name, data in db_files(db).items() if needle in data]


def fill(store: DraftStore, marker: str) -> str:
    """A draft holding the marker everywhere a value can sit: label, small, overwritten, nested, overflow."""
    draft = store.create("khai-sinh", "1", label=f"Nguyễn {marker}")
    store.save_answer(draft.id, "ho_ten", f"{marker}-old")
    store.save_answer(draft.id, "ho_ten", marker)  # the overwritten version must go too
    store.save_answer(draft.id, "gia_dinh", {"con": [{"ten": marker}]})
    store.save_answer(draft.id, "ghi_chu", "Ghi chú " * 2000 + marker)  # spills onto overflow pages
    store.set_section(draft.id, "cha_me")
    return draft.id


def test_deleted_draft_is_gone_from_db_wal_and_shm(tmp_path: Path) -> None:
    db = tmp_path / "drafts.sqlite3"
    marker = f"MARKER-{uuid.uuid4().hex}"
    keep = f"KEEP-{uuid.uuid4().hex}"
    with DraftStore(db) as store:
        kept = store.create("ket-hon", "1")
        store.save_answer(kept.id, "ho_ten", keep)
        draft_id = fill(store, marker)
        store.checkpoint()  # part of the marker in the main file, ...
        store.save_answer(draft_id, "sau", marker)  # ... part still only in the -wal
        assert found_in(db, marker.encode()), "marker must be on disk before deletion"
        assert db.name + "-wal" in found_in(db, marker.encode())

        store.delete(draft_id)

        assert found_in(db, marker.encode()) == []
        assert found_in(db, marker[7:].encode()) == []  # not even the uuid alone
        assert found_in(db, keep.encode()), "the other draft is still on disk (the check reads real files)"
        assert store.load(kept.id).answers == {"ho_ten": keep}
    assert found_in(db, marker.encode()) == []


def test_purged_drafts_are_gone_too(tmp_path: Path) -> None:
    db = tmp_path / "drafts.sqlite3"
    marker = f"MARKER-{uuid.uuid4().hex}"
    now = [datetime(2026, 1, 1, tzinfo=UTC)]
    with DraftStore(db, clock=lambda: now[0]) as store:
        fill(store, marker)
        assert found_in(db, marker.encode())
        now[0] += timedelta(days=31)
        assert store.purge_older_than(30) == 1
        assert found_in(db, marker.encode()) == []


def test_without_secure_delete_the_marker_would_remain(tmp_path: Path) -> None:
    """Control: the byte search above is sensitive; plain DELETE + checkpoint leaves values in the file."""
    db = tmp_path / "plain.sqlite3"
    marker = f"MARKER-{uuid.uuid4().hex}"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA secure_delete=OFF")
    conn.execute("CREATE TABLE t (v TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", ("x" * 100,))
    conn.execute("INSERT INTO t VALUES (?)", (marker,))
    conn.execute("DELETE FROM t WHERE v = ?", (marker,))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert found_in(db, marker.encode())
    conn.close()
