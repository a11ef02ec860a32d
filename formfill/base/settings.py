"""Every setting of formfill in one pydantic model, read from ``FORMFILL_*`` environment variables.

An invalid value is never silently replaced by a default: it raises :class:`SettingsError`, whose
message names the variable and says what is allowed (Vietnamese, or English with ``--lang en``).
The CLI loads the settings before any command runs and exits 2 on that error. Only this module
(and :mod:`formfill.base.clock` for ``FORMFILL_TODAY``) reads ``FORMFILL_*`` from the environment.

| setting      | env                                  | default                                   |
|--------------|--------------------------------------|-------------------------------------------|
| lang         | ``FORMFILL_LANG``                    | ``vi`` (``vi`` or ``en``)                 |
| output_dir   | ``FORMFILL_OUTPUT_DIR``              | ``<documents>/formfill`` (platformdirs)    |
| data_dir     | ``FORMFILL_DATA_DIR``                | the storage layer's user data folder       |
| cache_dir    | ``FORMFILL_CACHE_DIR``               | the user cache folder (fonts)              |
| theme        | ``FORMFILL_THEME``                   | ``formfill-contrast`` (high contrast)      |
| ime          | ``FORMFILL_IME``                     | ``off`` (``telex``, ``vni``)               |
| keymap       | ``FORMFILL_KEYMAP``                  | ``{}``: JSON ``{"binding id": "keys"}``     |
| offset_*_mm  | ``FORMFILL_OFFSET_X_MM`` / ``_Y_MM`` | ``0``: finite, within ±20 mm               |
| packs        | ``FORMFILL_PACKS``                   | none: extra pack folders, ``os.pathsep``   |
| today        | ``FORMFILL_TODAY``                   | the real date (``YYYY-MM-DD`` pins it)     |

The office keys live in one TOML file, ``formfill.toml`` in the user config folder (platformdirs);
``FORMFILL_CONFIG`` or ``--config PATH`` (:func:`use_config`) points elsewhere. Every key has a
default, so a missing default file is no error (a missing file that was named is). Sections and keys:
``[office]`` name, place, province, timezone (``Asia/Ho_Chi_Minh``), days_off (dates);
``[store]`` path, url (``FORMFILL_DATABASE_URL`` overrides; ``sqlite:///…`` or ``postgresql://…``);
``[kiosk]`` idle_seconds (120), countdown_seconds (20), forms (all), printer ("" = none), output_dir,
keep_pdf (false); ``[retention]`` draft_hours (24), submission_days (30). A bad value or an unknown
key is a :class:`SettingsError` naming ``section.key`` and the file.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from formfill.base.errors import FormfillError
from formfill.base.sections import (
    _KEY_ALLOWED,
    SECTIONS,
    KioskSettings,
    OfficeSettings,
    RetentionSettings,
    StoreSettings,
)

ENV_PREFIX = "FORMFILL_"
DRAFTS_FILE = "drafts.sqlite3"
CONFIG_FILE = "formfill.toml"
ENV_CONFIG = ENV_PREFIX + "CONFIG"
ENV_DATABASE_URL = ENV_PREFIX + "DATABASE_URL"
ENV_PASSWORD = ENV_PREFIX + "PASSWORD"  # an office account's password (the command line's login)
ENV_NEW_PASSWORD = ENV_PREFIX + "NEW_PASSWORD"  # a new account's password (office user add)


def password_from_env(new: bool = False) -> str | None:
    """``FORMFILL_PASSWORD`` (or ``FORMFILL_NEW_PASSWORD``): read here, where every variable is read,
    and never kept in :class:`Settings` (so a settings dump or error can never show it)."""
    return os.environ.get(ENV_NEW_PASSWORD if new else ENV_PASSWORD) or None


CONFIG_MAX_BYTES = 256 * 1024
OFFSET_LIMIT_MM = 20.0
DEFAULT_THEME = "formfill-contrast"
_THEME_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class SettingsError(FormfillError):
    """One or more settings have a value formfill cannot use; the message names each one.

    ``vi`` and ``en`` hold the two wordings; ``str(err)`` is the one of the current language.
    """

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.vi = "\n".join(vi for vi, _en in problems)
        self.en = "\n".join(en for _vi, en in problems)
        super().__init__(self.vi)

    def __str__(self) -> str:
        from formfill.base.i18n import tr

        return tr(self.vi, self.en)


def problem(name: str, raw: object, allowed_vi: str, allowed_en: str) -> tuple[str, str]:
    """One line of a :class:`SettingsError`: the variable (or option), the value given, what is allowed."""
    shown = repr(raw if not isinstance(raw, str) or len(raw) <= 60 else raw[:59] + "…")
    return (
        f"Cấu hình không hợp lệ: {name}={shown}. Giá trị cho phép: {allowed_vi}.",
        f"Invalid setting: {name}={shown}. Allowed: {allowed_en}.",
    )


# --- parsing one variable (raise ValueError; the caller turns it into a SettingsError) ----------------


def parse_lang(raw: str) -> Literal["vi", "en"]:
    low = raw.strip().lower()
    if low.startswith("en"):
        return "en"
    if low.startswith("vi"):
        return "vi"
    raise ValueError(raw)


def parse_offset(raw: str | float) -> float:
    """Millimetres, finite and within ±20 (a larger shift puts every value off its box, or off the page)."""
    value = float(raw.strip()) if isinstance(raw, str) else float(raw)
    if not math.isfinite(value) or abs(value) > OFFSET_LIMIT_MM:
        raise ValueError(raw)
    return value


def parse_today(raw: str) -> date:
    return date.fromisoformat(raw.strip())


def _parse_folder(raw: str) -> Path:
    path = Path(raw.strip())
    if path.exists() and not path.is_dir():
        raise ValueError(raw)  # an existing file where a folder is expected
    return path


def _parse_theme(raw: str) -> str:
    name = raw.strip()
    if not _THEME_NAME.match(name):
        raise ValueError(raw)
    return name


def _parse_ime(raw: str) -> str:
    low = raw.strip().lower()
    if low not in ("off", "telex", "vni"):
        raise ValueError(raw)
    return low


def _parse_keymap(raw: str) -> dict[str, str]:
    from formfill.base.json_input import loads_strict

    data = loads_strict(raw)
    if not isinstance(data, dict) or not all(isinstance(v, str) and v.strip() for v in data.values()):
        raise ValueError(raw)
    return data


def _parse_packs(raw: str) -> tuple[Path, ...]:
    return tuple(Path(p.strip()).expanduser() for p in raw.split(os.pathsep) if p.strip())


@dataclass(frozen=True)
class _Var:
    field: str
    parse: Callable[[str], object]
    allowed_vi: str
    allowed_en: str

    @property
    def env(self) -> str:
        return ENV_PREFIX + self.field.upper()


_FOLDER = ("đường dẫn một thư mục (không phải một tệp)", "the path of a folder (not a file)")
_OFFSET = (
    f"một số mm hữu hạn từ -{OFFSET_LIMIT_MM:g} đến {OFFSET_LIMIT_MM:g}, dấu chấm thập phân (ví dụ 1.5)",
    f"a finite number of mm from -{OFFSET_LIMIT_MM:g} to {OFFSET_LIMIT_MM:g}, decimal point (e.g. 1.5)",
)
VARIABLES: tuple[_Var, ...] = (
    _Var("lang", parse_lang, "vi hoặc en", "vi or en"),
    _Var("output_dir", _parse_folder, *_FOLDER),
    _Var("data_dir", _parse_folder, *_FOLDER),
    _Var("cache_dir", _parse_folder, *_FOLDER),
    _Var(
        "theme",
        _parse_theme,
        "tên một giao diện, chữ thường và dấu gạch nối (ví dụ formfill-contrast)",
        "a theme name in lower case and hyphens (e.g. formfill-contrast)",
    ),
    _Var("ime", _parse_ime, "off, telex hoặc vni", "off, telex or vni"),
    _Var(
        "keymap",
        _parse_keymap,
        'một đối tượng JSON {"mã phím tắt": "phím"}, ví dụ {"wizard.continue": "f8"}',
        'a JSON object {"binding id": "keys"}, e.g. {"wizard.continue": "f8"}',
    ),
    _Var("offset_x_mm", parse_offset, *_OFFSET),
    _Var("offset_y_mm", parse_offset, *_OFFSET),
    _Var(
        "packs",
        _parse_packs,
        f"các thư mục gói tờ khai, cách nhau bởi {os.pathsep!r}",
        f"form-pack folders separated by {os.pathsep!r}",
    ),
    _Var("today", parse_today, "một ngày dạng YYYY-MM-DD (ví dụ 2026-01-31)", "a date written YYYY-MM-DD"),
)
ENV_NAMES: tuple[str, ...] = tuple(v.env for v in VARIABLES)
_BY_FIELD = {v.field: v for v in VARIABLES}


def variable_problem(field: str, raw: object) -> tuple[str, str]:
    """The :func:`problem` line of a setting, by field name (``"offset_x_mm"``)."""
    var = _BY_FIELD[field]
    return problem(var.env, raw, var.allowed_vi, var.allowed_en)


def default_output_dir() -> Path:
    """A ``formfill`` folder in the user's documents."""
    return Path(platformdirs.user_documents_dir()) / "formfill"


