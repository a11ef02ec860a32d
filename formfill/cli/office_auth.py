"""Who may run an ``office`` command: the store, the login, the role (shared with the desk commands).

Until the first account exists the store file's permissions are the guard and every command runs
as before (audited as ``cli``). From then on a command that reads personal data or changes state
takes ``--user NAME`` and the password from ``FORMFILL_PASSWORD`` or a hidden prompt, and needs the
role it names: ``"any"`` (an account, e.g. ``office stats``), ``"officer"`` (receive, print, read
submissions; an admin may too) or ``"admin"`` (delete, purge, export, accounts, the audit log).
Refused: exit 3 with a Vietnamese message (no password to read, wrong password, locked, disabled,
or a role without the right). The login itself is audited by the store, never with the password.

Use ``with office_store(user, "officer") as store:`` — ``store.actor`` is then the account name.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from formfill.base.i18n import tr
from formfill.base.settings import password_from_env
from formfill.cli.common import EXIT_INVALID, EXIT_UNREADABLE, checked_settings, fail

if TYPE_CHECKING:
    from formfill.storage import SubmissionStore

EXIT_DENIED = 3
RANK = {"any": 0, "officer": 1, "admin": 2}
ROLE_LABEL = {"officer": ("cán bộ", "officer"), "admin": ("quản trị viên", "administrator")}

UserOption = Annotated[
    str | None,
    typer.Option(
        "--user", help="Tài khoản (mật khẩu: FORMFILL_PASSWORD hoặc hỏi) / account name.", show_default=False
    ),
]


def deny(message: str) -> NoReturn:
    """Exit 3: not allowed for this account (or no account given)."""
    fail(EXIT_DENIED, message)


@contextmanager
def open_store(*, create: bool = False) -> Iterator[SubmissionStore]:
    """The office store of the settings (SQLite file or PostgreSQL); exit 2 when missing (unless
    ``create``: submit, the first account, restore) or unreadable, 1 for a mistyped code or an
    unknown submission."""
    from formfill.storage import CodeError, StorageError, SubmissionNotFoundError, SubmissionStore
    from formfill.storage.accounts import AccountError

    cfg = checked_settings()
    url = cfg.database_url
    path = None if url else (cfg.drafts_path or _default_path())
    if path is not None and not create and not path.is_file():
        fail(
            EXIT_UNREADABLE,
            tr(f"Không có kho dữ liệu tại {path} (store.path trong tệp cấu hình, hoặc --config).",
               f"No store at {path} (store.path in the config file, or --config)."),
        )  # fmt: skip
    try:
        store = SubmissionStore(path, url=url, settings=cfg)
    except StorageError as exc:
        fail(EXIT_UNREADABLE, tr(exc.vi, exc.en))
    try:
        yield store
    except CodeError as exc:
        fail(EXIT_INVALID, str(exc))
    except (SubmissionNotFoundError, AccountError) as exc:
        fail(EXIT_INVALID, tr(exc.vi, exc.en))
    except StorageError as exc:
        fail(EXIT_UNREADABLE, tr(exc.vi, exc.en))
    finally:
        store.close()


def _default_path():  # type: ignore[no-untyped-def]
    from formfill.storage import default_db_path

    return default_db_path()


@contextmanager
def office_store(user: str | None, role: str, *, create: bool = False) -> Iterator[SubmissionStore]:
    """The store, once the caller is allowed ``role``; ``store.actor`` names them in the audit log."""
    with open_store(create=create) as store:
        store.actor = authorize(store, user, role)
        yield store


def authorize(store: SubmissionStore, user: str | None, role: str) -> str:
    """The actor name for the audit log, or exit 3. No account yet: ``"cli"`` (bootstrap)."""
    from formfill.storage import LoginError

    if not store.has_users():
        return "cli"
    if not user:
        deny(tr("Cần đăng nhập: thêm --user TÊN (mật khẩu qua FORMFILL_PASSWORD hoặc nhập khi được hỏi).",
                "A login is needed: add --user NAME (password from FORMFILL_PASSWORD or the prompt)."))  # fmt: skip
    password = read_password()
    try:
        account = store.login(user, password)
    except LoginError as exc:
        deny(tr(exc.vi, exc.en))
    if RANK[account.role] < RANK[role]:
        vi, en = ROLE_LABEL.get(role, (role, role))
        deny(tr(f"Tài khoản {account.name} không có quyền này (cần quyền {vi}).",
                f"Account {account.name} is not allowed to do this (needs the {en} role)."))  # fmt: skip
    return account.name


def read_password() -> str:
    """The password from ``FORMFILL_PASSWORD``, else a hidden prompt; exit 3 with no way to ask."""
    given = password_from_env()
    if given:
        return given
    if not sys.stdin.isatty():
        deny(tr("Không có mật khẩu: đặt FORMFILL_PASSWORD hoặc chạy lệnh trong một cửa sổ dòng lệnh.",
                "No password: set FORMFILL_PASSWORD or run the command in a terminal."))  # fmt: skip
    return typer.prompt(tr("Mật khẩu", "Password"), hide_input=True)


def read_new_password() -> str:
    """A new password from ``FORMFILL_NEW_PASSWORD``, else asked twice (hidden); exit 2 with no way to ask."""
    given = password_from_env(new=True)
    if given:
        return given
    if not sys.stdin.isatty():
        fail(EXIT_UNREADABLE, tr("Không có mật khẩu mới: đặt FORMFILL_NEW_PASSWORD hoặc chạy trong cửa sổ dòng lệnh.",
                                 "No new password: set FORMFILL_NEW_PASSWORD or run in a terminal."))  # fmt: skip
    return typer.prompt(
        tr("Mật khẩu mới", "New password"),
        hide_input=True,
        confirmation_prompt=tr("Nhập lại mật khẩu mới", "Repeat the new password"),
    )
