"""The office figures at the desk: submissions per day (a sparkline), and bars of block characters for
volume and median time per form, the fields that fail most, satisfaction (distribution, per form,
per weekday) and results against the due date. From ``store.stats()`` alone: no personal value.
The report for the same period goes to a PDF (``office report``'s paper) with a button."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Sparkline, Static

from formfill.base.errors import FormfillError
from formfill.base.i18n import tr
from formfill.session.desk_view import dashboard_charts, per_day_totals
from formfill.storage import StorageError
from formfill.tui.keymap import LocalizedBindings, shown

PERIOD_DAYS = 30


def field_label(form_id: str, path: str) -> str:
    """The failing field as the form words it (its last label), with its form."""
    from formfill.desk.report import field_label as labelled

    return labelled(form_id, path)


def short_title(form_id: str) -> str:
    from formfill.desk.report import form_title

    title = form_title(form_id)
    return title if len(title) <= 28 else form_id


class FiguresScreen(LocalizedBindings, Screen[None]):
    """The dashboard for a period (default: the last 30 days up to today at the office)."""

    BINDINGS = [
        shown("f5", "refresh", "Làm mới", "Refresh", id="desk.figures.refresh"),
        shown("f9", "report", "In báo cáo", "Print report", id="desk.figures.report"),
        shown("escape", "back", "Quay lại", "Back", id="desk.figures.back"),
    ]

    def compose(self) -> ComposeResult:
        today = self.app.desk.store.today()  # type: ignore[attr-defined]
        yield Static(tr("SỐ LIỆU CỦA BỘ PHẬN MỘT CỬA", "THE OFFICE FIGURES"), id="form-title")
        with Horizontal(id="period"):
            yield Input(f"{today - timedelta(days=PERIOD_DAYS - 1):%d/%m/%Y}", id="figures-from")
            yield Input(f"{today:%d/%m/%Y}", id="figures-to")
            yield Button(tr("Xem", "Show"), id="figures-go", variant="primary")
            yield Button(tr("In báo cáo", "Print report"), id="figures-report")
            yield Button(tr("Quay lại", "Back"), id="figures-back")
        yield Static("", id="figures-message", markup=False)
        with VerticalScroll(id="figures"):
            yield Static("", id="figures-total", classes="label")
            yield Sparkline([], id="figures-days")
            with Horizontal(id="figures-columns"):
                yield Static("", id="figures-charts", markup=False)
                yield Static("", id="figures-more", markup=False)
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
        days = per_day_totals(stats)
        total = sum(n for _, n in days)
        first, last = period
        self.query_one("#figures-total", Static).update(
            tr(f"Tờ khai nộp từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}: {total} (mỗi ngày, trên biểu đồ dưới)",
               f"Declarations {first:%d/%m/%Y}–{last:%d/%m/%Y}: {total} (per day below)")
        )  # fmt: skip
        self.query_one("#figures-days", Sparkline).data = [float(n) for _, n in days] or [0.0]
        charts = dashboard_charts(stats, short_title, width=18, field_of=field_label)
        self.query_one("#figures-charts", Static).update("\n\n".join(charts[:3]))
        self.query_one("#figures-more", Static).update("\n\n".join(charts[3:]))
        self.say("")

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
