"""Today's date and the current time, in one place, so that a test (or a demo) can pin the clock.

``FORMFILL_TODAY=YYYY-MM-DD`` pins the date every rule compares with ("not in the future", age on
the day of the declaration) and the time of day to noon of that date. It is read at every call, so
a subprocess started with it set sees the same day. Unset: the real clock.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time

ENV_TODAY = "FORMFILL_TODAY"


class ClockSettingError(ValueError):
    """``FORMFILL_TODAY`` is set but is not a date written YYYY-MM-DD."""


def _pinned() -> date | None:
    raw = os.environ.get(ENV_TODAY, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ClockSettingError(
            f"{ENV_TODAY}={raw!r}: phải là một ngày dạng YYYY-MM-DD / must be a date written YYYY-MM-DD"
        ) from None


def today() -> date:
    """Today's date: ``FORMFILL_TODAY`` when set, else the system's local date."""
    return _pinned() or date.today()


def now() -> datetime:
    """The local time now: noon of ``FORMFILL_TODAY`` when set, else the system's local time."""
    pinned = _pinned()
    return datetime.combine(pinned, time(12, 0)) if pinned else datetime.now()
