"""``formfill serve`` without a browser: a busy port, a desk without its store or an account, the
start line, the page's own addresses."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

from formfill.base.settings import DRAFTS_FILE
from formfill.cli.serve import tab_command
from formfill.web.server import TEMPLATES, close_pdf_text, start_line
from tests.browser.harness import desk_store, free_port
from tests.desk.office import open_store


def serve(data: Path, port: int, mode: str = "desk") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "formfill", "serve", "--mode", mode, "--port", str(port)],
        capture_output=True,
        text=True,
        env={**os.environ, "FORMFILL_LANG": "vi", "FORMFILL_DATA_DIR": str(data)},
        timeout=60,
    )


def test_a_busy_port_is_said_plainly(tmp_path: Path) -> None:
    desk_store(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = serve(tmp_path / "data", port)
    assert done.returncode == 2, done.stderr
    assert str(port) in done.stderr and "Traceback" not in done.stderr


def test_the_desk_is_not_served_without_its_store_or_an_account(tmp_path: Path) -> None:
    """Said when the server starts: a tab's own refusal would only show "session ended"."""
    port = free_port()  # the check comes before the server listens
    missing = serve(tmp_path, port)
    assert missing.returncode == 2 and "Không có kho dữ liệu" in missing.stderr, missing.stderr
    open_store(tmp_path / DRAFTS_FILE).close()  # a store, no account yet
    empty = serve(tmp_path, port)
    assert empty.returncode == 2 and "formfill office user add" in empty.stderr, empty.stderr
    assert "Traceback" not in missing.stderr + empty.stderr


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


def test_the_desk_closes_a_paper_not_a_declaration() -> None:
    assert close_pdf_text("desk").startswith("Đóng giấy tờ")
    assert close_pdf_text("kiosk").startswith("Đóng tờ khai")
