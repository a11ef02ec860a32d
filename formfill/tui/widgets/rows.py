"""A repeating group (CT01's household members): a table of rows with add, edit and remove."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, DataTable, Static

from formfill.base.i18n import tr
from formfill.forms.field_docs import FieldDoc
from formfill.session.answers import FormSession
from formfill.storage import JSONValue
from formfill.tui.keymap import shown
from formfill.tui.widgets.field import widget_id

# Column headers as short as their values, so every column of a row fits 80 columns.
SHORT: dict[str, tuple[str, str]] = {
    "ho_ten": ("Họ tên", "Name"),
    "ngay_sinh": ("Ngày sinh", "Born"),
    "gioi_tinh": ("Giới tính", "Sex"),
    "so_dinh_danh_ca_nhan": ("Số định danh", "ID number"),
    "moi_quan_he_voi_chu_ho": ("Quan hệ", "Relation"),
}
# Widest a name is shown in the table: with the other columns of a row it fills the 74 cells a bordered
# table has at 80 columns; a longer name ends in "…" here and stays whole in the row editor and the PDF.
# Without this cap the table grows a horizontal scrollbar, whose thumb showed as a stray "▎".
NAME_WIDTH = 22


class RowsEditor(Vertical):
    """Rows of a repeating group. Keys on the table: Insert/+ add, Enter edit, Delete remove."""

    # Not in the footer: the buttons under the table name them, and at 80 columns the footer keeps
    # room for Quit and the typing switch.
    BINDINGS = [
        shown("insert,plus", "add", "Thêm dòng", "Add row", id="rows.add", show=False),
        shown("enter", "edit", "Sửa dòng", "Edit row", id="rows.edit", show=False),
        shown("delete", "remove", "Xoá dòng", "Remove row", id="rows.remove", show=False),
    ]

    class EditRow(Message):
        """Open the row editor: ``row`` is a row number, or rows + 1 for a new row."""

        def __init__(self, editor: RowsEditor, row: int) -> None:
            super().__init__()
            self.editor = editor
            self.path = editor.path
            self.row = row

    class RemoveRow(Message):
        def __init__(self, editor: RowsEditor, row: int) -> None:
            super().__init__()
            self.editor = editor
            self.path = editor.path
            self.row = row

    def __init__(self, session: FormSession, doc: FieldDoc, path: str) -> None:
        super().__init__(id=widget_id("r", path), classes="rows")
        self.session = session
        self.doc = doc
        self.path = path
        self.columns = session.children(path)
        self.table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True, classes="rows-table")
        self.empty = Static(
            tr(
                "Chưa có dòng nào. Nhấn Insert (hoặc +) để thêm.",
                "No rows yet. Press Insert (or +) to add one.",
            ),
            classes="help",
        )
        self.error = Static("", classes="error")
        self.border_title = doc.label_for()

    def compose(self) -> ComposeResult:
        if self.doc.help_for():
            yield Static(self.doc.help_for(), classes="help")
        yield self.empty
        yield self.table
        with Horizontal(classes="row-buttons"):
            yield Button(tr("Thêm", "Add"), id=widget_id("add", self.path), classes="add")
            yield Button(tr("Sửa", "Edit"), classes="edit")
            yield Button(tr("Xoá", "Remove"), classes="remove")
        yield self.error

    def on_mount(self) -> None:
        self.refresh_rows()

    def refresh_rows(self) -> None:
        # Every column gets its width from its header and all its cells before any row is drawn: a
        # DataTable that widens a column as rows arrive kept drawing earlier rows at the old width.
        count = self.session.rows(self.path)
        rows = []
        for n in range(1, count + 1):
            values = self.session.row_values(self.path, n)
            cells = [
                _cell(values.get(d.key), NAME_WIDTH if d.key == "ho_ten" else None) for d in self.columns
            ]
            rows.append([str(n), *cells])
        headers = ["#"] + [tr(*SHORT[d.key]) if d.key in SHORT else d.label_for() for d in self.columns]
        keys = ["n"] + [d.key for d in self.columns]
        self.table.clear(columns=True)
        for i, (header, key) in enumerate(zip(headers, keys, strict=True)):
            width = max([cell_len(header)] + [cell_len(row[i]) for row in rows])
            self.table.add_column(header, key=key, width=width)
        for n, row in enumerate(rows, start=1):
            self.table.add_row(*row, key=str(n))
        self.empty.display = count == 0
        self.table.display = count > 0

    @property
    def current_row(self) -> int | None:
        count = self.session.rows(self.path)
        if not count:
            return None
        return min(self.table.cursor_row, count - 1) + 1

    def focus_control(self) -> None:
        (self.table if self.table.display else self.query_one(".add", Button)).focus()
        self.scroll_visible()

    def show_error(self, message: str | None) -> None:
        self.error.update(message or "")
        self.set_class(bool(message), "-error")

    def action_add(self) -> None:
        self.post_message(self.EditRow(self, self.session.rows(self.path) + 1))

    def action_edit(self) -> None:
        if self.current_row is not None:
            self.post_message(self.EditRow(self, self.current_row))

    def action_remove(self) -> None:
        if self.current_row is not None:
            self.post_message(self.RemoveRow(self, self.current_row))

    @on(Button.Pressed, ".add")
    def _add(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_add()

    @on(Button.Pressed, ".edit")
    def _edit(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_edit()

    @on(Button.Pressed, ".remove")
    def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_remove()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()


def _cell(value: JSONValue, width: int | None = None) -> str:
    """A value as the table shows it; ``width`` cuts a long text to that many cells, ending in "…"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return tr("Có", "Yes") if value else tr("Không", "No")
    text = str(value)
    if width is not None and cell_len(text) > width:
        text = set_cell_size(text, width - 1).rstrip() + "…"
    return text
