"""Kiểm tra lại thông tin: every answer by section, the whole-form rules, "Sửa" to jump back."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Static

from formfill.base.i18n import tr
from formfill.base.messages import plural
from formfill.forms import FieldError
from formfill.session.answers import FormSession
from formfill.session.review import Item, review_items
from formfill.tui.keymap import LocalizedBindings, shown
from formfill.tui.widgets.status import StatusBar


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

    def on_click(self) -> None:
        """A click or a tap on a line is "Sửa" (a touch screen has no Enter)."""
        self.action_edit()


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
        # The page is a list to pick from: the arrows move the selection (not just scroll the page).
        Binding("up", "app.focus_previous", show=False, priority=True, id="review.up"),
        Binding("down", "app.focus_next", show=False, priority=True, id="review.down"),
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
            Horizontal(
                Button(tr("◀ Quay lại (PgUp)", "◀ Back (PgUp)"), id="review-back"),
                Button(
                    tr("Hoàn tất, tạo PDF (PgDn)", "Finish, make the PDF (PgDn)"),
                    variant="primary",
                    id="finish",
                ),
                id="nav",
            )
        )
        await self.body.mount_all(widgets)
        if self.errors:
            self.summary.update(
                tr(
                    f"Còn {len(self.errors)} chỗ cần sửa (đánh dấu ⚠). Chọn dòng bằng ↑/↓ rồi nhấn Enter để sửa.",
                    f"{plural(len(self.errors), 'thing')} to fix (marked ⚠)."
                    " Move with ↑/↓ and press Enter to edit a line.",
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

    @on(Button.Pressed, "#review-back")
    def _back(self) -> None:
        self.action_back()

    @on(Button.Pressed, "#finish")
    def _finish(self) -> None:
        self.action_finish()
