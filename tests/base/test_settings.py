"""The one settings model: parsing, errors that name the variable, and who may read the environment."""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import formfill
from formfill.base import clock
from formfill.base.errors import FormfillError
from formfill.base.i18n import current_lang, set_lang
from formfill.base.settings import Settings, SettingsError, check_offset, current
from tests.conftest import ROOT

PKG = Path(formfill.__file__).parent


def test_from_env_reads_every_variable(tmp_path: Path) -> None:
    env = {
        "FORMFILL_LANG": "en_US.UTF-8",
        "FORMFILL_OUTPUT_DIR": str(tmp_path / "pdf"),
        "FORMFILL_DATA_DIR": str(tmp_path / "data"),
        "FORMFILL_CACHE_DIR": str(tmp_path / "cache"),
        "FORMFILL_THEME": "nord",
        "FORMFILL_IME": " VNI ",
        "FORMFILL_KEYMAP": '{"wizard.continue": "f8"}',
        "FORMFILL_OFFSET_X_MM": "1.5",
        "FORMFILL_OFFSET_Y_MM": "-20",
        "FORMFILL_PACKS": f"{tmp_path / 'a'}:{tmp_path / 'b'}:",
        "FORMFILL_TODAY": "2026-01-31",
    }
    s = Settings.from_env(env)
    assert (s.lang, s.theme, s.ime) == ("en", "nord", "vni")
    assert s.output_dir == tmp_path / "pdf" and s.cache_dir == tmp_path / "cache"
    assert s.drafts_path == tmp_path / "data" / "drafts.sqlite3"
    assert s.keymap == {"wizard.continue": "f8"}
    assert (s.offset_x_mm, s.offset_y_mm) == (1.5, -20.0)
    assert s.packs == (tmp_path / "a", tmp_path / "b")
    assert s.today == date(2026, 1, 31)


def test_blank_means_default_and_overrides_win() -> None:
    s = Settings.from_env({"FORMFILL_IME": "  ", "FORMFILL_OFFSET_X_MM": ""}, theme="textual-light")
    assert (s.ime, s.offset_x_mm, s.theme, s.data_dir, s.lang) == ("off", 0.0, "textual-light", None, None)


def test_the_error_names_the_variable_in_the_current_language() -> None:
    with pytest.raises(SettingsError) as info:
        Settings.from_env({"FORMFILL_OFFSET_X_MM": "nan", "FORMFILL_LANG": "fr"})
    err = info.value
    assert isinstance(err, FormfillError)
    assert "FORMFILL_OFFSET_X_MM='nan'" in str(err) and "FORMFILL_LANG='fr'" in str(err)
    assert "Giá trị cho phép" in str(err)
    set_lang("en")
    assert str(err).startswith("Invalid setting:") and "vi or en" in str(err)


def test_an_invalid_override_is_a_settings_error_too() -> None:
    with pytest.raises(SettingsError, match="FORMFILL_OFFSET_Y_MM"):
        Settings.from_env({}, offset_y_mm=float("inf"))
    with pytest.raises(SettingsError, match="FORMFILL_IME"):
        Settings.from_env({}, ime="dvorak")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -1e300, 20.000001])
def test_check_offset_refuses(value: float) -> None:
    with pytest.raises(SettingsError, match="--offset-x"):
        check_offset("--offset-x", value)


def test_check_offset_accepts() -> None:
    assert check_offset("--offset-x", None) is None
    assert check_offset("--offset-x", -20) == -20.0


def test_current_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORMFILL_OFFSET_X_MM", "3")
    assert current().offset_x_mm == 3.0
    monkeypatch.setenv("FORMFILL_OFFSET_X_MM", "4")
    assert current().offset_x_mm == 4.0
    monkeypatch.setenv("FORMFILL_OFFSET_X_MM", "x")
    with pytest.raises(SettingsError):
        current()


def test_the_language_of_messages_survives_an_invalid_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORMFILL_LANG", "klingon")
    assert current_lang() == "vi"  # the message reporting FORMFILL_LANG still needs a language
    monkeypatch.setenv("FORMFILL_LANG", "EN")
    assert current_lang() == "en"


def test_the_clock_error_is_a_settings_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORMFILL_TODAY", "2026-02-30")
    with pytest.raises(SettingsError, match="FORMFILL_TODAY") as info:
        clock.today()
    assert isinstance(info.value, ValueError)  # as before: callers that catch ValueError still do
    monkeypatch.setenv("FORMFILL_TODAY", "2026-02-28")
    assert clock.today() == date(2026, 2, 28)
    assert clock.now() == datetime(2026, 2, 28, 12, 0)
    assert clock.utc_now().tzinfo is UTC


