"""``formfill office``: the office store from the command line — submit, list, find, export, delete,
purge, stats (here); accounts (:mod:`formfill.cli.office_users`); the audit log, backup and restore
(:mod:`formfill.cli.office_audit`). The desk's commands register onto :data:`office_app` too.

Dates are written dd/mm/yyyy. Exit codes: 0 ok, 1 invalid data, not found or a mistyped code (refused
by its check symbol before any lookup), 2 bad usage or an unreadable store, 3 not allowed for this
account (:mod:`formfill.cli.office_auth`). ID numbers are masked except their last 3 digits, in text
and in JSON; only ``export`` writes the declaration as it is (a new file, 0600, never replacing one).
Until accounts exist, the store file's permissions are the guard.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from formfill.base.i18n import tr
from formfill.base.settings import use_config
from formfill.base.text import mask_id_last3
from formfill.cli.common import EXIT_INVALID, EXIT_UNREADABLE, LangOption, apply_lang, fail, writing_new
from formfill.cli.office_auth import UserOption, office_store

if TYPE_CHECKING:  # the store is imported when a command runs, not at start-up
    from formfill.storage import Submission

office_app = typer.Typer(
    name="office",
    help="Kho hồ sơ của văn phòng: hồ sơ, tài khoản, nhật ký, sao lưu / the office store.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Tệp cấu hình formfill.toml / the config file.", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Kết quả dạng JSON / JSON output.")]
DateOption = Annotated[
    str | None, typer.Option("--date", help="Ngày dd/mm/yyyy / a date dd/mm/yyyy.", show_default=False)
]


@office_app.callback()
def _office(config: ConfigOption = None, lang: LangOption = None) -> None:
    """Xem và quản lý hồ sơ nộp tại máy kiosk / the office's view of kiosk submissions."""
    if config is not None:
        use_config(config)
    apply_lang(lang)


