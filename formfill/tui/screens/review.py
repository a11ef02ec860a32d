"""Kiểm tra lại thông tin: every answer by section, the whole-form rules, "Sửa" to jump back."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Static

from formfill.base.i18n import tr
from formfill.forms import FieldError
from formfill.session.answers import FormSession, is_empty
from formfill.storage import JSONValue
from formfill.tui.keymap import LocalizedBindings, shown
from formfill.tui.widgets.status import StatusBar


@dataclass
class Item:
    """One line of the review: a field (or a row, or an absent block) and its errors."""

    path: str
    label: str
    value: str
    order: int
    errors: list[str] = field(default_factory=list)


def _show(value: JSONValue) -> str:
    if isinstance(value, bool):
        return tr("Có", "Yes") if value else tr("Không", "No")
    return "" if value is None else str(value)


def review_items(session: FormSession, errors: list[FieldError]) -> dict[str, list[Item]]:
    """Items by section key, in the form's order; each error attached to the closest item."""
    order = {p: i for i, p in enumerate(session.docs)}
    items: dict[str, Item] = {}
    for tpl, doc in session.docs.items():
        if doc.repeated:
            continue
        if doc.kind == "list":
            for n in range(1, session.rows(tpl) + 1):
                values = session.row_values(tpl, n)
                shown = " · ".join(
                    _show(values.get(c.key)) for c in session.children(tpl) if values.get(c.key)
                )
                items[f"{tpl}.{n}"] = Item(f"{tpl}.{n}", f"{doc.label_for()} {n}", shown, order[tpl])
            continue
        if not session.visible(tpl):
            continue
        if doc.kind == "group":
            if session.is_optional_block(tpl) and not session.present(tpl):
                items[tpl] = Item(tpl, doc.label_for(), tr("Không có", "None"), order[tpl])
            continue
        value = session.get(tpl)
        if not is_empty(value):
            items[tpl] = Item(tpl, _label(session, tpl), _show(value), order[tpl])
    for error in errors:
        item = _closest(items, error.path)
        if item is None:
            tpl = error.path
            doc = session.doc(tpl) if _known(session, tpl) else None
            item = Item(
                error.path,
                _label(session, tpl) if doc else error.path,
                tr("(chưa điền)", "(empty)"),
                order.get(tpl, len(order)),
            )
            items[error.path] = item
        item.errors.append(error.message)
    by_section: dict[str, list[Item]] = {s.key: [] for s in session.sections()}
    for item in sorted(items.values(), key=lambda i: (i.order, i.path)):
        section = session.section_of_path(item.path)
        if section is not None:
            by_section[section.key].append(item)
    return by_section


def _known(session: FormSession, path: str) -> bool:
    try:
        session.doc(path)
    except KeyError:
        return False
    return True


def _label(session: FormSession, path: str) -> str:
    """ "Người yêu cầu › Họ, chữ đệm, tên" for a nested field."""
    parts = path.split(".")
    labels = []
    for end in range(1, len(parts) + 1):
        if parts[end - 1].isdigit():
            labels[-1] += f" {parts[end - 1]}"
            continue
        labels.append(session.doc(".".join(parts[:end])).label_for())
    return " › ".join(labels)


def _closest(items: dict[str, Item], path: str) -> Item | None:
    parts = path.split(".")
    for end in range(len(parts), 0, -1):
        found = items.get(".".join(parts[:end]))
        if found is not None:
            return found
    return None


class ReviewItem(Widget, can_focus=True):
    """A reviewed answer; Enter = Sửa (edit it in its section, then come back here)."""

    DEFAULT_CSS = "ReviewItem { height: auto; }"
    BINDINGS = [shown("enter,s", "edit", "Sửa", "Edit", id="review.edit")]

    class Edit(Message):
        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    def __init__(self, item: Item) -> None:
        super().__init__(classes="review-item -error" if item.errors else "review-item")
        self.item = item

    def render(self) -> Text:
        text = Text.assemble(
            (self.item.label, "bold"),
            ": ",
            self.item.value or "—",
            ("   [Sửa ↵]" if self.has_focus else "", "reverse"),
        )
        for message in self.item.errors:
            text.append("\n  ⚠ " + message, style="bold")
        return text

    def _on_focus(self) -> None:
        self.refresh()

    def _on_blur(self) -> None:
        self.refresh()

    def action_edit(self) -> None:
        self.post_message(self.Edit(self.item.path))


class ReviewScreen(LocalizedBindings, Screen[str | None]):
    """Dismisses with a path to edit, ``""`` when finished, ``None`` to go back."""

    BINDINGS = [
        shown(
            "pagedown,ctrl+right,f10",
            "finish",
            "Hoàn tất, tạo PDF",
            "Finish, make the PDF",
            id="review.finish",
            priority=True,
        ),
        shown("pageup,ctrl+left,escape", "back", "Quay lại", "Back", id="review.back", priority=True),
    ]

    def __init__(self, session: FormSession) -> None:
        super().__init__(classes="review")
        self.session = session
        self.errors: list[FieldError] = []
        self.summary = Static("", id="summary")
        self.body = VerticalScroll(id="body")
        self.status = StatusBar()

    def compose(self) -> ComposeResult:
        meta = self.session.spec.meta
        yield Static(tr(meta.title, meta.title_en or meta.title), id="form-title")
        yield Static(tr("Kiểm tra lại thông tin", "Check your answers"), id="progress")
        yield self.summary
        yield self.body
        yield self.status
        yield Footer()

    async def on_mount(self) -> None:
        self.status.ime = getattr(self.app, "ime_method", None)
        self.errors = self.session.review_errors()
        widgets: list[Widget] = []
        for i, section in enumerate(self.session.sections(), 1):
            widgets.append(
                Static(
                    f"{i}. {tr(section.title, section.title_en or section.title)}", classes="review-section"
                )
            )
            widgets.extend(ReviewItem(item) for item in review_items(self.session, self.errors)[section.key])
        widgets.append(
            Button(
                tr("Hoàn tất, tạo PDF (PgDn)", "Finish, make the PDF (PgDn)"), variant="primary", id="finish"
            )
        )
        await self.body.mount_all(widgets)
        if self.errors:
            self.summary.update(
                tr(
                    f"Còn {len(self.errors)} chỗ cần sửa (đánh dấu ⚠). Chọn một dòng và nhấn Enter để sửa.",
                    f"{len(self.errors)} thing(s) to fix (marked ⚠). Pick a line and press Enter to edit it.",
                )
            )
            self.summary.add_class("-shown")
        first = next((w for w in self.body.query(ReviewItem).results() if w.item.errors), None)
        (first or self.query_one("#finish", Button)).focus()

    @on(ReviewItem.Edit)
    def _edit(self, event: ReviewItem.Edit) -> None:
        self.dismiss(event.path)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_finish(self) -> None:
        if self.errors:
            self.notify(
                tr("Còn thông tin cần sửa trước khi tạo tờ khai.", "Fix the marked answers first."),
                severity="warning",
            )
            first = next((w for w in self.body.query(ReviewItem).results() if w.item.errors), None)
            if first is not None:
                first.focus()
            return
        self.dismiss("")

    @on(Button.Pressed, "#finish")
    def _finish(self) -> None:
        self.action_finish()
