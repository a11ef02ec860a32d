"""The office desk without Textual: what an officer at the one-stop counter does, in one service that
the desk app and the ``office receive/…`` commands share.

Login (the store's accounts, lockout and roles), the queue, picking a submission up by its receipt
code (typed, or the slip's QR as a scanner types it) or by the citizen's ID number, checking it with
the schema, correcting fields (a new version each time, audited with the field paths), receiving it
(procedure, papers ticked by number, official dossier code, due date in working days, extension),
asking for more papers, refusing, marking the result returned — and the papers of each step as PDF
bytes (part of :mod:`formfill.desk`), each print audited. An officer may not do an administrator's
work (delete); the service checks the role, whatever the front end shows.

Every personal value stays in the store and on the papers: the audit log gets actions, codes and
field paths only, and no message here quotes a value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from formfill.base.i18n import tr
from formfill.base.settings import Settings
from formfill.desk.documents import (
    POLICE_RECEIPT,
    POLICE_RECEIPT_EN,
    PaperError,
    police_receipt_applies,
    procedure_key,
    procedure_of,
    receipt_pdf,
    refusal_pdf,
    register_pdf,
    request_more_pdf,
)
from formfill.desk.papers import RECEIPT, REFUSAL, REGISTER, REQUEST_MORE
from formfill.desk.workdays import Due, due_date
from formfill.forms import FieldError, explain
from formfill.model.block import Procedure
from formfill.session.desk_model import (
    CorrectionError,
    DeskDenied,
    DeskError,
    Officer,
    Outcome,
    Paper,
    StatusError,
    get_path,
    paper_name,
    set_path,
)
from formfill.storage import Account, Submission, SubmissionNotFoundError, SubmissionStore

RANK = {"officer": 1, "admin": 2}
OPEN_STATUSES = ("moi", "dang_tiep_nhan", "yeu_cau_bo_sung")  # may be checked, corrected, received
RETURNABLE = ("da_tiep_nhan",)
DECLARATION = "to-khai"
REPORT = "bao-cao"


class DeskService:
    """One officer's session at the desk, over an open :class:`SubmissionStore`.

    ``officer``: who acts, when the caller has checked the login itself (the command line's
    ``--user``); otherwise :meth:`login` sets it. ``clock``: the time of an action given no time.
    """

    def __init__(
        self,
        store: SubmissionStore,
        settings: Settings | None = None,
        *,
        officer: Officer | None = None,
        clock: Any = None,
    ) -> None:
        self.store = store
        self.settings = settings if settings is not None else store.settings
        self.officer = officer
        self._clock = clock

    # --- who --------------------------------------------------------------------------------------

    def login(self, name: str, password: str) -> Account:
        """Log in with a store account (audited; :class:`~formfill.storage.LoginError` when refused)."""
        account = self.store.login(name, password)
        self.officer = Officer(account.name, account.role)
        return account

    def logout(self) -> None:
        if self.officer is not None:
            self.store.audit(self.officer.name, "logout")
        self.officer = None

    def require(self, role: str = "officer") -> Officer:
        """The logged-in officer, when allowed ``role``; :class:`DeskDenied` otherwise."""
        if self.officer is None:
            raise DeskDenied("Cần đăng nhập.", "Log in first.")
        if RANK.get(self.officer.role, 0) < RANK[role]:
            raise DeskDenied(
                f"Tài khoản {self.officer.name} không có quyền này (cần quyền quản trị viên).",
                f"Account {self.officer.name} is not allowed to do this (needs the administrator role).",
            )
        return self.officer

    def can(self, role: str) -> bool:
        return self.officer is not None and RANK.get(self.officer.role, 0) >= RANK[role]

    # --- finding ----------------------------------------------------------------------------------

    def queue(self, status: str | None = None, form_id: str | None = None) -> list[Submission]:
        """Submissions with this status and form (None: any), oldest first."""
        self.require()
        return self.store.queue(status, form_id)

    def open(self, text: str) -> list[Submission]:
        """By receipt code (typed or scanned from the slip's QR) or 12-digit ID number; each audited "view".

        Raises :class:`~formfill.storage.CodeError` for a mistyped code.
        """
        officer = self.require()
        found = self.store.find(_scanned(text))
        for sub in found:
            self.store.audit(officer.name, "view", sub.code)
        return found

    def pick_up(self, code: str) -> Submission:
        """Open one submission to check it with the citizen: a new one becomes "đang tiếp nhận"."""
        officer = self.require()
        sub = self._get(code)
        self.store.audit(officer.name, "view", sub.code)
        if sub.status == "moi":
            sub = self.store.set_status(sub.code, "dang_tiep_nhan", actor=officer.name)
        return sub

    def get(self, code: str) -> Submission:
        self.require()
        return self._get(code)

    def check(self, sub: Submission) -> list[FieldError]:
        """The declaration's errors by the form's schema (empty: valid)."""
        from formfill.catalog import get_form

        try:
            get_form(sub.form_id).validate(sub.data)
        except ValidationError as exc:
            return explain(exc)
        return []

    def versions(self, code: str) -> list[Any]:
        self.require()
        return self.store.versions(code)

    # --- correcting -------------------------------------------------------------------------------

    def correct(self, code: str, changes: Mapping[str, Any]) -> Submission:
        """Store the declaration with ``changes`` (user path -> value; None clears) as a new version.

        The whole declaration is validated with the form's schema: a correction that leaves an error on
        a changed field, or brings a new error anywhere, is refused with :class:`CorrectionError`;
        errors already there elsewhere stay for the next correction. Audited "correct" with the field paths, never the values.
        """
        officer = self.require()
        sub = self._get(code)
        _check_status(sub, OPEN_STATUSES, "sửa", "corrected")
        if not changes:
            raise DeskError("Chưa có trường nào được sửa.", "No field was changed.")
        data = sub.data
        for path, value in changes.items():
            data = set_path(data, path, _clean(value))
        before = {(e.path, e.type) for e in self.check(sub)}
        wrong = [
            e
            for e in self.check(_with(sub, data))
            if (e.path, e.type) not in before or any(_touches(e.path, p) for p in changes)
        ]
        if wrong:
            raise CorrectionError(wrong)
        return self.store.correct(sub.code, data, actor=officer.name, fields=sorted(changes))

    # --- receiving --------------------------------------------------------------------------------

    def procedures(self, form_id: str) -> tuple[Procedure, ...]:
        from formfill.catalog import get_form

        return get_form(form_id).meta.procedures

    def procedure(self, form_id: str, key: str | None) -> Procedure:
        """The form's procedure (its code or name); a form with one needs none. :class:`PaperError`."""
        from formfill.catalog import get_form

        return procedure_of(get_form(form_id).meta, key or "")

    def due(self, form_id: str, key: str | None, at: datetime, extend_days: int = 0) -> Due:
        """When a dossier received ``at`` is due (working days, the office's zone, days off, extension)."""
        return due_date(at, self.procedure(form_id, key), self.settings.office, extend_days=extend_days)

    def receive(
        self,
        code: str,
        *,
        at: datetime | None = None,
        procedure: str | None = None,
        papers: Iterable[int] = (1,),
        dossier_code: str | None = None,
        extend_days: int = 0,
    ) -> Outcome:
        """Receive the dossier: record it with its due date and make the Giấy tiếp nhận.

        A residence (CT01) dossier is recorded with its due date and its declaration is printed;
        ``note`` says the police's own receipt (CT04) applies. The declaration must be valid.
        """
        officer = self.require()
        sub = self._ready(code)
        proc = self.procedure(sub.form_id, procedure)
        moment = self._at(at)
        due = due_date(moment, proc, self.settings.office, extend_days=extend_days)
        numbers = sorted({int(n) for n in papers})
        from formfill.desk.documents import papers_ticked

        papers_ticked(proc, numbers)  # unknown numbers refused before anything is stored
        dossier = (dossier_code or "").strip() or None
        reception = self.store.record_reception(
            sub.code, actor=officer.name, procedure=procedure_key(proc), papers=numbers,
            dossier_code=dossier, received_at=due.received_at, due_at=due.due_at,
            extend_days=extend_days, kind="receive",
        )  # fmt: skip
        if extend_days:
            self.store.audit(officer.name, "extend", sub.code, [f"extend_days:{extend_days}"])
        sub = self._get(sub.code)
        if police_receipt_applies(sub.form_id):
            return Outcome(
                sub, reception, [self._declaration(sub, moment)], due, tr(POLICE_RECEIPT, POLICE_RECEIPT_EN)
            )
        pdf = receipt_pdf(self.settings.office, sub, reception)
        return Outcome(sub, reception, [self._printed(sub, RECEIPT, pdf, moment)], due)

    def request_more(
        self, code: str, items: Iterable[str], reason: str, *, at: datetime | None = None
    ) -> Outcome:
        """Ask for more papers: the items (numbered) and the reason, on the Phiếu yêu cầu bổ sung."""
        wanted = [i.strip() for i in items if i and i.strip()]
        if not wanted or not reason.strip():
            raise DeskError("Cần ghi nội dung cần bổ sung và lý do.", "Give the items to add and the reason.")
        return self._answer(code, "request_more", REQUEST_MORE, at, items=wanted, reason=reason.strip())

    def refuse(self, code: str, reason: str, *, at: datetime | None = None) -> Outcome:
        """Refuse the dossier, with the reason, on the Phiếu từ chối."""
        if not reason.strip():
            raise DeskError("Cần ghi lý do từ chối.", "Give the reason for the refusal.")
        return self._answer(code, "refuse", REFUSAL, at, items=None, reason=reason.strip())

    def mark_returned(self, code: str, *, at: datetime | None = None) -> tuple[Submission, str]:
        """The result was handed back: (submission, ``before`` / ``on_time`` / ``late``)."""
        from formfill.desk.workdays import result_timing

        officer = self.require()
        sub = self._get(code)
        _check_status(sub, RETURNABLE, "trả kết quả", "returned")
        moment = self._at(at)
        sub = self.store.mark_returned(sub.code, actor=officer.name, at=moment)
        reception = self.store.reception(sub.code)
        assert reception is not None
        return sub, result_timing(moment, reception.due_at, self.settings.office)

    # --- printing ---------------------------------------------------------------------------------

    def declaration_pdf(self, code: str) -> Paper:
        """The declaration's own PDF (the form's template), audited "print"."""
        self.require()
        sub = self._get(code)
        return self._declaration(sub, self._at(None))

    def register(self, start: date, end: date) -> Paper:
        """Sổ theo dõi hồ sơ for the office-local days ``start``–``end``, audited "print"."""
        officer = self.require()
        entries = self.store.receptions(start, end)
        pdf = register_pdf(self.settings.office, entries, start, end)
        self.store.audit(officer.name, "print", None, [f"paper:{REGISTER}", f"rows:{len(entries)}"])
        return Paper(REGISTER, pdf, f"{REGISTER}-{start:%Y%m%d}-{end:%Y%m%d}.pdf")

    def stats(self, start: date | None = None, end: date | None = None) -> dict[str, Any]:
        """The office figures (no personal value), with ``results``."""
        self.require()
        return self.store.stats(start, end)

    def report(self, start: date, end: date) -> Paper:
        """The office report with charts for ``start``–``end`` (figures only), audited "print"."""
        from formfill.desk.report import office_report_pdf

        officer = self.require()
        pdf = office_report_pdf(
            self.store.stats(start, end), start, end, self.settings.office, made=self.store.today()
        )
        self.store.audit(officer.name, "print", None, [f"paper:{REPORT}"])
        return Paper(REPORT, pdf, f"{REPORT}-{start:%Y%m%d}-{end:%Y%m%d}.pdf")

    # --- administration ---------------------------------------------------------------------------

    def delete(self, code: str) -> bool:
        """Delete a submission for good: an administrator's action (:class:`DeskDenied` for an officer)."""
        admin = self.require("admin")
        return self.store.delete(code, actor=admin.name)

    def now(self) -> datetime:
        """Now at the office (its time zone): the time of an action given none."""
        return self._at(None)

    # --- internals --------------------------------------------------------------------------------

    def _get(self, code: str) -> Submission:
        sub = self.store.get(_scanned(code))
        if sub is None:
            raise SubmissionNotFoundError(code)
        return sub

    def _ready(self, code: str) -> Submission:
        """An open submission whose declaration is valid (a paper is made from it)."""
        sub = self._get(code)
        _check_status(sub, OPEN_STATUSES, "tiếp nhận", "received")
        if self.check(sub):
            raise StatusError(
                "Tờ khai còn lỗi: sửa cùng người nộp trước khi tiếp nhận.",
                "The declaration has errors: correct it with the citizen before receiving it.",
            )
        return sub

    def _answer(
        self, code: str, kind: str, paper: str, at: datetime | None, *, items: list[str] | None, reason: str
    ) -> Outcome:
        officer = self.require()
        sub = self._get(code)
        _check_status(sub, OPEN_STATUSES, "trả lời", "answered")
        latest = self.store.reception(sub.code)
        key = latest.procedure if latest else procedure_key(self.procedures(sub.form_id)[0])
        moment = self._at(at)
        reception = self.store.record_reception(
            sub.code, actor=officer.name, procedure=key, papers=[], dossier_code=None,
            received_at=moment, due_at=moment, extend_days=0, kind=kind, items=items, reason=reason,
        )  # fmt: skip
        sub = self._get(sub.code)
        if police_receipt_applies(sub.form_id):
            note = tr(POLICE_RECEIPT, POLICE_RECEIPT_EN)
            return Outcome(sub, reception, [self._declaration(sub, moment)], None, note)
        make = request_more_pdf if kind == "request_more" else refusal_pdf
        pdf = make(self.settings.office, sub, reception)
        return Outcome(sub, reception, [self._printed(sub, paper, pdf, moment)])

    def _declaration(self, sub: Submission, when: datetime) -> Paper:
        from formfill.catalog import get_form
        from formfill.render import render_pdf

        spec = get_form(sub.form_id)
        pdf = render_pdf(spec, spec.validate(sub.data))
        return self._printed(sub, DECLARATION, pdf, when, name=f"{spec.id}-{when:%Y%m%d-%H%M%S}.pdf")

    def _printed(
        self, sub: Submission, kind: str, pdf: bytes, when: datetime, name: str | None = None
    ) -> Paper:
        assert self.officer is not None
        self.store.audit(self.officer.name, "print", sub.code, [f"paper:{kind}"])
        return Paper(kind, pdf, name or paper_name(kind, when))

    def _at(self, at: datetime | None) -> datetime:
        zone = self.settings.office.zone
        if at is None:
            now = self._clock() if self._clock is not None else None
            return (now or self.store.now()).astimezone(zone)
        return at.astimezone(zone) if at.tzinfo else at.replace(tzinfo=zone)


def _scanned(text: str) -> str:
    """What a scanner or a person typed, as a code or ID (spaces, line ends and a ``code:`` label dropped)."""
    cleaned = "".join(str(text).split())
    return cleaned.rsplit(":", 1)[-1] if ":" in cleaned else cleaned


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return value


def _touches(error_path: str, changed: str) -> bool:
    return (
        error_path == changed or error_path.startswith(changed + ".") or changed.startswith(error_path + ".")
    )


def _with(sub: Submission, data: dict[str, Any]) -> Submission:
    from dataclasses import replace

    return replace(sub, data=data)


def _check_status(sub: Submission, allowed: tuple[str, ...], vi: str, en: str) -> None:
    from formfill.storage import STATUS_LABELS

    if sub.status not in allowed:
        label = STATUS_LABELS.get(sub.status, sub.status)
        raise StatusError(
            f"Hồ sơ {sub.code} đang ở trạng thái “{label}”: không {vi} được.",
            f"Submission {sub.code} is “{sub.status}”: it cannot be {en}.",
        )


__all__ = [
    "CorrectionError",
    "DeskDenied",
    "DeskError",
    "DeskService",
    "Officer",
    "Outcome",
    "Paper",
    "PaperError",
    "StatusError",
    "get_path",
    "set_path",
]
