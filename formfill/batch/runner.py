"""``run_batch``: roster in, one PDF per valid row out, with a report, a manifest and resume.

The main process reads and validates rows (about 0.3 ms a row for khai-sinh), names files and keeps
the manifest; worker processes render, write and (for a sample) read the PDFs back. Rows go to the
workers :data:`CHUNK` at a time, each with its validated declaration (not validated again), and at
most ``IN_FLIGHT × jobs`` chunks are in flight, so memory stays flat whatever the roster's length.
Workers are started with ``spawn`` and load the form (its schema file alone), fonts and template
once each (the pool initializer). With one job the main process renders itself.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import importlib
import multiprocessing
import os
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from formfill.base.errors import InputError
from formfill.base.i18n import Lang, current_lang, set_lang, tr
from formfill.base.messages import format_message
from formfill.batch.columns import load_mapping
from formfill.batch.outdir import ManifestEntry, NamePattern, OutputDir, data_hash, write_new
from formfill.batch.report import ReportWriter
from formfill.batch.rows import CellError, Row, check_row, open_roster

DEFAULT_RENDERER = "formfill.render:render_pdf"
# For tests and benchmarks: "module:function" of a renderer to use instead (same signature).
RENDERER_ENV = "FORMFILL_BATCH_RENDERER"


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

    @property
    def exit_code(self) -> int:
        s = self.stats
        return 1 if (s.invalid or s.failed or s.verify_failed) else 0


# --- renderer and fingerprints -----------------------------------------------------------------
def resolve_renderer(ref: str | Callable[..., bytes] | None = None) -> Callable[..., bytes]:
    """The PDF renderer: a callable, a "module:function" reference, ``$FORMFILL_BATCH_RENDERER`` or
    :func:`formfill.render.render_pdf`. Raises InputError when this build has none."""
    if callable(ref):
        return ref
    ref = ref or os.environ.get(RENDERER_ENV) or DEFAULT_RENDERER
    module_name, _, attr = ref.partition(":")
    try:
        fn = getattr(importlib.import_module(module_name), attr or "render_pdf")
    except (ImportError, AttributeError) as exc:
        raise InputError(
            tr(f"Bản này chưa có bộ tạo PDF ({ref}): {exc}", f"This build has no PDF renderer ({ref}): {exc}")
        ) from exc
    if not callable(fn):
        raise InputError(f"{ref}: not callable")
    return fn


def _hash_files(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        try:
            h.update(p.name.encode() + b"\0" + p.read_bytes())
        except OSError:
            continue
    return h.hexdigest()[:16]


def fingerprint(spec: Any) -> dict[str, str]:
    """Form version, template hash and font hash for the manifest (asked of formfill.render first)."""
    out = {"form": spec.id, "form_version": spec.meta.version}
    try:
        render = importlib.import_module("formfill.render")
    except ImportError:
        render = None
    fp = getattr(render, "fingerprint", None)
    if callable(fp):
        try:
            given = fp(spec)
            if isinstance(given, dict):
                out.update({k: str(v) for k, v in given.items()})
                return out
        except Exception:
            pass
    out["template_hash"] = _hash_files([Path(spec.template_path)]) if spec.template_path else ""
    font_files: list[Path] = []
    try:
        import fontpkg_noto_serif

        base = Path(fontpkg_noto_serif.__file__).parent
        font_files = [p for p in base.rglob("*") if p.suffix.lower() in (".ttf", ".otf")]
    except ImportError:
        pass
    out["font_hash"] = _hash_files(font_files) if font_files else ""
    return out


# --- reading PDFs back ---------------------------------------------------------------------------
def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).casefold().split())


def _leaf_values(value: Any, path: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        out = []
        for k, v in value.items():
            out.extend(_leaf_values(v, f"{path}.{k}" if path else k))
        return out
    if isinstance(value, list):
        out = []
        for i, v in enumerate(value, start=1):
            out.extend(_leaf_values(v, f"{path}.{i}"))
        return out
    if isinstance(value, bool) or value is None:
        return []
    text = str(value).strip()
    return [(path, text)] if text else []


def pdf_text(pdf: bytes) -> str:
    """The text of every page (pypdfium2: ~0.3x the cost of making the PDF)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        parts = []
        for page in doc:
            textpage = page.get_textpage()
            parts.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        doc.close()
    return "".join(parts)


