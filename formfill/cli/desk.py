"""``formfill desk [--config PATH]``: the officer's app at the one-stop counter; and the desk's actions
for scripts and other office software, on ``formfill office``:

    office receive CODE [--at "dd/mm/yyyy HH:MM"] [--procedure CODE] [--papers N,N…]
                        [--dossier-code X] [--extend-days N] -o FILE.pdf     the Giấy tiếp nhận
    office request-more CODE --items "…" --reason "…" -o FILE.pdf            Phiếu yêu cầu bổ sung
    office refuse CODE --reason "…" -o FILE.pdf                               Phiếu từ chối
    office return CODE [--at "dd/mm/yyyy HH:MM"]                              the result handed back
    office correct CODE --set PATH=VALUE [--set …]                            a correction: a new version
    office register --from D --to D -o FILE.pdf                               Sổ theo dõi hồ sơ
    office report --from D --to D -o FILE.pdf                                 the figures, with charts

Times are local at the office (``office.timezone``); dates dd/mm/yyyy. Exit codes: 0 ok; 1 not found,
a mistyped code, or not allowed in its status (received twice, returned before received, a declaration
with errors); 2 bad usage or an unreadable store; 3 not allowed for this account (``--user``, the
office-store login). A PDF is written atomically as a new file, never over an existing one. For a CT01
dossier the file is the declaration: the police's own receipt (CT04–CT06) applies.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from formfill.base.i18n import tr
from formfill.cli.common import (
    EXIT_INVALID,
    EXIT_UNREADABLE,
    LangOption,
    apply_lang,
    fail,
    file_exists,
    writing_new,
)
from formfill.cli.office import ConfigOption, office_app, period
from formfill.cli.office_auth import EXIT_DENIED, UserOption, office_store, open_store

if TYPE_CHECKING:
    from formfill.session.desk import DeskService, Paper

CodeArg = Annotated[str, typer.Argument(help="Mã biên nhận / receipt code")]
OutputOption = Annotated[Path, typer.Option("-o", "--output", help="Tệp PDF mới / a new PDF file")]
AtOption = Annotated[
    str | None,
    typer.Option("--at", help='Thời điểm "dd/mm/yyyy HH:MM" (mặc định: bây giờ) / when', show_default=False),
]
FromOption = Annotated[str, typer.Option("--from", help="Từ ngày dd/mm/yyyy / from")]
ToOption = Annotated[str, typer.Option("--to", help="Đến ngày dd/mm/yyyy / to")]


# --- formfill desk -------------------------------------------------------------------------------


def desk_cmd(config: ConfigOption = None, lang: LangOption = None) -> None:
    """Bàn tiếp nhận một cửa (đăng nhập bằng tài khoản cán bộ) / the officer's desk app."""
    from formfill.base.settings import use_config
    from formfill.cli.common import checked_settings

    if config is not None:
        use_config(config)
    apply_lang(lang)
    settings = checked_settings()
    with open_store() as store:
        if not store.has_users():
            fail(EXIT_UNREADABLE, tr(
                "Chưa có tài khoản cán bộ: tạo tài khoản bằng “formfill office user add TÊN”.",
                "No office account yet: create one with “formfill office user add NAME”.",
            ))  # fmt: skip
        from formfill.tui.desk.app import DeskApp

        app = DeskApp(store, settings)
        app.run()
    raise typer.Exit(app.return_code or 0)


# --- office receive / request-more / refuse / return ----------------------------------------------


def receive_cmd(
    code: CodeArg,
    output: OutputOption,
    at: AtOption = None,
    procedure: Annotated[
        str | None,
        typer.Option(
            "--procedure",
            help="Mã thủ tục (khi tờ khai dùng cho nhiều thủ tục) / procedure code",
            show_default=False,
        ),
    ] = None,
    papers: Annotated[
        str | None,
        typer.Option(
            "--papers",
            help="Số thứ tự giấy tờ đã nhận, ví dụ 1,2,4 (mặc định 1) / paper numbers",
            show_default=False,
        ),
    ] = None,
    dossier_code: Annotated[
        str | None,
        typer.Option(
            "--dossier-code", help="Mã hồ sơ của hệ thống một cửa / official dossier code", show_default=False
        ),
    ] = None,
    extend_days: Annotated[
        int,
        typer.Option("--extend-days", help="Số ngày làm việc thêm để xác minh / extra working days", min=0),
    ] = 0,
    user: UserOption = None,
) -> None:
    """Tiếp nhận hồ sơ, in Giấy tiếp nhận và hẹn trả kết quả / receive a dossier, write its receipt."""
    moment, numbers = _moment("--at", at), _numbers(papers)
    _fresh(output)
    with _desk(user) as desk:
        out = desk.receive(code, at=moment, procedure=procedure, papers=numbers,
                           dossier_code=dossier_code, extend_days=extend_days)  # fmt: skip
        _write(output, out.papers[0])
    assert out.due is not None
    typer.echo(tr(
        f"Đã tiếp nhận hồ sơ {out.submission.code}. Hẹn trả kết quả: {out.due.due_at:%H:%M ngày %d/%m/%Y}.",
        f"Dossier {out.submission.code} received. Result due: {out.due.due_at:%H:%M on %d/%m/%Y}.",
    ))  # fmt: skip
    if out.note:
        typer.echo(out.note)
    typer.echo(tr(f"Đã ghi {output}.", f"Wrote {output}."))


