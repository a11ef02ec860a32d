"""The output folder of a batch: safe unique names, never-replacing writes, the manifest, resume.

A PDF is written to a temporary file in the folder, fsynced, then claimed under its final name with
``os.link`` (which fails if the name exists; ``os.replace`` would overwrite silently), then the
temporary name is removed. Only then is its manifest line appended (written to the kernel at once,
so a SIGKILL never loses it). Durability against a power cut is grouped: every
:data:`SYNC_EVERY` lines or :data:`SYNC_SECONDS`, and when the run ends, the folder is fsynced (the
new names) and then the manifest (the lines naming them), in that order. A SIGKILL at any point
leaves either no file under the final name, or a complete one; the next run removes stray temporary
files and, on ``--resume``, skips a row only when its manifest line and its file's sha256 agree, and
adopts a complete file with no manifest line when its bytes equal what it would write (output is
deterministic), so a line lost with the last unsynced group costs a re-render, never a wrong file.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import itertools
import json
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from string import Formatter
from typing import Any

from formfill.base.errors import InputError
from formfill.base.files import atomic_write_new, fsync_dir
from formfill.base.i18n import tr
from formfill.base.json_input import JSONDepthError, loads_strict
from formfill.base.text import safe_filename_stem
from formfill.batch.targets import FormFields

NAME_RE = re.compile(r"^[A-Za-z0-9._-]{1,100}\.pdf$")
MANIFEST = "manifest.jsonl"
LOCK = ".formfill-batch.lock"
STEM_MAX = 90  # a name's own part; a "-<row>" suffix that makes it unique may go up to NAME_STEM_MAX
NAME_STEM_MAX = 96  # 100 characters with ".pdf"
PATTERN_MAX = 500  # characters of a --name pattern
FORMAT_NUMBER_MAX = 100  # widths and precisions in a --name format spec ({row:06d})
SYNC_EVERY = 64  # manifest lines per folder + manifest fsync
SYNC_SECONDS = 0.5  # ... or this long since the last one, whichever comes first
# Temporary files a killed run can leave: the PDF writer's (".<name>.pdf.<random>.part"), reports',
# and those of earlier versions (".formfill-<pid>-<random>.part").
_STRAY = re.compile(r"^\.(formfill-.*|.+\.pdf\..+|report(\.dry-run)?\.(csv|json)(\..+)?)\.part$")


def data_hash(data: Any) -> str:
    """A stable hash of a row's data (the same values give the same hash, whatever the key order)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _lookup(data: Any, path: str) -> Any:
    for part in path.split("."):
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and part.isdigit() and 0 < int(part) <= len(data):
            data = data[int(part) - 1]
        else:
            return None
    return data


class NamePattern:
    """``--name`` patterns: ``{field.path}``, ``{row}`` and ``{hash}`` placeholders, folded to safe ASCII."""

    def __init__(self, pattern: str | None, fields: FormFields) -> None:
        self.pattern = pattern or "{row:06d}-{hash}"
        self.fields: list[tuple[str, str | None, str | None]] = []
        if len(self.pattern) > PATTERN_MAX:
            raise InputError(
                tr(
                    f"--name dài quá {PATTERN_MAX} ký tự.",
                    f"--name is longer than {PATTERN_MAX} characters.",
                )
            )
        try:
            parsed = list(Formatter().parse(self.pattern))
        except ValueError as exc:
            raise InputError(tr(f"--name không hợp lệ: {exc}", f"invalid --name: {exc}")) from exc
        for _text, name, spec, conv in parsed:
            if name is None:
                continue
            _check_format_spec(name, spec or "")
            if name not in ("row", "hash") and fields.leaf_at(name) is None and name not in fields.leaves:
                raise InputError(
                    tr(
                        f"--name: không có trường {{{name}}} trong tờ khai.",
                        f"--name: no field {{{name}}} in the form.",
                    )
                )
            self.fields.append((name, spec, conv))
        # With {row} every name is unique by construction: no need to remember the names used.
        self.unique = any(name == "row" for name, _s, _c in self.fields)
        self._used: set[str] = set()

    def name_for(self, row: int, data: dict[str, Any], digest: str) -> str:
        values: dict[str, Any] = {"row": row, "hash": digest[:8]}
        out = []
        for text, name, spec, _conv in Formatter().parse(self.pattern):
            out.append(text)
            if name is None:
                continue
            value = values[name] if name in values else _lookup(data, name)
            if value is None:
                value = ""
            try:
                out.append(format(value, spec or ""))
            except (ValueError, TypeError):
                out.append(str(value))
        stem = safe_filename_stem("".join(out), max_len=STEM_MAX)
        if not self.unique:
            stem = self._unused(stem, row)
        name = stem + ".pdf"
        assert NAME_RE.match(name), name
        return name

    def _unused(self, stem: str, row: int) -> str:
        """``stem``, else ``stem-<row>``, else ``stem-<row>-2``, … : the first no earlier row has
        (case-insensitively), whatever names the roster's own values produce."""
        for n in itertools.count(1):
            suffix = "" if n == 1 else f"-{row}" if n == 2 else f"-{row}-{n - 1}"
            candidate = stem[: NAME_STEM_MAX - len(suffix)] + suffix
            key = candidate.casefold()
            if key not in self._used:
                self._used.add(key)
                return candidate
        raise AssertionError("unreachable")


