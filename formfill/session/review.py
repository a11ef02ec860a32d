"""The review of a whole declaration as a list of items: every answer by section, each error attached
to the item it concerns (the whole-form rules included). No Textual here: any front end shows it."""

from __future__ import annotations

from dataclasses import dataclass, field

from formfill.base.i18n import tr
from formfill.forms import FieldError
from formfill.session.answers import FormSession, is_empty
from formfill.storage import JSONValue


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


def _phone(value: JSONValue) -> str:
    """A phone number as a person reads it and the PDF prints it ("0912 345 678")."""
    from formfill.types.contact import format_phone_national, normalise_phone

    try:
        return format_phone_national(normalise_phone(value))
    except ValueError:
        return _show(value)


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
            shown = _phone(value) if doc.format == "vn-phone" else _show(value)
            items[tpl] = Item(tpl, _label(session, tpl), shown, order[tpl])
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
