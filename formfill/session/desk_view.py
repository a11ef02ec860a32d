"""What the desk shows, as plain text, without Textual: the declaration as labelled lines (what the
officer reads out with the citizen and picks a field to correct from), and the office figures as bars
of block characters (the dashboard's charts, from ``store.stats()`` — figures only, no personal value).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from formfill.base.i18n import tr
from formfill.desk.names import field_name, form_name

BLOCKS = " ▏▎▍▌▋▊▉█"  # eighths of a cell: a bar's end shows fractions
NBSP = "\u00a0"  # textwrap breaks at ASCII spaces only
MIN_BAR = 10  # cells a bar keeps however long its label
WEEKDAYS = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")  # ISO 1–7 as the office writes them


@dataclass(frozen=True)
class Line:
    """One answered field of a declaration: its user path (rows from 1), label and value as text."""

    path: str
    label: str
    value: str


def declaration_lines(form_id: str, data: dict[str, Any]) -> list[Line]:
    """Every answered leaf of the declaration in the form's order, each with its shortest label that
    says whose it is ("Người mẹ › Họ, chữ đệm, tên"), as the office figures name fields."""
    from formfill.desk.names import field_label, field_paths

    out: list[Line] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, f"{path}.{key}" if path else key)
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for i, row in enumerate(value, 1):
                walk(row, f"{path}.{i}")
        else:
            out.append(Line(path, field_label(form_id, path), _text(value)))

    walk(data, "")
    order = {path: i for i, path in enumerate(field_paths(form_id))}

    def place(line: Line) -> tuple[int, list[int], int]:
        # a repeating group row by row (its fields in order inside each row), in the group's place
        parts = line.path.split(".")
        generic = ".".join("N" if p.isdigit() else p for p in parts)
        rows = [int(p) for p in parts if p.isdigit()]
        group = ".".join(parts[: next((i for i, p in enumerate(parts) if p.isdigit()), len(parts))])
        last = len(order)
        return order.get(group, order.get(generic, last)), rows, order.get(generic, last)

    return sorted(out, key=place)


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
    width: int = 60,
    most: float | None = None,
    decimals: int = 0,
) -> str:
    """A titled chart ``width`` cells wide: one row per label, its bar and its figure (``—`` for none).

    The label column is as wide as the longest label, short of a third of the width (at least
    ``MIN_BAR`` cells) kept for the bars; a longer label wraps onto more lines (its bar on the last), so no name is ever cut."""
    values = [v for _, v in rows if v is not None]
    top = most if most is not None else max(values, default=0)
    figures = ["—" if v is None else f"{v:.{decimals}f}".replace(".", ",") for _, v in rows]
    fig_w = max((len(f) for f in figures), default=1)
    room = max(8, width - 4 - fig_w - max(MIN_BAR, width // 3))  # a bar keeps a third of the width
    label_w = min(max((len(label) for label, _ in rows), default=1), room)
    bar_w = max(MIN_BAR, width - 4 - fig_w - label_w)
    lines = [title]
    if not rows:
        lines.append("  " + tr("Chưa có số liệu.", "No figures yet."))
    for (label, value), figure in zip(rows, figures, strict=True):
        parts = [p.replace(NBSP, " ") for p in textwrap.wrap(_keep_tail(label), label_w)] or [""]
        lines.extend(f"  {part}" for part in parts[:-1])
        lines.append(f"  {parts[-1]:<{label_w}} {bar(value or 0, top, bar_w):<{bar_w}} {figure:>{fig_w}}")
    return "\n".join(lines)


def _keep_tail(label: str) -> str:
    """ "Label — Form": the form's name glued together so a wrapped label never splits it."""
    head, sep, tail = label.rpartition(" — ")
    return f"{head} —{NBSP}{tail.replace(' ', NBSP)}" if sep else label


