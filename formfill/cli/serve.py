"""``formfill serve [--mode assistant|kiosk|desk] [--host 127.0.0.1] [--port 8000] [--config PATH]``:
the assistant, the kiosk or the desk in a browser (textual-serve; one app process per tab).

Each tab runs the hidden ``formfill serve-tab --mode M [--config PATH]``: the app with nothing of it
on stderr (textual-serve copies a tab's stderr into its own output, the server's log). The tab's
file descriptor 2 goes to /dev/null before the app starts; only a generic line with an error's type
reaches the log. ``--mode desk`` runs ``formfill desk [--config PATH]`` inside the tab the same way; its store must
open and hold an account before the server starts (exit 2 otherwise, said on the terminal).
"""

from __future__ import annotations

import importlib.util
import os
import shlex
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from formfill.base.i18n import tr
from formfill.cli.common import EXIT_OK, EXIT_UNREADABLE, LangOption, apply_lang, checked_settings, fail

TAB_COMMAND = "serve-tab"
DESK_MODULE = "formfill.cli.desk"  # `formfill desk` (the office desk); serve --mode desk needs it


class Mode(StrEnum):
    assistant = "assistant"
    kiosk = "kiosk"
    desk = "desk"


ModeOption = Annotated[
    Mode, typer.Option("--mode", help="assistant (mặc định), kiosk hoặc desk / which app to serve.")
]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Tệp cấu hình formfill.toml / the config file.", show_default=False),
]


def serve_cmd(
    mode: ModeOption = Mode.assistant,
    host: Annotated[
        str, typer.Option("--host", help="Địa chỉ lắng nghe (mặc định chỉ máy này) / address to bind.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Cổng / port.", min=1, max=65535)] = 8000,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """Mở trợ lý, kiosk hoặc bàn tiếp nhận trong trình duyệt / serve an app to browsers."""
    apply_lang(lang)
    if config is not None:
        _use_config(config)
    checked_settings()
    if mode is Mode.desk and importlib.util.find_spec(DESK_MODULE) is None:
        fail(
            EXIT_UNREADABLE,
            tr(
                "Bản formfill này chưa có bàn tiếp nhận (lệnh formfill desk): chưa phục vụ được --mode desk.",
                "This formfill has no desk yet (the formfill desk command): --mode desk cannot be served.",
            ),
        )
    if mode is Mode.desk:
        _desk_ready()
    from formfill.web.server import FormfillServer

    server = FormfillServer(
        tab_command(mode.value, config),
        mode=mode.value,
        host=host,
        port=port,
        title=tr("formfill — Trợ lý điền tờ khai", "formfill — declaration assistant"),
    )
    try:
        server.serve()
    except OSError as exc:  # the port is taken, the address is not this machine's
        fail(
            EXIT_UNREADABLE,
            tr(
                f"Không mở được {host}:{port}: {exc.strerror}",
                f"Cannot listen on {host}:{port}: {exc.strerror}",
            ),
        )
    raise typer.Exit(EXIT_OK)


def _desk_ready() -> None:
    """Before serving the desk: its store opens and has an account (else exit 2, said here, where the
    person starting the server reads it; a tab's own refusal would reach nobody)."""
    from formfill.cli.office_auth import open_store

    with open_store() as store:
        if not store.has_users():
            fail(
                EXIT_UNREADABLE,
                tr(
                    "Chưa có tài khoản cán bộ: tạo tài khoản bằng “formfill office user add TÊN”"
                    " rồi mở lại bàn tiếp nhận.",
                    "No office account yet: create one with “formfill office user add NAME”,"
                    " then serve the desk again.",
                ),
            )


def tab_command(mode: str, config: Path | None) -> str:
    """The shell command textual-serve runs for each tab (this Python, this formfill)."""
    argv = [sys.executable, "-m", "formfill", TAB_COMMAND, "--mode", mode]
    if config is not None:
        argv += ["--config", str(config.resolve())]
    return shlex.join(argv)


def _use_config(config: Path) -> None:
    from formfill.base.settings import use_config

    use_config(config)


def serve_tab_cmd(mode: ModeOption = Mode.assistant, config: ConfigOption = None) -> None:
    """One browser tab's app (not for people: `formfill serve` runs it)."""
    err = quiet_stderr()
    try:
        code = _run_tab(mode, config)
    except typer.Exit:
        raise
    except BaseException as exc:  # nothing but the type: the app's values stay out of the log
        err.write(f"formfill serve: {mode.value}: {type(exc).__name__}\n")
        err.flush()
        code = 1
    raise typer.Exit(code)


def quiet_stderr() -> TextIO:
    """Send file descriptor 2 (and ``sys.stderr``) to /dev/null; return a stream to the real one."""
    real = os.fdopen(os.dup(2), "w", encoding="utf-8", errors="replace", buffering=1)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    os.close(null)
    sys.stderr = open(os.devnull, "w", encoding="utf-8")
    import logging

    handler = logging.StreamHandler(real)
    handler.setFormatter(logging.Formatter("formfill serve: %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
    return real


def _run_tab(mode: Mode, config: Path | None) -> int:
    if config is not None:
        _use_config(config)
    if mode is Mode.desk:
        from formfill.cli import app

        args = ["desk"] + (["--config", str(config)] if config is not None else [])
        result = app(args=args, standalone_mode=False)
        return result if isinstance(result, int) else EXIT_OK
    settings = checked_settings()
    if mode is Mode.kiosk:
        from formfill.session.kiosk import KioskConfig
        from formfill.tui.kiosk.app import create_kiosk_app

        kiosk = create_kiosk_app(settings, KioskConfig.from_settings(settings), served=True)
        kiosk.run()
        return kiosk.return_code or 0
    from formfill.tui.app import create_app

    assistant = create_app(served=True)
    assistant.run()
    return assistant.return_code or 0


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
    app.command(TAB_COMMAND, hidden=True)(serve_tab_cmd)
