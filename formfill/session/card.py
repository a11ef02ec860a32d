"""The QR code of a chip CCCD card as a session uses it: which blocks it can fill, and with what.

No Textual here: the assistant's QR box, a kiosk's scanner or a browser all read a card the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ValidationError

from formfill.storage import JSONValue

if TYPE_CHECKING:
    from formfill.session.answers import FormSession
    from formfill.types.cccd_qr import CccdQr

# A block with these leaves is a person a CCCD card can describe.
QR_KEYS = frozenset({"ho_ten", "so_dinh_danh_ca_nhan"})
_QR_BARS = 6  # 7 |-separated fields


def card_values(qr: CccdQr) -> dict[str, JSONValue]:
    """The leaves of a person block the card gives, by key, as the fields show them."""
    from formfill.types.dates import format_date

    return {
        "ho_ten": qr.ho_ten,
        "so_dinh_danh_ca_nhan": qr.so_dinh_danh_ca_nhan,
        "ngay_sinh": format_date(qr.ngay_sinh),
        "gioi_tinh": qr.gioi_tinh,
    }


def looks_like_qr(text: str) -> bool:
    """Enough ``|`` for the 7 fields of a CCCD QR code (no answer to a question has them)."""
    return text.count("|") >= _QR_BARS


def read_card(text: str) -> CccdQr | None:
    """The card when ``text`` is a whole CCCD QR code (cheap for ordinary text), else None."""
    if not looks_like_qr(text):
        return None
    from formfill.types.cccd_qr import parse_cccd_qr

    try:
        return parse_cccd_qr(text)
    except ValidationError:
        return None


def qr_block(session: FormSession, block: str) -> str | None:
    """``block`` when it is a person a CCCD card describes (it has a name and a personal ID number)."""
    return block if QR_KEYS <= {c.key for c in session.children(block)} else None


def block_sex(session: FormSession, block: str) -> str | None:
    """ "Nữ" for a block whose role fixes the sex (the mother, "Bên nữ"), "Nam" for the father's or
    "Bên nam"; None for anyone else. Read from the schema's ``implied_gender``, not re-stated here."""
    from formfill.forms.field_docs import field_info
    from formfill.session.answers import template_path

    children = session.children(block)
    if not children:
        return None
    block_class, _key, _info = field_info(session.spec.model, f"{template_path(block)}.{children[0].key}")
    sex = getattr(block_class, "implied_gender", None)
    return sex if isinstance(sex, str) else None
