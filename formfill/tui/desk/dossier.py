"""One submission at the desk: the declaration read-only with its validation state, and what the
officer does with it — correct a field with the citizen (a new version), receive, ask for more
papers, refuse, mark the result returned, print the declaration, and (administrators) delete."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Static

from formfill.base.errors import FormfillError
from formfill.base.i18n import tr
from formfill.desk.names import form_name
from formfill.session.desk import Outcome, get_path
from formfill.session.desk_view import declaration_lines, typed_like
from formfill.storage import STATUS_LABELS, StorageError
from formfill.tui.desk.dialogs import CorrectDialog, ReasonDialog, ReceiveDialog
from formfill.tui.keymap import LocalizedBindings, shown

# what refuses a desk action in words for the officer (the session core's and the store's errors)
REFUSED = (FormfillError, StorageError)


class DossierScreen(LocalizedBindings, Screen[None]):
    """The declaration of one submission and the desk's actions on it (keys and buttons)."""

    BINDINGS = [
        shown("f4", "correct", "Sửa", "Correct", id="desk.correct"),
        shown("f5", "receive", "Tiếp nhận", "Receive", id="desk.receive"),
        shown("f6", "request_more", "Bổ sung", "More papers", id="desk.more"),
        shown("f7", "refuse", "Từ chối", "Refuse", id="desk.refuse"),
        shown("f8", "returned", "Trả kết quả", "Returned", id="desk.returned"),
        shown("f9", "print_declaration", "In tờ khai", "Print", id="desk.print"),
        shown("escape", "back", "Quay lại", "Back", id="desk.back"),
    ]

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def compose(self) -> ComposeResult:
        yield Static("", id="form-title")
        yield Static("", id="dossier-state", markup=False)
        yield DataTable(id="declaration", cursor_type="row", zebra_stripes=True)
        yield Static("", id="dossier-message", markup=False)
        with Horizontal(id="nav"):
            yield Button(tr("Sửa", "Correct"), id="do-correct")
            yield Button(tr("Tiếp nhận", "Receive"), id="do-receive", variant="primary")
            yield Button(tr("Bổ sung", "More papers"), id="do-more")
            yield Button(tr("Từ chối", "Refuse"), id="do-refuse")
            yield Button(tr("Trả kết quả", "Returned"), id="do-returned")
            yield Button(tr("In tờ khai", "Print"), id="do-print")
            yield Button(tr("Xóa", "Delete"), id="do-delete", variant="error")
            yield Button(tr("Quay lại", "Back"), id="do-back")
        yield Footer()

    @property
    def desk(self) -> Any:
        return self.app.desk  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        table = self.query_one("#declaration", DataTable)
        table.add_columns(tr("Trường", "Field"), tr("Giá trị", "Value"))
        self.show()
        table.focus()

    def show(self) -> None:
        """Read the submission again and draw it (after every action)."""
        sub = self.desk.get(self.code)
        self.submission = sub
        reception = self.desk.store.reception(sub.code)
        head = (f"{sub.code} — {form_name(sub.form_id)} — {STATUS_LABELS.get(sub.status, sub.status)} — "
                + tr(f"bản {sub.version}", f"version {sub.version}"))  # fmt: skip
        if reception is not None and reception.kind == "receive":
            head += tr(
                f" — hẹn trả {reception.due_at:%H:%M %d/%m/%Y}", f" — due {reception.due_at:%H:%M %d/%m/%Y}"
            )
        self.query_one("#form-title", Static).update(head)
        errors = self.desk.check(sub)
        state = self.query_one("#dossier-state", Static)
        if errors:
            state.update(tr("Tờ khai còn lỗi:\n", "The declaration has errors:\n")
                         + "\n".join(f"• {e.path}: {e.message}" for e in errors))  # fmt: skip
            state.set_class(True, "error")
        else:
            state.update(tr("✓ Tờ khai hợp lệ theo mẫu.", "✓ The declaration is valid."))
            state.set_class(False, "error")
        table = self.query_one("#declaration", DataTable)
        table.clear()
        self.lines = {line.path: line for line in declaration_lines(sub.form_id, sub.data)}
        for line in self.lines.values():
            table.add_row(Text(line.label), Text(line.value), key=line.path)

    def say(self, text: str) -> None:
        self.query_one("#dossier-message", Static).update(text)

    def attempt(self, work: Callable[[], Any]) -> Any:
        """Run an action; a refusal is said on the screen (None returned)."""
        try:
            return work()
        except REFUSED as exc:
            self.say(self.app.message(exc))  # type: ignore[attr-defined]
            return None

    # --- correct ----------------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#declaration")
    @on(Button.Pressed, "#do-correct")
    def action_correct(self) -> None:
        table = self.query_one("#declaration", DataTable)
        if not self.lines:
            return
        path = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        line = self.lines[path]

        def apply(text: str) -> str | None:
            value = typed_like(get_path(self.submission.data, path), text)
            try:
                sub = self.desk.correct(self.code, {path: value})
            except REFUSED as exc:
                return self.app.message(exc)  # type: ignore[attr-defined]
            self.said = tr(
                f"Đã lưu bản {sub.version} (bản cũ vẫn được giữ).", f"Version {sub.version} saved."
            )
            return None

        self.app.push_screen(CorrectDialog(apply, path, line.label, line.value), self._after)

    # --- receive / request more / refuse / returned --------------------------------------------------

    @on(Button.Pressed, "#do-receive")
    def action_receive(self) -> None:
        sub = self.submission
        procedures = self.attempt(lambda: self.desk.procedures(sub.form_id))
        if not procedures:
            return

        def due(key: str, at: Any, extend_days: int) -> Any:
            return self.desk.due(sub.form_id, key, at, extend_days)

        def apply(**fields: Any) -> str | None:
            try:
                out = self.desk.receive(self.code, **fields)
            except REFUSED as exc:
                return self.app.message(exc)  # type: ignore[attr-defined]
            self._printed(out)
            return None

        now = self.desk.now().replace(tzinfo=None)
        self.app.push_screen(ReceiveDialog(apply, due, procedures, now), self._after)

    @on(Button.Pressed, "#do-more")
    def action_request_more(self) -> None:
        def apply(items: list[str], reason: str) -> str | None:
            try:
                out = self.desk.request_more(self.code, items, reason)
            except REFUSED as exc:
                return self.app.message(exc)  # type: ignore[attr-defined]
            self._printed(out)
            return None

        self.app.push_screen(ReasonDialog(apply, items=True), self._after)

    @on(Button.Pressed, "#do-refuse")
    def action_refuse(self) -> None:
        def apply(_items: list[str], reason: str) -> str | None:
            try:
                out = self.desk.refuse(self.code, reason)
            except REFUSED as exc:
                return self.app.message(exc)  # type: ignore[attr-defined]
            self._printed(out)
            return None

        self.app.push_screen(ReasonDialog(apply, items=False), self._after)

    @on(Button.Pressed, "#do-returned")
    def action_returned(self) -> None:
        done = self.attempt(lambda: self.desk.mark_returned(self.code))
        if done is not None:
            words = {"before": tr("trước hạn", "early"), "on_time": tr("đúng hạn", "on time"),
                     "late": tr("quá hạn", "late")}  # fmt: skip
            self.show()
            self.say(tr(f"Đã trả kết quả ({words[done[1]]}).", f"Result returned ({words[done[1]]})."))

    # --- print / delete / back ----------------------------------------------------------------------

    @on(Button.Pressed, "#do-print")
    def action_print_declaration(self) -> None:
        paper = self.attempt(lambda: self.desk.declaration_pdf(self.code))
        if paper is not None:
            self.say(self.attempt(lambda: self.app.deliver(paper)) or "")  # type: ignore[attr-defined]

    @on(Button.Pressed, "#do-delete")
    def action_delete(self) -> None:
        if self.attempt(lambda: self.desk.delete(self.code)):
            self.app.pop_screen()
            self.app.notify(tr("Đã xóa hẳn hồ sơ.", "Submission deleted for good."))

    @on(Button.Pressed, "#do-back")
    def action_back(self) -> None:
        self.app.pop_screen()

    def _printed(self, out: Outcome) -> None:
        said = [self.app.deliver(p) for p in out.papers]  # type: ignore[attr-defined]
        if out.note:
            said.append(out.note)
        self.said = "\n".join(said)

    def _after(self, done: bool | None) -> None:
        if done:
            self.show()
            self.say(getattr(self, "said", "") or tr("Đã lưu.", "Saved."))
            self.said = ""
