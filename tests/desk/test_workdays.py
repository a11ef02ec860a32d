"""Due dates in working days, in the office's time zone (acceptance of issue 15)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from formfill.base.sections import OfficeSettings
from formfill.catalog import get_form
from formfill.desk.workdays import DUE_TIME, DueDateError, WorkCalendar, due_date, result_counts
from formfill.model.block import Procedure

HCM = OfficeSettings(timezone="Asia/Ho_Chi_Minh")


def proc(days: int | None, *, late_after: time | None = None, extend: int | None = None) -> Procedure:
    return Procedure("", "thử", days, "", (), (), "", "", late_after=late_after, extend_days_max=extend)


def local(y: int, m: int, d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=HCM.zone)


def test_three_working_days_from_thursday_is_tuesday() -> None:
    due = due_date(local(2025, 11, 27, 10), proc(3), HCM)
    assert due.due_at == local(2025, 12, 2, 17)
    assert due.due_at.strftime("%A") == "Tuesday"


def test_the_time_zone_is_the_office_s() -> None:
    # 03:00 UTC is 10:00 in Ho Chi Minh City; 20:00 UTC on Thursday is already Friday 03:00 there
    assert due_date(datetime(2025, 11, 27, 3, 0, tzinfo=UTC), proc(3), HCM).due_at.date() == date(2025, 12, 2)
    assert due_date(datetime(2025, 11, 27, 20, 0, tzinfo=UTC), proc(3), HCM).due_at.date() == date(
        2025, 12, 3
    )
    # a naive time is local time at the office
    assert due_date(datetime(2025, 11, 27, 10, 0), proc(3), HCM).due_at == local(2025, 12, 2, 17)


def test_same_day_after_15_is_next_working_day() -> None:
    same_day = proc(0, late_after=time(15, 0))
    assert due_date(local(2025, 11, 27, 14, 59), same_day, HCM).due_at == local(2025, 11, 27, 17)
    assert due_date(local(2025, 11, 27, 15, 0), same_day, HCM).due_at == local(2025, 11, 27, 17)
    assert due_date(local(2025, 11, 27, 15, 1), same_day, HCM).due_at == local(2025, 11, 28, 17)
    # Friday after 15:00: Monday
    assert due_date(local(2025, 11, 28, 16, 0), same_day, HCM).due_at == local(2025, 12, 1, 17)
    # without the rule, a same-day procedure received at 16:00 is due that day
    assert due_date(local(2025, 11, 27, 16, 0), proc(0), HCM).due_at == local(2025, 11, 27, 17)


def test_khai_sinh_carries_the_15_00_rule() -> None:
    (procedure,) = get_form("khai-sinh").meta.procedures
    assert procedure.time_limit_days == 0 and procedure.late_after == time(15, 0)
    assert due_date(local(2025, 11, 27, 15, 30), procedure, HCM).due_at.date() == date(2025, 11, 28)


def test_weekend_and_library_holidays_are_skipped() -> None:
    # Friday 29/08/2025 + 3: Sat 30, Sun 31, 1/9 and 2/9 (Quốc khánh) skipped -> Wed 3, Thu 4, Fri 5
    assert due_date(local(2025, 8, 29, 9), proc(3), HCM).due_at.date() == date(2025, 9, 5)
    # received on a holiday: counted from the next working day
    assert due_date(local(2025, 9, 2, 9), proc(0), HCM).due_at.date() == date(2025, 9, 3)
    cal = WorkCalendar()
    assert not cal.is_working_day(date(2026, 2, 17))  # Tết 2026
    assert cal.holiday(date(2025, 9, 2)) == "Quốc khánh"
    assert cal.is_working_day(date(2025, 4, 26))  # a Saturday the government made a working day


def test_configured_day_off_is_skipped() -> None:
    office = OfficeSettings(days_off=["01/12/2025"])  # as formfill.toml may write it
    assert due_date(local(2025, 11, 27, 10), proc(3), office).due_at.date() == date(2025, 12, 3)
    assert due_date(local(2025, 12, 1, 10), proc(0), office).due_at.date() == date(2025, 12, 2)


def test_extend_days_adds_working_days() -> None:
    checks = proc(3, extend=5)
    due = due_date(local(2025, 11, 27, 10), checks, HCM, extend_days=2)
    assert due.due_at.date() == date(2025, 12, 4) and due.total_days == 5
    with pytest.raises(DueDateError, match="tối đa 5"):
        due_date(local(2025, 11, 27, 10), checks, HCM, extend_days=6)
    with pytest.raises(DueDateError, match="không cho thêm ngày"):
        due_date(local(2025, 11, 27, 10), proc(3), HCM, extend_days=1)
    with pytest.raises(DueDateError):
        due_date(local(2025, 11, 27, 10), checks, HCM, extend_days=-1)


def test_case_by_case_procedure_needs_the_officer_s_days() -> None:
    with pytest.raises(DueDateError, match="cán bộ cần nhập số ngày"):
        due_date(local(2025, 11, 27, 10), proc(None), HCM)
    assert due_date(local(2025, 11, 27, 10), proc(None), HCM, days=1).due_at.date() == date(2025, 11, 28)
    with pytest.raises(DueDateError, match="gia hạn"):
        due_date(local(2025, 11, 27, 10), proc(3), HCM, days=5)


def test_received_after_the_working_day_counts_from_the_next() -> None:
    assert DUE_TIME == time(17, 0)
    assert due_date(local(2025, 11, 27, 17, 30), proc(0), HCM).due_at == local(2025, 11, 28, 17)


def test_ct01_procedures_from_the_form_metadata() -> None:
    days = {p.name.split(" (")[0]: p.time_limit_days for p in get_form("ct01").meta.procedures}
    assert days == {"Đăng ký thường trú": 7, "Đăng ký tạm trú": 3, "Khai báo thay đổi thông tin cư trú": 3}
    thuong_tru = get_form("ct01").meta.procedures[0]
    assert due_date(local(2025, 11, 27, 10), thuong_tru, HCM).due_at.date() == date(2025, 12, 8)


def test_results_before_on_time_late() -> None:
    due = local(2025, 12, 2, 17)
    pairs = [(local(2025, 12, 1, 9), due), (local(2025, 12, 2, 18), due), (local(2025, 12, 3, 8), due)]
    assert result_counts(pairs, HCM) == {"before": 1, "on_time": 1, "late": 1}
