"""Kiosk logic without Textual: the office config as the kiosk reads it, the operator's PIN, the idle
clock, office prefill, the time-and-trouble record of one declaration, and handing a PDF to the printer.

The kiosk is a shared public terminal: whatever one citizen typed must be gone before the next one
comes. The pieces here are small and pure so that a test can drive them with a fake clock, and a
future web front end can reuse them.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from formfill.base.errors import FormfillError
from formfill.base.i18n import tr
from formfill.forms import FieldError, FormSpec, Section
from formfill.session.answers import FormSession
from formfill.storage import JSONValue

log = logging.getLogger("formfill.kiosk")

PIN_FILE = "kiosk-pin"
PIN_MIN, PIN_MAX = 4, 8
MAX_WRONG_PINS = 5
LOCK_SECONDS = 60.0
RESTART_CODE = 75  # EX_TEMPFAIL: the app asks its supervisor for a fresh start
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}

Monotonic = Callable[[], float]


class KioskError(FormfillError):
    """A kiosk setting or file formfill cannot use (the message says which, in the user's language)."""


# --- the office config, as the kiosk needs it ---------------------------------------------------------


@dataclass(frozen=True)
class KioskConfig:
    """The kiosk's view of ``formfill.toml`` (``office``, ``kiosk``, ``retention``, ``store`` tables)."""

    office_name: str = ""
    office_place: str = ""
    idle_seconds: float = 120.0
    countdown_seconds: float = 20.0
    forms: tuple[str, ...] = ()  # empty: every form
    printer: str = ""  # an ``lp`` destination; empty: no printer
    output_dir: Path | None = None
    keep_pdf: bool = False
    draft_hours: float = 24.0
    submission_days: float = 30.0
    store_path: Path | None = None
    config_path: Path | None = None

    @classmethod
    def from_settings(cls, settings: Any, config_path: Path | None = None) -> KioskConfig:
        """Read the nested tables of the settings model; a table it does not have keeps the default."""

        def pick(table: str, key: str, default: Any) -> Any:
            value = getattr(getattr(settings, table, None), key, None)
            return default if value is None else value

        forms = pick("kiosk", "forms", ())
        return cls(
            office_name=str(pick("office", "name", "")),
            office_place=str(pick("office", "place", "")),
            idle_seconds=float(pick("kiosk", "idle_seconds", 120)),
            countdown_seconds=float(pick("kiosk", "countdown_seconds", 20)),
            forms=tuple(forms) if not isinstance(forms, str) else (forms,),
            printer=str(pick("kiosk", "printer", "")),
            output_dir=_path(pick("kiosk", "output_dir", None)),
            keep_pdf=bool(pick("kiosk", "keep_pdf", False)),
            draft_hours=float(pick("retention", "draft_hours", 24)),
            submission_days=float(pick("retention", "submission_days", 30)),
            store_path=_path(getattr(getattr(settings, "store", None), "file", None)),
            config_path=config_path or getattr(settings, "config_file", None),
        )


def _path(value: Any) -> Path | None:
    return Path(value) if value not in (None, "") else None


def pin_path(config_file: Path | None) -> Path:
    """The ``kiosk-pin`` file beside the config file (``--config``, ``FORMFILL_CONFIG`` or the default)."""
    from formfill.base.settings import config_path

    return (config_file or config_path()[0]).parent / PIN_FILE


# --- the operator's PIN ------------------------------------------------------------------------------


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a PIN (4–8 digits), or None."""
    if not (pin.isascii() and pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX):
        return tr(
            f"Mã PIN phải gồm {PIN_MIN} đến {PIN_MAX} chữ số.",
            f"The PIN must be {PIN_MIN} to {PIN_MAX} digits.",
        )
    return None


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """``scrypt$n$r$p$salt$hash`` (hex): only this is ever written, never the PIN."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches a :func:`hash_pin` line (constant-time compare; a bad line never matches)."""
    try:
        kind, n, r, p, salt, digest = stored.strip().split("$")
        if kind != "scrypt":
            return False
        mine = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32)
        return hmac.compare_digest(mine, bytes.fromhex(digest))
    except (ValueError, MemoryError):
        return False


def write_pin(path: Path, pin: str) -> Path:
    """Write the salted hash of ``pin`` to ``path``, mode 0600, replacing an older PIN atomically."""
    from formfill.base.files import atomic_write_new

    problem = pin_problem(pin)
    if problem:
        raise KioskError(problem)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_new(path, (hash_pin(pin) + "\n").encode(), force=True)  # mkstemp: created 0600
    os.chmod(path, 0o600)
    return path