def _documents_default(env: dict[str, str]) -> str:
    code = "from formfill.base.settings import Settings; print(Settings.from_env({}).output_dir)"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, timeout=60
    )
    return out.stdout.strip()


def test_default_output_folder_is_formfill_in_the_documents(tmp_path: Path) -> None:
    """Independent of how the code finds it: a literal folder for a given HOME / XDG_DOCUMENTS_DIR."""
    home = tmp_path / "home"
    home.mkdir()
    base = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(home)}
    assert _documents_default(base) == f"{home}/Documents/formfill"
    docs = tmp_path / "Tài liệu"
    assert _documents_default({**base, "XDG_DOCUMENTS_DIR": str(docs)}) == f"{docs}/formfill"


# --- who reads the environment, who imports what ------------------------------------------------------

ENV_READERS_ALLOWED = {"base/settings.py", "base/clock.py"}


def _modules() -> list[tuple[str, ast.Module]]:
    return [
        (str(p.relative_to(PKG)), ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(PKG.rglob("*.py"))
    ]


def _reads_environment(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb"):
            return True
        if isinstance(node, ast.alias) and node.name in ("environ", "getenv"):
            return True
    return False


def _formfill_names(tree: ast.Module) -> set[str]:
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.startswith("FORMFILL_")
    }


def test_only_the_settings_module_reads_formfill_variables() -> None:
    offenders = {
        name: sorted(names)
        for name, tree in _modules()
        if name not in ENV_READERS_ALLOWED and _reads_environment(tree) and (names := _formfill_names(tree))
    }
    assert offenders == {}


def test_the_scan_finds_a_reader() -> None:
    tree = ast.parse('import os\nX = os.environ.get("FORMFILL_OFFSET_X_MM")\n')
    assert _reads_environment(tree) and _formfill_names(tree) == {"FORMFILL_OFFSET_X_MM"}
    readers = {name for name, tree in _modules() if _reads_environment(tree) and _formfill_names(tree)}
    assert {"base/settings.py", "base/clock.py"} <= readers


def _imports(tree: ast.Module) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
    return out


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("session", ("textual",)), ("base", ("textual", "typer")), ("storage", ("textual", "typer")),
     ("render", ("typer", "formfill.cli")), ("batch", ("typer", "formfill.cli"))],
)  # fmt: skip
def test_package_boundaries(package: str, forbidden: tuple[str, ...]) -> None:
    bad = {
        name: sorted(m for m in _imports(tree) if any(m == f or m.startswith(f + ".") for f in forbidden))
        for name, tree in _modules()
        if name.startswith(package + "/")
    }
    assert {k: v for k, v in bad.items() if v} == {}


# --- the TOML file (formfill.toml) ---------------------------------------------------------------------


def _toml(tmp_path: Path, text: str) -> dict[str, str]:
    cfg = tmp_path / "formfill.toml"
    cfg.write_text(text, encoding="utf-8")
    return {"FORMFILL_CONFIG": str(cfg)}


def test_every_config_key_has_a_default(tmp_path: Path) -> None:
    s = Settings.from_env({"FORMFILL_CONFIG": ""} | _toml(tmp_path, ""))
    assert (s.office.name, s.office.place, s.office.timezone, s.office.days_off) == (
        "",
        "",
        "Asia/Ho_Chi_Minh",
        (),
    )
    assert (s.kiosk.idle_seconds, s.kiosk.countdown_seconds, s.kiosk.forms, s.kiosk.printer) == (
        120,
        20,
        (),
        "",
    )
    assert (s.kiosk.output_dir, s.kiosk.keep_pdf) == (None, False)
    assert (s.retention.draft_hours, s.retention.submission_days) == (24, 30)
    assert (s.store.path, s.store.url, s.drafts_path) == (None, "", None)


