"""``formfill office user add|list|disable|enable|reset-password|unlock``: the office's accounts.

Bootstrap: while no account exists, ``user add`` needs no login and creates an administrator (asking
for ``--role officer`` then is a usage error: someone must be able to manage accounts). Afterwards
every account command needs an admin login (``--user``). New passwords come from
``FORMFILL_NEW_PASSWORD`` or are asked twice, hidden; at least 8 characters; stored only as scrypt.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from formfill.base.i18n import tr
from formfill.cli.common import EXIT_UNREADABLE, fail
from formfill.cli.office_auth import UserOption, authorize, office_store, open_store, read_new_password

user_app = typer.Typer(
    name="user",
    help="Tài khoản cán bộ / the office's accounts.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
NameArg = Annotated[str, typer.Argument(help="Tên tài khoản / account name")]


@user_app.command("add")
def add_cmd(
    name: NameArg,
    role: Annotated[
        str | None,
        typer.Option("--role", help="officer (mặc định) hoặc admin / officer or admin", show_default=False),
    ] = None,
    user: UserOption = None,
) -> None:
    """Thêm tài khoản (tài khoản đầu tiên là quản trị) / add an account (the first one is an admin)."""
    if role is not None and role not in ("officer", "admin"):
        fail(EXIT_UNREADABLE, tr(f"--role phải là officer hoặc admin, không phải {role!r}.",
                                 f"--role must be officer or admin, not {role!r}."))  # fmt: skip
    with open_store(create=True) as store:
        first = not store.has_users()
        if first and role == "officer":
            fail(EXIT_UNREADABLE, tr("Tài khoản đầu tiên phải là quản trị (--role admin).",
                                     "The first account must be an administrator (--role admin)."))  # fmt: skip
        actor = "cli" if first else authorize(store, user, "admin")
        store.add_user(
            name, read_new_password(), "admin" if first else role or "officer", actor=actor, first=first
        )
    typer.echo(tr(f"Đã thêm tài khoản {name}.", f"Account {name} added."))


@user_app.command("list")
def list_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="Kết quả dạng JSON / JSON output.")] = False,
    user: UserOption = None,
) -> None:
    """Danh sách tài khoản / list the accounts."""
    with office_store(user, "admin") as store:
        accounts = store.users()
    rows = [
        {"name": a.name, "role": a.role, "disabled": a.disabled,
         "locked_until": a.locked_until.isoformat(timespec="seconds") if a.locked_until else None}
        for a in accounts
    ]  # fmt: skip
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        state = tr("đã khóa", "disabled") if row["disabled"] else ""
        if row["locked_until"]:
            state = tr(f"tạm khóa đến {row['locked_until']}", f"locked until {row['locked_until']}")
        typer.echo(f"{row['name']:<24} {row['role']:<8} {state}")


@user_app.command("disable")
def disable_cmd(name: NameArg, user: UserOption = None) -> None:
    """Khóa một tài khoản / disable an account."""
    with office_store(user, "admin") as store:
        store.set_disabled(name, True)
    typer.echo(tr(f"Đã khóa tài khoản {name}.", f"Account {name} disabled."))


@user_app.command("enable")
def enable_cmd(name: NameArg, user: UserOption = None) -> None:
    """Mở lại một tài khoản / enable an account."""
    with office_store(user, "admin") as store:
        store.set_disabled(name, False)
    typer.echo(tr(f"Đã mở tài khoản {name}.", f"Account {name} enabled."))


@user_app.command("reset-password")
def reset_cmd(name: NameArg, user: UserOption = None) -> None:
    """Đặt mật khẩu mới cho tài khoản / set a new password."""
    with office_store(user, "admin") as store:
        store.reset_password(name, read_new_password())
    typer.echo(tr(f"Đã đặt lại mật khẩu của {name}.", f"Password of {name} reset."))


@user_app.command("unlock")
def unlock_cmd(name: NameArg, user: UserOption = None) -> None:
    """Mở khóa sau nhiều lần nhập sai / unlock after wrong passwords."""
    with office_store(user, "admin") as store:
        store.unlock(name)
    typer.echo(tr(f"Đã mở khóa {name}.", f"{name} unlocked."))


def register_commands(office_app: typer.Typer) -> None:
    office_app.add_typer(user_app, name="user")
