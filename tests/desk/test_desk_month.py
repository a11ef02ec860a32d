"""The office report and the dashboard for a month generated in a real store: the figures are there,
the people are not (the PDF's text is searched for every generated name and ID number)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from formfill.session.desk import DeskService
from formfill.session.desk_view import dashboard_charts
from tests.desk.month_store import Clock, fill_month
from tests.desk.office import OFFICER, OFFICER_PASS, open_store, pdf_text, with_accounts


def test_report_of_a_generated_month_holds_no_personal_data(tmp_path: Path) -> None:
    clock = Clock()
    store = with_accounts(open_store(tmp_path / "office.sqlite3", clock=clock))
    try:
        filings = fill_month(store, clock)
        desk = DeskService(store)
        desk.login(OFFICER, OFFICER_PASS)
        stats = desk.stats(date(2026, 11, 1), date(2026, 11, 30))
        assert sum(f["submissions"] for f in stats["forms"]) == len(filings)
        expected = {k: sum(1 for f in filings if f.result == k) for k in ("before", "on_time", "late")}
        assert desk.stats()["results"] == expected  # all of them (the period counts those returned in it)
        assert sum(stats["results"].values()) < sum(expected.values())
        paper = desk.report(date(2026, 11, 1), date(2026, 11, 30))
        text = pdf_text(paper.data)
        assert "BÁO CÁO SỐ LIỆU" in text and "Kỳ báo cáo: từ ngày 01/11/2026 đến ngày 30/11/2026" in text
        assert f"{len(filings)}" in text
        for f in filings:
            assert f.name not in text and f.id_number not in text
        charts = "\n".join(dashboard_charts(stats))
        for f in filings:
            assert f.name not in charts and f.id_number not in charts
        assert store.audit_entries()[-1].action == "print"
    finally:
        store.close()
