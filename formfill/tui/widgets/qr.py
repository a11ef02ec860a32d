"""The QR code of a CCCD card: the box a scanner types into, and what the card fills in a person block."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ValidationError
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from formfill.base.i18n import tr
from formfill.forms import explain
from formfill.session.card import QR_KEYS, card_values, looks_like_qr, read_card
from formfill.tui.widgets.inputs import ImeInput, widget_id

if TYPE_CHECKING:
    from formfill.types.cccd_qr import CccdQr


class CardRead(Message):
    """A CCCD QR code was read for the person block at ``block``: fill the block from ``qr``.

    Sent by the block's QR box (:class:`QrInput.Read`) and by a field of the block the QR text was
    typed or pasted into (``from_field``).
    """

    def __init__(self, source: Widget, block: str, qr: CccdQr, *, from_field: bool = False) -> None:
        super().__init__()
        self.source = source
        self.block = block
        self.qr = qr
        self.from_field = from_field


QR_SETTLE_SECONDS = 0.2  # a pasted QR code is read this soon; a scanner's keys keep it waiting until the end


class QrInput(ImeInput):
    """Where a QR scanner types (it ends with Enter) or the QR text is pasted.

    A whole code is read once the text stops changing, Enter or not: on a touch screen the text is
    pasted and there may be no Enter key at hand.
    """

    class Read(CardRead):
        def __init__(self, qr_input: QrInput, qr: CccdQr) -> None:
            super().__init__(qr_input, qr_input.block, qr)
            self.qr_input = qr_input

    def __init__(self, block: str) -> None:
        super().__init__(
            ime=False,
            placeholder=tr(
                "Quét mã QR trên thẻ CCCD (hoặc dán nội dung), rồi Enter",
                "Scan the QR code of the ID card (or paste it), then Enter",
            ),
            id=widget_id("qr", block),
            classes="qr",
        )
        self.block = block
        self.message = Static("", classes="error")
        self._settle: Timer | None = None

    def _watch_value(self, value: str) -> None:
        super()._watch_value(value)
        if self._settle is not None:
            self._settle.stop()
            self._settle = None
        if self.is_mounted and looks_like_qr(value):
            self._settle = self.set_timer(QR_SETTLE_SECONDS, self._settled)

    async def _settled(self) -> None:
        """The text stopped changing: read it if it is a whole card's code (an incomplete one waits)."""
        self._settle = None
        if read_card(self.value) is not None:
            await self.action_submit()

    def with_label(self) -> list[Widget]:
        """The box with its label above and its error line below, as a block shows them."""
        return [
            Static(tr("Điền nhanh từ thẻ CCCD", "Fill from the ID card"), classes="label"),
            self,
            self.message,
        ]

    async def action_submit(self) -> None:
        from formfill.types.cccd_qr import parse_cccd_qr

        text = self.value
        if not text.strip():
            self.screen.focus_next()
            return
        try:
            qr = parse_cccd_qr(text)
        except ValidationError as exc:
            self.message.update(" ".join(dict.fromkeys(e.message for e in explain(exc))))
            return
        self.message.update("")
        self.value = ""  # personal data: not kept in the box
        self.post_message(self.Read(self, qr))


def card_notice(event: CardRead) -> str:
    """What the person is told once a block was filled from a card."""
    if event.from_field:
        return tr("Đã điền từ mã QR thẻ CCCD", "Filled from the ID card's QR code")
    return tr(
        "Đã điền từ thẻ CCCD. Kiểm tra lại trước khi tiếp tục.",
        "Filled from the ID card. Check before continuing.",
    )


__all__ = ["QR_KEYS", "CardRead", "QrInput", "card_notice", "card_values", "looks_like_qr", "read_card"]
