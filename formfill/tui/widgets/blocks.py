"""Blocks of questions (a person, an address, a certificate) and the builder of a section's widgets."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Static

from formfill.base.i18n import tr
from formfill.forms.field_docs import FieldDoc
from formfill.session.answers import PRESENT, QR_ADDRESS, FormSession, default_value, parent_path
from formfill.session.card import qr_block
from formfill.tui.widgets.field import FieldRow, widget_id, without_id_hint
from formfill.tui.widgets.qr import QrInput
from formfill.tui.widgets.yesno import YesNo


class BlockBox(Vertical):
    """A group of fields; an optional one has a "Có thông tin / Không có" switch."""

    class Toggled(Message):
        def __init__(self, box: BlockBox, given: bool) -> None:
            super().__init__()
            self.box = box
            self.path = box.path
            self.given = given

    class UseCardAddress(Message):
        def __init__(self, box: BlockBox) -> None:
            super().__init__()
            self.box = box
            self.path = box.path

    def __init__(
        self,
        session: FormSession,
        doc: FieldDoc,
        path: str,
        children: Callable[[], list[Widget]],
        *,
        hint: str = "",
    ) -> None:
        super().__init__(id=widget_id("b", path), classes="block")
        self.doc = doc
        self.path = path
        self.optional = session.is_optional_block(path)
        given = session.present(path) if self.optional else True
        self.border_title = doc.label_for()
        self.presence = YesNo(
            given if self.optional and (PRESENT + path) in session.answers else None,
            yes=tr("Có thông tin", "Given"),
            no=tr("Không có", "None"),
            classes="presence",
        )
        self.hint = hint
        self.body = Vertical(classes="body")
        self.body.display = given
        # An absent block's fields are built only when it is switched on: fewer widgets, faster screens.
        self.make_children = children
        self.built = False
        self.qr = QrInput(path) if qr_block(session, path) else None
        self.card_address = Static("", classes="card-address")
        self.card_button = Button(tr("Dùng địa chỉ trên thẻ", "Use the card's address"), classes="use-card")
        self.is_address = doc.widget == "address"
        self.error = Static("", classes="error")
        self._card_text = session.answers.get(QR_ADDRESS + parent_path(path)) if self.is_address else None

    def compose(self) -> ComposeResult:
        if self.optional:
            yield Static(tr("Có thông tin này không?", "Is this information given?"), classes="label")
            if self.hint or self.doc.help_for():
                yield Static(" ".join(n for n in (self.hint, self.doc.help_for()) if n), classes="help")
            yield self.presence
        if self.is_address:
            with Horizontal(classes="card-row"):
                yield self.card_address
                yield self.card_button
        yield self.error
        with self.body:
            if self.qr is not None:
                yield from self.qr.with_label()
            if self.body.display:
                self.built = True
                yield from self.make_children()

    def on_mount(self) -> None:
        self.offer_card_address(self._card_text if isinstance(self._card_text, str) else None)

    def offer_card_address(self, text: str | None) -> None:
        """Show the address read from a CCCD card, with a button to use it."""
        if not self.is_address:
            return
        self._card_text = text
        shown = bool(text)
        self.card_address.update(
            tr(f"Nơi thường trú trên thẻ: {text}", f"Residence on the card: {text}") if text else ""
        )
        self.card_address.parent.display = shown  # type: ignore[union-attr]

    async def show(self, given: bool) -> None:
        """Open or close the block (its fields are built the first time it opens)."""
        if given and not self.built:
            self.built = True
            await self.body.mount_all(self.make_children())
        self.body.display = given
        if self.optional:
            self.presence.value = given

    def show_error(self, message: str | None) -> None:
        self.error.update(message or "")
        self.set_class(bool(message), "-error")

    def focus_control(self) -> None:
        (self.presence if self.optional else self).focus()
        self.scroll_visible()

    @on(YesNo.Changed, ".presence")
    async def _toggled(self, event: YesNo.Changed) -> None:
        event.stop()
        await self.show(event.value)
        self.post_message(self.Toggled(self, event.value))

    @on(Button.Pressed, ".use-card")
    def _use_card(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.UseCardAddress(self))


def build(session: FormSession, doc: FieldDoc, path: str, *, card: str | None = None) -> Widget:
    """The widget of a field or block at ``path`` (rows of repeating groups get a table).

    ``card``: the person block the field is a leaf of, when a CCCD QR code can fill it.
    """
    from formfill.tui.widgets.rows import RowsEditor

    hint = ""
    if doc.required_without:
        siblings = {c.key: c for c in session.children(parent_path(path))}
        other = siblings.get(doc.required_without)
        hint = without_id_hint(other.label_for() if other else doc.required_without)
    if doc.kind == "group":
        card_block = qr_block(session, path)

        def kids() -> list[Widget]:
            return [build(session, c, f"{path}.{c.key}", card=card_block) for c in session.children(path)]

        return BlockBox(session, doc, path, kids, hint=hint)
    if doc.kind == "list" and session.children(path):
        return RowsEditor(session, doc, path)
    value = session.get(path) if path in session.answers else default_value(session, path)
    return FieldRow(session.spec.model, doc, path, value, hint=hint, qr_block=card)


def build_section(session: FormSession, keys: tuple[str, ...]) -> list[Widget]:
    return [build(session, session.docs[k], k) for k in keys if k in session.docs]


__all__ = ["BlockBox", "QrInput", "build", "build_section", "qr_block"]
