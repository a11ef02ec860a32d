"""``formfill kiosk [--config PATH]``: the locked-down assistant, kept alive by a supervising loop;
``formfill kiosk set-pin``: the operator's PIN (its salted scrypt hash in ``kiosk-pin``, mode 0600).

The supervisor starts the app in a child process and starts it again whenever it ends other than
by the operator's choice (a crash, :data:`~formfill.session.kiosk.RESTART_CODE`, a signal). Between
two runs the terminal shows only the neutral Vietnamese line — never a traceback.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated

import typer

from formfill.base.i18n import tr
from formfill.cli.common import EXIT_OK, EXIT_UNREADABLE, LangOption, apply_lang, checked_settings, fail

CHILD_COMMAND = "app"  # hidden: the supervised child runs `formfill kiosk [--config F] app`
RESTART_PAUSE = 1.0
MAX_PAUSE = 30.0
CRASH_LINE = "Xin lỗi, máy đang khởi động lại…"

kiosk_app = typer.Typer(
    name="kiosk",
    help="Chế độ kiosk cho máy công cộng / locked-down kiosk mode for a public terminal.",
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Tệp cấu hình formfill.toml / the config file.", show_default=False),
]


def _use_config(config: Path | None) -> None:
    if config is not None:
        from formfill.base.settings import use_config

        use_config(config)


@kiosk_app.callback()
def _kiosk(ctx: typer.Context, config: ConfigOption = None, lang: LangOption = None) -> None:
    """Chế độ kiosk cho máy công cộng / locked-down kiosk mode for a public terminal."""
    _use_config(config)
    apply_lang(lang)
    if ctx.invoked_subcommand is not None:
        return
    argv = [sys.executable, "-m", "formfill", "kiosk"]
    if config is not None:
        argv += ["--config", str(config)]
    raise typer.Exit(supervise([*argv, CHILD_COMMAND]))


@kiosk_app.command(CHILD_COMMAND, hidden=True)
def _child() -> None:
    """The app process the supervisor starts (not for people: `formfill kiosk` runs it)."""
    raise typer.Exit(_run_child())


def _run_child() -> int:
    """The app itself (in the supervised child)."""
    from formfill.session.kiosk import KioskConfig
    from formfill.tui.kiosk.app import create_kiosk_app

    settings = checked_settings()
    app = create_kiosk_app(settings, KioskConfig.from_settings(settings))
    app.run()
    return app.return_code or 0


def supervise(
    argv: Sequence[str],
    *,
    pause: float = RESTART_PAUSE,
    max_runs: int | None = None,
    echo: Callable[[str], None] | None = None,
) -> int:
    """Run ``argv`` (the child command) until it ends with 0 (the operator closed it) or 2 (bad
    settings: a restart cannot help); after anything else say the neutral line and start again.

    Terminal signals are ignored here too, so Ctrl+C cannot stop the loop between two runs.
    """
    from formfill.session.kiosk import ignore_terminal_signals, restore_signals

    say = echo or (lambda text: print("\x1b[2J\x1b[H" + text, flush=True))
    old = ignore_terminal_signals()
    runs, wait = 0, pause
    try:
        while True:
            started = time.monotonic()
            code = subprocess.run(list(argv), check=False).returncode
            runs += 1
            if code in (EXIT_OK, EXIT_UNREADABLE) or (max_runs is not None and runs >= max_runs):
                return code
            say(CRASH_LINE)
            # a kiosk failing at once again and again waits longer each time (no busy loop)
            wait = pause if time.monotonic() - started > 60 else min(MAX_PAUSE, wait * 2 or pause)
            time.sleep(wait)
    finally:
        restore_signals(old)


def set_pin_cmd(config: ConfigOption = None, lang: LangOption = None) -> None:
    """Đặt mã PIN của cán bộ vận hành (4–8 chữ số) / set the operator's PIN (4–8 digits)."""
    from formfill.session.kiosk import KioskError, pin_path, pin_problem, write_pin

    _use_config(config)
    apply_lang(lang)
    settings = checked_settings()
    pin = typer.prompt(tr("Mã PIN mới", "New PIN"), hide_input=True)
    problem = pin_problem(pin)
    if problem:
        fail(EXIT_UNREADABLE, problem)
    again = typer.prompt(tr("Nhập lại mã PIN", "The PIN again"), hide_input=True)
    if again != pin:
        fail(
            EXIT_UNREADABLE,
            tr("Hai lần nhập không khớp; chưa đổi gì.", "The two entries differ; nothing changed."),
        )
    path = pin_path(getattr(settings, "config_file", None))
    try:
        write_pin(path, pin)
    except (KioskError, OSError) as exc:
        fail(EXIT_UNREADABLE, tr(f"Không ghi được {path}: {exc}", f"Cannot write {path}: {exc}"))
    typer.echo(tr(f"Đã lưu mã PIN (chỉ lưu dạng băm) vào {path}.", f"PIN saved (as a hash only) to {path}."))


def register(app: typer.Typer) -> None:
    kiosk_app.command("set-pin")(set_pin_cmd)
    app.add_typer(kiosk_app, name="kiosk")