# --- the TOML file: office, store, kiosk, retention ---------------------------------------------------


def default_config_path() -> Path:
    """``formfill.toml`` in the user config folder (platformdirs)."""
    return Path(platformdirs.user_config_dir("formfill", appauthor=False)) / CONFIG_FILE


_config_override: Path | None = None


def use_config(path: Path | None) -> None:
    """``--config PATH``: read this file instead of ``FORMFILL_CONFIG`` or the default (None: back)."""
    global _config_override
    _config_override = Path(path).expanduser() if path is not None else None


def config_path(environ: Mapping[str, str] | None = None) -> tuple[Path, bool]:
    """The config file in effect and whether it was named (``--config``, ``FORMFILL_CONFIG``)."""
    env = os.environ if environ is None else environ
    if _config_override is not None:
        return _config_override, True
    raw = env.get(ENV_CONFIG, "").strip()
    return (Path(raw).expanduser(), True) if raw else (default_config_path(), False)


def read_config(path: Path, named: bool) -> dict[str, dict[str, object]]:
    """The sections of the TOML file; {} when the default file does not exist. SettingsError otherwise."""
    name = "--config" if _config_override is not None else ENV_CONFIG if named else CONFIG_FILE
    try:
        if path.stat().st_size > CONFIG_MAX_BYTES:
            raise SettingsError(
                [problem(name, str(path), "một tệp TOML nhỏ (≤ 256 KB)", "a small TOML file")]
            )
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if named:
            raise SettingsError([problem(name, str(path), *_TOML_FILE)]) from None
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        why = str(exc) if isinstance(exc, tomllib.TOMLDecodeError) else type(exc).__name__
        raise SettingsError(
            [(f"Không đọc được tệp cấu hình {path}: {why}.", f"Cannot read the config file {path}: {why}.")]
        ) from None
    out: dict[str, dict[str, object]] = {}
    problems = []
    for section, body in data.items():
        if section not in SECTIONS or not isinstance(body, dict):
            problems.append(problem(f"{path}: [{section}]", body, *_SECTION_NAMES))
            continue
        out[section] = _relative_paths(section, body, path.parent)
    if problems:
        raise SettingsError(problems)
    return out