def expected_values(
    spec: Any, declaration: Any, render: Callable[..., bytes] | None = None
) -> list[tuple[str, str]]:
    """(field path, printed text) of every value: the renderer's plan when it offers one (dates and
    codes printed the way the form prints them), else the declaration's own values."""
    module = importlib.import_module(render.__module__) if render is not None else None
    plan_pdf = getattr(module, "plan_pdf", None)
    if callable(plan_pdf):
        plan = plan_pdf(spec, declaration)
        pairs = [(v.path, v.text) for v in getattr(plan, "values", ())]
        pairs += [(d.path, d.text) for d in getattr(plan, "digits", ())]
        return [(p, t) for p, t in pairs if t and t.strip()]
    dumped = declaration.model_dump(mode="json") if hasattr(declaration, "model_dump") else declaration
    return _leaf_values(dumped)


def missing_values(pdf: bytes, expected: list[tuple[str, str]]) -> list[str]:
    """Field paths whose text is not in the PDF (NFC; spaces and case ignored: lines wrap)."""
    haystack = _squash(pdf_text(pdf))
    return sorted({path for path, text in expected if _squash(text) not in haystack})


# --- worker side ---------------------------------------------------------------------------------
_W: dict[str, Any] = {}

CHUNK = 8  # rows per task sent to a worker process (one pickle, one wake-up, one reply for all)
IN_FLIGHT = 2  # tasks queued per worker: one running, one waiting (memory stays flat)


def _spec_by_path(form_id: str, schema_path: str, template_path: str | None = None) -> Any:
    """The parent's form, loaded from its schema file alone (the parent has already checked the
    whole pack and its templates: loading every form again would only slow each worker's start)."""
    import dataclasses

    from formfill.forms.pack import _load_module, _spec_from_module

    path = Path(schema_path)
    spec = _spec_from_module(path, _load_module(path), path.parent.parent / "form_templates")
    if spec.id != form_id:
        raise InputError(f"{schema_path}: form {spec.id!r}, expected {form_id!r}")
    return dataclasses.replace(spec, template_path=Path(template_path) if template_path else None)


def _init_worker(
    form_id: str, schema_path: str, template_path: str | None, renderer: str | None, outdir: str, lang: str
) -> None:
    """Once per worker: the form, the renderer (and its fonts/template, via a warm-up call if offered)."""
    set_lang(lang)
    spec = _spec_by_path(form_id, schema_path, template_path)
    _W.update(spec=spec, render=resolve_renderer(renderer), outdir=outdir)
    module = importlib.import_module(_W["render"].__module__)
    warm = getattr(module, "warm_up", None) or getattr(module, "compile_form", None)
    if callable(warm):
        warm(spec)  # fonts registered and the template laid out before the first row arrives


def _writer() -> cf.ThreadPoolExecutor:
    """This process's writer thread: it writes, fsyncs and claims one PDF while the next is rendered
    (fsync waits on the disk, rendering on the CPU)."""
    writer = _W.get("writer")
    if writer is None:
        writer = _W["writer"] = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="formfill-write")
    return writer


def _done(result: dict[str, Any]) -> cf.Future[dict[str, Any]]:
    fut: cf.Future[dict[str, Any]] = cf.Future()
    fut.set_result(result)
    return fut


def _claim(row: int, name: str, pdf: bytes, missing: list[str] | None) -> dict[str, Any]:
    """Write and claim one PDF (the folder is fsynced by the main process, with its group of
    manifest lines: :meth:`OutputDir.sync`)."""
    try:
        status = write_new(_W["outdir"], name, pdf, sync_dir=False)
    except OSError as exc:
        return {"row": row, "status": "error", "error": f"{type(exc).__name__}: {exc}"}
    result = {"row": row, "file": name, "status": status, "sha256": hashlib.sha256(pdf).hexdigest()}
    if missing is not None and status != "taken":
        result["missing"] = missing
    return result