def per_day_totals(
    stats: dict[str, Any], start: date | None = None, end: date | None = None
) -> list[tuple[str, int]]:
    """(ISO date, submissions of every form) per day, in order: every day of ``start``–``end`` (0 on
    a day without any, so each bar of the chart is one day), else only the days with some."""
    totals: dict[str, int] = {}
    if start is not None and end is not None:
        totals = {(start + timedelta(days=i)).isoformat(): 0 for i in range((end - start).days + 1)}
    for form in stats.get("forms", []):
        for point in form.get("per_day", []):
            totals[point["date"]] = totals.get(point["date"], 0) + int(point["count"])
    return sorted(totals.items())


def dashboard_charts(
    stats: dict[str, Any],
    width: int = 60,
    title_of: Callable[[str], str] = form_name,
    field_of: Callable[[str, str], str] = field_name,
) -> list[str]:
    """The dashboard's charts, each a block of text ``width`` cells wide, from ``store.stats()``
    (figures only). Every form by its short name, every failing field by its label and form."""
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
                  [(field_of(f["form"], f["field"]), f["count"]) for f in stats.get("failed_fields", [])],
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


COLUMN_EIGHTHS = "▁▂▃▄▅▆▇"  # a column's top, in eighths of a cell


def day_columns(days: Sequence[tuple[str, int]], width: int, height: int = 4) -> list[str]:
    """Submissions per day as columns of block characters from 0, ``width`` cells wide: the largest
    figure on the value axis, the first and last day under the day axis, and a line that says what a
    column is and which day was the busiest. Days beyond the width share a column (their sum)."""
    if not days:
        return [tr("Chưa có số liệu.", "No figures yet.")]
    top = max(n for _, n in days)
    gutter = len(str(top)) + 2
    room = max(8, width - gutter)
    per = -(-len(days) // room)  # days per column, rounded up
    cols = [days[i : i + per] for i in range(0, len(days), per)]
    cell = max(1, room // len(cols))
    bar_w = cell - 1 if cell > 1 else cell  # a blank cell between columns when there is room
    most = max(sum(n for _, n in c) for c in cols)
    units = [_units(sum(n for _, n in c), most, height) for c in cols]
    lines = []
    for row in range(height):
        base = (height - 1 - row) * 8
        tick = str(most) if row == 0 else ""
        body = "".join(_cell(u, base) * bar_w + " " * (cell - bar_w) for u in units)
        lines.append(f"{tick:>{gutter - 2}} │{body}".rstrip())
    span = cell * len(cols)
    lines.append(f"{'0':>{gutter - 2}} └{'─' * span}")
    first, last = _dm(days[0][0]), _dm(days[-1][0])
    lines.append(" " * gutter + first + last.rjust(max(1, span - len(first))))
    busiest = max(days, key=lambda d: (d[1], d[0]))  # ties: the later day
    what = (
        tr("Mỗi cột là một ngày", "Each column is one day")
        if per == 1
        else tr(
            f"Mỗi cột là {per} ngày liền nhau (cột cao nhất: {most})",
            f"Each column is {per} days (highest: {most})",
        )
    )
    lines.append(
        tr(
            f"{what}; ngày nhiều nhất: {top} tờ khai, ngày {_dm(busiest[0], True)}.",
            f"{what}; the busiest day: {top} declarations, {_dm(busiest[0], True)}.",
        )
    )
    return lines


def _units(value: int, most: int, height: int) -> int:
    """Eighths of a cell a column rises (at least one for any submission, so no day looks empty)."""
    if value <= 0 or most <= 0:
        return 0
    return max(1, round(8 * height * value / most))


def _cell(units: int, base: int) -> str:
    if units >= base + 8:
        return "█"
    if units <= base:
        return " "
    return COLUMN_EIGHTHS[units - base - 1]


def _dm(iso: str, year: bool = False) -> str:
    day = date.fromisoformat(iso)
    return f"{day:%d/%m/%Y}" if year else f"{day:%d/%m}"
