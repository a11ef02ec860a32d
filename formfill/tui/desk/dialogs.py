"""The desk's dialogs: correct a field, receive (procedure, papers, dossier code, extension, due date),
ask for more papers or refuse (items and reason). Each takes an ``apply`` call that does the work
through the session core and returns the refusal to show (None: done, the dialog closes)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from formfill.base.i18n import tr
from formfill.desk.documents import procedure_key
from formfill.model.block import Procedure
from formfill.tui.keymap import LocalizedBindings, shown

Apply = Callable[..., str | None]


class _Dialog(LocalizedBindings, ModalScreen[bool]):
    """A box over the dossier; Escape or Hủy closes it with nothing done. The refusal and the buttons
    stay at the box's foot while its fields scroll: on a short screen (a laptop's browser tab) they
    are still in view, to tap."""

    DEFAULT_CSS = """
    _Dialog .dialog-foot { dock: bottom; height: auto; background: $background; }
    """
    BINDINGS = [shown("escape", "cancel", "Hủy", "Cancel", id="desk.cancel")]

    def __init__(self, apply: Apply) -> None:
        super().__init__(classes="dialog")
        self.apply = apply

    def buttons(self, ok: str, *above: Widget) -> ComposeResult:
        """The foot: what must stay in view (``above``), the refusal, the buttons."""
        with Vertical(classes="dialog-foot"):
            yield from above
            yield Static("", id="dialog-error", markup=False, classes="error-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(ok, id="dialog-ok", variant="primary")
                yield Button(tr("Hủy", "Cancel"), id="dialog-cancel")

    def refuse(self, why: str | None) -> None:
        if why is None:
            self.dismiss(True)
        else:
            self.query_one("#dialog-error", Static).update(why)

    @on(Button.Pressed, "#dialog-cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)


class CorrectDialog(_Dialog):
    """One field, its value now, the new value (empty clears it)."""

    def __init__(self, apply: Apply, path: str, label: str, value: str) -> None:
        super().__init__(apply)
        self.path, self.label, self.value = path, label, value

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box"):
            yield Static(tr("Sửa cùng người nộp", "Correct with the citizen"), classes="dialog-question")
            yield Label(f"{self.label} ({self.path})", classes="label", markup=False)
            yield Input(self.value, id="correct-value")
            yield from self.buttons(tr("Lưu bản mới", "Save a new version"))

    def on_mount(self) -> None:
        self.query_one("#correct-value", Input).focus()

    @on(Input.Submitted, "#correct-value")
    @on(Button.Pressed, "#dialog-ok")
    def _ok(self) -> None:
        self.refuse(self.apply(self.query_one("#correct-value", Input).value))


class ReasonDialog(_Dialog):
    """Phiếu yêu cầu bổ sung (items, one a line, and the reason) or Phiếu từ chối (the reason)."""

    def __init__(self, apply: Apply, *, items: bool) -> None:
        super().__init__(apply)
        self.items = items

    def compose(self) -> ComposeResult:
        title = (
            tr("Yêu cầu bổ sung, hoàn thiện hồ sơ", "Ask for more papers")
            if self.items
            else tr("Từ chối tiếp nhận giải quyết hồ sơ", "Refuse the dossier")
        )
        with VerticalScroll(classes="dialog-box"):
            yield Static(title, classes="dialog-question")
            if self.items:
                yield Label(
                    tr("Nội dung cần bổ sung (mỗi mục một dòng)", "Items to add (one a line)"),
                    classes="label",
                )
                yield TextArea(id="reason-items")
            yield Label(tr("Lý do", "Reason"), classes="label")
            yield Input(id="reason-text")
            yield from self.buttons(tr("Ghi nhận và in phiếu", "Record and print"))

    def on_mount(self) -> None:
        self.query_one("#reason-items" if self.items else "#reason-text").focus()

    @on(Input.Submitted, "#reason-text")
    @on(Button.Pressed, "#dialog-ok")
    def _ok(self) -> None:
        items = self.query_one("#reason-items", TextArea).text.splitlines() if self.items else []
        self.refuse(self.apply(items, self.query_one("#reason-text", Input).value))


class ReceiveDialog(_Dialog):
    """The procedure, the papers ticked, the official dossier code, days added, the due date shown."""

    def __init__(
        self, apply: Apply, due: Callable[..., Any], procedures: tuple[Procedure, ...], now: datetime
    ) -> None:
        super().__init__(apply)
        self.due, self.procedures, self.now = due, procedures, now

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box"):
            yield Static(tr("Tiếp nhận hồ sơ", "Receive the dossier"), classes="dialog-question")
            yield Label(tr("Thủ tục", "Procedure"), classes="label")
            options = [(p.name, procedure_key(p)) for p in self.procedures]
            yield Select(options, value=options[0][1], allow_blank=False, id="receive-procedure")
            yield Label(
                tr("Giấy tờ đã nhận / xuất trình (Space để đánh dấu)", "Papers (Space ticks)"),
                classes="label",
            )
            yield SelectionList[int](id="receive-papers")
            yield Label(
                tr("Mã hồ sơ của hệ thống một cửa (nếu có)", "Official dossier code (if any)"),
                classes="label",
            )
            yield Input(id="receive-dossier")
            yield Label(
                tr("Thời điểm tiếp nhận (dd/mm/yyyy HH:MM)", "Received at (dd/mm/yyyy HH:MM)"),
                classes="label",
            )
            yield Input(f"{self.now:%d/%m/%Y %H:%M}", id="receive-at")
            yield Label(
                tr("Thêm ngày làm việc để xác minh", "Working days added for checks"), classes="label"
            )
            yield Input("0", id="receive-extend", type="integer")
            due = Static("", id="receive-due", markup=False, classes="label")  # stays in view
            yield from self.buttons(tr("Tiếp nhận và in giấy", "Receive and print"), due)

    def on_mount(self) -> None:
        self._papers()
        self._show_due()
        self.query_one("#receive-papers", SelectionList).focus()

    def procedure(self) -> Procedure:
        key = self.query_one("#receive-procedure", Select).value
        return next(p for p in self.procedures if procedure_key(p) == key)

    def _papers(self) -> None:
        box: SelectionList[int] = self.query_one("#receive-papers", SelectionList)
        box.clear_options()
        proc = self.procedure()
        for n, paper in enumerate(proc.papers, 1):
            shown = n > len(proc.handed_in)
            kind = tr("xuất trình", "shown") if shown else tr("nộp", "handed in")
            box.add_option(Selection(f"{n}. {paper} ({kind})", n, n == 1))

    @on(Select.Changed, "#receive-procedure")
    def _procedure(self) -> None:
        self._papers()
        self._show_due()

    @on(Input.Changed, "#receive-at")
    @on(Input.Changed, "#receive-extend")
    def _show_due(self) -> None:
        fields = self.fields()
        if isinstance(fields, str):
            self.query_one("#receive-due", Static).update(fields)
            return
        try:
            due = self.due(fields["procedure"], fields["at"], fields["extend_days"])
        except Exception as exc:  # the reason, in the officer's words (a due date that cannot be made)
            self.query_one("#receive-due", Static).update(str(exc))
            return
        self.query_one("#receive-due", Static).update(
            tr(f"Hẹn trả kết quả: {due.due_at:%H:%M ngày %d/%m/%Y} ({due.total_days} ngày làm việc)",
               f"Result due: {due.due_at:%H:%M on %d/%m/%Y} ({due.total_days} working days)")
        )  # fmt: skip

    def fields(self) -> dict[str, Any] | str:
        """What the officer chose, or why it cannot be read."""
        try:
            at = datetime.strptime(
                " ".join(self.query_one("#receive-at", Input).value.split()), "%d/%m/%Y %H:%M"
            )
        except ValueError:
            return tr("Thời điểm viết dd/mm/yyyy HH:MM.", "Write the time dd/mm/yyyy HH:MM.")
        extend = self.query_one("#receive-extend", Input).value.strip() or "0"
        if not extend.isdigit():
            return tr("Số ngày thêm là một số nguyên.", "Days added: a whole number.")
        return {
            "procedure": procedure_key(self.procedure()),
            "at": at,
            "extend_days": int(extend),
            "papers": sorted(self.query_one("#receive-papers", SelectionList).selected),
            "dossier_code": self.query_one("#receive-dossier", Input).value.strip() or None,
        }

    @on(Button.Pressed, "#dialog-ok")
    def _ok(self) -> None:
        fields = self.fields()
        self.refuse(fields if isinstance(fields, str) else self.apply(**fields))
