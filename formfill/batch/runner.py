"""``run_batch``: roster in, one PDF per valid row out, with a report, a manifest and resume.

The main process reads and validates rows (about 0.3 ms a row for khai-sinh), names files and keeps
the manifest; worker processes render, write and (for a sample) read the PDFs back
(:mod:`formfill.batch.workers`). Rows go to the workers ``CHUNK`` at a time, each with its validated
declaration (not validated again), and at most ``IN_FLIGHT × jobs`` chunks are in flight, so memory
stays flat whatever the roster's length. With one job the main process renders itself.

A run that stops early (Ctrl+C, a full disk, broken workers) still records every file a worker
finished, writes the report of what was done (marked partial) and raises :class:`BatchStopped`
carrying the counts; ``--resume`` continues it.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import errno
import hashlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from formfill.base.errors import FormfillError, InputError
from formfill.base.i18n import Lang, current_lang, tr
from formfill.base.messages import format_message
from formfill.batch import workers
from formfill.batch.columns import load_mapping
from formfill.batch.outdir import ManifestEntry, NamePattern, OutputDir, data_hash
from formfill.batch.renderer import Renderer, as_renderer
from formfill.batch.report import ReportWriter
from formfill.batch.rows import CellError, Roster, Row, check_row, open_roster
from formfill.batch.workers import DISK_FULL, Task


@dataclass
class BatchStats:
    rows: int = 0  # data rows read (blank rows not counted)
    blank: int = 0
    valid: int = 0
    invalid: int = 0
    written: int = 0
    skipped: int = 0  # already done (--resume)
    failed: int = 0  # valid rows whose PDF could not be made or claimed
    verified: int = 0
    verify_failed: int = 0
    bytes_read: int = 0
    bytes_total: int = 0
    started: float = field(default_factory=time.monotonic)

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in ("started", "bytes_read", "bytes_total")}


@dataclass
class BatchResult:
    stats: BatchStats
    warnings: list[str]
    encoding: str
    outdir: Path
    dry_run: bool
    stray_removed: int = 0
    report: Path | None = None  # report.csv (report.dry-run.csv), None when it could not be written
    stopped: str | None = None  # "interrupted", "disk_full" or "error" when the roster was not finished

    @property
    def exit_code(self) -> int:
        """0 every row done, 1 some rows invalid or not made (a finished run's status)."""
        s = self.stats
        return 1 if (s.invalid or s.failed or s.verify_failed) else 0


class BatchStopped(FormfillError):
    """The run stopped before the end of the roster (``kind``: "interrupted", "disk_full",
    "error"); the files written so far are recorded and ``result`` counts them."""

    def __init__(self, kind: str, reason: str, result: BatchResult) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason
        self.result = result


def _sampled(row: int, digest: str, fraction: float) -> bool:
    """The same rows are sampled on every run (a hash of row number and data), spread over the roster."""
    if fraction <= 0:
        return False
    h = hashlib.sha256(f"{row}:{digest}".encode()).digest()
    return int.from_bytes(h[:4], "big") < fraction * 0x1_0000_0000


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Finishing a stopped run (recording, the report) is not cut short by a second Ctrl+C."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


class _Run:
    """One run's state: roster, folder, report, counts, and the rows being rendered."""

    def __init__(
        self,
        spec: Any,
        src: Roster,
        out: OutputDir,
        report: ReportWriter,
        names: NamePattern,
        renderer: Renderer,
        *,
        jobs: int,
        dry_run: bool,
        verify_sample: float,
        lang: Lang,
        fp: dict[str, str],
        on_progress: Callable[[BatchStats], None] | None,
    ) -> None:
        self.spec, self.src, self.out, self.report, self.names = spec, src, out, report, names
        self.renderer, self.jobs, self.dry_run, self.lang, self.fp = renderer, jobs, dry_run, lang, fp
        self.verify_sample = verify_sample
        self.on_progress = on_progress
        self.stats = BatchStats(bytes_total=src.size)
        self.warnings = list(src.warnings)
        self.pool: cf.ProcessPoolExecutor | None = None
        # A chunk's results (workers) or one row's (one job), with each row's number and data hash.
        self.pending: dict[cf.Future[Any], list[tuple[int, str]]] = {}
        self.chunk: list[Task] = []
        self.digests: list[tuple[int, str]] = []
        self.disk_full: str | None = None  # what the system said when a PDF found the disk full

    # --- the rows ---------------------------------------------------------------------------
    def start(self) -> None:
        if self.dry_run:
            return
        if self.jobs > 1:
            self.pool = workers.make_pool(self.spec, self.renderer, str(self.out.path), self.lang, self.jobs)
        else:
            workers.use_here(self.spec, self.renderer, str(self.out.path))

    def feed(self) -> None:
        """Every row read, checked and sent to be rendered; returns when every file is recorded."""
        last_tick = 0.0
        for row in self.src.rows():
            self.take_row(row)
            now = time.monotonic()
            if self.on_progress and now - last_tick > 0.1:
                last_tick = now
                self.stats.bytes_read = self.src.progress()[0]
                self.on_progress(self.stats)
        self.flush()
        self.drain(0)

    def take_row(self, row: Row) -> None:
        stats = self.stats
        if row.blank:
            stats.blank += 1
            return
        stats.rows += 1
        check_row(self.src, row)
        if row.errors:
            stats.invalid += 1
            for err in row.errors:
                self.report.add(err)
            return
        stats.valid += 1
        digest = data_hash(row.data)
        file_name = self.names.name_for(row.number, row.data, digest)
        if self.dry_run:
            return
        if self.out.is_done(row.number, digest):
            stats.skipped += 1
            return
        task = (row.number, row.declaration, file_name, _sampled(row.number, digest, self.verify_sample))
        if self.pool is None:
            self.pending[workers.work(*task)] = [(row.number, digest)]
            self.drain(1)  # one file being claimed while the next row renders
            return
        self.chunk.append(task)
        self.digests.append((row.number, digest))
        if len(self.chunk) >= workers.CHUNK:
            self.flush()

    def flush(self) -> None:
        if not self.chunk:
            return
        assert self.pool is not None
        with workers.sigint_blocked():  # a worker spawned now must not see a Ctrl+C before it ignores it
            fut = self.pool.submit(workers.work_chunk, list(self.chunk))
            self.pending[fut] = list(self.digests)
        self.chunk.clear()
        self.digests.clear()
        self.drain(workers.IN_FLIGHT * self.jobs)

    def drain(self, block_until: int) -> None:
        while len(self.pending) > block_until:
            done, _ = cf.wait(self.pending, return_when=cf.FIRST_COMPLETED)
            for fut in done:
                self.collect(fut)
            if self.disk_full is not None:
                raise OSError(errno.ENOSPC, self.disk_full)

    def collect(self, fut: cf.Future[Any]) -> None:
        """Record one finished task: its files in the manifest, its problems in the report."""
        rows = self.pending.pop(fut)
        try:
            results = fut.result()
        except BrokenProcessPool:
            raise
        except Exception as exc:  # the task itself failed (e.g. its result could not be pickled)
            error = f"{type(exc).__name__}: {exc}"
            results = [{"row": row, "status": "error", "error": error} for row, _digest in rows]
        for res, (_row, digest) in zip(
            [results] if isinstance(results, dict) else results, rows, strict=True
        ):
            self.finished(res, digest)

    def finished(self, res: dict[str, Any], digest: str) -> None:
        row, status, stats = res["row"], res["status"], self.stats
        if status == "disk_full":  # not made, not a failure of the row: --resume makes it
            self.disk_full = self.disk_full or res["error"]
            return
        if status in ("error", "taken"):
            stats.failed += 1
            if status == "error":
                message = format_message("batch_render_failed", {"error": res["error"]}, self.lang)
                self.report.add(CellError(row, "", "", "batch_render_failed", message))
            else:
                message = format_message("batch_name_taken", {"file": res["file"]}, self.lang)
                self.report.add(CellError(row, "", "", "batch_name_taken", message, res["file"]))
            return
        self.out.append(ManifestEntry(row, res["file"], res["sha256"], digest, self.fp))
        stats.written += 1
        if "missing" not in res:
            return
        stats.verified += 1
        if res["missing"]:
            stats.verify_failed += 1
            message = format_message("batch_pdf_missing_value", None, self.lang)
            for path in res["missing"]:
                column = self.src.column_for(Row(row, {}), path)[0]
                self.report.add(CellError(row, column, path, "batch_pdf_missing_value", message, res["file"]))

    # --- the end ----------------------------------------------------------------------------
    def wind_down(self) -> None:
        """Workers stopped (after their current rows when the run was stopped), and every file
        they finished recorded: the manifest then names every complete file in the folder."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        workers.stop_here()
        for fut in [f for f in self.pending if f.done() and not f.cancelled()]:
            try:
                self.collect(fut)
            except (BrokenProcessPool, OSError):  # those rows are not done: --resume makes them
                self.pending.pop(fut, None)
        self.pending.clear()

    def close(self, stop: tuple[str, str] | None) -> tuple[Path | None, tuple[str, str] | None]:
        """The report (marked partial when stopped) and the manifest closed. Returns the report's
        path (None if it could not be written) and the stop, which a failing report can cause."""
        self.src.close()
        self.stats.bytes_read = self.stats.bytes_total
        if self.on_progress:
            self.on_progress(self.stats)
        summary: dict[str, Any] = self.stats.as_dict()
        if stop:
            summary.update(partial=True, stopped=stop[0], aborted=stop[1])
        report_path: Path | None = None
        try:
            report_path = self.report.close(summary, self.warnings)
        except OSError as exc:
            self.report.abort()
            stop = stop or _os_stop(exc)
        try:
            self.out.close()
        except OSError as exc:
            stop = stop or _os_stop(exc)
        return report_path, stop

    def go(self) -> BatchResult:
        """Run to the end or to a stop; the report and manifest are closed either way."""
        stop: tuple[str, str] | None = None
        error: BaseException | None = None
        try:
            self.start()
            self.feed()
        except KeyboardInterrupt:
            stop = ("interrupted", "Ctrl+C")
        except BrokenProcessPool as exc:
            stop = (
                "error",
                tr(f"Các tiến trình tạo PDF bị lỗi: {exc}", f"The PDF worker processes failed: {exc}"),
            )
        except InputError as exc:
            stop, error = ("error", str(exc)), exc
        except OSError as exc:
            stop = _os_stop(exc)
        except BaseException as exc:  # MemoryError or a bug: what was done is still recorded
            stop, error = ("error", type(exc).__name__), exc
        with _sigint_ignored():
            try:
                self.wind_down()
            finally:
                report_path, stop = self.close(stop)
        result = BatchResult(
            self.stats,
            self.warnings,
            self.src.encoding,
            self.out.path,
            self.dry_run,
            self.out.stray_removed,
            report_path,
            stop[0] if stop else None,
        )
        if error is not None:
            raise error
        if stop is not None:
            raise BatchStopped(stop[0], stop[1], result)
        return result


def _os_stop(exc: OSError) -> tuple[str, str]:
    """A write that failed: the disk is full, or another error (said without the file's name)."""
    kind = "disk_full" if exc.errno in DISK_FULL else "error"
    return kind, exc.strerror or str(exc)


def run_batch(
    spec: Any,
    roster: str | Path,
    outdir: str | Path,
    *,
    jobs: int | None = None,
    name: str | None = None,
    resume: bool = False,
    dry_run: bool = False,
    verify_sample: float = 0.0,
    mapping: str | Path | dict[str, str | None] | None = None,
    sheet: str | None = None,
    lang: Lang | None = None,
    renderer: Renderer | str | Callable[..., bytes] | None = None,
    on_progress: Callable[[BatchStats], None] | None = None,
    on_start: Callable[[BatchStats, list[str], str], None] | None = None,
) -> BatchResult:
    """Make one PDF per valid row of ``roster`` in ``outdir``. See the module docstring.

    ``renderer``: a :class:`~formfill.batch.renderer.Renderer`, a render function or a
    "module:attr" reference to either (default: :func:`~formfill.batch.renderer.default_renderer`).
    Raises ``InputError`` for an unreadable roster, unusable headers or bad options, before any PDF
    is written; :class:`BatchStopped` when the run stops early. Otherwise returns counts.
    """
    lang = lang or current_lang()
    if not 0.0 <= verify_sample <= 1.0:
        raise InputError(
            tr("--verify-sample phải trong khoảng 0 đến 1.", "--verify-sample must be between 0 and 1.")
        )
    jobs = max(1, jobs or os.cpu_count() or 1)
    if isinstance(mapping, str | Path):
        mapping = load_mapping(mapping)
    render = as_renderer(renderer)
    src = open_roster(roster, spec, mapping=mapping, sheet=sheet, lang=lang)
    with contextlib.ExitStack() as on_error:
        on_error.callback(src.close)
        names = NamePattern(name, src.fields)
        out = OutputDir(Path(outdir), resume=resume, dry_run=dry_run)
        on_error.callback(out.close)
        fp = {"form_version": spec.meta.version, **render.fingerprint(spec)}
        meta = {
            "form": spec.id,
            "roster": str(roster),
            "encoding": src.encoding,
            "lang": lang,
            "dry_run": dry_run,
            **fp,
        }
        report = ReportWriter(out.path, src.fields, meta, lang, dry_run=dry_run)
        on_error.pop_all()
    run = _Run(
        spec,
        src,
        out,
        report,
        names,
        render,
        jobs=jobs,
        dry_run=dry_run,
        verify_sample=verify_sample,
        lang=lang,
        fp=fp,
        on_progress=on_progress,
    )
    if on_start:
        on_start(run.stats, run.warnings, src.encoding)
    return run.go()
