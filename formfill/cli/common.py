"""What every command module shares: exit codes, the ``--lang`` option, the settings check, failing.

Kept apart from :mod:`formfill.cli` so command modules can import it while the CLI imports them.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup
from typer.exceptions import Abort

from formfill.base.errors import UnknownFormError
from formfill.base.i18n import set_lang, tr
from formfill.base.settings import Settings, SettingsError, check_offset, current

try:  # recent typer ships Click inside itself (no click package is installed beside it)
    from typer import _click as click
except ImportError:  # older typer depends on the click package
    import click  # type: ignore[no-redef]

ClickCommand, ClickContext, HelpFormatter = click.Command, click.Context, click.HelpFormatter
BadOptionUsage, BadParameter = click.exceptions.BadOptionUsage, click.exceptions.BadParameter
ClickException, MissingParameter = click.exceptions.ClickException, click.exceptions.MissingParameter
NoSuchOption, UsageError = click.exceptions.NoSuchOption, click.exceptions.UsageError

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


def file_exists(output: Path) -> NoReturn:
    """A new output file that is already there: never replaced, exit 2."""
    fail(EXIT_UNREADABLE, tr(f"Tệp {output} đã có; chọn tên khác.", f"{output} exists; choose another name."))


@contextmanager
def writing_new(output: Path) -> Iterator[None]:
    """Say what stops a new output file from being written (it exists; the disk refuses) as exit 2."""
    try:
        yield
    except FileExistsError:
        file_exists(output)
    except OSError as exc:
        fail(
            EXIT_UNREADABLE,
            tr(f"Không ghi được {output}: {exc.strerror}.", f"Cannot write {output}: {exc.strerror}."),
        )


def load_form(form_id: str) -> FormSpec:
    """The form with this id, or exit 2 naming the known ones."""
    from formfill.catalog import get_form

    try:
        return get_form(form_id)
    except UnknownFormError as exc:
        fail(EXIT_UNREADABLE, tr(f"Không có tờ khai {exc}", f"No such form: {exc}"))


# --- help and usage in the user's language ----------------------------------------------------------
# Every help text of the commands as written in their modules (bilingual) -> (Vietnamese, English).
# A text missing here that has the form "vi / en" is split at " / "; the language test lists every
# line a command prints, so a new text in one language only shows up there.
HELP: dict[str, tuple[str, str]] = {
    "Trợ lý điền tờ khai hành chính Việt Nam. / Vietnamese administrative declaration assistant.": (
        "Trợ lý điền tờ khai hành chính Việt Nam. Không có lệnh: mở giao diện điền tờ khai.",
        "Vietnamese administrative declaration assistant. With no command: opens the assistant.",
    ),
    "vi | en": ("vi (mặc định) hoặc en.", "vi (default) or en."),
    "vi (mặc định) hoặc en / vi (default) or en.": ("vi (mặc định) hoặc en.", "vi (default) or en."),
    ".json, .jsonl, .csv, .tsv hoặc/or .xlsx": (
        "Tệp .json, .jsonl, .csv, .tsv hoặc .xlsx",
        "A .json, .jsonl, .csv, .tsv or .xlsx file",
    ),
    'Nội dung mã QR trên thẻ CCCD ("-" để đọc từ stdin)': (
        'Nội dung mã QR trên thẻ CCCD ("-" để đọc từ đầu vào chuẩn)',
        'The QR content of a citizen ID card ("-" reads it from standard input)',
    ),
    "Danh sách .csv, .tsv, .xlsx hoặc/or .jsonl": (
        "Danh sách .csv, .tsv, .xlsx hoặc .jsonl",
        "A roster: .csv, .tsv, .xlsx or .jsonl",
    ),
    "Số tiến trình / worker processes (mặc định/default: số CPU)": (
        "Số tiến trình (mặc định: số CPU)",
        "Worker processes (default: the number of CPUs)",
    ),
    'Mẫu tên tệp / file name pattern, e.g. "{nguoi_duoc_khai_sinh.ho_ten}-{row}"': (
        'Mẫu tên tệp, ví dụ "{nguoi_duoc_khai_sinh.ho_ten}-{row}"',
        'File name pattern, e.g. "{nguoi_duoc_khai_sinh.ho_ten}-{row}"',
    ),
    "mm, + = sang phải / to the right": ("mm, + = sang phải", "mm, + = to the right"),
    "mm, + = xuống dưới / down": ("mm, + = xuống dưới", "mm, + = down"),
    "Mã tờ khai / form id, e.g. khai-sinh": ("Mã tờ khai, ví dụ khai-sinh", "Form id, e.g. khai-sinh"),
    "Tệp PDF / output PDF": ("Tệp PDF cần tạo", "The PDF to write"),
}
# The frame Click/typer print around the help texts.
FRAME: dict[str, tuple[str, str]] = {
    "Options": ("Tùy chọn", "Options"),
    "Arguments": ("Tham số", "Arguments"),
    "Commands": ("Lệnh", "Commands"),
    "Show this message and exit.": ("Hiện trợ giúp này rồi thoát.", "Show this message and exit."),
    "[OPTIONS]": ("[TÙY_CHỌN]", "[OPTIONS]"),
    "COMMAND [ARGS]...": ("LỆNH [THAM_SỐ]...", "COMMAND [ARGS]..."),
    "[required]": ("[bắt buộc]", "[required]"),
    "[default: ": ("[mặc định: ", "[default: "),
    "<str>": ("<chữ>", "<text>"),
    "<path>": ("<tệp>", "<file>"),
    "<integer>": ("<số>", "<number>"),
    "<int>": ("<số>", "<number>"),
    "<float>": ("<số>", "<number>"),
    "<int range>": ("<số>", "<number>"),
    "<float range>": ("<số>", "<number>"),
}


def pick(text: str | None) -> str | None:
    """A help text in the current language."""
    if not text:
        return text
    if text in HELP:
        return tr(*HELP[text])
    vi, sep, en = text.partition(" / ")
    if not sep:
        return text
    en = en.strip()
    return tr(vi.strip(), en[:1].upper() + en[1:])


def frame(text: str) -> str:
    """Click's own words in ``text`` (headings, metavars, "[required]") in the current language."""
    for english, words in FRAME.items():
        text = text.replace(english, tr(*words))
    return text