def test_the_config_file_is_read_into_nested_settings(tmp_path: Path) -> None:
    env = _toml(
        tmp_path,
        '[office]\nname = "Ủy ban nhân dân phường Sa Đéc"\nplace = "phường Sa Đéc"\nprovince = "Đồng Tháp"\n'
        'days_off = [2026-09-01, "03/09/2026"]\n'
        '[store]\npath = "kho/formfill.sqlite3"\n'
        '[kiosk]\nidle_seconds = 90\ncountdown_seconds = 15\nforms = ["khai-sinh", "ct01"]\nprinter = "quay_1"\n'
        'output_dir = "~/in"\nkeep_pdf = true\n'
        "[retention]\ndraft_hours = 12\nsubmission_days = 60\n",
    )
    s = Settings.from_env(env)
    assert s.office.name == "Ủy ban nhân dân phường Sa Đéc" and s.office.province == "Đồng Tháp"
    assert s.office.days_off == (date(2026, 9, 1), date(2026, 9, 3))
    assert s.store.path == tmp_path / "kho" / "formfill.sqlite3" == s.drafts_path  # relative to the file
    assert (s.kiosk.idle_seconds, s.kiosk.countdown_seconds, s.kiosk.forms) == (90, 15, ("khai-sinh", "ct01"))
    assert (s.kiosk.printer, s.kiosk.keep_pdf, s.kiosk.output_dir) == ("quay_1", True, Path.home() / "in")
    assert (s.retention.draft_hours, s.retention.submission_days) == (12, 60)
    assert s.config_file == tmp_path / "formfill.toml"
    assert str(s.office.zone) == "Asia/Ho_Chi_Minh"


def test_database_url_overrides_the_file(tmp_path: Path) -> None:
    env = _toml(tmp_path, '[store]\npath = "a.sqlite3"\nurl = "sqlite:///b.sqlite3"\n')
    assert Settings.from_env(env).drafts_path == Path("b.sqlite3")
    env["FORMFILL_DATABASE_URL"] = f"sqlite:///{tmp_path}/c.sqlite3"
    assert Settings.from_env(env).drafts_path == tmp_path / "c.sqlite3"
    env["FORMFILL_DATABASE_URL"] = "postgresql://kiosk@localhost/formfill"
    pg = Settings.from_env(env)
    assert pg.database_url == "postgresql://kiosk@localhost/formfill" and pg.drafts_path is None
    env["FORMFILL_DATABASE_URL"] = "mysql://kiosk:secret@localhost/formfill"
    with pytest.raises(SettingsError, match=r"FORMFILL_DATABASE_URL.*postgresql://") as err:
        Settings.from_env(env)
    assert "secret" not in str(err.value)  # a URL may hold a password: never echoed


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[kiosk]\nidle_seconds = 0\n", "kiosk.idle_seconds"),
        ('[kiosk]\nidle_seconds = "hai phút"\n', "kiosk.idle_seconds"),
        ("[kiosk]\nsleep = 3\n", "kiosk.sleep"),
        ('[kiosk]\nprinter = "a; rm -rf /"\n', "kiosk.printer"),
        ('[office]\ntimezone = "Asia/Sai_Gon"\n', "office.timezone"),
        ('[office]\ndays_off = ["31/02/2026"]\n', "office.days_off"),
        ("[retention]\nsubmission_days = -1\n", "retention.submission_days"),
        ('[store]\nurl = "mysql://h/db"\n', "store.url"),
        ("[printer]\nname = 1\n", "[printer]"),
        ("office = 3\n", "[office]"),
    ],
)
def test_a_bad_key_is_named(tmp_path: Path, text: str, key: str) -> None:
    with pytest.raises(SettingsError) as err:
        Settings.from_env(_toml(tmp_path, text))
    assert key in str(err.value) and "formfill.toml" in str(err.value)


def test_a_broken_or_missing_named_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"dòng|line"):
        Settings.from_env(_toml(tmp_path, "[kiosk\nidle_seconds = 3\n"))
    with pytest.raises(SettingsError, match="FORMFILL_CONFIG"):
        Settings.from_env({"FORMFILL_CONFIG": str(tmp_path / "none.toml")})


def test_use_config_wins_and_current_sees_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from formfill.base.settings import use_config

    monkeypatch.setenv("FORMFILL_CONFIG", str(tmp_path / "ignored.toml"))
    cfg = tmp_path / "office.toml"
    cfg.write_text("[kiosk]\nidle_seconds = 30\n", encoding="utf-8")
    use_config(cfg)
    try:
        assert current().kiosk.idle_seconds == 30
        cfg.write_text("[kiosk]\nidle_seconds = 45\n", encoding="utf-8")
        import os

        os.utime(cfg, ns=(1, 2_000_000_000_000_000_000))
        assert current().kiosk.idle_seconds == 45
    finally:
        use_config(None)
    with pytest.raises(SettingsError):
        current()  # back to FORMFILL_CONFIG, which names a missing file
