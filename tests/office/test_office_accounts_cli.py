"""Accounts, roles, submit, the audit log and backups from the command line (subprocesses), on both
engines where the engine matters (the store URL reaches the subprocess as FORMFILL_DATABASE_URL)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from tests.office.conftest import assert_clean_failure
from tests.storage.conftest import Target

Run = Callable[..., CompletedProcess[str]]
ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "examples" / "ct01" / "valid-1.json"
ADMIN = {"FORMFILL_PASSWORD": "admin-pass-1"}
OFFICER = {"FORMFILL_PASSWORD": "officer-pass-1"}


@pytest.fixture
def office_env(tmp_path: Path, store_target: Target) -> dict[str, str]:
    """Environment naming the store: a config with store.path (SQLite) or FORMFILL_DATABASE_URL."""
    if store_target.url:
        return {"FORMFILL_DATABASE_URL": store_target.url}
    cfg = tmp_path / "formfill.toml"
    cfg.write_text(f'[store]\npath = "{store_target.path}"\n', "utf-8")
    return {"FORMFILL_CONFIG": str(cfg)}


def _accounts(run: Run, env: dict[str, str]) -> None:
    first = run("office", "user", "add", "boss", env={**env, "FORMFILL_NEW_PASSWORD": "admin-pass-1"})
    assert first.returncode == 0, first.stderr  # the bootstrap: no login, an admin
    second = run("office", "user", "add", "an", "--role", "officer", "--user", "boss",
                 env={**env, **ADMIN, "FORMFILL_NEW_PASSWORD": "officer-pass-1"})  # fmt: skip
    assert second.returncode == 0, second.stderr


def test_submit_from_a_file_then_roles_decide(
    run_formfill: Run, office_env: dict[str, str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"kinh_gui": "x"}', "utf-8")
    assert_clean_failure(run_formfill("office", "submit", "ct01", str(bad), env=office_env), 1)
    proc = run_formfill("office", "submit", "ct01", str(VALID), "--json", env=office_env)
    assert proc.returncode == 0, proc.stderr
    code = json.loads(proc.stdout)["code"]
    assert len(code) == 9 and code[4] == "-"
    _accounts(run_formfill, office_env)
    # from now on: a login, and the right role
    assert_clean_failure(run_formfill("office", "list", env=office_env), 3)
    assert_clean_failure(run_formfill("office", "list", "--user", "an", env=office_env), 3)  # no password
    wrong = {**office_env, "FORMFILL_PASSWORD": "nope-nope"}
    assert_clean_failure(run_formfill("office", "list", "--user", "an", env=wrong), 3)
    listed = run_formfill("office", "list", "--user", "an", "--json", env={**office_env, **OFFICER})
    assert listed.returncode == 0 and [r["code"] for r in json.loads(listed.stdout)] == [code]
    for admin_only in (["delete", code], ["purge"], ["audit", "verify"], ["user", "list"],
                       ["export", code, "-o", str(tmp_path / "x.json")]):  # fmt: skip
        out = assert_clean_failure(
            run_formfill("office", *admin_only, "--user", "an", env={**office_env, **OFFICER}), 3
        )
        assert "không có quyền" in out
    stats = run_formfill("office", "stats", "--user", "an", "--json", env={**office_env, **OFFICER})
    assert stats.returncode == 0
    gone = run_formfill("office", "delete", code, "--user", "boss", env={**office_env, **ADMIN})
    assert gone.returncode == 0, gone.stderr
    audit = run_formfill("office", "audit", "list", "--json", "--user", "boss", env={**office_env, **ADMIN})
    actions = [e["action"] for e in json.loads(audit.stdout)]
    assert {"submit", "user_add", "login", "login_failed", "view", "delete"} <= set(actions)
    assert (
        run_formfill("office", "audit", "verify", "--user", "boss", env={**office_env, **ADMIN}).returncode
        == 0
    )


def test_five_wrong_passwords_lock_the_account(run_formfill: Run, tmp_path: Path) -> None:
    cfg = tmp_path / "formfill.toml"
    cfg.write_text('[store]\npath = "store.sqlite3"\n', "utf-8")
    office_env = {"FORMFILL_CONFIG": str(cfg)}
    _accounts(run_formfill, office_env)
    wrong = {**office_env, "FORMFILL_PASSWORD": "nope-nope"}
    for _ in range(5):
        assert_clean_failure(run_formfill("office", "stats", "--user", "an", env=wrong), 3)
    out = assert_clean_failure(
        run_formfill("office", "stats", "--user", "an", env={**office_env, **OFFICER}), 3
    )
    assert "tạm khóa" in out
    unlock = run_formfill("office", "user", "unlock", "an", "--user", "boss", env={**office_env, **ADMIN})
    assert unlock.returncode == 0
    assert run_formfill("office", "stats", "--user", "an", env={**office_env, **OFFICER}).returncode == 0


def test_sqlite_tampering_is_named_by_audit_verify(run_formfill: Run, tmp_path: Path) -> None:
    cfg = tmp_path / "formfill.toml"
    cfg.write_text('[store]\npath = "store.sqlite3"\n', "utf-8")
    env = {"FORMFILL_CONFIG": str(cfg)}
    for _ in range(4):
        assert run_formfill("office", "submit", "ct01", str(VALID), env=env).returncode == 0
    db = tmp_path / "store.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("UPDATE audit SET action = 'view' WHERE seq = 3")
    conn.commit()
    conn.close()
    out = assert_clean_failure(run_formfill("office", "audit", "verify", env=env), 1)
    assert "Mục nhật ký số 3" in out


def test_backup_then_restore_from_the_command_line(run_formfill: Run, tmp_path: Path) -> None:
    cfg = tmp_path / "formfill.toml"
    cfg.write_text('[store]\npath = "store.sqlite3"\n', "utf-8")
    env = {"FORMFILL_CONFIG": str(cfg)}
    code = json.loads(run_formfill("office", "submit", "ct01", str(VALID), "--json", env=env).stdout)["code"]
    _accounts(run_formfill, env)
    assert_clean_failure(
        run_formfill("office", "backup", "-o", "b.bak", "--user", "an", env={**env, **OFFICER}), 3
    )
    made = run_formfill("office", "backup", "-o", "b.bak", "--user", "boss", env={**env, **ADMIN})
    assert made.returncode == 0, made.stderr
    other = tmp_path / "other.toml"
    other.write_text('[store]\npath = "restored.sqlite3"\n', "utf-8")
    env2 = {"FORMFILL_CONFIG": str(other)}
    assert_clean_failure(
        run_formfill("office", "restore", "b.bak", "--user", "an", env={**env2, **OFFICER}), 3
    )
    done = run_formfill("office", "restore", "b.bak", "--user", "boss", env={**env2, **ADMIN})
    assert done.returncode == 0, done.stderr
    found = run_formfill("office", "find", code, "--user", "an", env={**env2, **OFFICER})
    assert found.returncode == 0 and code in found.stdout
    assert run_formfill("office", "audit", "verify", "--user", "boss", env={**env2, **ADMIN}).returncode == 0
