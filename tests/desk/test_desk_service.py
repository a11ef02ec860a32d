"""The desk end to end without the TUI: a kiosk submission (session core) → desk login → pick-up by
code → one field corrected → received at a fixed time → the Giấy tiếp nhận read back → the audit log."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from formfill.session.desk import (
    CorrectionError,
    DeskDenied,
    DeskService,
    PaperError,
    StatusError,
    get_path,
)
from formfill.storage import LoginError
from tests.desk.office import (
    ADMIN,
    ADMIN_PASS,
    CITIZEN,
    CITIZEN_ID,
    OFFICER,
    OFFICER_PASS,
    kiosk_submission,
    open_store,
    pdf_text,
    with_accounts,
)

VN = __import__("zoneinfo").ZoneInfo("Asia/Ho_Chi_Minh")
STREET = "nguoi_duoc_nhan.noi_cu_tru.chi_tiet"


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = with_accounts(open_store(tmp_path / "office.sqlite3"))
    yield s
    s.close()


def test_kiosk_to_receipt_end_to_end(store) -> None:  # type: ignore[no-untyped-def]
    sub = kiosk_submission(store)
    desk = DeskService(store)
    with pytest.raises(DeskDenied):
        desk.queue()  # nothing before login
    with pytest.raises(LoginError):
        desk.login(OFFICER, "wrong-password")
    desk.login(OFFICER, OFFICER_PASS)
    assert [s.code for s in desk.queue("moi")] == [sub.code]

    # pick-up: the slip's QR as a scanner types it (lower case, a line end), then by ID number
    found = desk.open(f" {sub.code.lower()}\r\n")
    assert [s.code for s in found] == [sub.code]
    assert [s.code for s in desk.open(CITIZEN_ID)] == [sub.code]
    picked = desk.pick_up(sub.code)
    assert picked.status == "dang_tiep_nhan" and desk.check(picked) == []

    # one field corrected with the citizen: a new version, the first kept
    with pytest.raises(CorrectionError) as bad:
        desk.correct(sub.code, {"nguoi_yeu_cau.so_dinh_danh_ca_nhan": "12345"})
    assert bad.value.errors[0].path == "nguoi_yeu_cau.so_dinh_danh_ca_nhan"
    fixed = desk.correct(sub.code, {STREET: "Số 155 Nguyễn Sinh Sắc"})
    versions = desk.versions(sub.code)
    assert fixed.version == 2 and [v.version for v in versions] == [1, 2]
    assert get_path(versions[0].data, STREET) == "Số 153 Nguyễn Sinh Sắc"
    assert get_path(versions[1].data, STREET) == "Số 155 Nguyễn Sinh Sắc"

    # received on Thursday 27/11/2025 at 10:00: 3 working days → Tuesday 02/12/2025
    out = desk.receive(
        sub.code, at=datetime(2025, 11, 27, 10, 0), papers=[1, 2, 3], dossier_code="000.00.21.H15-251127-0001"
    )
    assert out.submission.status == "da_tiep_nhan"
    assert out.due is not None and out.due.due_at == datetime(2025, 12, 2, 17, 0, tzinfo=VN)
    [paper] = out.papers
    assert paper.kind == "giay-tiep-nhan" and sub.code not in paper.name and "Luân" not in paper.name
    text = pdf_text(paper.data)
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert sub.code in text and CITIZEN in text and "000.00.21.H15-251127-0001" in text
    assert "Đăng ký nhận cha, mẹ, con" in text
    for n in (1, 2, 3):
        assert f" {n} " in text
    assert "Thời gian nhận hồ sơ: 10 giờ 00 phút, ngày 27 tháng 11 năm 2025" in text
    assert "Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 02 tháng 12 năm 2025" in text
    with pytest.raises(StatusError):
        desk.receive(sub.code, at=datetime(2025, 11, 27, 10, 5))  # not twice

    back, timing = desk.mark_returned(sub.code, at=datetime(2025, 12, 2, 9, 0))
    assert back.status == "da_tra_ket_qua" and timing == "on_time"
    assert store.stats()["results"] == {"before": 0, "on_time": 1, "late": 0}

    # the audit log: every step, by the officer, with field paths and never a value
    entries = store.audit_entries()
    mine = [(e.action, e.code) for e in entries if e.actor == OFFICER]
    for action in ("login", "view", "status", "correct", "receive", "print", "return"):
        assert (action, sub.code if action not in ("login",) else None) in mine, action
    [correct] = [e for e in entries if e.action == "correct"]
    assert list(correct.fields) == [STREET]
    dumped = repr(entries)
    assert CITIZEN not in dumped and CITIZEN_ID not in dumped and "Sinh Sắc" not in dumped
    checked, _last, problem = store.audit_verify()
    assert problem is None and checked == len(entries)


def test_officer_is_refused_admin_actions_and_the_admin_is_not(store) -> None:  # type: ignore[no-untyped-def]
    sub = kiosk_submission(store)
    desk = DeskService(store)
    desk.login(OFFICER, OFFICER_PASS)
    with pytest.raises(DeskDenied, match="không có quyền"):
        desk.delete(sub.code)
    assert store.get(sub.code) is not None
    desk.logout()
    desk.login(ADMIN, ADMIN_PASS)
    assert desk.delete(sub.code) is True and store.get(sub.code) is None


def test_request_more_refuse_and_statuses(store) -> None:  # type: ignore[no-untyped-def]
    first, second = kiosk_submission(store), kiosk_submission(store)
    desk = DeskService(store)
    desk.login(OFFICER, OFFICER_PASS)
    with pytest.raises(StatusError):
        desk.mark_returned(first.code)  # not received yet
    more = desk.request_more(first.code, ["Bản sao Giấy khai sinh của con", ""], "Thiếu chứng cứ",
                             at=datetime(2025, 11, 27, 14, 0))  # fmt: skip
    assert more.submission.status == "yeu_cau_bo_sung"
    text = pdf_text(more.papers[0].data)
    assert "PHIẾU YÊU CẦU BỔ SUNG" in text and "1 Bản sao Giấy khai sinh của con" in text
    assert "Thiếu chứng cứ" in text and CITIZEN in text
    # after the papers come: received, then the count starts again
    assert desk.receive(first.code, at=datetime(2025, 11, 28, 9, 0)).submission.status == "da_tiep_nhan"
    refused = desk.refuse(second.code, "Không thuộc thẩm quyền", at=datetime(2025, 11, 27, 15, 0))
    assert refused.submission.status == "tu_choi" and "PHIẾU TỪ CHỐI" in pdf_text(refused.papers[0].data)
    with pytest.raises(StatusError):
        desk.correct(second.code, {STREET: "Số 1"})
    register = pdf_text(desk.register(date(2025, 11, 27), date(2025, 11, 28)).data)
    assert "SỔ THEO DÕI HỒ SƠ" in register and first.code in register


def test_ct01_is_recorded_and_the_police_receipt_applies(store) -> None:  # type: ignore[no-untyped-def]
    sub = kiosk_submission(store, "ct01")
    desk = DeskService(store)
    desk.login(OFFICER, OFFICER_PASS)
    with pytest.raises(PaperError, match=r"1\.004222"):
        desk.receive(sub.code, at=datetime(2025, 11, 27, 10, 0))  # three procedures: choose one
    out = desk.receive(sub.code, at=datetime(2025, 11, 27, 10, 0), procedure="1.004194")  # tạm trú, 3 days
    assert out.due is not None and out.due.due_at.date() == date(2025, 12, 2)
    assert out.note is not None and "CT04" in out.note
    assert [p.kind for p in out.papers] == ["to-khai"]
    assert "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ" in pdf_text(out.papers[0].data).upper()


def test_extension_is_audited_and_bounded(store) -> None:  # type: ignore[no-untyped-def]
    from formfill.desk.workdays import DueDateError

    sub = kiosk_submission(store)
    desk = DeskService(store)
    desk.login(OFFICER, OFFICER_PASS)
    with pytest.raises(DueDateError):
        desk.receive(sub.code, at=datetime(2025, 11, 27, 10, 0), extend_days=6)  # the law allows 5
    assert store.get(sub.code).status == "moi"  # nothing recorded
    out = desk.receive(sub.code, at=datetime(2025, 11, 27, 10, 0), extend_days=2)
    assert out.due is not None and out.due.due_at.date() == date(2025, 12, 4)
    assert out.reception.extend_days == 2
    assert any(e.action == "extend" and e.fields == ("extend_days:2",) for e in store.audit_entries())
