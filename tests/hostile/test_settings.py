"""Hostile settings: every invalid ``FORMFILL_*`` value, and every invalid ``--offset-x/-y``, stops the
command with exit 2 and a message naming the variable (or option) and what is allowed — never a
traceback, never a silent default, never a page printed off its boxes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.hostile.conftest import assert_clean_failure

VALID = str(EXAMPLES / "khai-sinh" / "valid-1.json")
OFFSET_ALLOWED = "từ -20 đến 20"

INVALID_VALUES = [
    ("FORMFILL_LANG", "fr"),
    ("FORMFILL_THEME", "Bad Theme!"),
    ("FORMFILL_IME", "qwerty"),
    ("FORMFILL_KEYMAP", "{"),
    ("FORMFILL_KEYMAP", '["f8"]'),
    ("FORMFILL_KEYMAP", '{"wizard.continue": 8}'),
    ("FORMFILL_KEYMAP", '{"a": "f1", "a": "f2"}'),
    ("FORMFILL_OFFSET_X_MM", "nan"),
    ("FORMFILL_OFFSET_X_MM", "inf"),
    ("FORMFILL_OFFSET_X_MM", "abc"),
    ("FORMFILL_OFFSET_X_MM", "1,5"),
    ("FORMFILL_OFFSET_X_MM", "20.5"),
    ("FORMFILL_OFFSET_Y_MM", "-inf"),
    ("FORMFILL_OFFSET_Y_MM", "1e300"),
    ("FORMFILL_TODAY", "2025-02-30"),
    ("FORMFILL_TODAY", "31/01/2026"),
]
FOLDER_VARIABLES = ["FORMFILL_OUTPUT_DIR", "FORMFILL_DATA_DIR", "FORMFILL_CACHE_DIR"]


@pytest.mark.parametrize(("name", "value"), INVALID_VALUES)
def test_an_invalid_value_is_named_with_what_is_allowed(name: str, value: str, run_formfill) -> None:
    out = assert_clean_failure(run_formfill("forms", env={name: value}), 2)
    assert f"{name}={value!r}" in out
    assert "Giá trị cho phép" in out
    if "OFFSET" in name:
        assert OFFSET_ALLOWED in out


@pytest.mark.parametrize("name", FOLDER_VARIABLES)
def test_a_file_where_a_folder_is_expected(name: str, tmp_path: Path, run_formfill) -> None:
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x", encoding="utf-8")
    out = assert_clean_failure(run_formfill("forms", env={name: str(a_file)}), 2)
    assert name in out and "thư mục" in out


def test_every_problem_is_listed_at_once(run_formfill) -> None:
    out = assert_clean_failure(
        run_formfill("forms", env={"FORMFILL_IME": "x", "FORMFILL_OFFSET_Y_MM": "nan"}), 2
    )
    assert "FORMFILL_IME" in out and "FORMFILL_OFFSET_Y_MM" in out


# Every command, with arguments that would otherwise get past their own checks.
COMMANDS: dict[str, list[str]] = {
    "forms": ["forms"],
    "schema": ["schema", "khai-sinh"],
    "validate": ["validate", "khai-sinh", VALID],
    "idcard": ["idcard", "087195012345||Trần Thị Hường|14041995|Nữ|Sa Đéc|20112021"],
    "fill": ["fill", "khai-sinh", VALID, "-o", "out.pdf"],
    "check": ["check", "missing.pdf", "khai-sinh", VALID],
    "calibrate": ["calibrate", "-o", "grid.pdf"],
    "batch": ["batch", "khai-sinh", str(EXAMPLES / "rosters" / "khai-sinh.csv"), "-o", "out"],
    "serve": ["serve", "--port", "8765"],
    "desk": ["desk"],
    "(bare)": [],
}
# Run by `serve` for each browser tab, after serve checked the settings; its stderr is closed on purpose.
INTERNAL = {"serve-tab"}


def test_the_list_covers_every_registered_command() -> None:
    from formfill.cli import app

    assert {c.name for c in app.registered_commands} - INTERNAL | {"(bare)"} == set(COMMANDS)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_stops_on_an_invalid_setting(command: str, tmp_path: Path, run_formfill) -> None:
    proc = run_formfill(*COMMANDS[command], env={"FORMFILL_OFFSET_X_MM": "nan"}, timeout=60)
    out = assert_clean_failure(proc, 2)
    assert "FORMFILL_OFFSET_X_MM='nan'" in out
    assert not list(tmp_path.rglob("*.pdf")) and not (tmp_path / "out").exists()


def test_the_message_follows_lang_en(run_formfill) -> None:
    for args in (["forms", "--lang", "en"], ["--lang", "en", "forms"]):
        proc = run_formfill(*args, env={"FORMFILL_IME": "qwerty"})
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert "Invalid setting: FORMFILL_IME='qwerty'. Allowed: off, telex or vni." in proc.stderr
    proc = run_formfill("validate", "khai-sinh", VALID, env={"FORMFILL_LANG": "en", "FORMFILL_IME": "x"})
    assert proc.returncode == 2 and "Invalid setting: FORMFILL_IME" in proc.stderr
    proc = run_formfill("forms", "--lang", "en", env={"FORMFILL_LANG": "klingon"})
    assert (
        proc.returncode == 2 and "Invalid setting: FORMFILL_LANG='klingon'. Allowed: vi or en." in proc.stderr
    )


def test_an_unknown_theme_stops_the_assistant_before_it_starts(run_formfill) -> None:
    out = assert_clean_failure(run_formfill(env={"FORMFILL_THEME": "no-such-theme"}), 2)
    assert "FORMFILL_THEME='no-such-theme'" in out and "formfill-contrast" in out


# --- --offset-x / --offset-y -------------------------------------------------------------------------

BAD_OPTIONS = [
    ("--offset-x", "nan"),
    ("--offset-x", "inf"),
    ("--offset-x", "-inf"),
    ("--offset-y", "1e300"),
    ("--offset-y", "20.01"),
    ("--offset-x", "-25"),
]


@pytest.mark.parametrize(("option", "value"), BAD_OPTIONS)
@pytest.mark.parametrize("command", ["fill", "check", "calibrate"])
def test_an_offset_option_is_finite_and_within_20_mm(
    command: str, option: str, value: str, tmp_path: Path, run_formfill
) -> None:
    args = {
        "fill": ["fill", "khai-sinh", VALID, "-o", "out.pdf"],
        "check": ["check", "in.pdf", "khai-sinh", VALID],
        "calibrate": ["calibrate", "-o", "out.pdf"],
    }[command]
    out = assert_clean_failure(run_formfill(*args, f"{option}={value}"), 2)
    assert option in out and OFFSET_ALLOWED in out
    assert not (tmp_path / "out.pdf").exists()


def test_offsets_at_the_limits_are_accepted(tmp_path: Path, run_formfill) -> None:
    proc = run_formfill("calibrate", "-o", "grid.pdf", "--offset-x", "20", "--offset-y=-20")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "grid.pdf").read_bytes().startswith(b"%PDF")


def test_the_variable_and_the_option_move_the_values_alike(tmp_path: Path, run_formfill) -> None:
    """The offset from the environment really is read (it once became 0 when invalid, silently).

    Offsets move values only on values-only output (``--preprinted``): a complete page ignores them."""
    pre = ("--preprinted",)
    by_env = run_formfill(
        "fill", "khai-sinh", VALID, "-o", "env.pdf", *pre, env={"FORMFILL_OFFSET_Y_MM": "1.5"}
    )
    by_option = run_formfill("fill", "khai-sinh", VALID, "-o", "opt.pdf", *pre, "--offset-y", "1.5")
    plain = run_formfill("fill", "khai-sinh", VALID, "-o", "plain.pdf", *pre)
    assert by_env.returncode == by_option.returncode == plain.returncode == 0, by_env.stderr
    env_pdf, opt_pdf = (tmp_path / "env.pdf").read_bytes(), (tmp_path / "opt.pdf").read_bytes()
    assert env_pdf == opt_pdf
    assert env_pdf != (tmp_path / "plain.pdf").read_bytes()
