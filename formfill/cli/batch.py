"""``formfill batch FORM ROSTER -o OUTDIR``: the clerk's command (progress bar, summary, exit 0/1/2)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from formfill.base.errors import InputError
from formfill.base.i18n import current_lang, tr
from formfill.cli.common import EXIT_UNREADABLE, LangOption, apply_lang, fail, load_form


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
    lang: LangOption = None,
) -> None:
    """Tạo một PDF cho mỗi dòng hợp lệ / one PDF per valid roster row (exit 0 all done, 1 some invalid, 2 unreadable)."""
    apply_lang(lang)
    spec = load_form(form)
    if not roster.exists():
        fail(EXIT_UNREADABLE, tr(f"Không tìm thấy tệp: {roster}", f"File not found: {roster}"))
    from rich.console import Console

    from formfill.batch.runner import run_batch

    console = Console(stderr=True)
    display = _Display(console)
    try:
        result = run_batch(
            spec,
            roster,
            outdir,
            jobs=jobs,
            name=name,
            resume=resume,
            dry_run=dry_run,
            verify_sample=verify_sample,
            mapping=mapping,
            sheet=sheet,
            lang=current_lang(),
            on_start=display.start,
            on_progress=display.update,
        )
    except InputError as exc:
        display.stop()
        fail(EXIT_UNREADABLE, str(exc))
    display.stop()
    _summary(result)
    raise typer.Exit(result.exit_code)


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
    if s.invalid or s.failed or s.verify_failed:
        lines.append(
            tr(
                f"Xem lỗi từng dòng: {result.outdir / 'report.csv'}",
                f"Row-by-row problems: {result.outdir / 'report.csv'}",
            )
        )
    for line in lines:
        typer.echo(line)


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_cmd)
