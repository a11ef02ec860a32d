"""What the desk shows, as plain text, without Textual: the declaration as labelled lines (what the
officer reads out with the citizen and picks a field to correct from), and the office figures as bars
of block characters (the dashboard's charts, from ``store.stats()`` — figures only, no personal value).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from formfill.base.i18n import tr

BLOCKS = " ▏▎▍▌▋▊▉█"  # eighths of a cell: a bar's end shows fractions
WEEKDAYS = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")  # ISO 1–7 as the office writes them


@dataclass(frozen=True)
class Line:
    """One answered field of a declaration: its user path (rows from 1), label and value as text."""

    path: str
    label: str
    value: str


def declaration_lines(form_id: str, data: dict[str, Any]) -> list[Line]:
    """Every answered leaf of the declaration in the form's order, with the form's own labels."""
    from formfill.catalog import get_form
    from formfill.forms.field_docs import field_info

    model = get_form(form_id).model
    out: list[Line] = []

    def label(path: str) -> str:
        try:
            _block, key, info = field_info(model, path)
        except (KeyError, AttributeError):
            return path
        return str(info.title or key)

    def walk(value: Any, path: str, heading: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                sub = f"{path}.{key}" if path else key
                walk(inner, sub, label(sub))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for i, row in enumerate(value, 1):
                walk(row, f"{path}.{i}", f"{heading} {i}")
        else:
            out.append(Line(path, _with_row(path, heading), _text(value)))

    walk(data, "", "")
    return out


def _with_row(path: str, heading: str) -> str:
    rows = [p for p in path.split(".") if p.isdigit()]
    return f"{heading} ({', '.join(rows)})" if rows else heading


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return tr("Có", "Yes") if value else tr("Không", "No")
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    return "" if value is None else str(value)


def typed_like(old: Any, text: str) -> Any:
    """The officer's text as the stored value's kind (a yes/no, a whole number), else the text."""
    text = text.strip()
    if text == "":
        return None
    if isinstance(old, bool):
        low = text.lower()
        if low in ("có", "co", "yes", "true", "1", "x"):
            return True
        if low in ("không", "khong", "no", "false", "0"):
            return False
        return text
    if isinstance(old, int):
        try:
            return int(text)
        except ValueError:
            return text
    return text


def bar(value: float, most: float, width: int) -> str:
    """A horizontal bar of ``width`` cells at most, in eighths of a cell."""
    if most <= 0 or value <= 0:
        return ""
    eighths = round(8 * width * min(value, most) / most)
    return "█" * (eighths // 8) + (BLOCKS[eighths % 8] if eighths % 8 else "")


def bar_chart(
    title: str,
    rows: Sequence[tuple[str, float | None]],
    *,
    width: int = 40,
    label_width: int = 24,
    most: float | None = None,
    decimals: int = 0,
) -> str:
    """A titled chart: one line per label, its bar and its figure (``—`` when there is none)."""
    values = [v for _, v in rows if v is not None]
    top = most if most is not None else max(values, default=0)
    lines = [title]
    if not rows:
        lines.append("  " + tr("Chưa có số liệu.", "No figures yet."))
    for label, value in rows:
        name = label if len(label) <= label_width else label[: label_width - 1] + "…"
        figure = "—" if value is None else f"{value:.{decimals}f}".replace(".", ",")
        lines.append(f"  {name:<{label_width}} {bar(value or 0, top, width):<{width}} {figure}")
    return "\n".join(lines)


def per_day_totals(stats: dict[str, Any]) -> list[tuple[str, int]]:
    """(date, submissions of every form) for each day with any, in order (the sparkline's data)."""
    totals: dict[str, int] = {}
    for form in stats.get("forms", []):
        for point in form.get("per_day", []):
            totals[point["date"]] = totals.get(point["date"], 0) + int(point["count"])
    return sorted(totals.items())


def _field(form_id: str, path: str) -> str:
    return f"{path} ({form_id})"


def dashboard_charts(
    stats: dict[str, Any], title_of: Any = str, width: int = 36, field_of: Any = None
) -> list[str]:
    """The dashboard's charts, each a block of text, from ``store.stats()`` (figures only)."""
    forms = stats.get("forms", [])
    sat = stats.get("satisfaction", {}) or {}
    dist = sat.get("distribution", {}) or {}
    by_form = sat.get("by_form", {}) or {}
    by_day = sat.get("by_weekday", {}) or {}
    results = stats.get("results", {}) or {}
    minutes = [
        (title_of(f["form"]), f["median_seconds"] / 60 if f.get("median_seconds") else None) for f in forms
    ]
    return [
        bar_chart(tr("Số tờ khai theo loại", "Declarations per form"),
                  [(title_of(f["form"]), f.get("submissions", 0)) for f in forms], width=width),
        bar_chart(tr("Thời gian khai trung vị (phút)", "Median time to complete (min)"), minutes,
                  width=width, decimals=1),
        bar_chart(tr("Trường hay bị khai sai", "Fields that fail most"),
                  [((field_of or _field)(f["form"], f["field"]), f["count"]) for f in stats.get("failed_fields", [])],
                  width=width),
        bar_chart(tr("Phân bố mức hài lòng (1–5)", "Satisfaction (1–5)"),
                  [(f"{k} ★", dist.get(str(k), 0)) for k in range(1, 6)], width=width),
        bar_chart(tr("Hài lòng trung bình theo loại tờ khai", "Average satisfaction per form"),
                  [(title_of(k), v.get("average")) for k, v in by_form.items()], width=width, most=5,
                  decimals=2),
        bar_chart(tr("Hài lòng trung bình theo thứ", "Average satisfaction per weekday"),
                  [(WEEKDAYS[k - 1], (by_day.get(str(k)) or {}).get("average")) for k in range(1, 8)],
                  width=width, most=5, decimals=2),
        bar_chart(tr("Trả kết quả so với hạn", "Results against the due date"),
                  [(tr("Trước hạn", "Before"), results.get("before", 0)),
                   (tr("Đúng hạn", "On time"), results.get("on_time", 0)),
                   (tr("Quá hạn", "Late"), results.get("late", 0))], width=width),
    ]  # fmt: skip
