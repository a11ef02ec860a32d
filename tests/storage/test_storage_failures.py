"""Failing writes: a clear StorageError, nothing claimed saved, the draft and the database intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from formfill.storage import Draft, DraftStore, StorageError

SQLITE_IOERR, SQLITE_FULL, SQLITE_READONLY = 10, 13, 8


class FaultyConnection(sqlite3.Connection):
    """Raises a SQLite error, as the disk would, on statements starting with one of ``fail_on``."""

    fail_on: tuple[str, ...] = ()
    code = SQLITE_IOERR

    def _check(self, sql: str) -> None:
        if self.fail_on and sql.lstrip().upper().startswith(self.fail_on):
            exc = sqlite3.OperationalError("disk I/O error (injected)")
            exc.sqlite_errorcode = self.code  # type: ignore[attr-defined]
            exc.sqlite_errorname = "SQLITE_IOERR"  # type: ignore[attr-defined]
            raise exc

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        self._check(sql)
        return super().execute(sql, *args)

    def executemany(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        self._check(sql)
        return super().executemany(sql, *args)


class Faults:
    """Connection factory that remembers its connections so a test can arm them."""

    def __init__(self) -> None:
        self.connections: list[FaultyConnection] = []

    def __call__(self, path: str) -> sqlite3.Connection:
        conn = sqlite3.connect(path, factory=FaultyConnection, check_same_thread=False)
        self.connections.append(conn)  # type: ignore[arg-type]
        return conn

    def arm(self, *prefixes: str, code: int = SQLITE_IOERR) -> None:
        for conn in self.connections:
            conn.fail_on = prefixes
            conn.code = code


def integrity_ok(db: Path) -> bool:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def seeded(db: Path, **kw: object) -> tuple[DraftStore, Draft]:
    store = DraftStore(db, **kw)  # type: ignore[arg-type]
    draft = store.create("khai-sinh", "1")
    store.save_answers(draft.id, {"ho_ten": "Nguyễn Văn An", "tv.1.ten": "Bình"})
    return store, store.load(draft.id)


@pytest.mark.parametrize("failing", ["COMMIT", "INSERT"])
def test_failing_write_keeps_the_draft_and_raises(tmp_path: Path, failing: str) -> None:
    db = tmp_path / "d.sqlite3"
    faults = Faults()
    store, before = seeded(db, connect=faults)
    faults.arm(failing)
    with pytest.raises(StorageError) as info:
        store.save_answer(before.id, "ho_ten", "Changed")
    assert "Chưa lưu được" in info.value.vi and "not saved" in info.value.en
    assert "đọc/ghi đĩa" in str(info.value) and "disk read/write error" in str(info.value)
    with pytest.raises(StorageError):
        store.save_answers(before.id, {"ho_ten": "Changed", "new": 1}, remove=["tv.1"])

    faults.arm()  # the disk is back
    assert store.load(before.id) == before  # answers and updated_at as they were
    with DraftStore(db) as fresh:  # and so on disk, seen by another connection
        assert fresh.load(before.id) == before
    assert integrity_ok(db)
    store.save_answer(before.id, "ho_ten", "Later")  # the store still works
    assert store.load(before.id).answers["ho_ten"] == "Later"
    store.close()


def test_failing_commit_and_rollback_reopens_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    faults = Faults()
    store, before = seeded(db, connect=faults)
    faults.arm("COMMIT", "ROLLBACK")
    with pytest.raises(StorageError):
        store.save_answer(before.id, "ho_ten", "Changed")
    # The broken connection was dropped (closing it rolled back); the next call opens a new one.
    assert len(faults.connections) == 1
    assert store.load(before.id) == before
    assert len(faults.connections) == 2
    store.close()
    assert integrity_ok(db)


def test_disk_full_is_a_clear_error_and_keeps_the_database(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    store, before = seeded(db)
    store.close()

    def full_disk(path: str) -> sqlite3.Connection:
        # max_page_count at the current size: any growth fails with SQLITE_FULL, as on a full disk.
        conn = sqlite3.connect(path, check_same_thread=False)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count={pages}")
        return conn

    with DraftStore(db, connect=full_disk) as store:
        with pytest.raises(StorageError) as info:
            store.save_answer(before.id, "ghi_chu", "Dài " * 50_000)
        assert info.value.code is not None and info.value.code & 0xFF == SQLITE_FULL
        assert "ổ đĩa đã đầy" in info.value.vi and "disk is full" in info.value.en
        assert store.load(before.id) == before
    with DraftStore(db) as fresh:
        assert fresh.load(before.id) == before
    assert integrity_ok(db)


def test_read_only_database_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    store, before = seeded(db)
    store.close()

    def read_only(path: str) -> sqlite3.Connection:
        return sqlite3.connect(Path(path).as_uri() + "?mode=ro", uri=True, check_same_thread=False)

    with DraftStore(db, connect=read_only) as store:
        assert store.load(before.id) == before  # reading still works
        with pytest.raises(StorageError) as info:
            store.save_answer(before.id, "ho_ten", "Changed")
        assert info.value.code is not None and info.value.code & 0xFF == SQLITE_READONLY
        assert "chỉ cho phép đọc" in info.value.vi and "read-only" in info.value.en
    with DraftStore(db) as fresh:
        assert fresh.load(before.id) == before
    assert integrity_ok(db)
