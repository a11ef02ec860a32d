"""Accounts, roles and the audit log of the office store.

Contract (used by ``formfill office`` and the desk):

- ``store.add_user(name, password, role)``: role ``"officer"`` | ``"admin"``; the password is kept
  only as ``scrypt$n$r$p$salt$hash`` (``hashlib.scrypt``, a random 16-byte salt, hex);
- ``store.users() -> list[Account]``; ``store.set_disabled(name, flag)``, ``store.reset_password``,
  ``store.unlock(name)``; ``store.has_users()``;
- ``store.login(name, password) -> Account``; raises :class:`LoginError` (wrong name or password,
  locked, disabled — Vietnamese and English messages). :data:`MAX_FAILURES` wrong passwords in a
  row lock the account for :data:`LOCK_MINUTES` minutes (the store's clock, so tests pin it). Every
  attempt is audited ("login" / "login_failed"), never with the typed password;
- ``store.audit(actor, action, code=None, fields=())``: append one entry (the desk audits "view" and
  "print" with it); ``store.audit_entries(start, end)``; ``store.audit_verify()``.

Account changes are audited with the acting account and the account's name in ``fields``
(an officer's login name is not a citizen's personal data).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from formfill.storage import audit as audit_log
from formfill.storage.failures import StorageError

ROLES = ("officer", "admin")
MAX_FAILURES = 5
LOCK_MINUTES = 5
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
NAME_MAX = 64


@dataclass(frozen=True)
class Account:
    """An account as listed (never its password hash)."""

    name: str
    role: str
    disabled: bool
    locked_until: datetime | None


class AccountError(StorageError):
    """An account call refused: unknown name, a name taken, a bad role or name."""


class LoginError(StorageError):
    """A login refused: wrong name or password, locked for a while, or disabled."""


def hash_password(password: str) -> str:
    """``scrypt$n$r$p$salt$hash`` for ``password`` with a fresh random salt."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    """True when ``password`` matches the stored hash (constant-time compare; the stored parameters)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(
            password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), maxmem=2**27
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def _wrong() -> LoginError:
    return LoginError("Sai tên tài khoản hoặc mật khẩu.", "Wrong account name or password.")


def _unknown(name: str) -> AccountError:
    return AccountError(f"Không có tài khoản {name}.", f"No account named {name}.")


