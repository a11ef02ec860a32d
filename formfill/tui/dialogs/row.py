"""Edit one row of a repeating group; dismisses with the row's answers, or None when cancelled."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from formfill.i18n import tr
from formfill.storage import JSONValue
from formfill.tui.session import FormSession, is_empty
from formfill.tui.widgets.field import FieldRow


class RowDialog(ModalScreen[dict[str, JSONValue] | None]):
    """The row's fields; Save checks the row by its schema block and stays open on errors."""

    BINDINGS = [
        Binding("ctrl+s,f10", "save", tr("Lưu dòng", "Save row"), id="row.save", priority=True),
        Binding("escape", "cancel", tr("Huỷ", "Cancel"), id="row.cancel"),
    ]

    def __init__(self, session: FormSession, list_path: str, row: int, values: dict[str, JSONValue]) -> None:
        super().__init__(classes="dialog")
        self.session = session
        self.list_path = list_path
        self.row = row
        self.fields = [
            FieldRow(session.spec.model, doc, f"{list_path}.{row}.{doc.key}", values.get(doc.key))
            for doc in session.children(list_path)
        ]

    def compose(self) -> ComposeResult:
        label = self.session.doc(self.list_path).label_for()
        with VerticalScroll(classes="dialog-box row-box"):
            yield Static(f"{label} — {tr('dòng', 'row')} {self.row}", classes="dialog-question")
            yield Static("", classes="error summary")
            yield from self.fields
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("Lưu dòng (Ctrl+S)", "Save row (Ctrl+S)"), variant="primary", id="save")
                yield Button(tr("Huỷ (Esc)", "Cancel (Esc)"), id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.fields[0].focus_control()

    def values(self) -> dict[str, JSONValue]:
        return {f.doc.key: f.value for f in self.fields if not is_empty(f.value)}

    def action_save(self) -> None:
        errors = self.session.row_errors(self.list_path, self.values(), self.row)
        by_path = {f.path: f for f in self.fields}
        for f in self.fields:
            f.show_error(None)
        for e in errors:
            if e.path in by_path:
                by_path[e.path].show_error(e.message)
        summary = self.query_one(".summary", Static)
        if errors:
            summary.update(tr(f"Còn {len(errors)} chỗ cần sửa.", f"{len(errors)} problem(s) to fix."))
            first = next((by_path[e.path] for e in errors if e.path in by_path), None)
            if first is not None:
                first.focus_control()
            return
        self.dismiss(self.values())

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()

    @on(FieldRow.Committed)
    def _committed(self, event: FieldRow.Committed) -> None:
        event.stop()  # saved with the whole row
