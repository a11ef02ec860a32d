"""The kiosk operator's tools without Textual: what a visit to operator mode lists, finds, reprints,
exports, deletes and purges — each one audited — and the admin login those last three need.

The operator's PIN opens operator mode on one kiosk; it is no account. What the PIN alone allows
(the lists, find, reprint, the figures) is audited as the kiosk itself (``kiosk:<name>``, the store's
``actor``) with the receipt code, never a value. Once the office has accounts, export, delete and
purge are an admin's: :func:`admin_permit` logs in through the store (its lockout, its audit of every
attempt) and the action is then audited under that account's name, as ``formfill office … --user``
would be. Before the first account exists the PIN alone still does everything, as before.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from formfill.base.i18n import tr
from formfill.session.kiosk import KioskConfig, deliver_pdf

log = logging.getLogger("formfill.kiosk")

# What needs an admin once accounts exist -> (Vietnamese, English) words for "not allowed to …".
ADMIN_ACTIONS: dict[str, tuple[str, str]] = {
    "export": ("xuất hồ sơ", "export submissions"),
    "delete": ("xoá hồ sơ", "delete submissions"),
    "purge": ("dọn hồ sơ quá hạn", "purge expired submissions"),
}
ADMIN = "admin"


@dataclass(frozen=True)
class Permit:
    """A login's answer: ``actor`` (the account name for the audit log) when allowed, else None and
    ``message`` says why in the user's language (the store's own words for a wrong password or lock)."""

    actor: str | None
    message: str = ""

    @property
    def allowed(self) -> bool:
        return self.actor is not None


def admin_permit(store: Any, name: str, password: str, action: str) -> Permit:
    """Log ``name`` in through the store and allow ``action`` (a key of :data:`ADMIN_ACTIONS`) to an admin.

    The store audits the attempt ("login" / "login_failed") and counts wrong passwords towards its
    lockout; an officer's correct login is audited as a login and then refused here (the audit log
    has no "refused" action). Empty fields are refused before the store is asked (no attempt counted).
    """
    from formfill.storage import StorageError

    name = name.strip()
    if not name or not password:
        return Permit(None, tr("Nhập tên tài khoản và mật khẩu.", "Type the account name and the password."))
    try:
        account = store.login(name, password)
    except StorageError as exc:  # LoginError (wrong, locked, disabled) or the store failing: its words
        return Permit(None, tr(exc.vi, exc.en))
    if account.role != ADMIN:
        vi, en = ADMIN_ACTIONS.get(action, (action, action))
        log.info("kiosk: %s refused to a non-admin account", action)
        return Permit(
            None,
            tr(
                f"Tài khoản {account.name} không có quyền {vi} (cần quyền quản trị viên).",
                f"Account {account.name} is not allowed to {en} (needs the administrator role).",
            ),
        )
    return Permit(account.name)


class OperatorVisit:
    """One visit to operator mode over the office store (``store.actor`` is this kiosk's name).

    Every code the operator is shown is audited as "view" once per visit for today's list (going back
    to it after a search or a delete does not repeat it) and at every search (a search by ID number
    links a person to codes, so each one counts). Storage errors propagate: the screen says them.
    """

    def __init__(self, store: Any, config: KioskConfig) -> None:
        self.store = store
        self.config = config
        self.seen: set[str] = set()

    @property
    def kiosk(self) -> str:
        """This kiosk in the audit log (``kiosk:<name>``)."""
        return str(self.store.actor)

    def login_needed(self) -> bool:
        """True once any account exists: export, delete and purge then need an admin's login."""
        return bool(self.store.has_users())

    def permit(self, name: str, password: str, action: str) -> Permit:
        return admin_permit(self.store, name, password, action)

    def today(self) -> list[Any]:
        """Today's submissions; the codes not yet shown in this visit are audited as "view"."""
        subs = self.store.list(self.store.today())
        self._viewed([s.code for s in subs if s.code not in self.seen])
        return subs

    def find(self, text: str) -> list[Any]:
        """By receipt code or 12-digit ID number (the store's rules); every code found is audited."""
        found = self.store.find(text)
        self._viewed([s.code for s in found])
        return found

    def again(self, text: str | None) -> list[Any]:
        """After a change: the same search once more (not audited again), or today's list."""
        if text is None:
            return self.today()
        return self.store.find(text)

    def reprint(self, code: str) -> str | None:
        """Print the declaration again (audited "print" before it leaves the store); the message to
        show, or None when there is no such submission."""
        from formfill.catalog import get_form
        from formfill.render import render_pdf
        from formfill.session.printout import pdf_name

        sub = self.store.get(code)
        if sub is None:
            return None
        self.store.audit(self.kiosk, "print", sub.code)
        spec = get_form(sub.form_id)
        data = render_pdf(spec, spec.model.model_validate(sub.data))
        return deliver_pdf(data, pdf_name(spec, sub.created), self.config).message

    def export(self, code: str, folder: Path, actor: str) -> Path | None:
        """``ho-so-<code>.json`` in ``folder`` (a new file, written atomically), audited "export" under
        ``actor``; None when there is no such submission. ``OSError`` when it cannot be written."""
        from formfill.base.files import atomic_write_new

        sub = self.store.get(code)
        if sub is None:
            return None
        self.store.audit(actor, "export", sub.code)
        body = {"code": sub.code, "form": sub.form_id, "form_version": sub.form_version,
                "created": sub.created.isoformat(), "status": sub.status, "declaration": sub.data}  # fmt: skip
        folder.mkdir(parents=True, exist_ok=True)
        return atomic_write_new(
            folder / f"ho-so-{sub.code}.json", json.dumps(body, ensure_ascii=False).encode()
        )

    def delete(self, code: str, actor: str) -> bool:
        """Delete for good; the store audits it ("delete", the code) under ``actor``."""
        return bool(self.store.delete(code, actor=actor))

    def purge(self, actor: str) -> tuple[int, int]:
        """Apply the retention now; the store audits it ("purge") under ``actor``."""
        drafts, subs = self.store.purge(actor=actor)
        return int(drafts), int(subs)

    def _viewed(self, codes: Iterable[str]) -> None:
        for code in codes:
            self.store.audit(self.kiosk, "view", code)
            self.seen.add(code)