class AccountsMixin:
    """Accounts and the audit log; mixed into :class:`~formfill.storage.submissions.SubmissionStore`."""

    _write: Any
    _read: Any
    _now: Any
    actor: str

    # --- accounts ------------------------------------------------------------------------------

    def has_users(self) -> bool:
        """True once any account exists (from then on the command line asks for a login)."""
        with self._read("find") as tx:
            return tx.execute("SELECT 1 FROM account LIMIT 1").fetchone() is not None

    def add_user(
        self,
        name: str,
        password: str,
        role: str = "officer",
        *,
        actor: str | None = None,
        first: bool = False,
    ) -> Account:
        """Create an account; :class:`AccountError` if the name is taken, malformed or the role unknown.

        ``first``: the bootstrap — refused if any account exists by then (checked in the same transaction).
        """
        name = _check_name(name)
        if role not in ROLES:
            raise AccountError(f"Vai trò phải là officer hoặc admin, không phải {role!r}.",
                               f"The role must be officer or admin, not {role!r}.")  # fmt: skip
        _check_password(password)
        stored = hash_password(password)
        with self._write("account", serial=True) as tx:
            if first and tx.execute("SELECT 1 FROM account LIMIT 1").fetchone():
                raise AccountError("Đã có tài khoản: cần đăng nhập bằng tài khoản quản trị (--user).",
                                   "Accounts exist: log in as an administrator (--user).")  # fmt: skip
            if tx.execute("SELECT 1 FROM account WHERE name = ?", (name,)).fetchone():
                raise AccountError(f"Đã có tài khoản {name}.", f"An account named {name} exists.")
            tx.execute(
                "INSERT INTO account (name, role, password, created_at) VALUES (?, ?, ?, ?)",
                (name, role, stored, self._stamp()),
            )
            audit_log.append(tx, self._stamp(), actor or self.actor, "user_add", None, [name, f"role:{role}"])
        return Account(name, role, False, None)

    def users(self) -> list[Account]:
        """Every account, by name."""
        with self._read("find") as tx:
            rows = tx.execute(
                "SELECT name, role, disabled, locked_until FROM account ORDER BY name"
            ).fetchall()
        return [self._account(r) for r in rows]

    def set_disabled(self, name: str, disabled: bool, *, actor: str | None = None) -> Account:
        """Disable (no login at all) or enable an account."""
        action = "user_disable" if disabled else "user_enable"
        return self._change(name, action, "disabled = ?", (1 if disabled else 0,), actor)

    def reset_password(self, name: str, password: str, *, actor: str | None = None) -> Account:
        """Give an account a new password (and clear its failures and lock)."""
        _check_password(password)
        return self._change(
            name,
            "user_reset",
            "password = ?, failures = 0, locked_until = NULL",
            (hash_password(password),),
            actor,
        )

    def unlock(self, name: str, *, actor: str | None = None) -> Account:
        """End a lock after wrong passwords now."""
        return self._change(name, "user_unlock", "failures = 0, locked_until = NULL", (), actor)

    def login(self, name: str, password: str) -> Account:
        """The account, when the password is right and it is neither locked nor disabled; audited."""
        now = self._now()
        with self._write("login", serial=True) as tx:
            row = tx.execute(
                "SELECT name, role, disabled, locked_until, password, failures FROM account WHERE name = ?",
                (str(name)[:NAME_MAX],),
            ).fetchone()
            refusal = self._attempt(tx, row, password, now)
            actor = row[0] if row else "?"
            audit_log.append(tx, self._stamp(), actor, "login_failed" if refusal else "login", None)
        if refusal is not None:
            raise refusal
        assert row is not None
        return Account(row[0], row[1], False, None)

    def _attempt(self, tx: Any, row: Any, password: str, now: datetime) -> LoginError | None:
        """Check one login inside its transaction: the refusal, or None (failures updated either way)."""
        if row is None:
            check_password(password, hash_password("-"))  # same time as a known name
            return _wrong()
        name, _, disabled, locked_until, stored, failures = row
        if disabled:
            return LoginError(f"Tài khoản {name} đã bị khóa; hãy hỏi quản trị viên.",
                              f"Account {name} is disabled; ask an administrator.")  # fmt: skip
        if locked_until and datetime.fromisoformat(locked_until) > now:
            until = datetime.fromisoformat(locked_until).astimezone(self._zone_or_utc()).strftime("%H:%M")
            return LoginError(f"Tài khoản {name} tạm khóa do nhập sai mật khẩu nhiều lần; thử lại sau {until}.",
                              f"Account {name} is locked after repeated wrong passwords; try again after {until}.")  # fmt: skip
        if check_password(password, stored):
            tx.execute("UPDATE account SET failures = 0, locked_until = NULL WHERE name = ?", (name,))
            return None
        failures = int(failures) + 1
        if failures >= MAX_FAILURES:
            until = _iso(now + timedelta(minutes=LOCK_MINUTES))
            tx.execute("UPDATE account SET failures = 0, locked_until = ? WHERE name = ?", (until, name))
            audit_log.append(tx, self._stamp(), name, "user_locked", None)
        else:
            tx.execute("UPDATE account SET failures = ? WHERE name = ?", (failures, name))
        return _wrong()

    # --- the audit log -------------------------------------------------------------------------

    def audit(self, actor: str, action: str, code: str | None = None, fields: Iterable[str] = ()) -> int:
        """Append one entry (who, what, which submission, which field paths — never values); its seq."""
        with self._write("audit", serial=True) as tx:
            return audit_log.append(tx, self._stamp(), actor, action, code, fields)

    def audit_entries(self, start: date | None = None, end: date | None = None) -> list[audit_log.AuditEntry]:
        """Entries of the office-local days ``start``..``end`` (inclusive; None: open), in order."""
        zone = self._zone_or_utc()
        low = _iso(datetime.combine(start, time(), zone)) if start else None
        high = _iso(datetime.combine(end + timedelta(days=1), time(), zone)) if end else None
        with self._read("audit") as tx:
            return audit_log.entries(tx, low, high)

    def audit_verify(self) -> tuple[int, str, audit_log.AuditProblem | None]:
        """(entries checked, last hash, the first entry that does not match or None)."""
        with self._read("audit") as tx:
            return audit_log.verify(tx)

    # --- internals -----------------------------------------------------------------------------

    def _change(self, name: str, action: str, assignments: str, params: tuple, actor: str | None) -> Account:
        with self._write("account", serial=True) as tx:
            done = tx.execute(f"UPDATE account SET {assignments} WHERE name = ?", (*params, name)).rowcount
            if not done:
                raise _unknown(name)
            audit_log.append(tx, self._stamp(), actor or self.actor, action, None, [name])
            row = tx.execute("SELECT name, role, disabled, locked_until FROM account WHERE name = ?", (name,))
            return self._account(row.fetchone())

    def _account(self, row: Any) -> Account:
        name, role, disabled, locked = row
        until = datetime.fromisoformat(locked) if locked else None
        if until is not None and until <= self._now():
            until = None
        return Account(name, role, bool(disabled), until)

    def _stamp(self) -> str:
        return _iso(self._now())

    def _zone_or_utc(self) -> Any:
        settings = getattr(self, "settings", None)
        return settings.office.zone if settings is not None else UTC


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _check_name(name: str) -> str:
    name = str(name).strip()
    if not name or len(name) > NAME_MAX or any(ch.isspace() or ch in "$:/\\" for ch in name):
        raise AccountError(
            "Tên tài khoản: 1–64 ký tự, không khoảng trắng, không có $ : / \\.",
            "Account name: 1-64 characters, no spaces, no $ : / \\.",
        )
    return name


def _check_password(password: str) -> None:
    if not isinstance(password, str) or len(password) < 8:
        raise AccountError(
            "Mật khẩu phải có ít nhất 8 ký tự.", "The password must have at least 8 characters."
        )
