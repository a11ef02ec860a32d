"""Answers the assistant can propose so a person does not type them twice.

Kept out of the schema on purpose: a schema default of "today" would make ``formfill fill`` give a
different PDF on another day. The session proposes, saves the proposal as an ordinary answer (which
the person can change), and never overwrites something answered — even an answer cleared on purpose.
"""

from __future__ import annotations

import re

from formfill.base import clock
from formfill.base.text import fold
from formfill.session.answers import PRESENT, FormSession, is_empty
from formfill.storage import JSONValue

DATE_FIELD = "ngay_lam"
PLACE_FIELD = "lam_tai"
ADDRESSEE_FIELD = "kinh_gui"
REQUESTERS = ("nguoi_yeu_cau", "nguoi_ke_khai")
ID = "so_dinh_danh_ca_nhan"
# Where the place starts in "Ủy ban nhân dân phường Sa Đéc, tỉnh Đồng Tháp".
_UNIT = re.compile(r"\b(xã|phường|đặc khu|thị trấn|thị xã|quận|huyện|tỉnh|thành phố)\b", re.IGNORECASE)


def place_from_addressee(addressee: str) -> str | None:
    """ "Ủy ban nhân dân phường Sa Đéc" -> "phường Sa Đéc": the place named in "Kính gửi"."""
    found = _UNIT.search(addressee)
    if found is None:
        return None
    place = addressee[found.start() :].strip(" ,.")
    return place[:1].lower() + place[1:] if place else None


def proposals(session: FormSession, fields: tuple[str, ...]) -> dict[str, JSONValue]:
    """Values to propose for the unanswered fields among ``fields`` (a step's top-level fields)."""
    out: dict[str, JSONValue] = {}
    docs = session.docs
    if DATE_FIELD in fields and DATE_FIELD in docs and DATE_FIELD not in session.answers:
        out[DATE_FIELD] = clock.today().strftime("%d/%m/%Y")
    addressee = session.answers.get(ADDRESSEE_FIELD)
    if PLACE_FIELD in fields and PLACE_FIELD in docs and PLACE_FIELD not in session.answers:
        place = place_from_addressee(addressee) if isinstance(addressee, str) else None
        if place:
            out[PLACE_FIELD] = place
    return out


def requester(session: FormSession) -> str | None:
    """The block of the person who makes the declaration, when the form has one."""
    return next((p for p in REQUESTERS if p in session.docs), None)


def copy_targets(session: FormSession, fields: tuple[str, ...]) -> list[str]:
    """The person blocks of a step the requester's answers can be copied into: identified people
    (with a name and a personal ID number, as the requester)."""
    source = requester(session)
    if source is None or not any(p.startswith(source + ".") for p in session.answers):
        return []
    own = {d.key for d in session.children(source)}
    return [
        key
        for key in fields
        if key != source
        and session.docs.get(key) is not None
        and session.docs[key].kind == "group"
        and {"ho_ten", ID} <= own
        and {"ho_ten", ID} <= {d.key for d in session.children(key)}  # a party, not the newborn
    ]


def suggested_target(session: FormSession, fields: tuple[str, ...]) -> str | None:
    """The block the requester *is*, by the relationship answered ("Mẹ" -> the mother's block)."""
    relation = next(
        (v for p, v in session.answers.items() if p.startswith("quan_he_voi") and isinstance(v, str)), None
    )
    if not relation or not relation.strip():
        return None
    word = fold(relation).strip()
    for key in copy_targets(session, fields):
        label = fold(session.docs[key].label_for())
        if re.search(rf"\b{re.escape(word)}\b", label):
            return key
    return None


def copied_answers(session: FormSession, target: str) -> dict[str, JSONValue]:
    """The requester's answers moved under ``target`` (only the fields ``target`` has too)."""
    source = requester(session)
    if source is None:
        return {}
    out: dict[str, JSONValue] = {PRESENT + target: True}
    for path, value in session.answers.items():
        if path.startswith(PRESENT + source + "."):
            rest = path[len(PRESENT + source) :]
            if _known(session, target + rest):
                out[PRESENT + target + rest] = value
            continue
        if not path.startswith(source + ".") or is_empty(value):
            continue
        new = target + path[len(source) :]
        if _known(session, new):
            out[new] = value
    return out


def _known(session: FormSession, path: str) -> bool:
    try:
        session.doc(path)
    except KeyError:
        return False
    return True
