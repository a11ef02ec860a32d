"""The office report's charts, drawn with reportlab's own chart library in the embedded serif.

Each function takes plain figures (labels and numbers, never a person's value) and returns a
``Drawing`` that the report places as a flowable. Colours are few and print well in grey.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from formfill.render.fonts import BOLD, REGULAR

PALETTE = (
    colors.HexColor("#1f4e79"),
    colors.HexColor("#c55a11"),
    colors.HexColor("#548235"),
    colors.HexColor("#7f6000"),
    colors.HexColor("#7030a0"),
    colors.HexColor("#808080"),
)
LABEL_SIZE = 7.5


def _axis_top(values: Sequence[float]) -> float:
    """A round top for the value axis, above the largest value (1 when every value is 0)."""
    top = max([0.0, *values])
    if top <= 0:
        return 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= 8:
            return float(step * (int(top / step) + 1))
    return top * 1.1


def _step(top: float) -> float:
    for step in (0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= 8:
            return float(step)
    return top / 5


def _title(drawing: Drawing, text: str, width: float, height: float) -> None:
    drawing.add(String(0, height - 11, text, fontName=BOLD, fontSize=9.5))


def _empty(drawing: Drawing, width: float, height: float) -> Drawing:
    drawing.add(
        String(
            width / 2,
            height / 2,
            "Chưa có số liệu trong kỳ",
            fontName=REGULAR,
            fontSize=9,
            textAnchor="middle",
        )
    )
    return drawing


def stacked_columns(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    width: float = 460,
    height: float = 210,
) -> Drawing:
    """Columns per category, stacked by series (submissions per day, one colour per form), with a legend."""
    drawing = Drawing(width, height)
    _title(drawing, title, width, height)
    if not categories or not series:
        return _empty(drawing, width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 28, 66, width - 40, height - 94
    chart.data = [list(values) for _, values in series]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = list(categories)
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 6
    chart.categoryAxis.labels.angle = 90
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dy = -2
    totals = [sum(col) for col in zip(*chart.data, strict=True)]
    top = _axis_top(totals)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, _step(top)
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.barSpacing = 0.5
    for i in range(len(series)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeWidth = 0
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 28, 30  # the top of the legend: its rows go down from here
    legend.fontName, legend.fontSize = REGULAR, LABEL_SIZE
    legend.alignment = "right"
    legend.columnMaximum = 2
    legend.deltax = 150
    legend.dxTextSpace = 4
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], name) for i, (name, _) in enumerate(series)]
    drawing.add(legend)
    return drawing


def _wrap(label: str, most: float) -> list[str]:
    """A label's lines; of "Label — Form", the form's name is never split across two lines."""
    head, sep, tail = label.rpartition(" — ")
    if not sep:
        return simpleSplit(label, REGULAR, LABEL_SIZE, most) or [label]
    lines = simpleSplit(f"{head} —", REGULAR, LABEL_SIZE, most) or [""]
    joined = f"{lines[-1]} {tail}"
    if stringWidth(joined, REGULAR, LABEL_SIZE) <= most:
        return [*lines[:-1], joined]
    return [*lines, tail]


def _fit_labels(labels: Sequence[str], most: float) -> tuple[list[str], float]:
    """The labels, each wrapped onto lines no wider than ``most`` points (whole words; never cut),
    and the width of the widest line."""
    lines = [_wrap(label, most) for label in labels]
    widest = max((stringWidth(line, REGULAR, LABEL_SIZE) for ls in lines for line in ls), default=0.0)
    return ["\n".join(ls) for ls in lines], widest


def bars(
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    *,
    unit: str = "",
    horizontal: bool = True,
    width: float = 460,
    height: float | None = None,
    value_max: float | None = None,
    decimals: int = 0,
) -> Drawing:
    """One bar per label with its value printed at the end (``unit`` after it).

    Horizontal bars leave their labels as much room as the longest needs, up to half the width; a
    longer label wraps onto a second line (its row grows) rather than being cut."""
    texts, widest = _fit_labels(labels, width / 2 - 8) if horizontal else (list(labels), 0.0)
    lines = max((t.count("\n") + 1 for t in texts), default=1)
    row = 17 if lines == 1 else 9 * lines + 8
    label_width = max(60.0, widest + 8)
    rows = max(1, len(labels))
    height = height or (40 + rows * row if horizontal else 190)
    drawing = Drawing(width, height)
    _title(drawing, title, width, height)
    if not labels:
        return _empty(drawing, width, height)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    if horizontal:
        chart.x, chart.y, chart.width, chart.height = label_width, 16, width - label_width - 50, height - 36
    else:
        chart.x, chart.y, chart.width, chart.height = 28, 30, width - 40, height - 58
    chart.data = [list(values)]
    chart.categoryAxis.categoryNames = texts
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.leading = LABEL_SIZE + 1.5
    if horizontal:
        chart.categoryAxis.reverseDirection = 1  # the first label at the top
        chart.categoryAxis.labels.textAnchor = "end"  # wrapped lines flush against the axis
    top = value_max or _axis_top(values)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, _step(top)
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.bars[0].fillColor = PALETTE[0]
    chart.bars[0].strokeWidth = 0
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = LABEL_SIZE
    # an average of 0 on a 1–5 scale means no rating: no label rather than "0,00"
    chart.barLabelFormat = (
        (lambda v: f"{v:.{decimals}f}{unit}".replace(".", ",") if v or not decimals else "")
        if unit or decimals
        else "%d"
    )
    chart.barLabels.boxAnchor = "w" if horizontal else "s"
    chart.barLabels.dx, chart.barLabels.dy = (3, 0) if horizontal else (0, 2)
    drawing.add(chart)
    return drawing
