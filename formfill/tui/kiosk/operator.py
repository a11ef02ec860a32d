"""Operator mode (after the PIN): today's submissions, find, reprint, export, delete, purge, figures.

Lists show receipt codes, forms, times and status — never a name or an ID number (a passer-by may
see the screen). Leaving operator mode goes back to the notice; "Đóng kiosk" ends the kiosk.
Once the office store has accounts, export, delete and purge ask for an admin's login (the PIN is
the kiosk's, not a person's); what the operator sees and reprints is audited as the kiosk. The
logic is Textual-free in :mod:`formfill.session.operator`.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Input, Static

from formfill.base.errors import FormfillError
from formfill.base.i18n import tr
from formfill.session.operator import OperatorVisit
from formfill.storage import StorageError
from formfill.tui.dialogs.confirm import ConfirmDialog
from formfill.tui.dialogs.login import LoginDialog
from formfill.tui.keymap import LocalizedBindings, shown
from formfill.tui.widgets.status import storage_message

log = logging.getLogger("formfill.kiosk")
STATUS = {"moi": ("Mới", "New")}  # stored codes → what the operator reads; the desk issue adds more
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def vn_date(iso: str | None) -> str:
    """An ISO day as the office writes it, dd/mm/yyyy ("…" for an open end); the JSON keeps ISO."""
    if not iso:
        return "…"
    try:
        return f"{date.fromisoformat(iso):%d/%m/%Y}"
    except ValueError:
        return iso


def figures_text(stats: dict[str, Any]) -> str:
    """The office figures (``office stats`` JSON) as a few plain lines, dates as dd/mm/yyyy."""
    start, end = vn_date(stats.get("from")), vn_date(stats.get("to"))
    if stats.get("from") or stats.get("to"):
        lines = [tr(f"Số liệu từ {start} đến {end}", f"Figures from {start} to {end}")]
    else:
        lines = [tr("Số liệu mọi ngày đã lưu", "Figures for every stored day")]
    for form in stats.get("forms", []):
        lines.append(
            tr(
                f"• {form['form']}: {form['submissions']} tờ khai, trung vị {form['median_seconds'] or 0:.0f} giây",
                f"• {form['form']}: {form['submissions']} declarations, median {form['median_seconds'] or 0:.0f} s",
            )
        )
        recent = form.get("per_day", [])[-3:]  # the last days with declarations
        if recent:
            lines.append("  " + ", ".join(f"{vn_date(d['date'])}: {d['count']}" for d in recent))
    sat = stats.get("satisfaction", {})
    avg = sat.get("average")
    lines.append(
        tr(
            f"Hài lòng: {sat.get('count', 0)} ý kiến, trung bình {avg if avg is not None else '—'}",
            f"Satisfaction: {sat.get('count', 0)} answers, average {avg if avg is not None else '—'}",
        )
    )
    dist = sat.get("distribution", {})
    lines.append("  " + "  ".join(f"{k}★: {dist.get(k, 0)}" for k in ("5", "4", "3", "2", "1")))
    by_day = sat.get("by_weekday", {})
    days = [
        f"{WEEKDAYS[int(k) - 1]}: {v.get('count', 0)}" for k, v in sorted(by_day.items()) if v.get("count")
    ]
    if days:
        lines.append("  " + ", ".join(days))
    for item in stats.get("failed_fields", [])[:5]:
        lines.append(
            tr(
                f"  lỗi hay gặp: {item['form']} · {item['field']} ({item['count']})",
                f"  frequent error: {item['form']} · {item['field']} ({item['count']})",
            )
        )
    return "\n".join(lines)


class OperatorScreen(LocalizedBindings, Screen[None]):
    """The operator's tools over the office store.

    "Find" shows its results in the same table under a "Kết quả tìm" heading; Esc then brings back
    today's submissions (a second Esc leaves), so a search never loses the day's list.
    """

    DEFAULT_CSS = """
    OperatorScreen #op-body { padding: 0 1; height: 1fr; }
    OperatorScreen DataTable { height: 1fr; min-height: 4; }
    OperatorScreen #op-buttons { height: 3; }
    OperatorScreen #op-buttons Button { min-width: 8; margin: 0 1 0 0; }
    OperatorScreen #op-result { height: auto; max-height: 60%; }
    """
    BINDINGS = [shown("escape", "leave", "Về màn hình công dân", "Back to citizens", id="kiosk.op.leave")]
    finding: str | None = None  # the text whose results the table shows; None: today's list
    _visit: OperatorVisit | None = None

    def compose(self) -> ComposeResult:
        yield Static(tr("Chế độ vận hành", "Operator mode"), id="form-title")
        yield Static(tr("Hồ sơ hôm nay", "Today's submissions"), id="progress")
        with Vertical(id="op-body"):
            yield Input(
                placeholder=tr("Tìm theo mã hoặc số định danh, Enter", "Find by code or ID, Enter"), id="find"
            )
            yield DataTable(id="subs", cursor_type="row", zebra_stripes=True)
            with Horizontal(id="op-buttons"):
                yield Button(tr("In lại", "Reprint"), id="reprint")
                yield Button(tr("Xuất", "Export"), id="export")
                yield Button(tr("Xoá", "Delete"), variant="error", id="delete")
                yield Button(tr("Dọn", "Purge"), id="purge")
                yield Button(tr("Số liệu", "Figures"), variant="primary", id="figures")
                yield Button(tr("Đóng kiosk", "Close kiosk"), id="close")
            yield Static("", id="op-result")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#subs", DataTable)
        table.add_columns(
            tr("Mã", "Code"), tr("Tờ khai", "Form"), tr("Giờ", "Time"), tr("Trạng thái", "Status")
        )
        self.show_today()
        table.focus()

    @property
    def store(self) -> Any:
        return self.app.store  # type: ignore[attr-defined]

    @property
    def visit(self) -> OperatorVisit:
        """This visit's tools and audit (made on first use: the app's store opens lazily)."""
        if self._visit is None:
            self._visit = OperatorVisit(self.store, self.app.config)  # type: ignore[attr-defined]
        return self._visit

    def show_today(self) -> None:
        """Today's submissions, under the heading "Hồ sơ hôm nay (dd/mm/yyyy)"."""
        today = self.store.today()
        self.finding = None
        self.query_one("#progress", Static).update(
            tr(f"Hồ sơ hôm nay ({today:%d/%m/%Y})", f"Today's submissions ({today:%d/%m/%Y})")
        )
        try:
            self.show(self.visit.today())
        except (StorageError, FormfillError) as exc:
            self.show([])
            self.say(storage_message(exc))

    def show(self, subs: list[Any]) -> None:
        table = self.query_one("#subs", DataTable)
        table.clear()
        for sub in subs:
            status = tr(*STATUS[sub.status]) if sub.status in STATUS else sub.status
            table.add_row(sub.code, sub.form_id, f"{sub.created:%d/%m/%Y %H:%M}", status, key=sub.code)

    def selected(self) -> str | None:
        table = self.query_one("#subs", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def say(self, text: str) -> None:
        self.query_one("#op-result", Static).update(text)

    @on(Input.Submitted, "#find")
    def _find(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.show_today()
            return
        try:
            found = self.visit.find(text)
        except (StorageError, FormfillError) as exc:
            self.say(storage_message(exc))
            return
        event.input.value = ""  # an ID number typed here does not stay on screen
        self.finding = text
        self.query_one("#progress", Static).update(
            tr(
                f"Kết quả tìm: {len(found)} hồ sơ — Esc: về hồ sơ hôm nay",
                f"Found: {len(found)} — Esc: back to today's",
            )
        )
        self.show(found)
        self.say(tr(f"{len(found)} hồ sơ.", f"{len(found)} submission(s)."))
        self.query_one("#subs", DataTable).focus()

    @on(Button.Pressed, "#reprint")
    def _reprint(self) -> None:
        code = self.selected()
        if code is None:
            return
        try:
            said = self.visit.reprint(code)
        except (StorageError, FormfillError) as exc:
            self.say(storage_message(exc))
            return
        if said is not None:
            self.say(said)

    async def admin(self, action: str, title: str) -> str | None:
        """Who does ``action`` in the audit log: this kiosk while the office has no account (the PIN
        is enough), else the admin who logs in for it now; None when nobody allowed did."""
        try:
            if not self.visit.login_needed():
                return self.visit.kiosk
        except StorageError as exc:
            self.say(storage_message(exc))
            return None
        heading = tr(f"{title} — cần tài khoản quản trị", f"{title} — needs an administrator account")
        permit = await self.app.push_screen_wait(
            LoginDialog(heading, lambda name, password: self.visit.permit(name, password, action))
        )
        if permit is None:
            self.say(tr("Đã huỷ.", "Cancelled."))
            return None
        return permit.actor

    @on(Button.Pressed, "#export")
    @work
    async def _export(self) -> None:
        code = self.selected()
        if code is None:
            return
        actor = await self.admin("export", tr(f"Xuất hồ sơ {code}", f"Export {code}"))
        if actor is None:
            return
        folder = self.app.config.output_dir or self.app.settings.output_dir  # type: ignore[attr-defined]
        try:
            path = self.visit.export(code, folder, actor)
        except (StorageError, FormfillError, OSError) as exc:
            self.say(storage_message(exc))
            return
        if path is not None:
            self.say(tr(f"Đã xuất: {path}", f"Exported: {path}"))

    @on(Button.Pressed, "#delete")
    @work
    async def _delete(self) -> None:
        code = self.selected()
        if code is None:
            return
        actor = await self.admin("delete", tr(f"Xoá hồ sơ {code}", f"Delete {code}"))
        if actor is None:
            return
        if not await self.app.push_screen_wait(
            ConfirmDialog(tr(f"Xoá hẳn hồ sơ {code}?", f"Delete {code} for good?"))
        ):
            return
        try:
            gone = self.visit.delete(code, actor)
        except (StorageError, FormfillError) as exc:
            self.say(storage_message(exc))
            return
        self.refresh_table()
        self.say(tr("Đã xoá.", "Deleted.") if gone else tr("Không còn hồ sơ này.", "No such submission."))

    @on(Button.Pressed, "#purge")
    @work
    async def _purge(self) -> None:
        actor = await self.admin("purge", tr("Dọn hồ sơ quá hạn", "Purge expired submissions"))
        if actor is None:
            return
        try:
            drafts, subs = self.visit.purge(actor)
        except (StorageError, FormfillError) as exc:
            self.say(storage_message(exc))
            return
        self.refresh_table()
        self.say(
            tr(
                f"Đã dọn {drafts} bản lưu, {subs} hồ sơ quá hạn.",
                f"Purged {drafts} draft(s), {subs} submission(s).",
            )
        )

    @on(Button.Pressed, "#figures")
    def _figures(self) -> None:
        self.say(figures_text(self.store.stats()))

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.app.operator_exit()  # type: ignore[attr-defined]

    def refresh_table(self) -> None:
        """After a change: the same search again, or today's list."""
        try:
            self.show(self.visit.again(self.finding))
        except (StorageError, FormfillError):
            self.show_today()

    def action_leave(self) -> None:
        """Esc: from search results back to today's list; from today's list out of operator mode."""
        if self.finding is not None:
            self.show_today()
            self.say("")
            return
        self.app.wipe()  # type: ignore[attr-defined]
