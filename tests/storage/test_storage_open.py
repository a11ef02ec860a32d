"""Opening the draft database: location, required pragmas, schema version, file permissions."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from formfill.base.errors import FormfillError
from formfill.storage import SCHEMA_VERSION, DraftStore, StorageError, default_db_path
from formfill.storage.db import REQUIRED_PRAGMAS

REPO = Path(__file__).resolve().parents[2]


def test_pragmas_are_as_required_after_open(tmp_path: Path) -> None:
    with DraftStore(tmp_path / "d.sqlite3") as store:
        conn = store._conn
        assert conn is not None
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


class IgnoresOnePragma(sqlite3.Connection):
    """A connection on which setting one pragma silently does nothing (as on some file systems)."""

    ignored = ""

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        if sql.replace(" ", "").upper().startswith(f"PRAGMA{self.ignored.upper()}="):
            return super().execute("SELECT 1")
        return super().execute(sql, *args)


@pytest.mark.parametrize("pragma", ["synchronous", "foreign_keys", "secure_delete"])
def test_refuses_to_run_when_a_pragma_does_not_take(tmp_path: Path, pragma: str) -> None:
    class Conn(IgnoresOnePragma):
        ignored = pragma

    # Defaults that differ from what we need, so ignoring the set is visible.
    def connect(path: str) -> sqlite3.Connection:
        conn = sqlite3.connect(path, factory=Conn)
        value = "NORMAL" if pragma == "synchronous" else "OFF"
        sqlite3.Connection.execute(conn, f"PRAGMA {pragma}={value}")  # bypasses the ignoring override
        return conn

    with pytest.raises(StorageError) as info:
        DraftStore(tmp_path / "d.sqlite3", connect=connect)
    assert f"PRAGMA {pragma}" in str(info.value)
    assert "không bật được" in info.value.vi and "did not take" in info.value.en


def test_refuses_without_wal(tmp_path: Path) -> None:
    # An in-memory database cannot use WAL: journal_mode reads back "memory".
    with pytest.raises(StorageError, match="journal_mode=wal"):
        DraftStore(tmp_path / "d.sqlite3", connect=lambda _path: sqlite3.connect(":memory:"))


def test_required_pragmas_cover_the_reliability_checklist() -> None:
    assert set(REQUIRED_PRAGMAS) == {"journal_mode", "synchronous", "foreign_keys", "secure_delete"}


def test_storage_error_is_a_formfill_error() -> None:
    assert issubclass(StorageError, FormfillError)


def test_default_path_follows_env_then_platformdirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORMFILL_DATA_DIR", raising=False)
    assert default_db_path().parent == Path(platformdirs.user_data_dir("formfill", appauthor=False))
    monkeypatch.setenv("FORMFILL_DATA_DIR", str(tmp_path / "data"))
    assert default_db_path() == tmp_path / "data" / "drafts.sqlite3"
    with DraftStore() as store:
        assert store.path == tmp_path / "data" / "drafts.sqlite3"
        store.create("khai-sinh", "1")
    assert (tmp_path / "data" / "drafts.sqlite3").stat().st_size > 0
    # An explicit path wins over the environment.
    with DraftStore(tmp_path / "other.sqlite3") as store:
        assert store.list_drafts() == []


def test_folder_and_file_are_private(tmp_path: Path) -> None:
    db = tmp_path / "new" / "d.sqlite3"
    with DraftStore(db) as store:
        store.create("khai-sinh", "1")
        wal = db.with_name(db.name + "-wal")
        assert wal.exists()
        assert stat.S_IMODE(wal.stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE(db.stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE(db.parent.stat().st_mode) & 0o077 == 0


def test_schema_is_created_once_and_reopened(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    with DraftStore(db) as store:
        draft = store.create("khai-sinh", "1")
    with DraftStore(db) as store:  # second open: no migration, data intact
        assert store.load(draft.id).form_id == "khai-sinh"
    conn = sqlite3.connect(db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert {"draft", "answer"} <= tables


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    DraftStore(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StorageError, match="newer formfill"):
        DraftStore(db)


def test_unwritable_location_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError) as info:
        DraftStore(blocker / "d.sqlite3")  # parent is a file
    assert "thư mục dữ liệu" in info.value.vi and "data folder" in info.value.en


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite3"
    db.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="not a formfill database"):
        DraftStore(db)


def test_storage_never_imports_textual() -> None:
    code = "import sys, formfill.storage; print('textual' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    assert out.stdout.strip() == "False"
