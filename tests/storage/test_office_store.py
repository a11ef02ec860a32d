"""The office store on both engines: many writers, migrations, accounts, the audit chain, the desk's calls."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from formfill.base.settings import Settings
from formfill.storage import STATUSES, LoginError, StorageError, SubmissionNotFoundError, SubmissionStore
from formfill.storage.db import MIGRATIONS, SCHEMA_VERSION
from tests.storage.conftest import Target

ROOT = Path(__file__).resolve().parents[2]
NOON = datetime(2026, 12, 1, 5, 0, tzinfo=UTC)  # 12:00 in Hà Nội


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = NOON) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_three_writers_at_once_lose_nothing_and_share_no_code(store_target: Target, tmp_path: Path) -> None:
    """2 kiosks and a desk, 100 submissions each, at once: 300 rows, 300 codes, an unbroken audit chain."""
    store_target.open().close()  # create and migrate first, as the office does at install
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "tests/storage/office_writer.py"),
                *store_target.args(),
                "100",
                actor,
                str(go),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for actor in ("kiosk:a", "kiosk:b", "desk")
    ]
    go.touch()
    outputs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [err[-2000:] for _, err in outputs]
    issued = [code for out, _ in outputs for code in out.split()]
    assert len(issued) == 300 and len(set(issued)) == 300
    with store_target.open() as store:
        stored = {s.code for s in store.list()}
        count, _, problem = store.audit_verify()
        entries = store.audit_entries()
    assert stored == set(issued)
    assert problem is None and count == 1 + 600
    assert sorted(e.code for e in entries if e.action == "submit") == sorted(issued)
    assert {e.actor for e in entries if e.action == "view"} == {"kiosk:a", "kiosk:b", "desk"}


def _v2_file(path: Path) -> None:
    """A store exactly as the kiosk issue left it: schema 2, one submission."""
    conn = sqlite3.connect(path)
    for step in MIGRATIONS[:2]:
        for statement in step:
            conn.execute(statement)
    conn.execute(
        "INSERT INTO submission (code, form_id, form_version, data, created_at, day) VALUES (?, ?, ?, ?, ?, ?)",
        ("6616-XQR3", "ct01", "1", '{"a": 1}', "2026-12-01T05:00:00.000000+00:00", "2026-12-01"),
    )
    conn.execute("PRAGMA user_version=2")
    conn.commit()
    conn.close()


def test_sqlite_a_schema_2_store_is_migrated_once(tmp_path: Path) -> None:
    db = tmp_path / "v2.sqlite3"
    _v2_file(db)
    for _ in range(2):  # twice: the second open finds nothing to do
        with SubmissionStore(db, settings=Settings()) as store:
            sub = store.get("6616-XQR3")
            assert sub is not None and sub.version == 1 and sub.status == "moi"
            assert [v.version for v in store.versions(sub.code)] == [1]
            entries = store.audit_entries()
            assert [(e.action, e.fields) for e in entries] == [("migrate", ("schema:2->3",))]
            assert store.audit_verify()[2] is None
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_postgresql_two_apps_starting_at_once_migrate_once(pg_target: Target) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        stores = list(pool.map(lambda _: pg_target.open(), range(4)))
    for store in stores:
        store.close()
    with pg_target.open() as store:
        assert [e.action for e in store.audit_entries()] == ["migrate"]


def test_postgresql_a_newer_schema_is_refused(pg_target: Target) -> None:
    import psycopg

    pg_target.open().close()
    with psycopg.connect(pg_target.url, autocommit=True) as conn:
        conn.execute("UPDATE schema_version SET version = %s", (SCHEMA_VERSION + 1,))
        conn.execute("UPDATE meta SET value = '9.0' WHERE key = 'app_version'")
    with pytest.raises(StorageError) as err:
        pg_target.open()
    assert "cập nhật formfill" in err.value.vi and "formfill 9.0" in err.value.vi


def test_accounts_lockout_and_only_hashes_stored(store_target: Target) -> None:
    clock = Clock()
    with store_target.open(clock=clock) as store:
        assert not store.has_users()
        store.add_user("boss", "very-secret-1", "admin")
        store.add_user("an", "officer-pass", "officer")
        assert store.login("an", "officer-pass").role == "officer"
        for _ in range(5):
            with pytest.raises(LoginError, match="Sai tên tài khoản hoặc mật khẩu"):
                store.login("an", "wrong-password")
        with pytest.raises(LoginError, match="tạm khóa"):
            store.login("an", "officer-pass")  # locked, even with the right password
        clock.now += timedelta(minutes=5, seconds=1)
        assert store.login("an", "officer-pass").name == "an"
        store.set_disabled("an", True)
        with pytest.raises(LoginError, match="đã bị khóa"):
            store.login("an", "officer-pass")
        with store._read("find") as tx:
            hashes = dict(tx.execute("SELECT name, password FROM account").fetchall())
            logged = json.dumps([list(r) for r in tx.execute("SELECT * FROM audit").fetchall()])
        actions = [e.action for e in store.audit_entries()]
    for stored in hashes.values():
        scheme, n, _r, _p, salt, digest = stored.split("$")
        assert (
            scheme == "scrypt" and int(n) >= 2**14 and len(bytes.fromhex(salt)) == 16 and len(digest) == 128
        )
    assert hashes["an"] != hashes["boss"]
    for secret in ("very-secret-1", "officer-pass", "wrong-password"):
        assert secret not in logged and secret not in json.dumps(hashes)
    assert actions.count("login_failed") == 7 and "user_locked" in actions and "user_disable" in actions


def _tamper(target: Target, statements: list[str]) -> None:
    if target.url:
        import psycopg

        with psycopg.connect(target.url, autocommit=True) as conn:
            for sql in statements:
                conn.execute(sql)
    else:
        conn = sqlite3.connect(target.path)
        for sql in statements:
            conn.execute(sql)
        conn.commit()
        conn.close()


SWAP = [  # entries 4 and 5 change places, each keeping its seq
    "UPDATE audit SET seq = -4 WHERE seq = 4",
    "UPDATE audit SET seq = 4 WHERE seq = 5",
    "UPDATE audit SET seq = 5 WHERE seq = -4",
]


@pytest.mark.parametrize(
    ("statements", "first_bad"),
    [
        (["UPDATE audit SET actor = 'someone-else' WHERE seq = 5"], 5),
        (["DELETE FROM audit WHERE seq = 5"], 6),
        (SWAP, 4),
    ],
    ids=["changed", "removed", "swapped"],
)
def test_a_tampered_audit_log_names_the_first_bad_entry(
    store_target: Target, statements: list[str], first_bad: int
) -> None:
    with store_target.open() as store:
        for i in range(8):
            store.audit("an", "view", None, [f"f{i}"])
        assert store.audit_verify()[2] is None
    _tamper(store_target, statements)
    with store_target.open() as store:
        problem = store.audit_verify()[2]
    assert problem is not None and problem.seq == first_bad and f"số {first_bad}" in problem.vi


def test_the_desk_contract(store_target: Target) -> None:
    clock = Clock()
    with store_target.open(clock=clock) as store:
        a = store.submit("ct01", "1", {"ho_ten": "A"})
        b = store.submit("khai-sinh", "1", {"ho_ten": "B"})
        assert [s.code for s in store.queue()] == [a.code, b.code]
        assert [s.code for s in store.queue("moi", "ct01")] == [a.code]
        fixed = store.correct(a.code, {"ho_ten": "Á"}, actor="an", fields=["ho_ten"])
        assert fixed.version == 2 and [v.data for v in store.versions(a.code)] == [
            {"ho_ten": "A"},
            {"ho_ten": "Á"},
        ]
        assert store.set_status(b.code, "dang_tiep_nhan", actor="an").status == "dang_tiep_nhan"
        kwargs = dict(actor="an", procedure="p", papers=[1, 2], dossier_code=None, extend_days=0)
        ra = store.record_reception(
            a.code, received_at=NOON, due_at=NOON + timedelta(days=2), kind="receive", **kwargs
        )
        rb = store.record_reception(
            b.code, received_at=NOON, due_at=NOON, kind="refuse", reason="thiếu giấy", **kwargs
        )
        assert (ra.number, rb.number) == (1, 2) and store.get(b.code).status == "tu_choi"
        store.mark_returned(a.code, actor="an", at=NOON + timedelta(days=3))
        assert (
            store.get(a.code).status == "da_tra_ket_qua" and store.reception(a.code).returned_at is not None
        )
        assert len(store.receptions(date(2026, 12, 1), date(2026, 12, 1))) == 2
        assert store.stats()["results"] == {"before": 0, "on_time": 0, "late": 1}
        with pytest.raises(SubmissionNotFoundError):
            store.set_status(_unused(store), "moi", actor="an")
        logged = json.dumps([e.__dict__ for e in store.audit_entries()], ensure_ascii=False)
    assert "thiếu giấy" not in logged and '"Á"' not in logged and "ho_ten" in logged
    assert STATUSES[0] == "moi"


def _unused(store: SubmissionStore) -> str:
    from formfill.storage import new_code

    return new_code()
