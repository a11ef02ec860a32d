"""``formfill batch FORM ROSTER -o OUTDIR`` (progress bar, summary, exit 0/1/2, 130 on Ctrl+C) and the
roster side of ``formfill validate``: the batch package returns data, this module prints it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from formfill.base.errors import InputError
from formfill.base.i18n import Lang, current_lang, tr
from formfill.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNREADABLE,
    LangOption,
    apply_lang,
    fail,
    load_form,
)

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl+C


def batch_cmd(
    form: Annotated[str, typer.Argument(help="Mã tờ khai / form id, e.g. khai-sinh")],
    roster: Annotated[Path, typer.Argument(help="Danh sách .csv, .tsv, .xlsx hoặc/or .jsonl")],
    outdir: Annotated[Path, typer.Option("-o", "--out", help="Thư mục kết quả / output folder")],
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Số tiến trình / worker processes (mặc định/default: số CPU)"
        ),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(
            "--name", help='Mẫu tên tệp / file name pattern, e.g. "{nguoi_duoc_khai_sinh.ho_ten}-{row}"'
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume", help="Chạy tiếp, bỏ qua dòng đã in / continue, skipping rows already written"
        ),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Chỉ kiểm tra, không tạo PDF / check only, no PDF")
    ] = False,
    verify_sample: Annotated[
        float,
        typer.Option(
            "--verify-sample",
            min=0.0,
            max=1.0,
            help="Tỉ lệ PDF đọc lại để kiểm tra / fraction of PDFs read back",
        ),
    ] = 0.0,
    mapping: Annotated[
        Path | None, typer.Option("--map", help="Tệp ánh xạ cột / column mapping (.yaml, .json)")
    ] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", help="Trang tính (.xlsx) / worksheet name")] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template", help="Mẫu overlay riêng (YAML) / your own overlay template", show_default=False
        ),
    ] = None,
    values_only: Annotated[
        bool,
        typer.Option("--values-only", help="Chỉ in giá trị lên giấy in sẵn / values only, pre-printed paper"),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Tạo một PDF cho mỗi dòng hợp lệ / one PDF per valid roster row (exit 0 all done, 1 some invalid, 2 unreadable)."""
    from formfill.cli.render import with_template

    apply_lang(lang)
    spec = with_template(load_form(form), template)
    if not roster.exists():
        fail(EXIT_UNREADABLE, tr(f"Không tìm thấy tệp: {roster}", f"File not found: {roster}"))
    options = {
        "jobs": jobs,
        "name": name,
        "resume": resume,
        "dry_run": dry_run,
        "verify_sample": verify_sample,
        "mapping": mapping,
        "sheet": sheet,
    }
    if values_only:
        from formfill.batch.renderer import ValuesOnlyRenderer
        from formfill.render.draw import RenderOptions

        offsets = RenderOptions.from_settings()  # the printer offsets of ``formfill calibrate``
        options["renderer"] = ValuesOnlyRenderer(offsets.offset_x_mm, offsets.offset_y_mm)
    result = _run(spec, roster, outdir, options)
    _summary(result)
    raise typer.Exit(result.exit_code)


def _run(spec: Any, roster: Path, outdir: Path, options: dict[str, Any]) -> Any:
    """``run_batch`` under a progress bar; every way it can stop becomes a message and an exit code."""
    from rich.console import Console

    from formfill.batch.runner import BatchStopped, run_batch

    display = _Display(Console(stderr=True))
    try:
        return run_batch(
            spec,
            roster,
            outdir,
            lang=current_lang(),
            on_start=display.start,
            on_progress=display.update,
            **options,
        )
    except BatchStopped as exc:
        display.stop()
        _summary(exc.result)
        fail(EXIT_INTERRUPTED if exc.kind == "interrupted" else EXIT_UNREADABLE, _stopped(exc))
    except InputError as exc:
        display.stop()
        fail(EXIT_UNREADABLE, str(exc))
    except KeyboardInterrupt:  # before the first row: nothing written
        display.stop()
        fail(EXIT_INTERRUPTED, tr("Đã dừng (Ctrl+C).", "Stopped (Ctrl+C)."))
    except MemoryError:
        display.stop()
        fail(EXIT_UNREADABLE, tr("Hết bộ nhớ: lệnh batch đã dừng.", "Out of memory: the batch stopped."))
    finally:
        display.stop()


