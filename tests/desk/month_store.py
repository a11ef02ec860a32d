"""A generated month in a real store: the filings of :mod:`tests.desk.month` (made-up people with
names and ID numbers) submitted on their days, rated, received and returned — so the desk's figures
and the office report come from the store itself. Used by the report test and the screenshot script."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from tests.desk.month import Filing, generate

ROOT = Path(__file__).resolve().parents[2]
VN = __import__("zoneinfo").ZoneInfo("Asia/Ho_Chi_Minh")
RESULT_DAYS = {"before": 1, "on_time": 3, "late": 5}  # returned this many days after reception; due in 3


class Clock:
    """The store's clock, moved by hand to each filing's moment."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def _declaration(filing: Filing) -> dict[str, Any]:
    """The form's example with the made-up person's name and ID number in it (as a kiosk would store)."""
    data = json.loads((ROOT / "examples" / filing.form / "valid-1.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    key = (
        "nguoi_ke_khai"
        if filing.form == "ct01"
        else "ben_nu"
        if filing.form == "ket-hon"
        else "nguoi_yeu_cau"
    )
    person = data.setdefault(key, {})
    person["ho_ten"], person["so_dinh_danh_ca_nhan"] = filing.name, filing.id_number
    return data


def fill_month(store: Any, clock: Clock, start: date = date(2026, 11, 1), seed: int = 15) -> list[Filing]:
    """Submit, rate, receive and return the generated month's filings; the filings (with their people)."""
    filings = generate(start, seed=seed)
    for k, f in enumerate(filings):
        moment = datetime.combine(f.day, time(8, 0), VN) + timedelta(minutes=7 * (k % 60))
        clock.now = moment.astimezone(UTC)
        sub = store.submit(f.form, "1", _declaration(f), seconds=f.seconds,
                           errors=[(p, "value_error") for p in f.errors], actor="kiosk:test")  # fmt: skip
        if f.score is not None:
            store.record_satisfaction(f.form, f.day, f.score, None, "1")
        if f.result is None:
            continue
        due = moment + timedelta(days=3)
        store.record_reception(sub.code, actor="an", procedure="x", papers=[1], dossier_code=None,
                               received_at=moment, due_at=due, extend_days=0, kind="receive")  # fmt: skip
        store.mark_returned(sub.code, actor="an", at=moment + timedelta(days=RESULT_DAYS[f.result]))
    return filings
