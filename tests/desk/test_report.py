"""The office report: Vietnamese labels, every chart, and no personal value from the month it counts."""

from __future__ import annotations

import io
import re
from datetime import date

import pdfplumber
from pypdf import PdfReader

from formfill.base.sections import OfficeSettings
from formfill.desk.names import form_name
from formfill.desk.report import office_report_pdf, per_day_series
from tests.desk.month import generate, stats_of

START, END = date(2026, 11, 1), date(2026, 11, 30)


def test_report_of_a_generated_month() -> None:
    filings = generate(START)
    stats = stats_of(filings, START, END)
    pdf = office_report_pdf(
        stats, START, END, OfficeSettings(name="UBND phường Sa Đéc"), made=date(2026, 12, 1)
    )
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
    for label in (
        "BÁO CÁO SỐ LIỆU TIẾP NHẬN TỜ KHAI VÀ MỨC ĐỘ HÀI LÒNG",
        "Kỳ báo cáo: từ ngày 01/11/2026 đến ngày 30/11/2026",
        "Số tờ khai nộp theo ngày",
        "Thời gian khai trung vị",
        "hay bị khai sai",
        "Phân bố mức độ hài lòng",
        "theo thứ trong tuần",
        "Rất hài lòng",
        "Thứ Hai",
        "Trước hạn",
        "Đúng hạn",
        "Quá hạn",
        "không phải Chỉ số hài lòng SIPAS",
    ):
        assert label in text, label
    assert str(len(filings)) in text  # the total
    flat = " ".join(text.split())
    for form_id in {f.form for f in filings}:  # every form by its short name, never its id
        assert form_name(form_id) in flat, form_id
        assert form_id not in flat.replace("CT01", ""), form_id
    # the failing fields by their labels and forms, none by its path (wrapped labels read whole)
    for line in ("Người yêu cầu › Số định danh cá nhân — Xác nhận TTHN", "Đã chết vào ngày — Khai tử"):
        assert line in flat, line
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", flat)
    for f in filings:  # no name or ID number of the month reaches the report
        assert f.name not in text and f.id_number not in text
    meta = PdfReader(io.BytesIO(pdf)).metadata or {}
    assert "Sa Đéc" not in " ".join(str(v) for v in meta.values())
    again = office_report_pdf(
        stats, START, END, OfficeSettings(name="UBND phường Sa Đéc"), made=date(2026, 12, 1)
    )
    assert again == pdf  # deterministic


def test_empty_period_still_makes_a_report() -> None:
    empty = {"forms": [], "failed_fields": [], "satisfaction": {}, "results": {}}
    pdf = office_report_pdf(empty, START, END, OfficeSettings(), made=date(2026, 12, 1))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
    assert "Chưa có số liệu trong kỳ" in text


def test_per_day_series_covers_every_day_and_merges_small_forms() -> None:
    stats = stats_of(generate(START), START, END)
    days, series = per_day_series(stats, START, END)
    assert len(days) == 30 and days[0] == "01/11"
    assert len(series) == 6 and series[-1][0] == "Tờ khai khác"
    assert [name for name, _ in series[:2]] == ["Xác nhận TTHN", "Khai tử"]  # the legend: short names
    assert sum(sum(v) for _, v in series) == sum(f["submissions"] for f in stats["forms"])
