"""Shared by the desk tests: a store with two accounts and a submission made the kiosk's way (through
the session core: a kiosk session answered field by field, then stored), and PDF text read back."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pdfplumber

from tests.tui.tui_helpers import flatten  # a declaration as the wizard stores it

ROOT = Path(__file__).resolve().parents[2]
FORM = "nhan-cha-me-con"  # 3 working days, up to 5 more for checks
CITIZEN = "Nguyễn Minh Luân"  # the requester of examples/nhan-cha-me-con/valid-1.json
CITIZEN_ID = "087097004321"
ADMIN, ADMIN_PASS = "boss", "admin-pass-1"
OFFICER, OFFICER_PASS = "an", "officer-pass-1"
# the store's clock: the kiosk submission on Thursday 27/11/2025, 09:30 in Viet Nam
SUBMITTED = datetime(2025, 11, 27, 2, 30, tzinfo=UTC)


def example(form_id: str = FORM) -> dict[str, Any]:
    return json.loads((ROOT / "examples" / form_id / "valid-1.json").read_text(encoding="utf-8"))


def kiosk_submission(store: Any, form_id: str = FORM, data: dict[str, Any] | None = None) -> Any:
    """A declaration answered in a kiosk session (the session core), checked, then stored."""
    from formfill.catalog import get_form
    from formfill.session.kiosk import KioskSession

    spec = get_form(form_id)
    session = KioskSession.new(spec, store)
    session.set_many(flatten(data if data is not None else example(form_id)))
    assert session.review_errors() == []
    sub = store.submit(spec.id, spec.meta.version, session.data(), seconds=session.seconds(),
                       errors=session.error_types())  # fmt: skip
    store.delete(session.draft_id)
    return sub


def open_store(path: Path, **kw: Any) -> Any:
    from formfill.base.settings import Settings
    from formfill.storage import SubmissionStore

    kw.setdefault("clock", lambda: SUBMITTED)
    return SubmissionStore(path, settings=kw.pop("settings", Settings()), **kw)


def with_accounts(store: Any) -> Any:
    store.add_user(ADMIN, ADMIN_PASS, "admin", first=True)
    store.add_user(OFFICER, OFFICER_PASS, "officer", actor=ADMIN)
    return store


def pdf_text(pdf: bytes) -> str:
    """Every page's text, spaces and line ends folded to one space."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in doc.pages))