class LocalFormatter(HelpFormatter):
    """Click's help formatter speaking the current language (usage, headings, metavars, notes)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, frame(args), tr("Cách dùng: ", "Usage: "))

    def write_heading(self, heading: str) -> None:
        super().write_heading(frame(heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(frame(a), frame(b)) for a, b in rows], col_max, col_spacing)


class LocalContext(ClickContext):
    formatter_class = LocalFormatter


def localize(command: ClickCommand) -> None:
    """Put every help text of ``command`` (and its subcommands) in the current language.

    The texts as written stay in ``_formfill_help`` so a later call in another language starts
    from them again.
    """
    originals = command.__dict__.setdefault("_formfill_help", (command.help, command.short_help))
    command.help, command.short_help = pick(originals[0]), pick(originals[1])
    command.context_class = LocalContext
    for param in command.params:
        if hasattr(param, "help"):
            first = param.__dict__.setdefault("_formfill_help", param.help)
            param.help = pick(first)
    for sub in getattr(command, "commands", {}).values():
        localize(sub)


def _prescan_lang(args: Sequence[str]) -> None:
    """Apply ``--lang X`` before Click parses anything, so ``--help`` and usage errors use it."""
    for i, arg in enumerate(args):
        value = None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value is not None:
            try:
                set_lang(value)
            except ValueError:
                return  # the command itself says the language is unknown


def usage_error(exc: UsageError) -> str:
    """A Click usage error as the user reads it: usage line, where to find help, what was wrong."""
    ctx = exc.ctx
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        lines.append(
            tr(
                f"Xem '{ctx.command_path} --help' để biết cách dùng.",
                f"Try '{ctx.command_path} --help' for help.",
            )
        )
    return "\n".join([*lines, tr("Lỗi: ", "Error: ") + _usage_message(exc)])


def _usage_message(exc: UsageError) -> str:
    """The message of a usage error, rebuilt from its parts (Click's own wording is English only)."""
    if isinstance(exc, NoSuchOption):
        text = tr(f"Không có tùy chọn {exc.option_name}.", f"No such option: {exc.option_name}.")
        if exc.possibilities:
            maybe = ", ".join(sorted(exc.possibilities))
            text += tr(f" Có phải ý bạn là {maybe}?", f" Did you mean {maybe}?")
        return text
    if isinstance(exc, BadOptionUsage):
        return tr(f"Tùy chọn {exc.option_name} cần một giá trị.", f"Option {exc.option_name} needs a value.")
    if isinstance(exc, MissingParameter | BadParameter):
        hint = exc.param_hint or (exc.param.get_error_hint() if exc.param is not None else "")
        if not isinstance(hint, str):
            hint = " / ".join(hint)
        if isinstance(exc, MissingParameter):
            if exc.param is not None and exc.param.param_type_name == "option":
                return tr(f"Thiếu tùy chọn {hint}.", f"Missing option {hint}.")
            return tr(f"Thiếu tham số {hint}.", f"Missing argument {hint}.")
        return tr(f"Giá trị của {hint} không hợp lệ.", f"Invalid value for {hint}.")
    message = exc.format_message()
    found = re.match(r"No such command '(.*)'\.", message)
    if found:
        return tr(
            f"Không có lệnh '{found[1]}' (xem 'formfill --help').",
            f"No such command '{found[1]}' (see 'formfill --help').",
        )
    found = re.match(r"Got unexpected extra arguments? \((.*)\)", message)
    if found:
        return tr(f"Thừa tham số: {found[1]}.", f"Unexpected extra arguments: {found[1]}.")
    return tr("Lệnh dùng chưa đúng cách.", "The command is not used correctly.")


class LocalGroup(TyperGroup):
    """The ``formfill`` group: help, usage and usage errors in the user's language, exit codes kept."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        args = list(sys.argv[1:] if args is None else args)
        _prescan_lang(args)
        localize(self)
        try:
            result = super().main(args, prog_name or "formfill", complete_var, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else EXIT_OK
        except UsageError as exc:
            typer.echo(usage_error(exc), err=True)
            result = code = EXIT_UNREADABLE
        except ClickException as exc:
            typer.echo(tr("Lỗi: ", "Error: ") + exc.format_message(), err=True)
            result = code = EXIT_UNREADABLE
        except Abort:
            typer.echo(tr("Đã dừng.", "Stopped."), err=True)
            result = code = EXIT_INVALID
        if standalone_mode:
            sys.exit(code)
        return result
