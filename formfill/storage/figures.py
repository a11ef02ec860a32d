"""The office figures (``office stats``): built only from the anonymous tables.

``finish`` and ``finish_error`` (time and trouble: form, day, seconds, field paths and error types)
and ``satisfaction`` (form, day, weekday, score, visits) hold no value, no time finer than the day and
no identifier shared with a submission, so the figures outlive the retention of submissions.
"""

from __future__ import annotations

import sqlite3
import statistics
from datetime import date
from typing import Any

TOP_FIELDS = 10
VISITS = ("1", "2", "3+")


def _range(start: date | None, end: date | None) -> tuple[str, str]:
    # ISO days compare as text; open ends become sentinels outside any real date.
    return (start.isoformat() if start else "0000-00-00", end.isoformat() if end else "9999-99-99")


def _average(total: float, count: int) -> float | None:
    return round(total / count, 2) if count else None


def office_stats(conn: sqlite3.Connection, start: date | None, end: date | None) -> dict[str, Any]:
    """The JSON of ``office stats``: per form, the top failed fields, and satisfaction. Empty store:
    every list empty, every count 0 (averages and medians ``null``)."""
    low, high = _range(start, end)
    return {
        "from": start.isoformat() if start else None,
        "to": end.isoformat() if end else None,
        "forms": _forms(conn, low, high),
        "failed_fields": _failed_fields(conn, low, high),
        "satisfaction": _satisfaction(conn, low, high),
    }


def _forms(conn: sqlite3.Connection, low: str, high: str) -> list[dict[str, Any]]:
    seconds: dict[str, list[float]] = {}
    per_day: dict[str, dict[str, int]] = {}
    rows = conn.execute(
        "SELECT form_id, day, seconds FROM finish WHERE day BETWEEN ? AND ? ORDER BY form_id, day",
        (low, high),
    )
    for form_id, day, secs in rows:
        days = per_day.setdefault(form_id, {})
        days[day] = days.get(day, 0) + 1
        if secs is not None:
            seconds.setdefault(form_id, []).append(secs)
    out = []
    for form_id, days in per_day.items():
        timed = seconds.get(form_id)
        out.append(
            {
                "form": form_id,
                "submissions": sum(days.values()),
                "median_seconds": round(statistics.median(timed), 1) if timed else None,
                "per_day": [{"date": d, "count": n} for d, n in sorted(days.items())],
            }
        )
    return out


def _failed_fields(conn: sqlite3.Connection, low: str, high: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT f.form_id, e.field, count(DISTINCT e.finish_id) AS n"
        " FROM finish_error e JOIN finish f ON f.id = e.finish_id"
        " WHERE f.day BETWEEN ? AND ? GROUP BY f.form_id, e.field ORDER BY n DESC, f.form_id, e.field LIMIT ?",
        (low, high, TOP_FIELDS),
    )
    return [{"form": form, "field": field, "count": n} for form, field, n in rows]


def _satisfaction(conn: sqlite3.Connection, low: str, high: str) -> dict[str, Any]:
    distribution = {str(k): 0 for k in range(1, 6)}
    weekday = {str(k): [0, 0] for k in range(1, 8)}
    by_form: dict[str, list[int]] = {}
    visits = dict.fromkeys(VISITS, 0)
    total = count = 0
    rows = conn.execute(
        "SELECT form_id, weekday, score, visits FROM satisfaction WHERE day BETWEEN ? AND ?", (low, high)
    )
    for form_id, wd, score, visit in rows:
        count += 1
        total += score
        distribution[str(score)] += 1
        weekday[str(wd)][0] += 1
        weekday[str(wd)][1] += score
        form = by_form.setdefault(form_id, [0, 0])
        form[0] += 1
        form[1] += score
        visits[visit] += 1
    return {
        "count": count,
        "average": _average(total, count),
        "distribution": distribution,
        "by_weekday": {k: {"count": n, "average": _average(s, n)} for k, (n, s) in weekday.items()},
        "by_form": {k: {"count": n, "average": _average(s, n)} for k, (n, s) in sorted(by_form.items())},
        "visits": visits,
    }