def _stopped(exc: Any) -> str:
    """Why the run stopped, how far it got, and how to go on (Vietnamese first)."""
    s, dry = exc.result.stats, exc.result.dry_run
    done = s.written + s.skipped
    if exc.kind == "interrupted":
        text = (
            tr(f"Đã dừng (Ctrl+C) sau {s.rows} dòng.", f"Stopped (Ctrl+C) after {s.rows} rows.")
            if dry
            else tr(
                f"Đã dừng (Ctrl+C): {done} dòng đã có PDF ({s.written} PDF mới). "
                "Chạy lại cùng lệnh với --resume để làm tiếp.",
                f"Stopped (Ctrl+C): {done} rows have their PDF ({s.written} new). "
                "Run the same command with --resume to continue.",
            )
        )
    elif exc.kind == "disk_full":
        text = tr(
            f"Ổ đĩa đã đầy ({exc.reason}): {done} dòng đã có PDF. "
            "Giải phóng chỗ trống rồi chạy lại cùng lệnh với --resume.",
            f"The disk is full ({exc.reason}): {done} rows have their PDF. "
            "Free some space, then run the same command with --resume.",
        )
    else:
        text = exc.reason
        if done and not dry:
            text += tr(
                f"\n{done} dòng đã có PDF; chạy lại với --resume để làm tiếp.",
                f"\n{done} rows have their PDF; run again with --resume to continue.",
            )
    if exc.result.report is None:
        text += tr("\nKhông ghi được báo cáo.", "\nThe report could not be written.")
    return text


class _Display:
    """A rich progress bar (bytes of the roster read) with rows/s and the time left."""

    def __init__(self, console: Any) -> None:
        self.console = console
        self.progress: Any = None
        self.task: Any = None

    def start(self, stats: Any, warnings: list[str], encoding: str) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        for w in warnings:
            self.console.print(f"[yellow]{tr('Cảnh báo', 'Warning')}:[/] {w}")
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            TextColumn("{task.fields[rows]} " + tr("dòng", "rows") + " · {task.fields[rate]}/s"),
            TimeElapsedColumn(),
            TextColumn("·"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
            disable=not self.console.is_terminal,
        )
        self.progress.start()
        self.task = self.progress.add_task(
            tr("Đang xử lý", "Working"), total=max(stats.bytes_total, 1), rows=0, rate="0"
        )

    def update(self, stats: Any) -> None:
        if self.progress is None:
            return
        import time

        elapsed = max(time.monotonic() - stats.started, 1e-6)
        self.progress.update(
            self.task, completed=stats.bytes_read, rows=stats.rows, rate=f"{stats.rows / elapsed:,.0f}"
        )

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


def _summary(result: Any) -> None:
    s = result.stats
    lines = [
        tr(
            f"Dòng: {s.rows} (hợp lệ {s.valid}, có lỗi {s.invalid}, trống {s.blank})",
            f"Rows: {s.rows} (valid {s.valid}, invalid {s.invalid}, blank {s.blank})",
        ),
    ]
    if result.dry_run:
        lines.append(tr("Chạy thử: không tạo PDF.", "Dry run: no PDF written."))
    else:
        lines.append(
            tr(
                f"Đã ghi: {s.written}, bỏ qua (đã có): {s.skipped}, không tạo được: {s.failed}",
                f"Written: {s.written}, skipped (already done): {s.skipped}, failed: {s.failed}",
            )
        )
        if s.verified:
            lines.append(
                tr(
                    f"Đọc lại kiểm tra: {s.verified} PDF, {s.verify_failed} thiếu giá trị",
                    f"Read back: {s.verified} PDFs, {s.verify_failed} with missing values",
                )
            )
    if result.stopped:
        lines.append(
            tr(
                "Chưa hết danh sách: báo cáo chỉ gồm các dòng đã xử lý.",
                "The roster was not finished: the report covers the rows processed so far.",
            )
        )
    if (s.invalid or s.failed or s.verify_failed) and result.report is not None:
        lines.append(tr(f"Xem lỗi từng dòng: {result.report}", f"Row-by-row problems: {result.report}"))
    for line in lines:
        typer.echo(line)


def validate_roster(
    spec: Any,
    path: str | Path,
    *,
    as_json: bool = False,
    lang: Lang | None = None,
    mapping: str | Path | dict[str, str | None] | None = None,
    sheet: str | None = None,
) -> int:
    """Print the problems of a roster ("row N, column C: message") and return the exit code 0/1/2."""
    from formfill.batch import RosterHeaderError, check_roster

    try:
        result = check_roster(spec, path, mapping=mapping, sheet=sheet, lang=lang)
    except RosterHeaderError as exc:
        if as_json:
            doc = {"form": spec.id, "roster": str(path), "header_errors": exc.problems}
            typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        else:
            typer.echo(str(exc), err=True)
        return EXIT_UNREADABLE
    except InputError as exc:
        typer.echo(str(exc), err=True)
        return EXIT_UNREADABLE
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2, default=str))
        return EXIT_INVALID if result.invalid else EXIT_OK
    for warning in result.warnings:
        typer.echo(tr(f"Cảnh báo: {warning}", f"Warning: {warning}"), err=True)
    for line in result.lines():
        typer.echo(line)
    if result.invalid:
        typer.echo(
            tr(
                f"{result.invalid}/{result.rows} dòng có lỗi.",
                f"{result.invalid} of {result.rows} rows are invalid.",
            )
        )
    else:
        typer.echo(
            tr(f"Hợp lệ: {result.rows}/{result.rows} dòng.", f"Valid: {result.rows} of {result.rows} rows.")
        )
    return EXIT_INVALID if result.invalid else EXIT_OK


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_cmd)
