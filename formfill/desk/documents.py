"""The one-stop papers made from what the desk holds: a submission (the citizen's declaration) and
its reception (procedure, papers, times, reason). Pure functions: the desk app and the ``office``
commands pass the store's records (any objects with the attributes of :class:`SubmissionLike` and
:class:`ReceptionLike`) and the office settings, and get PDF bytes back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from formfill.base.errors import FormfillError
from formfill.base.i18n import tr
from formfill.base.sections import OfficeSettings
from formfill.desk.papers import RECEIPT, REFUSAL, REGISTER, REQUEST_MORE, paper_pdf
from formfill.desk.people import Citizen, citizen_of
from formfill.model.block import FormMeta, Procedure

POLICE_FORMS = ("ct01",)  # received by the commune police with their own papers (CT04–CT06)
POLICE_RECEIPT = (
    "Hồ sơ cư trú do Công an xã, phường, đặc khu tiếp nhận: giấy tiếp nhận, phiếu bổ sung và phiếu từ chối "
    "theo mẫu CT04, CT05, CT06 của Thông tư 66/2023/TT-BCA; bàn một cửa ghi nhận việc tiếp nhận, hạn trả "
    "và in tờ khai."
)
POLICE_RECEIPT_EN = (
    "Residence dossiers are received by the commune police with their own papers (CT04, CT05, CT06 of "
    "TT 66/2023/TT-BCA); the desk records the reception and the due date and prints the declaration."
)


class PaperError(FormfillError):
    """A paper that cannot be made from this record (a police dossier, an unknown procedure or paper)."""


class SubmissionLike(Protocol):
    code: str
    form_id: str
    data: dict[str, Any]


class ReceptionLike(Protocol):
    number: int
    procedure: str
    papers: list[int]
    dossier_code: str | None
    received_at: datetime
    due_at: datetime | None
    extend_days: int
    items: Sequence[str]
    reason: str | None
    returned_at: datetime | None


def procedure_key(procedure: Procedure) -> str:
    """How a reception names its procedure: the national code, or the name when the code is unknown."""
    return procedure.code or procedure.name


def procedure_of(meta: FormMeta, key: str) -> Procedure:
    """The form's procedure named ``key`` (:func:`procedure_key`); a form with one needs no key."""
    for procedure in meta.procedures:
        if key in (procedure.code, procedure.name) and key:
            return procedure
    if not key and len(meta.procedures) == 1:
        return meta.procedures[0]
    known = "; ".join(procedure_key(p) for p in meta.procedures) or "—"
    raise PaperError(
        tr(
            f"Tờ khai {meta.id} không có thủ tục {key!r} (có: {known}).",
            f"{meta.id}: no procedure {key!r} ({known}).",
        )
    )


def police_receipt_applies(form_id: str) -> bool:
    """Whether the police's own receipt (CT04) applies instead of the one-stop Giấy tiếp nhận."""
    return form_id in POLICE_FORMS


def papers_ticked(procedure: Procedure, numbers: Iterable[int]) -> list[dict[str, str]]:
    """The papers ticked by their numbers in ``procedure.papers`` (from 1): handed in, then shown."""
    out = []
    for number in sorted(set(numbers)):
        if not 1 <= number <= len(procedure.papers):
            raise PaperError(
                tr(
                    f"Không có giấy tờ số {number} (thủ tục có {len(procedure.papers)} giấy tờ).",
                    f"No paper number {number} ({len(procedure.papers)} papers).",
                )
            )
        shown = number > len(procedure.handed_in)
        out.append({"ten": procedure.papers[number - 1], "hinh_thuc": "Xuất trình" if shown else "Nộp"})
    return out


def time_limit_text(days: int, extend_days: int = 0) -> str:
    """ "03 ngày làm việc", "Trong ngày làm việc", with an extension for checks when there is one."""
    text = "Trong ngày làm việc" if days == 0 else f"{days:02d} ngày làm việc"
    if extend_days:
        text += f" (gia hạn thêm {extend_days:02d} ngày làm việc để xác minh)"
    return text


def _local(moment: datetime, office: OfficeSettings) -> datetime:
    """Naive local time at the office (what the paper prints)."""
    zone = ZoneInfo(office.timezone)
    local = moment.astimezone(zone) if moment.tzinfo else moment
    return local.replace(tzinfo=None)


def _head(
    office: OfficeSettings, reception: ReceptionLike, citizen: Citizen, procedure: Procedure
) -> dict[str, Any]:
    return {
        "co_quan": office.name or "Bộ phận Một cửa",
        "so": str(reception.number),
        "dia_danh": office.place or None,
        "ngay": _local(reception.received_at, office).date(),
        "nguoi_nop": citizen.as_paper(),
        "noi_dung": procedure.name,
    }


