"""``formfill office audit verify|list``, ``office backup -o FILE``, ``office restore FILE`` (admin).

``audit verify`` exits 1 naming the first entry that does not match (changed, removed, reordered),
else prints how many entries it checked and the last one's hash (note it: removing entries at the
very end can only be seen against a number noted earlier). ``backup`` makes a new SQLite file with
SQLite's online backup API while the kiosks keep writing; on PostgreSQL it prints the ``pg_dump``
command instead (exit 2). ``restore`` copies a backup into an empty store (either engine); when
the backup has accounts, the ``--user`` login is checked against the backup's accounts.
"""

from __future__ import annotations

import json
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from formfill.base.i18n import tr
from formfill.cli.common import EXIT_INVALID, EXIT_UNREADABLE, fail, writing_new
from formfill.cli.office import period
from formfill.cli.office_auth import UserOption, authorize, office_store, open_store

audit_app = typer.Typer(
    name="audit",
    help="Nhật ký thao tác / the audit log.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


@audit_app.command("verify")
def verify_cmd(user: UserOption = None) -> None:
    """Kiểm tra chuỗi băm của nhật ký / check the audit log's hash chain."""
    with office_store(user, "admin") as store:
        count, last, problem = store.audit_verify()
    if problem is not None:
        fail(EXIT_INVALID, tr(problem.vi, problem.en))
    typer.echo(tr(f"Nhật ký toàn vẹn: {count} mục, mục cuối có mã băm {last}.",
                  f"The audit log is intact: {count} entries, the last one's hash {last}."))  # fmt: skip


@audit_app.command("list")
def list_cmd(
    start: Annotated[
        str | None, typer.Option("--from", help="Từ ngày dd/mm/yyyy / from", show_default=False)
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Đến ngày dd/mm/yyyy / to", show_default=False)
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Kết quả dạng JSON / JSON output.")] = False,
    user: UserOption = None,
) -> None:
    """Các mục nhật ký (không có giá trị nào) / the audit entries (never a value)."""
    from formfill.storage.audit import ACTIONS

    low, high = period(start, end)
    with office_store(user, "admin") as store:
        entries = store.audit_entries(low, high)
        zone = store.settings.office.zone
    rows = [
        {"seq": e.seq, "at": datetime.fromisoformat(e.at).astimezone(zone).isoformat(timespec="seconds"),
         "actor": e.actor, "action": e.action, "code": e.code, "fields": list(e.fields)}
        for e in entries
    ]  # fmt: skip
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        when = datetime.fromisoformat(r["at"]).strftime("%d/%m/%Y %H:%M:%S")
        what = tr(ACTIONS.get(r["action"], r["action"]), r["action"])
        typer.echo(
            f"{r['seq']:>6}  {when}  {r['actor']:<20} {what:<20} {r['code'] or '':<10} {','.join(r['fields'])}"
        )


def backup_cmd(
    output: Annotated[Path, typer.Option("-o", "--output", help="Tệp sao lưu mới / a new backup file")],
    user: UserOption = None,
) -> None:
    """Sao lưu kho (SQLite) / back the store up (SQLite; PostgreSQL: pg_dump)."""
    from formfill.storage.backup import PG_DUMP_HINT, backup

    with office_store(user, "admin") as store:
        if store.engine != "sqlite":
            fail(EXIT_UNREADABLE, tr(f"Kho ở PostgreSQL: hãy sao lưu bằng pg_dump, ví dụ:\n  {PG_DUMP_HINT}",
                                     f"The store is on PostgreSQL: back it up with pg_dump, e.g.:\n  {PG_DUMP_HINT}"))  # fmt: skip
        with writing_new(output):
            backup(store, output)
    typer.echo(tr(f"Đã sao lưu kho vào {output}.", f"Store backed up to {output}."))


def restore_cmd(
    file: Annotated[Path, typer.Argument(help="Tệp sao lưu / the backup file")],
    user: UserOption = None,
) -> None:
    """Khôi phục bản sao lưu vào một kho trống / restore a backup into an empty store."""
    from formfill.storage import StorageError
    from formfill.storage.backup import open_backup, restore

    if not file.is_file():
        fail(EXIT_UNREADABLE, tr(f"Không có tệp {file}.", f"No file {file}."))
    with open_store(create=True) as store, tempfile.TemporaryDirectory() as work:
        actor = authorize(store, user, "admin")
        try:
            source = open_backup(file, store.settings, Path(work))
        except StorageError as exc:
            fail(EXIT_UNREADABLE, tr(exc.vi, exc.en))
        try:
            if actor == "cli":  # an empty store has no accounts: the backup's admin, if it has any
                actor = authorize(source, user, "admin")
            count = restore(store, source, actor=actor)
        finally:
            source.close()
    typer.echo(tr(f"Đã khôi phục {count} hồ sơ.", f"{count} submission(s) restored."))


def register_commands(office_app: typer.Typer) -> None:
    office_app.add_typer(audit_app, name="audit")
    office_app.command("backup")(backup_cmd)
    office_app.command("restore")(restore_cmd)
