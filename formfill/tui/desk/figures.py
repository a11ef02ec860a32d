"""The office figures at the desk: submissions per day (columns from 0 with their axes), and bars of
block characters for volume and median time per form, the fields that fail most, satisfaction
(distribution, per form, per weekday) and results against the due date. From ``store.stats()``
alone: no personal value. Forms go by their short names, fields by their labels.

The charts are drawn for the width the screen has (two columns from ``WIDE`` cells, one below it,
the whole dashboard scrolling), and drawn again when the terminal is resized.
The report for the same period goes to a PDF (``office report``'s paper) with a button."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static

from formfill.base.errors import FormfillError
from formfill.base.i18n import tr
from formfill.session.desk_view import dashboard_charts, day_columns, per_day_totals
from formfill.storage import StorageError
from formfill.tui.keymap import LocalizedBindings, shown

PERIOD_DAYS = 30
WIDE = 100  # from this many cells, the charts stand in two columns


class FiguresScreen(LocalizedBindings, Screen[None]):
    """The dashboard for a period (default: the last 30 days up to today at the office)."""

    BINDINGS = [
        shown("f5", "refresh", "Làm mới", "Refresh", id="desk.figures.refresh"),
        shown("f9", "report", "In báo cáo", "Print report", id="desk.figures.report"),
        shown("escape", "back", "Quay lại", "Back", id="desk.figures.back"),
    ]
    figures: tuple[dict[str, Any], date, date] | None = None  # the stats shown, and their period

    def compose(self) -> ComposeResult:
        today = self.app.desk.store.today()  # type: ignore[attr-defined]
        yield Static(tr("SỐ LIỆU CỦA BỘ PHẬN MỘT CỬA", "THE OFFICE FIGURES"), id="form-title")
        with Horizontal(id="period"):
            yield Static(tr("Từ", "From"), classes="period-word")
            yield Input(f"{today - timedelta(days=PERIOD_DAYS - 1):%d/%m/%Y}", id="figures-from")
            yield Static(tr("đến", "to"), classes="period-word")
            yield Input(f"{today:%d/%m/%Y}", id="figures-to")
            yield Button(tr("Xem", "Show"), id="figures-go", variant="primary")
            yield Button(tr("In báo cáo", "Print report"), id="figures-report")
            yield Button(tr("Quay lại", "Back"), id="figures-back")
        yield Static("", id="figures-message", markup=False)
        with VerticalScroll(id="figures"):
            yield Static("", id="figures-total", classes="label")
            yield Static("", id="figures-days", markup=False)
            with Horizontal(id="figures-columns"):
                yield Static("", id="figures-charts", markup=False)
                yield Static("", id="figures-more", markup=False)
            yield Static("", id="figures-fields", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.action_refresh()

    def period(self) -> tuple[date, date] | None:
        try:
            low, high = (
                datetime.strptime(self.query_one(f"#figures-{k}", Input).value.strip(), "%d/%m/%Y").date()
                for k in ("from", "to")
            )
        except ValueError:
            self.say(tr("Ngày viết dd/mm/yyyy.", "Write dates dd/mm/yyyy."))
            return None
        if low > high:
            self.say(tr("Ngày đầu phải trước ngày cuối.", "The first day must come first."))
            return None
        return low, high

    def say(self, text: str) -> None:
        self.query_one("#figures-message", Static).update(text)

    @on(Button.Pressed, "#figures-go")
    @on(Input.Submitted)
    def action_refresh(self) -> None:
        period = self.period()
        if period is None:
            return
        try:
            stats: dict[str, Any] = self.app.desk.stats(*period)  # type: ignore[attr-defined]
        except (StorageError, FormfillError) as exc:
            self.say(self.app.message(exc))  # type: ignore[attr-defined]
            return
        self.figures = (stats, *period)
        self.draw()
        self.say("")

    def on_resize(self, event: Resize) -> None:
        self.draw()

    def draw(self) -> None:
        """The figures shown, drawn for the width the dashboard has now."""
        if self.figures is None:
            return
        stats, first, last = self.figures
        inner = max(40, self.size.width - 4)  # the scroll bar and a margin
        wide = inner >= WIDE
        self.set_class(not wide, "-narrow")
        column = (inner - 2) // 2 if wide else inner
        days = per_day_totals(stats, first, last)
        self.query_one("#figures-total", Static).update(
            tr(f"Tờ khai nộp từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}: {sum(n for _, n in days)}",
               f"Declarations {first:%d/%m/%Y}–{last:%d/%m/%Y}: {sum(n for _, n in days)}")
        )  # fmt: skip
        columns = Text("\n".join(day_columns(days, inner)))
        # coloured runs: each column its own run, so a screenshot places it on its cell exactly
        columns.highlight_regex(r"[▁-█]+", self.app.current_theme.primary)
        columns.highlight_regex(r"(?m)^ *\d+(?= [│└])|\b\d\d/\d\d\b(?!/)", "bold")  # the axes' figures
        self.query_one("#figures-days", Static).update(columns)
        charts = dashboard_charts(stats, width=column)
        per_form, minutes, _fields, spread, by_form, by_day, results = charts
        self.query_one("#figures-charts", Static).update("\n\n".join((per_form, minutes, by_form)))
        self.query_one("#figures-more", Static).update("\n\n".join((spread, by_day, results)))
        # the failing fields' labels are long: their chart takes the whole width
        self.query_one("#figures-fields", Static).update(dashboard_charts(stats, width=inner)[2])

    @on(Button.Pressed, "#figures-report")
    def action_report(self) -> None:
        period = self.period()
        if period is None:
            return
        try:
            paper = self.app.desk.report(*period)  # type: ignore[attr-defined]
            self.say(self.app.deliver(paper))  # type: ignore[attr-defined]
        except (StorageError, FormfillError, OSError) as exc:
            self.say(self.app.message(exc))  # type: ignore[attr-defined]

    @on(Button.Pressed, "#figures-back")
    def action_back(self) -> None:
        self.app.pop_screen()