def _check_format_spec(name: str, spec: str) -> None:
    """A format spec's widths and precisions stay small: ``{row:099999999999d}`` would build a
    string of 100 billion characters before the name is cut to length."""
    if any(int(number) > FORMAT_NUMBER_MAX for number in re.findall(r"\d+", spec)):
        raise InputError(
            tr(
                f"--name: định dạng {{{name}:{spec[:20]}}} quá dài (độ rộng tối đa {FORMAT_NUMBER_MAX}).",
                f"--name: the format {{{name}:{spec[:20]}}} is too wide (at most {FORMAT_NUMBER_MAX}).",
            )
        )


@dataclass(frozen=True)
class ManifestEntry:
    row: int
    file: str
    sha256: str
    input: str  # hash of the row's data
    extra: dict[str, Any]

    def as_json(self) -> str:
        return json.dumps(
            {"row": self.row, "file": self.file, "sha256": self.sha256, "input": self.input, **self.extra},
            ensure_ascii=False,
        )


def sha256_file(path: Path) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 16), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def write_new(directory: str, name: str, data: bytes, *, sync_dir: bool = True) -> str:
    """Write ``data`` as ``directory/name`` without ever replacing a file.

    The PDF engine's :func:`~formfill.base.files.atomic_write_new` does it: a temporary file in
    ``directory``, fsynced, the name claimed with ``os.link``, the temporary name removed. With ``sync_dir=False`` the folder is not fsynced
    here: the caller does it once for many files (:meth:`OutputDir.sync`) before recording them.
    Returns "written", "same" (the name exists with exactly these bytes) or "taken".
    """
    if not NAME_RE.match(name):
        raise ValueError(f"unsafe file name {name!r}")
    final = os.path.join(directory, name)
    try:
        atomic_write_new(final, data, sync_dir=False)
    except FileExistsError:
        existing = sha256_file(Path(final))
        return "same" if existing == hashlib.sha256(data).hexdigest() else "taken"
    if sync_dir:
        fsync_dir(directory)
    return "written"