def _date(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        fail(
            EXIT_UNREADABLE,
            tr(f"{option}: ngày phải viết dd/mm/yyyy (ví dụ 01/12/2026), không phải {text!r}.",
               f"{option}: write the date dd/mm/yyyy (e.g. 01/12/2026), not {text!r}."),
        )  # fmt: skip


def period(start: str | None, end: str | None) -> tuple[date | None, date | None]:
    """``--from`` / ``--to`` as dates (either may be open); exit 2 for a bad date or a reversed period."""
    low, high = _date("--from", start), _date("--to", end)
    if low and high and low > high:
        fail(EXIT_UNREADABLE, tr("--from phải trước --to.", "--from must not be after --to."))
    return low, high


def masked(value: Any) -> Any:
    """The JSON value with every ID-like number (9 to 12 digits, spaces ignored) masked but its last 3."""
    if isinstance(value, str):
        digits = "".join(value.split())
        return mask_id_last3(digits) if digits.isdigit() and 9 <= len(digits) <= 12 else value
    if isinstance(value, dict):
        return {k: masked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [masked(v) for v in value]
    return value


def _requester(data: dict) -> tuple[str, str]:
    """(name, masked ID) of the requester, from nested or path-keyed answers; "" when absent."""
    block = data.get("nguoi_yeu_cau")
    if not isinstance(block, dict):
        block = {k.split(".", 1)[1]: v for k, v in data.items() if k.startswith("nguoi_yeu_cau.")}
    name = block.get("ho_ten") or ""
    number = block.get("so_dinh_danh_ca_nhan") or ""
    return (name if isinstance(name, str) else "", masked(str(number)) if number else "")


def _row(sub: Submission) -> dict[str, Any]:
    name, number = _requester(sub.data)
    return {
        "code": sub.code,
        "form": sub.form_id,
        "time": sub.created.isoformat(timespec="seconds"),
        "status": sub.status,
        "requester": name,
        "id_number": number,
    }


def _print_rows(rows: list[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        when = datetime.fromisoformat(row["time"]).strftime("%d/%m/%Y %H:%M")
        typer.echo(
            f"{row['code']}  {row['form']:<28} {when}  {row['status']:<4} {row['requester']} {row['id_number']}"
        )


def list_cmd(day: DateOption = None, as_json: JsonOption = False, user: UserOption = None) -> None:
    """Hồ sơ của một ngày (mặc định hôm nay) / one day's submissions (default today)."""
    wanted = _date("--date", day)
    with office_store(user, "officer") as store:
        rows = [_row(s) for s in store.list(wanted or store.today())]
        store.audit(store.actor, "view", None, ["list"])
    if not as_json and not rows:
        typer.echo(tr("Không có hồ sơ nào trong ngày này.", "No submissions on that day."))
    _print_rows(rows, as_json)


def find_cmd(
    code_or_id: Annotated[
        str, typer.Argument(help="Mã biên nhận hoặc số định danh 12 số / code or 12-digit ID")
    ],
    as_json: JsonOption = False,
    user: UserOption = None,
) -> None:
    """Tìm hồ sơ theo mã biên nhận hoặc số định danh / find by receipt code or personal ID."""
    with office_store(user, "officer") as store:
        found = store.find(code_or_id)
        for sub in found:
            store.audit(store.actor, "view", sub.code)
    if not found:
        fail(EXIT_INVALID, tr("Không tìm thấy hồ sơ.", "No submission found."))
    if as_json:
        full = [{**_row(s), "form_version": s.form_version, "data": masked(s.data)} for s in found]
        typer.echo(json.dumps(full, ensure_ascii=False, indent=2))
    else:
        _print_rows([_row(s) for s in found], False)


def export_cmd(
    code: Annotated[str, typer.Argument(help="Mã biên nhận / receipt code")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Tệp JSON mới / a new JSON file")],
    user: UserOption = None,
) -> None:
    """Xuất một hồ sơ ra tệp JSON / export one submission as JSON."""
    from formfill.base.clock import utc_now
    from formfill.base.files import atomic_write_new

    with office_store(user, "admin") as store:
        sub = store.get(code)
        if sub is not None:
            store.audit(store.actor, "export", sub.code)
    if sub is None:
        fail(EXIT_INVALID, tr("Không tìm thấy hồ sơ.", "No submission found."))
    doc = {
        "code": sub.code,
        "form_id": sub.form_id,
        "form_version": sub.form_version,
        "status": sub.status,
        "created": sub.created.isoformat(),
        "exported": utc_now().astimezone(sub.created.tzinfo).isoformat(timespec="seconds"),
        "data": sub.data,
    }
    body = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    with writing_new(output):
        atomic_write_new(output, body)
    typer.echo(tr(f"Đã xuất hồ sơ {sub.code} ra {output}.", f"Submission {sub.code} exported to {output}."))


def delete_cmd(
    code: Annotated[str, typer.Argument(help="Mã biên nhận / receipt code")], user: UserOption = None
) -> None:
    """Xóa hẳn một hồ sơ / delete a submission for good."""
    with office_store(user, "admin") as store:
        gone = store.delete(code)
    if not gone:
        fail(EXIT_INVALID, tr("Không tìm thấy hồ sơ.", "No submission found."))
    typer.echo(tr("Đã xóa hẳn hồ sơ.", "Submission deleted for good."))


def purge_cmd(user: UserOption = None) -> None:
    """Áp dụng thời hạn lưu giữ ngay / apply the retention settings now."""
    with office_store(user, "admin") as store:
        drafts, subs = store.purge()
    typer.echo(
        tr(f"Đã xóa {drafts} bản nháp/mã làm tiếp và {subs} hồ sơ quá thời hạn lưu giữ.",
           f"Removed {drafts} draft(s)/resume code(s) and {subs} submission(s) past retention."),
    )  # fmt: skip


def stats_cmd(
    start: Annotated[
        str | None, typer.Option("--from", help="Từ ngày dd/mm/yyyy / from", show_default=False)
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Đến ngày dd/mm/yyyy / to", show_default=False)
    ] = None,
    as_json: JsonOption = False,
    user: UserOption = None,
) -> None:
    """Số liệu: thời gian khai, lỗi hay gặp, mức hài lòng / figures: time, common errors, satisfaction."""
    low, high = period(start, end)
    with office_store(user, "any") as store:
        stats = store.stats(low, high)
    if as_json:
        typer.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    _print_stats(stats)


def _print_stats(stats: dict[str, Any]) -> None:
    typer.echo(tr("Tờ khai đã nộp:", "Declarations submitted:"))
    for form in stats["forms"]:
        median = form["median_seconds"]
        minutes = f"{median / 60:.1f} " + tr("phút", "min") if median is not None else "—"
        typer.echo(f"  {form['form']:<30} {form['submissions']:>5}   " + tr("trung vị ", "median ") + minutes)
    typer.echo(tr("Trường hay bị lỗi:", "Fields most often wrong:"))
    for row in stats["failed_fields"]:
        typer.echo(f"  {row['form']:<20} {row['field']:<45} {row['count']:>5}")
    sat = stats["satisfaction"]
    average = f"{sat['average']:.2f}" if sat["average"] is not None else "—"
    typer.echo(
        tr(
            f"Hài lòng: {sat['count']} lượt đánh giá, trung bình {average}/5",
            f"Satisfaction: {sat['count']} ratings, average {average}/5",
        )
    )
    typer.echo("  " + "  ".join(f"{k}★ {n}" for k, n in sat["distribution"].items()))


def register(app: typer.Typer) -> None:
    from formfill.cli import office_audit, office_submit, office_users

    office_submit.register_commands(office_app)
    office_app.command("list")(list_cmd)
    office_app.command("find")(find_cmd)
    office_app.command("export")(export_cmd)
    office_app.command("delete")(delete_cmd)
    office_app.command("purge")(purge_cmd)
    office_app.command("stats")(stats_cmd)
    office_users.register_commands(office_app)
    office_audit.register_commands(office_app)
    app.add_typer(office_app, name="office")
