"""Backups restored on both engines; what a delete leaves, engine by engine (named as such)."""

from __future__ import annotations

from pathlib import Path

import pytest

from formfill.storage import StorageError
from formfill.storage.backup import backup, open_backup, restore
from tests.storage.conftest import Target


def test_a_backup_of_100_submissions_restores_into_an_empty_store(
    tmp_path: Path, store_target: Target
) -> None:
    source = Target("sqlite", tmp_path / "source.sqlite3", None)
    with source.open() as store:
        subs = [
            store.submit("ct01", "1", {"n": i, "so_dinh_danh_ca_nhan": f"0012345678{i:02d}"})
            for i in range(100)
        ]
        store.add_user("boss", "very-secret-1", "admin")
        backup(store, tmp_path / "office.bak")
        with pytest.raises(FileExistsError):
            backup(store, tmp_path / "office.bak")  # never over an existing file
    assert (tmp_path / "office.bak").stat().st_mode & 0o777 == 0o600
    with store_target.open() as empty, open_backup(tmp_path / "office.bak", empty.settings, tmp_path) as copy:
        assert restore(empty, copy, actor="boss") == 100
        restored = {s.code: s.data for s in empty.list()}
        assert restored == {s.code: s.data for s in subs}
        _, _, problem = empty.audit_verify()
        assert problem is None and empty.audit_entries()[-1].action == "restore"
        assert empty.login("boss", "very-secret-1").role == "admin"
        with pytest.raises(StorageError, match="kho trống"):
            restore(empty, copy, actor="boss")  # not empty any more
        new = empty.submit("ct01", "1", {"n": "after"})  # identities moved past the copied rows
        assert new.code not in restored and len(empty.list()) == 101


def _scan(path: Path, needle: bytes) -> list[str]:
    return [p.name for p in path.parent.glob(path.name + "*") if needle in p.read_bytes()]


def test_sqlite_a_deleted_submission_leaves_no_bytes_in_the_files(tmp_path: Path) -> None:
    target = Target("sqlite", tmp_path / "office.sqlite3", None)
    secret = "Nguyễn Thị Bí Mật 0099887766"
    with target.open() as store:
        sub = store.submit("ct01", "1", {"ho_ten": secret})
        store.correct(sub.code, {"ho_ten": secret + " sửa"}, actor="an", fields=["ho_ten"])
        store.submit("ct01", "1", {"ho_ten": "người khác"})
        assert _scan(target.path, secret.encode()) != []  # control: the search can find it
        assert store.delete(sub.code)
        assert _scan(target.path, secret.encode()) == []


def test_postgresql_a_deleted_submission_row_is_gone_after_vacuum(pg_target: Target) -> None:
    """Every row version (live or dead) of the table pages is read: none holds the deleted values."""
    import psycopg

    secret = "Nguyễn Thị Bí Mật 0099887766"
    with pg_target.open() as store:
        sub = store.submit("ct01", "1", {"ho_ten": secret})
        store.correct(sub.code, {"ho_ten": secret + " sửa"}, actor="an", fields=["ho_ten"])
        store.submit("ct01", "1", {"ho_ten": "người khác"})
        with psycopg.connect(pg_target.url, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
            assert _tuples_holding(conn, secret) > 0  # control
            assert store.delete(sub.code)
            assert _tuples_holding(conn, secret) == 0
            assert (
                conn.execute("SELECT count(*) FROM submission WHERE code = %s", (sub.code,)).fetchone()[0]
                == 0
            )


def _tuples_holding(conn, text: str) -> int:  # type: ignore[no-untyped-def]
    needle = text.encode("utf-8")
    total = 0
    for table in ("submission", "submission_version"):
        pages = conn.execute(
            "SELECT pg_relation_size(%s::regclass) / current_setting('block_size')::int", (table,)
        )
        for page in range(pages.fetchone()[0]):
            rows = conn.execute(
                "SELECT t_data FROM heap_page_items(get_raw_page(%s, %s)) WHERE t_data IS NOT NULL",
                (table, page),
            ).fetchall()
            total += sum(needle in bytes(r[0]) for r in rows)
    return total
