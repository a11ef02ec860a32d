"""Today's date and the current time, in one place, so that a test (or a demo) can pin the clock.

``FORMFILL_TODAY=YYYY-MM-DD`` pins the date every rule compares with ("not in the future", age on
the day of the declaration) and the time of day to noon of that date. It is read at every call, so
a subprocess started with it set sees the same day. Unset: the real clock. An invalid value raises
:class:`ClockSettingError`, a :class:`~formfill.base.settings.SettingsError` (exit 2 in the CLI).

Validation asks for today several times a row; :func:`same_day` reads the clock once for a run of
rows (one declaration, or a whole file) and every :func:`today` inside it answers from that reading.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime, time
from functools import lru_cache

from formfill.base.settings import SettingsError, parse_today, variable_problem

ENV_TODAY = "FORMFILL_TODAY"
_RUN_TODAY: ContextVar[date | None] = ContextVar("formfill_run_today", default=None)


class ClockSettingError(SettingsError, ValueError):
    """``FORMFILL_TODAY`` is set but is not a date written YYYY-MM-DD."""


@lru_cache(maxsize=8)
def _parse(raw: str) -> date:
    try:
        return parse_today(raw)
    except ValueError:
        raise ClockSettingError([variable_problem("today", raw)]) from None


def _pinned() -> date | None:
    raw = os.environ.get(ENV_TODAY, "").strip()
    return _parse(raw) if raw else None


def today() -> date:
    """Today's date: ``FORMFILL_TODAY`` when set, else the system's local date (inside
    :func:`same_day`: the date read when it started)."""
    return _RUN_TODAY.get() or _pinned() or date.today()


@contextmanager
def same_day() -> Iterator[date]:
    """Read today once for a run of work (validating one declaration, or a file of them).

    Every :func:`today` inside answers the date read on entry, so the rules of one run agree even
    across midnight, and the environment is not read again for each field. Nested runs keep the
    outer run's date.
    """
    outer = _RUN_TODAY.get()
    if outer is not None:
        yield outer
        return
    day = _pinned() or date.today()
    token = _RUN_TODAY.set(day)
    try:
        yield day
    finally:
        _RUN_TODAY.reset(token)


def now() -> datetime:
    """The local time now: noon of ``FORMFILL_TODAY`` when set, else the system's local time."""
    pinned = _pinned()
    return datetime.combine(pinned, time(12, 0)) if pinned else datetime.now()


def utc_now() -> datetime:
    """:func:`now` as an aware UTC time (for stored timestamps)."""
    return now().astimezone(UTC)
