"""What every command module shares: exit codes, the ``--lang`` option, the settings check, failing.

Kept apart from :mod:`formfill.cli` so command modules can import it while the CLI imports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from formfill.base.errors import UnknownFormError
from formfill.base.i18n import set_lang, tr
from formfill.base.settings import Settings, SettingsError, check_offset, current

if TYPE_CHECKING:
    from formfill.forms import FormSpec

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2

LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="vi (mặc định) hoặc en / vi (default) or en.", show_default=False),
]


def apply_lang(lang: str | None, *, check: bool = True) -> None:
    """Apply ``--lang`` (exit 2 for an unknown language), then check the settings (exit 2 if invalid).

    Every command calls this first, so an invalid ``FORMFILL_*`` value stops it before any work,
    with the message in the language just chosen.
    """
    if lang is not None:
        try:
            set_lang(lang)
        except ValueError:
            fail(
                EXIT_UNREADABLE,
                tr(f"Ngôn ngữ không hỗ trợ: {lang} (vi, en).", f"Unsupported language: {lang} (vi, en)."),
            )
    if check:
        checked_settings()


def checked_settings() -> Settings:
    """The settings from the environment, or exit 2 naming each invalid variable."""
    try:
        return current()
    except SettingsError as exc:
        fail(EXIT_UNREADABLE, str(exc))


def checked_offset(option: str, value: float | None) -> float | None:
    """A ``--offset-x`` / ``--offset-y`` value: finite, within ±20 mm, else exit 2."""
    try:
        return check_offset(option, value)
    except SettingsError as exc:
        fail(EXIT_UNREADABLE, str(exc))


def fail(code: int, message: str) -> NoReturn:
    """Print a message on stderr and leave with ``code``."""
    typer.echo(message, err=True)
    raise typer.Exit(code)


def load_form(form_id: str) -> FormSpec:
    """The form with this id, or exit 2 naming the known ones."""
    from formfill.catalog import get_form

    try:
        return get_form(form_id)
    except UnknownFormError as exc:
        fail(EXIT_UNREADABLE, tr(f"Không có tờ khai {exc}", f"No such form: {exc}"))
