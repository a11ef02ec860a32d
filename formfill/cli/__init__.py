"""The command line. Bare ``formfill`` opens the assistant; heavy modules load only when a command needs them.

Exit codes (public interface): 0 success, 1 invalid data (messages printed), 2 unreadable input or bad usage.
"""

from __future__ import annotations

import importlib
import sys

import typer

from formfill.base.errors import FormfillError, InputError
from formfill.cli.common import (  # noqa: F401 - re-exported for command modules and tests
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNREADABLE,
    LangOption,
    LocalGroup,
    apply_lang,
    checked_settings,
    fail,
    load_form,
)

app = typer.Typer(
    name="formfill",
    cls=LocalGroup,
    help="Trợ lý điền tờ khai hành chính Việt Nam. / Vietnamese administrative declaration assistant.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


@app.callback(invoke_without_command=True)
def _root(ctx: typer.Context, lang: LangOption = None) -> None:
    # A command checks the settings itself, after its own --lang (so the message is in that language).
    apply_lang(lang, check=ctx.invoked_subcommand is None)
    if ctx.invoked_subcommand is None:
        _open_assistant()


def _open_assistant() -> None:
    from formfill.tui.app import run_app

    raise typer.Exit(run_app())


# Commands live next to the code they drive; each module has ``register(app)``.
_COMMAND_MODULES = (
    "formfill.cli.forms",
    "formfill.cli.render",
    "formfill.cli.batch",
    "formfill.cli.office",
    "formfill.cli.desk",
    "formfill.cli.kiosk",
    "formfill.cli.template",
    "formfill.cli.serve",
)


def _register_all() -> None:
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(app)


_register_all()


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except InputError as exc:
        typer.echo(str(exc), err=True)
        sys.exit(EXIT_UNREADABLE)
    except FormfillError as exc:
        typer.echo(str(exc), err=True)
        sys.exit(EXIT_UNREADABLE)
