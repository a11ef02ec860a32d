"""Write a file without ever replacing an existing one (unless asked), never leaving half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def atomic_write_new(
    path: str | os.PathLike[str], data: bytes, force: bool = False, *, sync_dir: bool = True
) -> Path:
    """Write ``data`` to ``path`` atomically.

    The bytes go to a temporary file in the same folder, are fsynced, then the final name is
    claimed with ``os.link`` (fails with ``FileExistsError`` if the name exists: nothing is
    replaced) and the temporary name is removed. With ``force=True`` the file is moved over any
    existing one with ``os.replace``. The folder is fsynced afterwards where the platform allows;
    ``sync_dir=False`` leaves that to a caller that syncs once for many files (the batch).
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if force:
            os.replace(tmp, target)
        else:
            os.link(tmp, target)  # atomic, and refuses to replace
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    if sync_dir:
        with contextlib.suppress(OSError):  # the file is complete under its name either way
            fsync_dir(folder)
    return target


def fsync_dir(folder: str | os.PathLike[str]) -> None:
    """fsync a folder so the names just created in it survive a power cut (errors propagate).

    A no-op where folders cannot be opened for fsync (no ``O_DIRECTORY``, e.g. Windows).
    """
    if not hasattr(os, "O_DIRECTORY"):
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
