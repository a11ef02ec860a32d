"""``formfill office submit FORM FILE [--json]``: a declaration from a JSON file, stored as a submission.

The file is validated with the form's schema first: invalid → exit 1 with the errors (field path,
message, type) and nothing stored; valid → stored under a new receipt code, audited "submit", and the
code printed (with ``--json``: ``{"code": "XXXX-XXXX", "form": FORM, "time": ISO 8601}``). Changes state, so
once accounts exist it takes ``--user`` (an officer or admin).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from formfill.base.i18n import tr
from formfill.cli.common import EXIT_INVALID, EXIT_UNREADABLE, fail, load_form
from formfill.cli.office_auth import UserOption, office_store


def submit_cmd(
    form: Annotated[str, typer.Argument(help="Mã tờ khai / form id, e.g. ct01")],
    file: Annotated[Path, typer.Argument(help="Tệp JSON của tờ khai / the declaration as JSON")],
    as_json: Annotated[bool, typer.Option("--json", help="Kết quả dạng JSON / JSON output.")] = False,
    user: UserOption = None,
) -> None:
    """Nộp một tờ khai từ tệp JSON, in mã biên nhận / store a declaration from a file, print its code."""
    from pydantic import ValidationError

    from formfill.base.errors import InputError
    from formfill.base.json_input import read_json_file
    from formfill.forms.explain import explain

    spec = load_form(form)
    try:
        raw = read_json_file(str(file))
    except InputError as exc:
        fail(EXIT_UNREADABLE, str(exc))
    try:
        spec.validate(raw)
    except ValidationError as exc:
        problems = [{"path": e.path, "message": e.message, "type": e.type} for e in explain(exc)]
        if as_json:
            typer.echo(json.dumps({"valid": False, "errors": problems}, ensure_ascii=False, indent=2))
        else:
            for p in problems:
                typer.echo(f"{p['path'] or '-'}: {p['message']}  [{p['type']}]", err=True)
        fail(
            EXIT_INVALID,
            tr("Dữ liệu không hợp lệ: hồ sơ chưa được lưu.", "Invalid data: nothing was stored."),
        )
    if not isinstance(raw, dict):  # pragma: no cover - the schema accepts objects only
        fail(
            EXIT_INVALID, tr("Tờ khai phải là một đối tượng JSON.", "The declaration must be a JSON object.")
        )
    with office_store(user, "officer", create=True) as store:
        sub = store.submit(spec.id, spec.meta.version, raw)
    if as_json:
        doc = {"code": sub.code, "form": sub.form_id, "time": sub.created.isoformat(timespec="seconds"),
               "status": sub.status}  # fmt: skip
        typer.echo(json.dumps(doc, ensure_ascii=False))
    else:
        typer.echo(tr(f"Đã lưu hồ sơ. Mã biên nhận: {sub.code}", f"Stored. Receipt code: {sub.code}"))


def register_commands(office_app: typer.Typer) -> None:
    office_app.command("submit")(submit_cmd)