_TOML_FILE = ("đường dẫn một tệp TOML có thật", "the path of an existing TOML file")
_SECTION_NAMES = (
    "các mục [office], [store], [kiosk], [retention]",
    "sections [office], [store], [kiosk], [retention]",
)


def _relative_paths(section: str, body: dict[str, object], folder: Path) -> dict[str, object]:
    """Paths in the file are read relative to the file's folder (``~`` is the user's home)."""
    out = dict(body)
    for key in ("path", "output_dir"):
        raw = out.get(key)
        if isinstance(raw, str) and raw.strip():
            out[key] = folder / Path(raw.strip()).expanduser()
    return out


class Settings(BaseModel):
    """What formfill needs to know about its surroundings (see the table at the top of the module)."""

    model_config = ConfigDict(frozen=True)

    output_dir: Path = Field(default_factory=default_output_dir)
    data_dir: Path | None = None  # None: the storage layer's default (user data dir)
    lang: Literal["vi", "en"] | None = None  # None: keep the process language (--lang / FORMFILL_LANG)
    cache_dir: Path | None = None  # None: the user cache folder
    theme: str = DEFAULT_THEME
    ime: Literal["off", "telex", "vni"] = "off"
    keymap: dict[str, str] = Field(default_factory=dict)
    offset_x_mm: float = Field(0.0, ge=-OFFSET_LIMIT_MM, le=OFFSET_LIMIT_MM, allow_inf_nan=False)
    offset_y_mm: float = Field(0.0, ge=-OFFSET_LIMIT_MM, le=OFFSET_LIMIT_MM, allow_inf_nan=False)
    packs: tuple[Path, ...] = ()
    today: date | None = None
    # Test settings: a steady cursor makes screenshots deterministic.
    cursor_blink: bool = True
    # From the TOML file (config_file: the file read, None when there was none).
    config_file: Path | None = None
    office: OfficeSettings = Field(default_factory=OfficeSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)
    kiosk: KioskSettings = Field(default_factory=KioskSettings)
    retention: RetentionSettings = Field(default_factory=RetentionSettings)

    @property
    def database_url(self) -> str | None:
        """The PostgreSQL URL of the office store (``store.url`` / ``FORMFILL_DATABASE_URL``), or None."""
        return self.store.database_url

    @property
    def drafts_path(self) -> Path | None:
        """The database file of drafts and submissions (``store``, else the data folder), or None for
        the storage default (and None when the store is a PostgreSQL server: :attr:`database_url`)."""
        if self.store.database_url:
            return None
        if self.store.file is not None:
            return self.store.file
        return self.data_dir / DRAFTS_FILE if self.data_dir is not None else None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from ``FORMFILL_*`` variables (blank = default); keyword arguments win.

        Raises :class:`SettingsError` naming every variable whose value is invalid.
        """
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        problems: list[tuple[str, str]] = []
        for var in VARIABLES:
            raw = env.get(var.env, "")
            if not raw.strip():
                continue
            try:
                values[var.field] = var.parse(raw)
            except ValueError:
                problems.append(problem(var.env, raw, var.allowed_vi, var.allowed_en))
        if problems:
            raise SettingsError(problems)
        path, named = config_path(env)
        sections = read_config(path, named)
        if sections or named:
            values["config_file"] = path
        url = env.get(ENV_DATABASE_URL, "").strip()
        if url:
            sections = {**sections, "store": {**sections.get("store", {}), "url": url}}
        values.update(sections)
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            raise SettingsError(_problems_of(exc, path, url)) from None


def _problems_of(exc: ValidationError, path: Path | None = None, url: str = "") -> list[tuple[str, str]]:
    out = []
    for err in exc.errors():
        field = str(err["loc"][0]) if err["loc"] else ""
        var = _BY_FIELD.get(field)
        if var is not None:
            out.append(problem(var.env, err.get("input"), var.allowed_vi, var.allowed_en))
        elif field in SECTIONS and len(err["loc"]) > 1:
            key = f"{field}.{err['loc'][1]}"
            allowed = _KEY_ALLOWED.get(key, (str(err["msg"]), str(err["msg"])))
            where = ENV_DATABASE_URL if key == "store.url" and url else f"{path}: {key}"
            shown = err.get("input")
            if key == "store.url":  # a URL may hold a password: show its scheme only
                shown = str(shown).split("://", 1)[0] + "://…"
            out.append(problem(where, shown, *allowed))
        else:
            out.append(problem(field, err.get("input"), str(err["msg"]), str(err["msg"])))
    return out


def check_offset(option: str, value: float | None) -> float | None:
    """A command-line offset (``--offset-x``) checked like the variable; :class:`SettingsError` if not."""
    if value is None:
        return None
    try:
        return parse_offset(value)
    except (TypeError, ValueError):
        raise SettingsError([problem(option, value, *_OFFSET)]) from None


_cache: dict[tuple[str | None, ...], Settings] = {}


def current() -> Settings:
    """The settings of this process, from the environment as it is now (re-read when it changes)."""
    path, _named = config_path()
    try:
        stamp: object = path.stat().st_mtime_ns
    except OSError:
        stamp = None
    extra = (os.environ.get(ENV_CONFIG), os.environ.get(ENV_DATABASE_URL), str(path), str(stamp))
    key = tuple(os.environ.get(name) for name in ENV_NAMES) + extra
    found = _cache.get(key)
    if found is None:
        found = Settings.from_env()
        _cache.clear()  # one entry: tests change the environment often
        _cache[key] = found
    return found


def env_lang() -> Literal["vi", "en"] | None:
    """``FORMFILL_LANG`` alone, leniently (``None`` when unset or invalid): messages need a language
    even while the invalid value itself is being reported."""
    return _lenient_lang(os.environ.get(ENV_PREFIX + "LANG", ""))


@lru_cache(maxsize=8)
def _lenient_lang(raw: str) -> Literal["vi", "en"] | None:
    try:
        return parse_lang(raw) if raw.strip() else None
    except ValueError:
        return None
