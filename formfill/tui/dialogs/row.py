"""Edit one row of a repeating group; dismisses with the row's answers, or None when cancelled."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from formfill.base.i18n import tr
from formfill.base.messages import plural
from formfill.session.answers import FormSession, is_empty
from formfill.storage import JSONValue
from formfill.tui.keymap import LocalizedBindings, shown
from formfill.tui.widgets.blocks import qr_block
from formfill.tui.widgets.field import FieldRow
from formfill.tui.widgets.qr import CardRead, QrInput, card_notice, card_values


class RowDialog(LocalizedBindings, ModalScreen[dict[str, JSONValue] | None]):
    """The row's fields; Save checks the row by its schema block and stays open on errors.

    A row that is a person (CT01's household members) has the CCCD QR box on top, as person blocks do.
    """

    BINDINGS = [
        shown("ctrl+s,f10", "save", "Lưu dòng", "Save row", id="row.save", priority=True),
        shown("escape", "cancel", "Huỷ", "Cancel", id="row.cancel"),
    ]

    def __init__(self, session: FormSession, list_path: str, row: int, values: dict[str, JSONValue]) -> None:
        super().__init__(classes="dialog")
        self.session = session
        self.list_path = list_path
        self.row = row
        block = qr_block(session, f"{list_path}.{row}")
        self.qr = QrInput(block) if block else None
        self.fields = [
            FieldRow(
                session.spec.model, doc, f"{list_path}.{row}.{doc.key}", values.get(doc.key), qr_block=block
            )
            for doc in session.children(list_path)
        ]
        self.new_row = row > session.rows(list_path)

    def compose(self) -> ComposeResult:
        label = self.session.doc(self.list_path).label_for()
        with VerticalScroll(classes="dialog-box row-box"):
            yield Static(f"{label} — {tr('dòng', 'row')} {self.row}", classes="dialog-question")
            yield Static("", classes="error summary")
            if self.qr is not None:
                yield from self.qr.with_label()
            yield from self.fields
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("Lưu dòng (Ctrl+S)", "Save row (Ctrl+S)"), variant="primary", id="save")
                yield Button(tr("Huỷ (Esc)", "Cancel (Esc)"), id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        # A new person row starts at the QR box (a scan fills it); an existing row at its first field.
        if self.qr is not None and self.new_row:
            self.qr.focus()
        else:
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
            summary.update(tr(f"Còn {len(errors)} chỗ cần sửa.", f"{plural(len(errors), 'problem')} to fix."))
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

    @on(CardRead)
    def _card(self, event: CardRead) -> None:
        """Fill the row's fields the card gives; saved with the row."""
        event.stop()
        by_key = {f.doc.key: f for f in self.fields}
        for key, value in card_values(event.qr).items():
            if key in by_key:
                by_key[key].set_value(value)
        self.notify(card_notice(event), timeout=6)