class OutputDir:
    """The batch's folder: locked for one run, stray temporaries removed, manifest read and appended."""

    def __init__(self, path: Path, *, resume: bool, dry_run: bool = False) -> None:
        self.path = path
        self._manifest_fh: Any = None
        self._lock: Any = None
        self._unsynced = 0
        self._synced_at = 0.0
        self.manifest_path = path / MANIFEST
        self.done: dict[int, dict[str, Any]] = {}
        self.stray_removed = 0
        if path.exists() and not path.is_dir():
            raise InputError(tr(f"{path} không phải là thư mục.", f"{path} is not a folder."))
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(
                tr(f"Không tạo được thư mục {path}: {exc.strerror}", f"Cannot create {path}: {exc.strerror}")
            ) from exc
        try:
            self._open(resume=resume, dry_run=dry_run)
        except OSError as exc:  # a folder that cannot be written (read-only, immutable, a system folder)
            self.close()
            raise InputError(
                tr(
                    f"Không ghi được vào thư mục {path}: {exc.strerror}. Chọn thư mục khác.",
                    f"Cannot write in the folder {path}: {exc.strerror}. Choose another folder.",
                )
            ) from exc

    def _open(self, *, resume: bool, dry_run: bool) -> None:
        """Lock the folder for this run, remove stray temporaries, read the manifest on resume."""
        self._lock = open(self.path / LOCK, "a+")
        try:
            fcntl.flock(self._lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            self._lock.close()
            self._lock = None
            raise InputError(
                tr(
                    f"Một lệnh batch khác đang ghi vào {self.path}.",
                    f"Another batch is writing to {self.path}.",
                )
            ) from exc
        self.stray_removed = self._remove_stray()
        has_manifest = self.manifest_path.exists() and self.manifest_path.stat().st_size > 0
        if has_manifest and not resume and not dry_run:
            self.close()
            raise InputError(
                tr(
                    f"{self.path} đã có kết quả của một lần chạy trước ({MANIFEST}). Dùng --resume để chạy tiếp, hoặc chọn thư mục khác.",
                    f"{self.path} already holds a previous run ({MANIFEST}). Use --resume to continue it, or another folder.",
                )
            )
        if has_manifest and resume:
            self.done = self._load_manifest()

    def _remove_stray(self) -> int:
        n = 0
        for entry in os.scandir(self.path):
            if _STRAY.match(entry.name):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
                    n += 1
        return n

    def _load_manifest(self) -> dict[int, dict[str, Any]]:
        """Entries by row; a torn last line (killed mid-write) is cut off."""
        done: dict[int, dict[str, Any]] = {}
        good_end = 0
        with open(self.manifest_path, "rb") as fh:
            for line in fh:
                if not line.endswith(b"\n"):
                    break
                try:
                    entry = loads_strict(line)
                    done[int(entry["row"])] = entry
                except JSONDepthError as exc:  # no torn write looks like this: the file was tampered with
                    raise InputError(
                        tr(
                            f"{MANIFEST} hỏng (dòng lồng nhau quá sâu): không chạy tiếp được, hãy chọn thư mục khác.",
                            f"{MANIFEST} is damaged (a line nested too deep): cannot resume; choose another folder.",
                        )
                    ) from exc
                except (ValueError, KeyError, TypeError):
                    break
                good_end += len(line)
        if good_end != self.manifest_path.stat().st_size:
            with open(self.manifest_path, "r+b") as fh:
                fh.truncate(good_end)
                os.fsync(fh.fileno())
        return done

    def is_done(self, row: int, digest: str) -> str | None:
        """The file name when ``row`` was written before from the same data and is intact on disk."""
        entry = self.done.get(row)
        if not entry or entry.get("input") != digest:
            return None
        name = str(entry.get("file", ""))
        if not NAME_RE.match(name):
            return None
        return name if sha256_file(self.path / name) == entry.get("sha256") else None

    def append(self, entry: ManifestEntry) -> None:
        """Record a claimed file: the line reaches the kernel now (safe from SIGKILL), and is made
        durable with its group (:meth:`sync`)."""
        if self._manifest_fh is None:
            fd = os.open(self.manifest_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            self._manifest_fh = os.fdopen(fd, "ab")  # file names can hold personal names: 0600
            self._synced_at = time.monotonic()
        self._manifest_fh.write(entry.as_json().encode("utf-8") + b"\n")
        self._manifest_fh.flush()
        self._unsynced += 1
        if self._unsynced >= SYNC_EVERY or time.monotonic() - self._synced_at >= SYNC_SECONDS:
            self.sync()

    def sync(self) -> None:
        """Make the files claimed so far and their manifest lines durable: the folder first (the
        names), then the manifest, so a durable line never names a file a power cut could lose."""
        if self._manifest_fh is None or not self._unsynced:
            return
        fsync_dir(self.path)
        os.fsync(self._manifest_fh.fileno())
        self._unsynced = 0
        self._synced_at = time.monotonic()

    def close(self) -> None:
        """The manifest made durable and closed, the lock released (again: nothing happens)."""
        try:
            if self._manifest_fh is not None:
                try:
                    self.sync()
                finally:
                    self._manifest_fh.close()
                    self._manifest_fh = None
        finally:
            if self._lock is not None:
                with contextlib.suppress(OSError):
                    fcntl.flock(self._lock.fileno(), fcntl.LOCK_UN)
                self._lock.close()
                self._lock = None


def iter_manifest(path: Path) -> Iterator[dict[str, Any]]:
    with open(path / MANIFEST, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield loads_strict(line)