def _context(submission: SubmissionLike, reception: ReceptionLike) -> tuple[Citizen, Procedure]:
    from formfill.catalog import get_form

    spec = get_form(submission.form_id)
    declaration = spec.validate(submission.data)
    return citizen_of(spec.id, declaration), procedure_of(spec.meta, reception.procedure)


def receipt_data(
    office: OfficeSettings,
    submission: SubmissionLike,
    reception: ReceptionLike,
    *,
    officer: str | None = None,
    book: str | None = None,
) -> dict[str, Any]:
    """The Giấy tiếp nhận's data. Raises :class:`PaperError` for a residence (police) dossier."""
    if police_receipt_applies(submission.form_id):
        raise PaperError(tr(POLICE_RECEIPT, POLICE_RECEIPT_EN))
    if reception.due_at is None:
        raise PaperError(tr("Chưa có hạn trả kết quả.", "No due date yet."))
    citizen, procedure = _context(submission, reception)
    days = procedure.time_limit_days
    return {
        **_head(office, reception, citizen, procedure),
        "ma_ho_so": reception.dossier_code,
        "ma_bien_nhan": submission.code,
        "giay_to": papers_ticked(procedure, reception.papers),
        "thoi_han": time_limit_text(days if days is not None else 0, reception.extend_days),
        "nhan_luc": _local(reception.received_at, office),
        "tra_luc": _local(reception.due_at, office),
        "noi_tra": office.name or None,
        "quyen_so": book,
        "so_thu_tu": str(reception.number) if book else None,
        "nguoi_tiep_nhan": officer,
    }


def receipt_pdf(
    office: OfficeSettings, submission: SubmissionLike, reception: ReceptionLike, **kw: Any
) -> bytes:
    """Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5), as PDF bytes."""
    return paper_pdf(RECEIPT, receipt_data(office, submission, reception, **kw))


def request_more_pdf(
    office: OfficeSettings,
    submission: SubmissionLike,
    reception: ReceptionLike,
    *,
    officer: str | None = None,
    contact: str | None = None,
) -> bytes:
    """Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (A5): ``reception.items`` numbered, and the reason."""
    citizen, procedure = _context(submission, reception)
    items = [{"noi_dung": item} for item in reception.items if item.strip()]
    if not items or not (reception.reason or "").strip():
        raise PaperError(
            tr("Cần ghi nội dung cần bổ sung và lý do.", "Give the items to add and the reason.")
        )
    data = {
        **_head(office, reception, citizen, procedure),
        "yeu_cau": items,
        "ly_do": reception.reason,
        "lien_he": contact,
        "nguoi_huong_dan": officer,
    }
    return paper_pdf(REQUEST_MORE, data)


def refusal_pdf(
    office: OfficeSettings,
    submission: SubmissionLike,
    reception: ReceptionLike,
    *,
    officer: str | None = None,
) -> bytes:
    """Phiếu từ chối tiếp nhận giải quyết hồ sơ (A5), with the reason."""
    citizen, procedure = _context(submission, reception)
    if not (reception.reason or "").strip():
        raise PaperError(tr("Cần ghi lý do từ chối.", "Give the reason for the refusal."))
    data = {
        **_head(office, reception, citizen, procedure),
        "ma_ho_so": reception.dossier_code,
        "ly_do": reception.reason,
        "nguoi_tiep_nhan": officer,
    }
    return paper_pdf(REFUSAL, data)


def _when(moment: datetime | None, office: OfficeSettings) -> str | None:
    return None if moment is None else f"{_local(moment, office):%H:%M %d/%m/%Y}"


def register_row(
    office: OfficeSettings, submission: SubmissionLike, reception: ReceptionLike
) -> dict[str, Any]:
    """One dossier's row of the Sổ theo dõi hồ sơ."""
    citizen, procedure = _context(submission, reception)
    contact = ", ".join(x for x in (citizen.address, citizen.phone) if x) or None
    police = police_receipt_applies(submission.form_id)
    return {
        "ma_ho_so": reception.dossier_code or submission.code,
        "thu_tuc": procedure.name,
        "ten": citizen.name,
        "dia_chi": contact,
        "co_quan_chu_tri": "Công an xã, phường, đặc khu" if police else (office.name or None),
        "nhan": _when(reception.received_at, office),
        "hen_tra": _when(reception.due_at, office),
        "tra": _when(reception.returned_at, office),
        "phuong_thuc": "Trực tiếp",
    }


def register_pdf(
    office: OfficeSettings,
    entries: Iterable[tuple[SubmissionLike, ReceptionLike]],
    start: date,
    end: date,
    *,
    kept_by: str | None = None,
) -> bytes:
    """Sổ theo dõi hồ sơ for ``start``–``end`` (A4 landscape): one row per dossier received, in order."""
    rows = [register_row(office, s, r) for s, r in entries]
    data = {"co_quan": office.name or "Bộ phận Một cửa", "tu_ngay": start, "den_ngay": end, "dong": rows}
    return paper_pdf(REGISTER, {**data, "nguoi_lap": kept_by})
