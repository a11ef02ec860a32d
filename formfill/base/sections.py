"""The sections of ``formfill.toml``: office, store, kiosk, retention (read by :mod:`formfill.base.settings`).

Kept apart so the settings module stays one screenful of environment handling; nothing here reads
the environment or a file. Each key has a default; ``_KEY_ALLOWED`` says what a key allows, for the
message that names it.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["SECTIONS", "KioskSettings", "OfficeSettings", "RetentionSettings", "StoreSettings"]


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class OfficeSettings(_Section):
    """The office the kiosk stands in: prefills "Kính gửi" / "Làm tại"; its clock is local time there."""

    name: str = Field("", max_length=200)
    place: str = Field("", max_length=200)
    province: str = Field("", max_length=200)
    timezone: str = "Asia/Ho_Chi_Minh"
    days_off: tuple[date, ...] = ()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(value) from None
        return value

    @field_validator("days_off", mode="before")
    @classmethod
    def _dates(cls, value: object) -> object:
        # TOML has dates (2026-09-02); a dd/mm/yyyy string, as the office writes it, is read too.
        if isinstance(value, list | tuple):
            return [_ddmmyyyy(v) if isinstance(v, str) else v for v in value]
        return value

    @property
    def zone(self):  # type: ignore[no-untyped-def]  # -> zoneinfo.ZoneInfo
        """The office's time zone: every office time (receipt, day of a figure) is local time there."""
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.timezone)


def _ddmmyyyy(text: str) -> date | str:
    try:
        return datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        return text  # ISO, or wrong: pydantic decides and names the key


POSTGRES_PREFIXES = ("postgresql://", "postgres://")


class StoreSettings(_Section):
    """Where submissions and drafts live: one SQLite file (``path``, or ``url = "sqlite:///…"``) or a
    PostgreSQL server (``url = "postgresql://user@host:5432/db"``; the password belongs in the
    server's ``pg_hba``/``.pgpass`` or ``PGPASSWORD``, not in this file)."""

    path: Path | None = None
    url: str = ""

    @field_validator("url")
    @classmethod
    def _known_scheme(cls, value: str) -> str:
        value = value.strip()
        if value and not value.startswith(("sqlite:///", *POSTGRES_PREFIXES)):
            raise ValueError("scheme")  # never echo the URL: it may hold a password
        return value

    @property
    def file(self) -> Path | None:
        """The SQLite file named by ``url`` (which wins) or ``path``; None for the default or PostgreSQL."""
        if self.url.startswith("sqlite:///"):
            return Path(self.url.removeprefix("sqlite:///")).expanduser()
        if self.url:
            return None
        return self.path

    @property
    def database_url(self) -> str | None:
        """The PostgreSQL URL, when the store is on a server; None for SQLite."""
        return self.url if self.url.startswith(POSTGRES_PREFIXES) else None


class KioskSettings(_Section):
    """The locked-down public terminal."""

    idle_seconds: int = Field(120, ge=1, le=86_400)
    countdown_seconds: int = Field(20, ge=1, le=600)
    forms: tuple[str, ...] = ()  # empty: every form
    printer: str = Field("", pattern=r"^[A-Za-z0-9._@:/-]{0,100}$")  # an lp destination; "" = none
    output_dir: Path | None = None  # None: the output folder
    keep_pdf: bool = False


class RetentionSettings(_Section):
    """How long personal data stays: unfinished drafts and resume codes, then submissions."""

    draft_hours: float = Field(24.0, gt=0, le=24 * 366, allow_inf_nan=False)
    submission_days: float = Field(30.0, gt=0, le=3660, allow_inf_nan=False)


SECTIONS: dict[str, type[_Section]] = {
    "office": OfficeSettings,
    "store": StoreSettings,
    "kiosk": KioskSettings,
    "retention": RetentionSettings,
}
# What each key allows, for the message that names it (Vietnamese, English).
_KEY_ALLOWED: dict[str, tuple[str, str]] = {
    "office.timezone": (
        "một múi giờ IANA, ví dụ Asia/Ho_Chi_Minh",
        "an IANA time zone, e.g. Asia/Ho_Chi_Minh",
    ),
    "office.days_off": (
        'danh sách ngày, ví dụ [2026-09-01, "02/09/2026"]',
        'a list of dates, e.g. [2026-09-01, "02/09/2026"]',
    ),
    "store.url": (
        "sqlite:///đường/dẫn/tệp hoặc postgresql://người_dùng@máy:5432/tên_csdl",
        "sqlite:///path/to/file or postgresql://user@host:5432/dbname",
    ),
    "kiosk.idle_seconds": ("số giây nguyên từ 1 đến 86400", "whole seconds from 1 to 86400"),
    "kiosk.countdown_seconds": ("số giây nguyên từ 1 đến 600", "whole seconds from 1 to 600"),
    "kiosk.printer": (
        "tên máy in của lp (chữ, số, . _ @ : / -) hoặc rỗng",
        "an lp destination name, or empty",
    ),
    "kiosk.keep_pdf": ("true hoặc false", "true or false"),
    "kiosk.forms": (
        'danh sách mã tờ khai, ví dụ ["khai-sinh", "ct01"]',
        'a list of form ids, e.g. ["khai-sinh"]',
    ),
    "retention.draft_hours": ("số giờ lớn hơn 0 (tối đa 8784)", "hours above 0 (at most 8784)"),
    "retention.submission_days": ("số ngày lớn hơn 0 (tối đa 3660)", "days above 0 (at most 3660)"),
}