def read_pin(path: Path) -> str | None:
    """The stored hash, or None when no PIN was set (then operator mode stays closed)."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text or None


PinResult = Literal["ok", "wrong", "locked", "no-pin"]


class PinGuard:
    """The PIN prompt's memory: 5 wrong PINs lock it for 60 seconds."""

    def __init__(self, stored: str | None, clock: Monotonic = time.monotonic) -> None:
        self.stored = stored
        self.clock = clock
        self.wrong = 0
        self.locked_until = 0.0

    def locked_for(self) -> int:
        """Whole seconds left of a lock (0 when open)."""
        left = self.locked_until - self.clock()
        return max(0, int(left + 0.999))

    def attempt(self, pin: str) -> PinResult:
        if self.stored is None:
            return "no-pin"
        if self.locked_for():
            return "locked"
        if verify_pin(pin, self.stored):
            self.wrong = 0
            return "ok"
        self.wrong += 1
        log.warning("kiosk: wrong PIN (%d)", self.wrong)
        if self.wrong >= MAX_WRONG_PINS:
            self.wrong = 0
            self.locked_until = self.clock() + LOCK_SECONDS
            return "locked"
        return "wrong"


# --- the idle clock -----------------------------------------------------------------------------------

Phase = Literal["active", "countdown", "expired"]


class IdleClock:
    """Input resets it; after ``idle`` seconds a countdown of ``countdown`` seconds, then expiry."""

    def __init__(self, idle: float, countdown: float, clock: Monotonic = time.monotonic) -> None:
        self.idle = idle
        self.countdown = countdown
        self.clock = clock
        self.last = clock()

    def touch(self) -> None:
        self.last = self.clock()

    def phase(self) -> Phase:
        quiet = self.clock() - self.last
        if quiet < self.idle:
            return "active"
        return "countdown" if quiet < self.idle + self.countdown else "expired"

    def seconds_left(self) -> int:
        """Whole seconds until the wipe."""
        left = self.idle + self.countdown - (self.clock() - self.last)
        return max(0, int(left + 0.999))


# --- one citizen's declaration ------------------------------------------------------------------------


def office_prefill(spec: FormSpec, config: KioskConfig, today: date) -> dict[str, JSONValue]:
    """ "Kính gửi", "Làm tại" from the office, "Ngày làm tờ khai" today — for the fields the form has."""
    fields = spec.model.model_fields
    values: dict[str, JSONValue] = {}
    if "kinh_gui" in fields and config.office_name.strip():
        values["kinh_gui"] = config.office_name.strip()
    if "lam_tai" in fields and config.office_place.strip():
        values["lam_tai"] = config.office_place.strip()
    if "ngay_lam" in fields:
        values["ngay_lam"] = f"{today:%d/%m/%Y}"
    return values


@dataclass
class KioskSession(FormSession):
    """A :class:`FormSession` that also notes, without values, how long it took and what went wrong."""

    started: float | None = None
    monotonic: Monotonic = field(default=time.monotonic, repr=False)
    errors_met: dict[str, set[str]] = field(default_factory=dict, repr=False)

    def set(self, path: str, value: JSONValue) -> None:
        if self.started is None:
            self.started = self.monotonic()
        super().set(path, value)

    def section_errors(self, section: Section) -> list[FieldError]:
        found = super().section_errors(section)
        self.note_errors(found)
        return found

    def review_errors(self) -> list[FieldError]:
        found = super().review_errors()
        self.note_errors(found)
        return found

    def note_errors(self, errors: list[FieldError]) -> None:
        for err in errors:
            self.errors_met.setdefault(err.path, set()).add(err.type)

    def seconds(self) -> float:
        """From the first field answered to now (0 when nothing was typed)."""
        return 0.0 if self.started is None else max(0.0, self.monotonic() - self.started)

    def error_types(self) -> list[tuple[str, str]]:
        """(field path, error type) pairs met on the way (no values)."""
        return sorted((path, kind) for path, kinds in self.errors_met.items() for kind in kinds)


def papers_for(spec: FormSpec) -> list[str]:
    """The papers to bring to the counter, from the form's procedures (none when the metadata lacks them)."""
    papers: list[str] = []
    for proc in getattr(spec.meta, "procedures", ()) or ():
        for name in ("papers_in", "papers_shown", "papers"):
            for paper in getattr(proc, name, ()) or ():
                text = tr(paper, paper) if isinstance(paper, str) else str(paper)
                if text not in papers:
                    papers.append(text)
    return papers


# --- the printer --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Delivery:
    """What became of a PDF: printed or not, and the file left on disk (None when none stays)."""

    printed: bool
    kept: Path | None
    message: str