def request_more_cmd(
    code: CodeArg,
    output: OutputOption,
    items: Annotated[
        str,
        typer.Option("--items", help="Nội dung cần bổ sung, mỗi mục một dòng hoặc cách nhau bởi ; / items"),
    ],
    reason: Annotated[str, typer.Option("--reason", help="Lý do / reason")],
    at: AtOption = None,
    user: UserOption = None,
) -> None:
    """Yêu cầu bổ sung, hoàn thiện hồ sơ / ask for more papers."""
    moment = _moment("--at", at)
    wanted = [part for line in items.splitlines() for part in line.split(";")]
    _fresh(output)
    with _desk(user) as desk:
        out = desk.request_more(code, wanted, reason, at=moment)
        _write(output, out.papers[0])
    typer.echo(
        tr(
            f"Đã yêu cầu bổ sung hồ sơ {out.submission.code}.",
            f"More papers asked for {out.submission.code}.",
        )
    )
    if out.note:
        typer.echo(out.note)
    typer.echo(tr(f"Đã ghi {output}.", f"Wrote {output}."))


def refuse_cmd(
    code: CodeArg,
    output: OutputOption,
    reason: Annotated[str, typer.Option("--reason", help="Lý do từ chối / reason")],
    at: AtOption = None,
    user: UserOption = None,
) -> None:
    """Từ chối tiếp nhận giải quyết hồ sơ / refuse a dossier."""
    moment = _moment("--at", at)
    _fresh(output)
    with _desk(user) as desk:
        out = desk.refuse(code, reason, at=moment)
        _write(output, out.papers[0])
    typer.echo(tr(f"Đã từ chối hồ sơ {out.submission.code}.", f"Dossier {out.submission.code} refused."))
    if out.note:
        typer.echo(out.note)
    typer.echo(tr(f"Đã ghi {output}.", f"Wrote {output}."))


TIMING = {
    "before": ("trước hạn", "before the due date"),
    "on_time": ("đúng hạn", "on the due date"),
    "late": ("quá hạn", "after the due date"),
}


def return_cmd(code: CodeArg, at: AtOption = None, user: UserOption = None) -> None:
    """Ghi nhận đã trả kết quả / mark the result returned."""
    moment = _moment("--at", at)
    with _desk(user) as desk:
        sub, timing = desk.mark_returned(code, at=moment)
    vi, en = TIMING[timing]
    typer.echo(tr(f"Đã trả kết quả hồ sơ {sub.code} ({vi}).", f"Result of {sub.code} returned ({en})."))


SetOption = Annotated[
    list[str],
    typer.Option(
        "--set",
        help="Sửa một trường: đường-dẫn=giá-trị (thanh_vien.1.ho_ten=…); lặp lại được / PATH=VALUE",
    ),
]


def correct_cmd(code: CodeArg, sets: SetOption, user: UserOption = None) -> None:
    """Sửa tờ khai cùng người dân (một phiên bản mới) / correct fields: a new version of the submission."""
    from formfill.session.desk import get_path
    from formfill.session.desk_view import typed_like

    changes: dict[str, str] = {}
    for item in sets:
        path, sep, text = item.partition("=")
        if not sep or not path.strip():
            fail(EXIT_UNREADABLE, tr(
                f"--set: viết đường-dẫn=giá-trị (ví dụ nguoi_yeu_cau.ho_ten=Trần Thị Hường), không phải {item!r}.",
                f"--set: write PATH=VALUE (e.g. nguoi_yeu_cau.ho_ten=Tran Thi Huong), not {item!r}.",
            ))  # fmt: skip
        changes[path.strip()] = text
    with _desk(user) as desk:
        sub = desk.pick_up(code)
        typed = {path: typed_like(get_path(sub.data, path), text) for path, text in changes.items()}
        sub = desk.correct(sub.code, typed)
    typer.echo(tr(
        f"Đã sửa hồ sơ {sub.code}: phiên bản {sub.version} ({', '.join(sorted(changes))}).",
        f"Corrected {sub.code}: version {sub.version} ({', '.join(sorted(changes))}).",
    ))  # fmt: skip


