"""The rendering side of a batch: one row rendered, written and claimed, here or in a worker process.

Workers are started with ``spawn`` and get the form (its schema file alone), the renderer (pickled)
and the output folder once each (the pool initializer). They die with the main process: Linux
``PR_SET_PDEATHSIG`` kills them when it goes, and before every write a worker checks that its parent
is still the main process (a portable fallback), so a killed batch writes nothing afterwards.
Workers ignore SIGINT: Ctrl+C in a terminal reaches the whole process group, and it is the main
process that stops the run and records what the workers finish.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import dataclasses
import errno
import hashlib
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from formfill.base.errors import InputError
from formfill.base.i18n import set_lang
from formfill.batch.outdir import write_new
from formfill.batch.renderer import Renderer

CHUNK = 8  # rows per task sent to a worker process (one pickle, one wake-up, one reply for all)
IN_FLIGHT = 2  # tasks queued per worker: one running, one waiting (memory stays flat)
DISK_FULL = (errno.ENOSPC, errno.EDQUOT)
_PR_SET_PDEATHSIG = 1

Task = tuple[int, Any, str, bool]  # row number, validated declaration, file name, read back?

# This process's state: the form, the renderer, the folder, the writer thread, the main process.
_W: dict[str, Any] = {}


def use_here(spec: Any, renderer: Renderer, outdir: str) -> None:
    """Render in this process (one job)."""
    _W.update(spec=spec, render=renderer, outdir=outdir, parent=None)


def stop_here() -> None:
    """Wait for the writer thread's last claims (before the manifest closes)."""
    writer = _W.pop("writer", None)
    if writer is not None:
        writer.shutdown(wait=True)


def _spec_by_path(form_id: str, schema_path: str, template_path: str | None) -> Any:
    """The parent's form, loaded from its schema file alone (the parent has already checked the
    whole pack and its templates: loading every form again would only slow each worker's start)."""
    from formfill.forms.pack import load_form_file

    spec = load_form_file(Path(schema_path))
    if spec.id != form_id:
        raise InputError(f"{schema_path}: form {spec.id!r}, expected {form_id!r}")
    return dataclasses.replace(spec, template_path=Path(template_path) if template_path else None)


def _die_with_parent(parent: int) -> None:
    """Be killed by the kernel when the main process goes (Linux); leave now if it has gone."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != parent:  # it died before prctl took effect
        os._exit(1)


def _init_worker(
    parent: int,
    form_id: str,
    schema_path: str,
    template_path: str | None,
    renderer: Renderer,
    outdir: str,
    lang: str,
) -> None:
    """Once per worker: tie it to the main process, then the form, the renderer and its warm-up."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a SIGINT pending since the spawn is discarded
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    set_lang(lang)
    spec = _spec_by_path(form_id, schema_path, template_path)
    _W.update(spec=spec, render=renderer, outdir=outdir, parent=parent)
    renderer.warm_up(spec)  # fonts registered and the template laid out before the first row


@contextlib.contextmanager
def sigint_blocked() -> Iterator[None]:
    """SIGINT held back while the pool may spawn a worker: the worker starts with it blocked (and
    unblocks it only once it ignores it); this process gets a Ctrl+C pressed meanwhile just after."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def make_pool(spec: Any, renderer: Renderer, outdir: str, lang: str, jobs: int) -> cf.ProcessPoolExecutor:
    """A pool of ``jobs`` spawned workers, each set up by :func:`_init_worker`."""
    return cf.ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(
            os.getpid(),
            spec.id,
            str(spec.schema_path),
            str(spec.template_path) if spec.template_path else None,
            renderer,
            outdir,
            lang,
        ),
    )


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


def _orphaned() -> bool:
    parent = _W.get("parent")
    return parent is not None and os.getppid() != parent


def _claim(row: int, name: str, pdf: bytes, missing: list[str] | None) -> dict[str, Any]:
    """Write and claim one PDF (the folder is fsynced by the main process, with its group of
    manifest lines: :meth:`OutputDir.sync`). Errors name no file: names can hold personal names."""
    if _orphaned():  # the main process is gone: nobody would record this file
        os._exit(1)
    try:
        status = write_new(_W["outdir"], name, pdf, sync_dir=False)
    except OSError as exc:
        kind = "disk_full" if exc.errno in DISK_FULL else "error"
        return {"row": row, "status": kind, "error": exc.strerror or type(exc).__name__}
    result = {"row": row, "file": name, "status": status, "sha256": hashlib.sha256(pdf).hexdigest()}
    if missing is not None and status != "taken":
        result["missing"] = missing
    return result


def work(row: int, declaration: Any, name: str, verify: bool) -> cf.Future[dict[str, Any]]:
    """Render one validated row here; its file is written and claimed by the writer thread."""
    spec, renderer = _W["spec"], _W["render"]
    try:
        pdf = renderer.render(spec, declaration)
        missing = None
        if verify:
            from formfill.batch.renderer import missing_values

            missing = missing_values(pdf, renderer.expected_values(spec, declaration))
    except Exception as exc:
        return _done({"row": row, "status": "error", "error": f"{type(exc).__name__}: {exc}"})
    return _writer().submit(_claim, row, name, pdf, missing)


def work_chunk(tasks: list[Task]) -> list[dict[str, Any]]:
    """A worker's task: several rows, each with its declaration as the main process validated it
    (pickled: about half the cost of validating the plain data again). Returns when every file of
    the chunk is claimed."""
    futures = [work(*task) for task in tasks]
    return [fut.result() for fut in futures]
