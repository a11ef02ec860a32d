"""Working days at the office: when a dossier received now is due, in the office's own time zone.

Time limits of the one-stop procedures count working days: Saturdays, Sundays and Viet Nam's public
holidays are skipped, as the ``holidays`` library knows them (Tết, Giỗ Tổ, 30/4, 1/5, 2/9, the days
the government moves, and the Saturdays it makes working days in exchange), plus the office's own
announced days off (``office.days_off``). The count starts on the working day after the reception
(3 working days from Thursday 10:00 end on Tuesday); a same-day procedure is due the day it is
received, or the next working day when the procedure says so for a dossier received late
(khai sinh: after 15:00). A result is due at the end of that working day (:data:`DUE_TIME`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from formfill.base.errors import FormfillError
from formfill.base.i18n import tr
from formfill.base.sections import OfficeSettings
from formfill.model.block import Procedure

# The end of the office's working day: a result due on a day is due by then, and a dossier received
# after it counts as received on the next working day.
DUE_TIME = time(17, 0)
MAX_DAYS = 365  # no procedure takes a year of working days: a larger figure is a typing error


class DueDateError(FormfillError):
    """A due date that cannot be computed from what was given (the officer must give or fix a figure)."""


class WorkCalendar:
    """Which days the office works: weekdays that are no public holiday and no announced day off."""

    def __init__(self, days_off: Iterable[date] = (), country: str = "VN") -> None:
        self.days_off = frozenset(days_off)
        self.country = country

    @cached_property
    def _holidays(self) -> Any:
        import holidays  # a few ms to import; only the desk needs it

        return holidays.country_holidays(self.country, language="vi")

    def holiday(self, day: date) -> str | None:
        """The day's public holiday or day off, in Vietnamese; None on an ordinary day."""
        if day in self.days_off:
            return tr("Ngày nghỉ của cơ quan", "Office day off")
        name = self._holidays.get(day)
        return str(name) if name else None

    def is_working_day(self, day: date) -> bool:
        """Not a weekend (unless the government made it a working day), holiday or day off."""
        return day not in self.days_off and bool(self._holidays.is_working_day(day))

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        nxt = day + timedelta(days=1)
        for _ in range(MAX_DAYS):
            if self.is_working_day(nxt):
                return nxt
            nxt += timedelta(days=1)
        raise DueDateError(tr("Không có ngày làm việc nào trong một năm.", "No working day within a year."))

    def add_working_days(self, day: date, count: int) -> date:
        """The ``count``-th working day after ``day`` (``day`` itself not counted; 0: ``day``)."""
        for _ in range(count):
            day = self.next_working_day(day)
        return day


def calendar_for(office: OfficeSettings) -> WorkCalendar:
    """The office's calendar (its configured days off added to the country's)."""
    return WorkCalendar(office.days_off)


@dataclass(frozen=True)
class Due:
    """When a received dossier is due, and how that was counted (for the receipt and the audit)."""

    received_at: datetime  # local time at the office
    counted_from: date  # the working day the count starts from
    days: int  # the procedure's working days (or the officer's, when the procedure has none)
    extend_days: int  # working days added for checks
    due_at: datetime  # local time at the office: the end of the due working day

    @property
    def total_days(self) -> int:
        return self.days + self.extend_days


def due_date(
    received_at: datetime,
    procedure: Procedure,
    office: OfficeSettings,
    *,
    extend_days: int = 0,
    days: int | None = None,
    calendar: WorkCalendar | None = None,
) -> Due:
    """When a dossier of ``procedure`` received at ``received_at`` is due.

    Args:
        received_at: the reception time; a naive time is local time at the office.
        procedure: its ``time_limit_days`` (0: the same working day), ``late_after`` and
            ``extend_days_max`` rule the count.
        office: the time zone and the days off.
        extend_days: working days an officer adds for checks (within ``extend_days_max``).
        days: the officer's figure for a procedure decided case by case (``time_limit_days`` None).

    Raises:
        DueDateError: no figure for a case-by-case procedure, a figure for one that has its own,
            or an extension the law does not allow; the message says which, in Vietnamese.
    """
    zone = ZoneInfo(office.timezone)
    local = received_at.astimezone(zone) if received_at.tzinfo else received_at.replace(tzinfo=zone)
    limit = _limit(procedure, days)
    _check_extension(procedure, extend_days)
    cal = calendar or calendar_for(office)
    start = local.date()
    late = procedure.late_after is not None and local.time() > procedure.late_after
    if not cal.is_working_day(start) or late or local.time() >= DUE_TIME:
        start = cal.next_working_day(start)
    due_day = cal.add_working_days(start, limit + extend_days)
    return Due(
        received_at=local,
        counted_from=start,
        days=limit,
        extend_days=extend_days,
        due_at=datetime.combine(due_day, DUE_TIME, tzinfo=zone),
    )


def _limit(procedure: Procedure, days: int | None) -> int:
    if procedure.time_limit_days is None:
        if days is None:
            raise DueDateError(
                tr(
                    "Thời hạn của thủ tục này tùy từng trường hợp: cán bộ cần nhập số ngày làm việc.",
                    "This procedure's time limit depends on the case: give the number of working days.",
                )
            )
        if not 0 <= days <= MAX_DAYS:
            raise DueDateError(
                tr(f"Số ngày làm việc phải từ 0 đến {MAX_DAYS}.", f"Working days must be 0 to {MAX_DAYS}.")
            )
        return days
    if days is not None and days != procedure.time_limit_days:
        raise DueDateError(
            tr(
                f"Thủ tục này có thời hạn {procedure.time_limit_days} ngày làm việc theo quy định; "
                "muốn thêm ngày để xác minh thì dùng gia hạn.",
                f"This procedure's time limit is {procedure.time_limit_days} working days; "
                "add days for checks as an extension.",
            )
        )
    return procedure.time_limit_days


def _check_extension(procedure: Procedure, extend_days: int) -> None:
    if extend_days < 0 or extend_days > MAX_DAYS:
        raise DueDateError(
            tr(
                f"Số ngày gia hạn phải từ 0 đến {MAX_DAYS}.",
                f"Extension days must be 0 to {MAX_DAYS}.",
            )
        )
    most = procedure.extend_days_max or 0
    if extend_days > most:
        raise DueDateError(
            tr(
                f"Thủ tục này chỉ được thêm tối đa {most} ngày làm việc để xác minh.",
                f"This procedure allows at most {most} extra working days for checks.",
            )
            if most
            else tr(
                "Quy định của thủ tục này không cho thêm ngày để xác minh.",
                "This procedure's rules allow no extra days for checks.",
            )
        )


def result_timing(returned_at: datetime, due_at: datetime, office: OfficeSettings) -> str:
    """``before``, ``on_time`` or ``late``: the day a result was returned against its due day (local days:
    returned on the due day is on time, whatever the hour)."""
    zone = ZoneInfo(office.timezone)
    returned = (returned_at.astimezone(zone) if returned_at.tzinfo else returned_at).date()
    due = (due_at.astimezone(zone) if due_at.tzinfo else due_at).date()
    return "before" if returned < due else "on_time" if returned == due else "late"


def result_counts(pairs: Iterable[tuple[datetime, datetime]], office: OfficeSettings) -> dict[str, int]:
    """``office stats``' ``results`` from (returned_at, due_at) of the results returned in the period."""
    counts = {"before": 0, "on_time": 0, "late": 0}
    for returned_at, due_at in pairs:
        counts[result_timing(returned_at, due_at, office)] += 1
    return counts