# --- office register / report ---------------------------------------------------------------------


def register_cmd(start: FromOption, end: ToOption, output: OutputOption, user: UserOption = None) -> None:
    """Sổ theo dõi hồ sơ của một khoảng ngày / the dossier register for a period."""
    low, high = _period(start, end)
    _fresh(output)
    with _desk(user) as desk:
        _write(output, desk.register(low, high))
    typer.echo(tr(f"Đã ghi {output}.", f"Wrote {output}."))


def report_cmd(start: FromOption, end: ToOption, output: OutputOption, user: UserOption = None) -> None:
    """Báo cáo số liệu có biểu đồ (không có dữ liệu cá nhân) / the figures report with charts."""
    low, high = _period(start, end)
    _fresh(output)
    with _desk(user, "any") as desk:
        _write(output, desk.report(low, high))
    typer.echo(tr(f"Đã ghi {output}.", f"Wrote {output}."))


# --- shared ---------------------------------------------------------------------------------------


@contextmanager
def _desk(user: str | None, role: str = "officer") -> Iterator[DeskService]:
    """The desk service for the logged-in account; the desk's refusals as exit codes."""
    from pydantic import ValidationError

    from formfill.base.errors import FormfillError
    from formfill.session.desk import (
        CorrectionError,
        DeskDenied,
        DeskError,
        DeskService,
        Officer,
        StatusError,
    )
    from formfill.storage import CodeError, StorageError

    with office_store(user, role) as store:
        desk = DeskService(store, officer=Officer(store.actor, "officer"))
        try:
            yield desk
        except DeskDenied as exc:
            fail(EXIT_DENIED, str(exc))
        except (StatusError, CorrectionError) as exc:
            fail(EXIT_INVALID, str(exc))
        except DeskError as exc:
            fail(EXIT_UNREADABLE, str(exc))
        except ValidationError:
            fail(EXIT_INVALID, tr("Tờ khai đã lưu không còn hợp lệ với mẫu hiện hành.",
                                  "A stored declaration is not valid for the current form."))  # fmt: skip
        except (CodeError, StorageError):
            raise  # office_store says these (1 or 2)
        except FormfillError as exc:  # a paper or due date that cannot be made from what was given
            fail(EXIT_UNREADABLE, str(exc))


def _moment(option: str, text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        return datetime.strptime(" ".join(text.split()), "%d/%m/%Y %H:%M")
    except ValueError:
        fail(EXIT_UNREADABLE, tr(
            f'{option}: viết thời điểm "dd/mm/yyyy HH:MM" (ví dụ "27/11/2025 10:00"), không phải {text!r}.',
            f'{option}: write the time "dd/mm/yyyy HH:MM" (e.g. "27/11/2025 10:00"), not {text!r}.',
        ))  # fmt: skip


def _numbers(text: str | None) -> list[int]:
    if text is None:
        return [1]
    try:
        numbers = [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        numbers = []
    if not numbers or min(numbers) < 1:
        fail(EXIT_UNREADABLE, tr(f"--papers: các số thứ tự cách nhau bởi dấu phẩy (ví dụ 1,2,4), không phải {text!r}.",
                                 f"--papers: numbers separated by commas (e.g. 1,2,4), not {text!r}."))  # fmt: skip
    return numbers


def _period(start: str, end: str) -> tuple[date, date]:
    low, high = period(start, end)
    assert low is not None and high is not None  # both options are required here
    return low, high


def _fresh(output: Path) -> None:
    """Refuse before any change when the file exists or its folder does not (exit 2)."""
    if output.exists():
        file_exists(output)
    if not output.parent.is_dir():
        fail(EXIT_UNREADABLE, tr(f"Không có thư mục {output.parent}.", f"No folder {output.parent}."))


def _write(output: Path, paper: Paper) -> None:
    from formfill.base.files import atomic_write_new

    with writing_new(output):
        atomic_write_new(output, paper.data)


def register(app: typer.Typer) -> None:
    app.command("desk")(desk_cmd)
    office_app.command("receive")(receive_cmd)
    office_app.command("request-more")(request_more_cmd)
    office_app.command("refuse")(refuse_cmd)
    office_app.command("return")(return_cmd)
    office_app.command("correct")(correct_cmd)
    office_app.command("register")(register_cmd)
    office_app.command("report")(report_cmd)
