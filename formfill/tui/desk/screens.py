"""The desk's first two screens: the login (nothing else shown before it) and the queue, where a
submission is picked up by the code on the slip (typed, or its QR scanned: a scanner types) or the
citizen's ID number, or chosen from the list filtered by status and form."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Input, Label, Select, Static

from formfill.base.errors import FormfillError
from formfill.base.i18n import tr
from formfill.storage import STATUS_LABELS, STATUSES, LoginError, StorageError
from formfill.tui.keymap import LocalizedBindings, shown


class LoginScreen(LocalizedBindings, Screen[None]):
    """Account name and password; the store counts wrong passwords and locks the account."""

    def compose(self) -> ComposeResult:
        with Vertical(id="login", classes="dialog-box"):
            yield Static(
                tr("BÀN TIẾP NHẬN MỘT CỬA — ĐĂNG NHẬP", "ONE-STOP DESK — LOG IN"), classes="dialog-question"
            )
            yield Label(tr("Tài khoản", "Account"), classes="label")
            yield Input(id="login-name")
            yield Label(tr("Mật khẩu", "Password"), classes="label")
            yield Input(id="login-password", password=True)
            yield Static("", id="login-error", markup=False, classes="error-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("Đăng nhập", "Log in"), id="login-go", variant="primary")

    @on(Input.Submitted, "#login-name")
    def _next(self) -> None:
        self.query_one("#login-password", Input).focus()

    @on(Input.Submitted, "#login-password")
    @on(Button.Pressed, "#login-go")
    def login(self) -> None:
        name = self.query_one("#login-name", Input).value.strip()
        password_box = self.query_one("#login-password", Input)
        try:
            self.app.desk.login(name, password_box.value)  # type: ignore[attr-defined]
        except (LoginError, StorageError) as exc:
            password_box.value = ""
            self.query_one("#login-error", Static).update(self.app.message(exc))  # type: ignore[attr-defined]
            password_box.focus()
            return
        self.app.switch_screen(QueueScreen())


ALL = "*"


class QueueScreen(LocalizedBindings, Screen[None]):
    """Submissions by status and form, oldest first; open one by code, QR or ID number."""

    BINDINGS = [
        shown("f3", "focus_code", "Mở theo mã", "Open by code", id="desk.code"),
        shown("f5", "refresh", "Làm mới", "Refresh", id="desk.refresh"),
        shown("f6", "figures", "Số liệu", "Figures", id="desk.figures"),
        shown("f8", "logout", "Đăng xuất", "Log out", id="desk.logout"),
    ]

    def compose(self) -> ComposeResult:
        from formfill.catalog import list_forms

        officer = self.app.desk.officer  # type: ignore[attr-defined]
        yield Static(
            tr(f"Hồ sơ chờ tiếp nhận — cán bộ {officer.name}", f"Submissions — officer {officer.name}"),
            id="form-title",
        )
        with Horizontal(id="open-row"):
            yield Input(
                placeholder=tr(
                    "Mã biên nhận, quét QR trên phiếu, hoặc số định danh", "Receipt code, scan, or ID"
                ),
                id="open-code",
            )
            yield Button(tr("Mở", "Open"), id="open-go", variant="primary")
        with Horizontal(id="filters"):
            statuses = [(tr("Mọi trạng thái", "Any status"), ALL)]
            statuses += [(STATUS_LABELS[s], s) for s in STATUSES]
            yield Select(statuses, value="moi", allow_blank=False, id="filter-status")
            forms = [(tr("Mọi tờ khai", "Any form"), ALL)] + [(f.id, f.id) for f in list_forms()]
            yield Select(forms, value=ALL, allow_blank=False, id="filter-form")
        yield Static("", id="queue-message", markup=False)
        yield DataTable(id="queue", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="nav"):
            yield Button(tr("Số liệu", "Figures"), id="to-figures")
            yield Button(tr("Làm mới", "Refresh"), id="to-refresh")
            yield Button(tr("Đăng xuất", "Log out"), id="to-logout")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#queue", DataTable)
        table.add_columns(tr("Mã", "Code"), tr("Tờ khai", "Form"), tr("Nộp lúc", "Submitted"),
                          tr("Trạng thái", "Status"), tr("Bản", "Ver."))  # fmt: skip
        self.action_refresh()
        self.query_one("#open-code", Input).focus()

    def on_screen_resume(self) -> None:
        self.action_refresh()

    def action_refresh(self) -> None:
        status = self.query_one("#filter-status", Select).value
        form = self.query_one("#filter-form", Select).value
        table = self.query_one("#queue", DataTable)
        table.clear()
        try:
            subs = self.app.desk.queue(None if status == ALL else status, None if form == ALL else form)  # type: ignore[attr-defined]
        except (StorageError, FormfillError) as exc:
            self.say(self.app.message(exc))  # type: ignore[attr-defined]
            return
        for sub in subs:
            table.add_row(sub.code, sub.form_id, f"{sub.created:%d/%m/%Y %H:%M}",
                          STATUS_LABELS.get(sub.status, sub.status), str(sub.version), key=sub.code)  # fmt: skip
        self.say(tr(f"{len(subs)} hồ sơ.", f"{len(subs)} submission(s)."))

    @on(Select.Changed)
    def _filter(self) -> None:
        self.action_refresh()

    def say(self, text: str) -> None:
        self.query_one("#queue-message", Static).update(text)

    def action_focus_code(self) -> None:
        self.query_one("#open-code", Input).focus()

    @on(Input.Submitted, "#open-code")
    @on(Button.Pressed, "#open-go")
    def open_typed(self) -> None:
        box = self.query_one("#open-code", Input)
        try:
            found = self.app.desk.open(box.value)  # type: ignore[attr-defined]
        except (StorageError, FormfillError) as exc:
            self.say(self.app.message(exc))  # type: ignore[attr-defined]
            return
        box.value = ""
        if not found:
            self.say(tr("Không tìm thấy hồ sơ.", "No submission found."))
        elif len(found) == 1:
            self.open_code(found[0].code)
        else:  # one citizen, several submissions: show those
            table = self.query_one("#queue", DataTable)
            table.clear()
            for sub in found:
                table.add_row(sub.code, sub.form_id, f"{sub.created:%d/%m/%Y %H:%M}",
                              STATUS_LABELS.get(sub.status, sub.status), str(sub.version), key=sub.code)  # fmt: skip
            self.say(
                tr(f"{len(found)} hồ sơ của số định danh này: chọn một.", f"{len(found)} found: pick one.")
            )
            table.focus()

    @on(DataTable.RowSelected, "#queue")
    def _row(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.open_code(str(event.row_key.value))

    def open_code(self, code: str) -> None:
        from formfill.tui.desk.dossier import DossierScreen

        try:
            sub = self.app.desk.pick_up(code)  # type: ignore[attr-defined]
        except (StorageError, FormfillError) as exc:
            self.say(self.app.message(exc))  # type: ignore[attr-defined]
            return
        self.app.push_screen(DossierScreen(sub.code))

    @on(Button.Pressed, "#to-figures")
    def action_figures(self) -> None:
        from formfill.tui.desk.figures import FiguresScreen

        self.app.push_screen(FiguresScreen())

    @on(Button.Pressed, "#to-refresh")
    def _refresh(self) -> None:
        self.action_refresh()

    @on(Button.Pressed, "#to-logout")
    def action_logout(self) -> None:
        self.app.desk.logout()  # type: ignore[attr-defined]
        self.app.switch_screen(LoginScreen())
