"""The office report for a period (``office report``): the office figures as a Vietnamese PDF with
charts, what an office brings to its six-month review.

It is drawn from the figures of ``office stats --json`` alone (plus ``results``: dossiers returned
before, on, after their due date), which hold no personal value: no name, ID number or field value
can reach the report. Charts are reportlab's own (:mod:`formfill.desk.charts`); the page is
reportlab's platypus with the embedded serif, deterministic like every formfill PDF. Forms go by
their short names and failing fields by their labels (:mod:`formfill.desk.names`), as on the desk.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from formfill.base.sections import OfficeSettings
from formfill.desk import charts
from formfill.desk.names import field_name, form_name
from formfill.render.fonts import BOLD, ITALIC, REGULAR, ensure_fonts

TITLE = "BÁO CÁO SỐ LIỆU TIẾP NHẬN TỜ KHAI VÀ MỨC ĐỘ HÀI LÒNG"
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")  # ISO 1–7
SCORES = ("Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng")  # 1–5
RESULTS = (("before", "Trước hạn"), ("on_time", "Đúng hạn"), ("late", "Quá hạn"))
MAX_SERIES = 5  # forms drawn in their own colour in the per-day chart; the rest as "Tờ khai khác"
NOT_SIPAS = (
    "Số liệu do máy kiosk và bàn tiếp nhận của cơ quan tự ghi nhận; đây không phải Chỉ số hài lòng SIPAS "
    "(QĐ 1001/QĐ-BNV). Báo cáo không chứa dữ liệu cá nhân."
)


def _number(value: float | None, decimals: int = 0) -> str:
    """Vietnamese figures: 1.234 and 4,25; a dash for no figure."""
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _vn_date(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def per_day_series(
    stats: dict[str, Any], start: date, end: date
) -> tuple[list[str], list[tuple[str, list[float]]]]:
    """Day labels (dd/mm) and, per form, its count on each day (the biggest forms first, the rest merged)."""
    days = _days(start, end)
    index = {d.isoformat(): i for i, d in enumerate(days)}
    forms = sorted(stats.get("forms", []), key=lambda f: (-f.get("submissions", 0), f["form"]))
    series: list[tuple[str, list[float]]] = []
    other = [0.0] * len(days)
    for k, form in enumerate(forms):
        counts = [0.0] * len(days)
        for point in form.get("per_day", []):
            if point["date"] in index:
                counts[index[point["date"]]] += point["count"]
        if k < MAX_SERIES:
            series.append((form_name(form["form"]), counts))
        else:
            other = [a + b for a, b in zip(other, counts, strict=True)]
    if any(other):
        series.append(("Tờ khai khác", other))
    return [f"{d:%d/%m}" for d in days], series


def _styles() -> dict[str, ParagraphStyle]:
    return {
        "office": ParagraphStyle("office", fontName=BOLD, fontSize=10, leading=13, alignment=TA_CENTER),
        "title": ParagraphStyle(
            "title", fontName=BOLD, fontSize=13, leading=17, alignment=TA_CENTER, spaceBefore=6
        ),
        "sub": ParagraphStyle("sub", fontName=ITALIC, fontSize=10, leading=13, alignment=TA_CENTER),
        "h": ParagraphStyle("h", fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4),
        "body": ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5),
        "note": ParagraphStyle("note", fontName=ITALIC, fontSize=8.5, leading=11),
    }


def _summary(stats: dict[str, Any], style: ParagraphStyle) -> Table:
    sat = stats.get("satisfaction", {})
    results = stats.get("results") or {}
    returned = sum(results.get(k, 0) for k, _ in RESULTS)
    in_time = results.get("before", 0) + results.get("on_time", 0)
    rows = [
        ("Số tờ khai đã nộp", _number(sum(f.get("submissions", 0) for f in stats.get("forms", [])))),
        ("Số lượt đánh giá mức độ hài lòng", _number(sat.get("count", 0))),
        ("Điểm hài lòng trung bình (thang 1–5)", _number(sat.get("average"), 2)),
        ("Hồ sơ đã trả kết quả", _number(returned)),
        (
            "Trả kết quả trước hạn hoặc đúng hạn",
            f"{_number(100 * in_time / returned, 1)} %" if returned else "—",
        ),
    ]
    table = Table(
        [[Paragraph(a, style), Paragraph(b, style)] for a, b in rows], colWidths=[110 * mm, 50 * mm]
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _charts(stats: dict[str, Any], start: date, end: date) -> Iterable[Any]:
    days, series = per_day_series(stats, start, end)
    yield charts.stacked_columns("1. Số tờ khai nộp theo ngày và theo loại tờ khai", days, series)
    forms = [f for f in stats.get("forms", []) if f.get("median_seconds") is not None]
    yield charts.bars(
        "2. Thời gian khai trung vị theo loại tờ khai (phút)",
        [form_name(f["form"]) for f in forms],
        [f["median_seconds"] / 60 for f in forms],
        unit=" phút",
        decimals=1,
    )
    failed = stats.get("failed_fields", [])
    yield charts.bars(
        "3. Các trường hay bị khai sai nhất (số lần nộp có lỗi)",
        [field_name(f["form"], f["field"]) for f in failed],
        [f["count"] for f in failed],
    )
    sat = stats.get("satisfaction", {})
    dist = sat.get("distribution", {})
    yield charts.bars(
        "4. Phân bố mức độ hài lòng (số lượt đánh giá)",
        list(SCORES),
        [dist.get(str(k), 0) for k in range(1, 6)],
        horizontal=False,
    )
    by_form = sat.get("by_form", {})
    rated = [(k, v) for k, v in by_form.items() if v.get("average") is not None]
    yield charts.bars(
        "5. Điểm hài lòng trung bình theo loại tờ khai (thang 1–5)",
        [form_name(k) for k, _ in rated],
        [v["average"] for _, v in rated],
        value_max=5,
        decimals=2,
    )
    by_day = sat.get("by_weekday", {})
    yield charts.bars(
        "6. Điểm hài lòng trung bình theo thứ trong tuần (thang 1–5)",
        list(WEEKDAYS),
        [(by_day.get(str(k)) or {}).get("average") or 0 for k in range(1, 8)],
        horizontal=False,
        value_max=5,
        decimals=2,
    )
    results = stats.get("results") or {}
    yield charts.bars(
        "7. Kết quả trả so với hạn hẹn trả (số hồ sơ)",
        [label for _, label in RESULTS],
        [results.get(key, 0) for key, _ in RESULTS],
    )


def office_report_pdf(
    stats: dict[str, Any], start: date, end: date, office: OfficeSettings, *, made: date
) -> bytes:
    """The report for ``start``–``end`` as PDF bytes (A4 portrait).

    Args:
        stats: the figures of ``office stats --json`` for the period, with ``results``.
        start, end: the period (inclusive), as the report states it.
        office: the office's name heads the report.
        made: the day the report is made (the caller's clock: ``FORMFILL_TODAY`` in tests).
    """
    ensure_fonts()
    st = _styles()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title="Báo cáo số liệu tiếp nhận tờ khai",
        author="",
        subject="",
        creator="formfill",
        invariant=1,
    )
    story: list[Any] = [
        Paragraph((office.name or "Bộ phận Một cửa").upper(), st["office"]),
        Paragraph(TITLE, st["title"]),
        Paragraph(f"Kỳ báo cáo: từ ngày {_vn_date(start)} đến ngày {_vn_date(end)}", st["sub"]),
        Paragraph(f"Lập ngày {_vn_date(made)}", st["sub"]),
        Spacer(1, 4 * mm),
        Paragraph("Tóm tắt", st["h"]),
        _summary(stats, st["body"]),
        Spacer(1, 2 * mm),
        Paragraph(NOT_SIPAS, st["note"]),
        Paragraph("Biểu đồ", st["h"]),
    ]
    for drawing in _charts(stats, start, end):
        story.append(KeepTogether([drawing, Spacer(1, 5 * mm)]))
    doc.build(story)
    return buf.getvalue()
