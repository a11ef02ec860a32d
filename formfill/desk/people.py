"""Who a declaration is from: the citizen's name, ID number, address, phone and email, for the desk's
papers and screens. Read from the validated declaration, by form: most forms have a requester
(``nguoi_yeu_cau``); CT01 has its declarant (``nguoi_ke_khai``); a marriage has two parties.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# where each form keeps the people a dossier is from (the first one gives the ID and contact details)
REQUESTERS: dict[str, tuple[str, ...]] = {
    "ct01": ("nguoi_ke_khai",),
    "ket-hon": ("ben_nu", "ben_nam"),
}
DEFAULT_REQUESTER = ("nguoi_yeu_cau",)


@dataclass(frozen=True)
class Citizen:
    """The person (or people) a dossier is from, as text ready to print."""

    name: str
    id_number: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None

    def as_paper(self) -> dict[str, Any]:
        """The ``nguoi_nop`` block of the one-stop papers."""
        return {
            "ho_ten": self.name,
            "so_dinh_danh": self.id_number,
            "dia_chi": self.address,
            "so_dien_thoai": self.phone,
            "email": self.email,
        }


def _text(value: Any) -> str | None:
    if value in (None, ""):
        return None
    as_text = getattr(value, "as_text", None)
    return str(as_text()) if callable(as_text) else str(value)


def _phone(value: Any) -> str | None:
    if value in (None, ""):
        return None
    from formfill.types import format_phone_national

    return str(format_phone_national(value))


def citizen_of(form_id: str, declaration: Any) -> Citizen:
    """The citizen a validated declaration of ``form_id`` is from (names joined when there are two).

    A form of another pack without a ``nguoi_yeu_cau`` gives an empty name: the officer fills it in.
    """
    people = [
        p for key in REQUESTERS.get(form_id, DEFAULT_REQUESTER) if (p := getattr(declaration, key, None))
    ]
    if not people:
        return Citizen(name="")
    first = people[0]
    ident = _text(getattr(first, "so_dinh_danh_ca_nhan", None)) or _text(
        getattr(first, "giay_to_tuy_than", None)
    )
    address = getattr(first, "noi_cu_tru", None) or getattr(first, "noi_thuong_tru", None)
    return Citizen(
        name=" và ".join(str(p.ho_ten) for p in people),
        id_number=ident,
        address=_text(address),
        phone=_phone(getattr(first, "so_dien_thoai", None)),
        email=_text(getattr(first, "email", None)),
    )
