"""``formfill kiosk set-pin`` and the supervising loop (real subprocesses, no terminal needed)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from formfill.cli.kiosk import CHILD_COMMAND, CRASH_LINE, supervise
from formfill.session.kiosk import RESTART_CODE, PinGuard, read_pin, verify_pin


def formfill(args: list[str], tmp: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    config = tmp / "etc" / "formfill.toml"
    config.write_text('[office]\nname = "Ủy ban nhân dân phường Sa Đéc"\n', encoding="utf-8")
    env = {**os.environ, "FORMFILL_LANG": "vi"}
    env.pop("FORMFILL_CONFIG", None)
    args = [args[0], "--config", str(config), *args[1:]]
    return subprocess.run(
        [sys.executable, "-m", "formfill", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_set_pin_writes_only_a_salted_hash_0600(tmp_path: Path) -> None:
    (tmp_path / "etc").mkdir()
    done = formfill(["kiosk", "set-pin"], tmp_path, stdin="482913\n482913\n")
    assert done.returncode == 0, done.stderr
    path = tmp_path / "etc" / "kiosk-pin"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    stored = read_pin(path)
    assert stored is not None and "482913" not in stored and stored.startswith("scrypt$")
    assert verify_pin("482913", stored) and not verify_pin("482914", stored)
    assert PinGuard(stored).attempt("482913") == "ok"
    # the same PIN again gets a different salt
    formfill(["kiosk", "set-pin"], tmp_path, stdin="482913\n482913\n")
    assert read_pin(path) != stored


def test_set_pin_refuses_bad_or_mismatched_pins(tmp_path: Path) -> None:
    (tmp_path / "etc").mkdir()
    for stdin in ("12\n12\n", "12345678901\n", "abcd\nabcd\n", "4829\n4830\n"):
        done = formfill(["kiosk", "set-pin"], tmp_path, stdin=stdin)
        assert done.returncode == 2, stdin
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "etc" / "kiosk-pin").exists()


def test_supervisor_restarts_after_a_crash_until_a_clean_exit(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    child = tmp_path / "child.py"
    child.write_text(
        "import os, sys\n"
        f"p = {str(runs)!r}\n"
        "n = len(open(p).read()) if os.path.exists(p) else 0\n"
        "open(p, 'a').write('x')\n"
        f"assert sys.argv[1:] == [{CHILD_COMMAND!r}]\n"
        f"sys.exit({RESTART_CODE} if n == 0 else (1 if n == 1 else 0))\n"
    )
    said: list[str] = []
    code = supervise([sys.executable, str(child), CHILD_COMMAND], pause=0.01, echo=said.append)
    assert code == 0
    assert runs.read_text() == "xxx"
    assert said == [CRASH_LINE, CRASH_LINE]


def test_supervisor_stops_on_bad_settings(tmp_path: Path) -> None:
    said: list[str] = []
    code = supervise([sys.executable, "-c", "raise SystemExit(2)"], pause=0.01, echo=said.append)
    assert code == 2 and said == []
