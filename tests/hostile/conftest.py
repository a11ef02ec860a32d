"""Hostile input and faults: every case runs the real command in a subprocess.

``run_formfill(*args)`` returns the finished process; ``assert_clean_failure`` checks what a user
must see on every such path: the expected exit code, a Vietnamese message, and no traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VIETNAMESE_LETTERS = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def _env(extra: dict[str, str] | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORMFILL_")}
    env.update({"FORMFILL_LANG": "vi", "PYTHONPATH": str(ROOT)})
    for key in ("FORMFILL_CACHE_DIR", "FORMFILL_TODAY"):
        if key in os.environ:
            env[key] = os.environ[key]
    env.update(extra or {})
    return env


@pytest.fixture
def run_formfill(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    def run(
        *args: str, env: dict[str, str] | None = None, timeout: float = 120, stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "formfill", *args],
            cwd=tmp_path,
            env=_env(env),
            capture_output=True,
            text=True,
            timeout=timeout,
            input=stdin,
        )

    return run


def assert_clean_failure(proc: subprocess.CompletedProcess[str], code: int) -> str:
    """The process failed with ``code``, said why in Vietnamese, and printed no traceback."""
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out, out[-2000:]
    assert proc.returncode == code, (proc.returncode, out[-2000:])
    assert set(out.lower()) & VIETNAMESE_LETTERS, f"no Vietnamese message: {out[-500:]!r}"
    return out