def deliver_pdf(data: bytes, name: str, config: KioskConfig) -> Delivery:
    """Print ``data`` with ``lp -d PRINTER`` or leave it in ``output_dir``.

    With a printer the file lives in a private temporary folder (or ``output_dir`` with ``keep_pdf``)
    only while ``lp`` reads it, and is removed afterwards unless ``keep_pdf``.
    """
    from formfill.base.files import atomic_write_new

    if not config.printer:
        if config.output_dir is None:
            return Delivery(False, None, tr("Chưa cấu hình máy in.", "No printer configured."))
        config.output_dir.mkdir(parents=True, exist_ok=True)
        path = atomic_write_new(config.output_dir / name, data)
        return Delivery(False, path, tr("Đã lưu tờ khai.", "The declaration was saved."))
    keep = config.keep_pdf and config.output_dir is not None
    folder = config.output_dir if keep else Path(tempfile.mkdtemp(prefix="formfill-kiosk-"))
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    path = atomic_write_new(folder / name, data)
    try:
        ok, said = _lp(config.printer, path)
    finally:
        if not keep:
            with contextlib.suppress(OSError):
                path.unlink()
            with contextlib.suppress(OSError):
                folder.rmdir()
    message = (
        tr("Đã gửi tờ khai tới máy in.", "Sent to the printer.")
        if ok
        else tr("Không in được, xin báo cán bộ.", "Could not print; please tell the officer.")
    )
    if not ok:
        log.warning("kiosk: lp failed (%s)", said[:80])
    return Delivery(ok, path if keep else None, message)


def _lp(printer: str, path: Path) -> tuple[bool, str]:
    lp = shutil.which("lp")
    if lp is None:
        return False, "lp"
    try:
        done = subprocess.run(
            [lp, "-d", printer, "--", str(path)], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, type(exc).__name__
    return done.returncode == 0, (done.stderr or done.stdout).strip()


# --- the terminal -------------------------------------------------------------------------------------

TERMINAL_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTSTP", "SIGQUIT") if hasattr(signal, name)
)


def ignore_terminal_signals() -> dict[int, Any]:
    """Ignore Ctrl+C, Ctrl+Z and Ctrl+\\ sent as signals; returns the old handlers for :func:`restore_signals`."""
    old: dict[int, Any] = {}
    for sig in TERMINAL_SIGNALS:
        with contextlib.suppress(ValueError, OSError):  # not the main thread
            old[sig] = signal.signal(sig, signal.SIG_IGN)
    return old


def restore_signals(old: Mapping[int, Any]) -> None:
    for sig, handler in old.items():
        with contextlib.suppress(ValueError, OSError, TypeError):
            signal.signal(sig, handler)


def notice_lines(config: KioskConfig) -> list[str]:
    """The privacy notice (Nghị định 13/2023/NĐ-CP, Luật Bảo vệ dữ liệu cá nhân 2025), plain words."""
    office = config.office_name.strip() or tr("cơ quan tiếp nhận hồ sơ", "the receiving office")
    hours = f"{config.draft_hours:g}"
    days = f"{config.submission_days:g}"
    return [
        tr(
            "Máy này giúp ông/bà điền tờ khai. Ông/bà sẽ nhập họ tên, ngày sinh, số định danh cá nhân, "
            "nơi cư trú và các thông tin khác mà tờ khai yêu cầu.",
            "This machine helps you fill a declaration. You will enter names, dates of birth, personal ID "
            "numbers, residence and what else the form asks.",
        ),
        tr(
            f"Mục đích: chỉ để lập tờ khai và để {office} tiếp nhận, giải quyết hồ sơ của ông/bà.",
            f"Why: only to make the declaration and for {office} to receive and handle your dossier.",
        ),
        tr(f"Đơn vị xử lý dữ liệu: {office}.", f"Who processes the data: {office}."),
        tr(
            f"Thời gian lưu: bản lưu để làm tiếp bị xoá sau {hours} giờ; tờ khai đã nộp bị xoá sau "
            f"{days} ngày. Khi ông/bà rời máy, mọi thông tin trên màn hình được xoá.",
            f"Kept for: a saved draft {hours} hours; a submitted declaration {days} days. When you "
            "leave, everything on screen is wiped.",
        ),
        tr(
            "Quyền của ông/bà: được biết, đồng ý hoặc không đồng ý, xem, sửa, yêu cầu xoá dữ liệu của "
            "mình — hỏi cán bộ tại bộ phận một cửa.",
            "Your rights: to know, to agree or refuse, to see, correct and have your data deleted — ask "
            "the officer at the one-stop counter.",
        ),
        tr(
            "Không đồng ý thì máy không lưu gì.",
            "If you do not agree, nothing is stored.",
        ),
    ]