def _work(row: int, declaration: Any, name: str, verify: bool) -> cf.Future[dict[str, Any]]:
    """Render one validated row here; its file is written and claimed by the writer thread."""
    spec = _W["spec"]
    try:
        pdf = _W["render"](spec, declaration)
        missing = missing_values(pdf, expected_values(spec, declaration, _W["render"])) if verify else None
    except Exception as exc:
        return _done({"row": row, "status": "error", "error": f"{type(exc).__name__}: {exc}"})
    return _writer().submit(_claim, row, name, pdf, missing)


def _work_chunk(tasks: list[tuple[int, Any, str, bool]]) -> list[dict[str, Any]]:
    """A worker's task: several rows, each with its declaration as the main process validated it
    (pickled: about half the cost of validating the plain data again). Returns when every file of
    the chunk is claimed."""
    futures = [_work(*task) for task in tasks]
    return [fut.result() for fut in futures]


# --- the run -------------------------------------------------------------------------------------
def _sampled(row: int, digest: str, fraction: float) -> bool:
    """The same rows are sampled on every run (a hash of row number and data), spread over the roster."""
    if fraction <= 0:
        return False
    h = hashlib.sha256(f"{row}:{digest}".encode()).digest()
    return int.from_bytes(h[:4], "big") < fraction * 0x1_0000_0000


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
    renderer: str | Callable[..., bytes] | None = None,
    on_progress: Callable[[BatchStats], None] | None = None,
    on_start: Callable[[BatchStats, list[str], str], None] | None = None,
) -> BatchResult:
    """Make one PDF per valid row of ``roster`` in ``outdir``. See the module docstring.

    Raises ``InputError`` (exit 2) for an unreadable roster, unusable headers or bad options, before any
    PDF is written. Otherwise returns counts; ``result.exit_code`` is 0 or 1.
    """
    lang = lang or current_lang()
    if not 0.0 <= verify_sample <= 1.0:
        raise InputError(
            tr("--verify-sample phải trong khoảng 0 đến 1.", "--verify-sample must be between 0 and 1.")
        )
    jobs = max(1, jobs or os.cpu_count() or 1)
    if isinstance(mapping, str | Path):
        mapping = load_mapping(mapping)
    src = open_roster(roster, spec, mapping=mapping, sheet=sheet, lang=lang)
    names = NamePattern(name, src.fields)
    render = None if dry_run else resolve_renderer(renderer)
    out = OutputDir(Path(outdir), resume=resume, dry_run=dry_run)
    stats = BatchStats()
    stats.bytes_total = src.size
    warnings = list(src.warnings)
    meta = {
        "form": spec.id,
        "roster": str(roster),
        "encoding": src.encoding,
        "lang": lang,
        "dry_run": dry_run,
        **fingerprint(spec),
    }
    report = ReportWriter(out.path, src.fields, meta, lang)
    fp = {k: meta[k] for k in ("form_version", "template_hash", "font_hash") if k in meta}
    if on_start:
        on_start(stats, warnings, src.encoding)

    def problem(err: CellError) -> None:
        report.add(err)

    def finished(res: dict[str, Any], digest: str) -> None:
        row = res["row"]
        if res["status"] == "error":
            stats.failed += 1
            problem(
                CellError(
                    row,
                    "",
                    "",
                    "batch_render_failed",
                    format_message("batch_render_failed", {"error": res["error"]}, lang),
                )
            )
            return
        if res["status"] == "taken":
            stats.failed += 1
            problem(
                CellError(
                    row,
                    "",
                    "",
                    "batch_name_taken",
                    format_message("batch_name_taken", {"file": res["file"]}, lang),
                    res["file"],
                )
            )
            return
        out.append(ManifestEntry(row, res["file"], res["sha256"], digest, fp))
        stats.written += 1
        if "missing" in res:
            stats.verified += 1
            if res["missing"]:
                stats.verify_failed += 1
                for path in res["missing"]:
                    problem(
                        CellError(
                            row,
                            src.column_for(Row(row, {}), path)[0],
                            path,
                            "batch_pdf_missing_value",
                            format_message("batch_pdf_missing_value", None, lang),
                            res["file"],
                        )
                    )

    renderer_ref = (
        renderer
        if isinstance(renderer, str) or renderer is None
        else f"{renderer.__module__}:{renderer.__qualname__}"
    )
    pool: cf.Executor | None = None
    pending: dict[cf.Future[Any], list[str]] = {}  # a chunk's results (workers) or one row's (inline)
    chunk: list[tuple[int, Any, str, bool]] = []
    digests: list[str] = []
    if not dry_run and jobs > 1:
        pool = cf.ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(
                spec.id,
                str(spec.schema_path),
                str(spec.template_path) if spec.template_path else None,
                renderer_ref,
                str(out.path),
                lang,
            ),
        )
    elif not dry_run:
        _W.update(spec=spec, render=render, outdir=str(out.path))

    def drain(block_until: int) -> None:
        while len(pending) > block_until:
            done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for fut in done:
                task_digests = pending.pop(fut)
                try:
                    results = fut.result()
                    if isinstance(results, dict):
                        results = [results]
                except cf.process.BrokenProcessPool:
                    raise
                except Exception as exc:
                    err = {"row": -1, "status": "error", "error": f"{type(exc).__name__}: {exc}"}
                    results = [err] * len(task_digests)
                for res, digest in zip(results, task_digests, strict=True):
                    finished(res, digest)

    def flush_chunk() -> None:
        if not chunk:
            return
        assert pool is not None
        pending[pool.submit(_work_chunk, list(chunk))] = list(digests)
        chunk.clear()
        digests.clear()
        drain(IN_FLIGHT * jobs)

    aborted: str | None = None
    last_tick = 0.0
    try:
        for row in src.rows():
            if row.blank:
                stats.blank += 1
                continue
            stats.rows += 1
            check_row(src, row)
            if row.errors:
                stats.invalid += 1
                for err in row.errors:
                    problem(err)
            else:
                stats.valid += 1
                digest = data_hash(row.data)
                file_name = names.name_for(row.number, row.data, digest)
                if not dry_run:
                    if out.is_done(row.number, digest):
                        stats.skipped += 1
                    elif pool is None:
                        fut = _work(
                            row.number,
                            row.declaration,
                            file_name,
                            _sampled(row.number, digest, verify_sample),
                        )
                        pending[fut] = [digest]
                        drain(1)  # one file being claimed while the next row renders
                    else:
                        chunk.append(
                            (
                                row.number,
                                row.declaration,
                                file_name,
                                _sampled(row.number, digest, verify_sample),
                            )
                        )
                        digests.append(digest)
                        if len(chunk) >= CHUNK:
                            flush_chunk()
            now = time.monotonic()
            if on_progress and now - last_tick > 0.1:
                last_tick = now
                stats.bytes_read = src.progress()[0]
                on_progress(stats)
        flush_chunk()
        drain(0)
    except InputError as exc:
        aborted = str(exc)
        drain(0)
        raise
    except cf.process.BrokenProcessPool as exc:
        aborted = f"worker processes failed: {exc}"
        raise InputError(
            tr(f"Các tiến trình tạo PDF bị lỗi: {exc}", f"The PDF worker processes failed: {exc}")
        ) from exc
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        writer = _W.pop("writer", None)
        if writer is not None:  # one job: claims still running finish before the manifest closes
            writer.shutdown(wait=True)
        src.close()
        stats.bytes_read = stats.bytes_total
        if on_progress:
            on_progress(stats)
        summary = stats.as_dict()
        if aborted:
            summary["aborted"] = aborted
        report.close(summary, warnings)
        out.close()
    return BatchResult(stats, warnings, src.encoding, out.path, dry_run, out.stray_removed)
