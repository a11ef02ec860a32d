"""``formfill serve`` without a browser: the desk missing, the start line, the page's own addresses."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

from formfill.cli.serve import tab_command
from formfill.web.server import TEMPLATES, start_line


def test_a_busy_port_is_said_plainly(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "formfill", "serve", "--mode", "desk", "--port", str(port)],
            capture_output=True,
            text=True,
            env={**os.environ, "FORMFILL_LANG": "vi", "FORMFILL_DATA_DIR": str(tmp_path)},
            timeout=60,
        )
    assert done.returncode == 2, done.stderr
    assert str(port) in done.stderr and "Traceback" not in done.stderr


def test_the_start_line_names_the_url_and_who_can_reach_it() -> None:
    assert "http://127.0.0.1:8000/" in start_line("kiosk", "127.0.0.1", 8000)
    assert "chỉ mở được trên chính máy này" in start_line("kiosk", "127.0.0.1", 8000)
    assert "reverse proxy có TLS" in start_line("desk", "192.168.1.10", 8080)


def test_the_page_names_no_other_host() -> None:
    page = (TEMPLATES / "app_index.html").read_text(encoding="utf-8")
    assert not re.search(r"(src|href)\s*=\s*\"(https?:)?//", page)
    assert "fonts.googleapis" not in page


def test_each_tab_runs_this_python_quietly(tmp_path: Path) -> None:
    command = tab_command("kiosk", tmp_path / "formfill.toml")
    assert command.startswith(sys.executable) and "serve-tab --mode kiosk --config" in command
