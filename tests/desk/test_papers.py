"""The one-stop papers: their own pack (not offered as forms), made from a submission and its
reception, read back with pdfplumber."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from formfill.base.sections import OfficeSettings
from formfill.catalog import get_form, list_forms
from formfill.desk.documents import (
    PaperError,
    procedure_key,
    receipt_data,
    receipt_pdf,
    refusal_pdf,
    register_pdf,
    request_more_pdf,
)
from formfill.desk.papers import PAPERS, paper_spec
from formfill.desk.workdays import due_date

ROOT = Path(__file__).resolve().parents[2]
OFFICE = OfficeSettings(name="UBND phường Sa Đéc", place="phường Sa Đéc, tỉnh Đồng Tháp")


@dataclass
class Submission:
    code: str
    form_id: str
    data: dict[str, Any]


@dataclass
class Reception:
    number: int
    procedure: str
    papers: list[int]
    received_at: datetime
    dossier_code: str | None = None
    due_at: datetime | None = None
    extend_days: int = 0
    items: list[str] = field(default_factory=list)
    reason: str | None = None
    returned_at: datetime | None = None


def example(form_id: str) -> dict[str, Any]:
    return json.loads((ROOT / "examples" / form_id / "valid-1.json").read_text(encoding="utf-8"))


def text_of(pdf: bytes) -> tuple[str, list[tuple[float, float]]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(p.extract_text() or "" for p in doc.pages), [(p.width, p.height) for p in doc.pages]


def received(form_id: str = "khai-sinh", **kw: Any) -> tuple[Submission, Reception]:
    spec = get_form(form_id)
    procedure = spec.meta.procedures[0]
    at = datetime(2025, 11, 27, 10, 5, tzinfo=OFFICE.zone)
    rec = Reception(7, procedure_key(procedure), [1, 2, 4], at, **kw)
    rec.due_at = due_date(at, procedure, OFFICE).due_at
    return Submission("K7Q-4M2P", form_id, example(form_id)), rec


def test_papers_are_a_pack_of_their_own() -> None:
    ids = {spec.id for spec in list_forms()}
    assert not ids & set(PAPERS)
    for paper in PAPERS:
        assert paper_spec(paper).template_path is not None  # template loaded and checked


def test_receipt_holds_what_the_citizen_needs() -> None:
    sub, rec = received(dossier_code="000.00.21.H15-251127-0001")
    text, pages = text_of(receipt_pdf(OFFICE, sub, rec, officer="Trần Văn Bình"))
    flat = re.sub(r"\s+", " ", text)
    assert pages == [(pytest.approx(419.5, abs=1), pytest.approx(595.3, abs=1))]  # A5
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in flat
    assert "K7Q-4M2P" in flat and "000.00.21.H15-251127-0001" in flat
    assert "Trần Thị Hường" in flat  # the requester of examples/khai-sinh/valid-1.json
    assert "Đăng ký khai sinh" in flat
    assert re.search(r"1 Tờ khai đăng ký khai sinh Nộp", flat)
    assert re.search(r"3 Giấy tờ tùy thân .*Xuất trình", flat)
    assert "Thời gian nhận hồ sơ: 10 giờ 05 phút, ngày 27 tháng 11 năm 2025" in flat
    assert "Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 27 tháng 11 năm 2025" in flat


def test_receipt_numbers_papers_by_the_procedure_s_list() -> None:
    sub, rec = received()
    data = receipt_data(OFFICE, sub, rec)
    assert [p["hinh_thuc"] for p in data["giay_to"]] == ["Nộp", "Nộp", "Xuất trình"]
    rec.papers = [99]
    with pytest.raises(PaperError, match="số 99"):
        receipt_data(OFFICE, sub, rec)


def test_ct01_says_the_police_receipt_applies() -> None:
    sub, rec = received("ct01")
    with pytest.raises(PaperError, match="CT04"):
        receipt_pdf(OFFICE, sub, rec)


def test_request_more_and_refusal() -> None:
    sub, rec = received(items=["Bản chính Giấy chứng sinh"], reason="Thiếu giấy chứng sinh bản chính")
    text, _pages = text_of(request_more_pdf(OFFICE, sub, rec, contact="Cán bộ một cửa, 0277 3861 234"))
    flat = re.sub(r"\s+", " ", text)
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in flat and "1 Bản chính Giấy chứng sinh" in flat
    assert "Thiếu giấy chứng sinh bản chính" in flat and "NGƯỜI HƯỚNG DẪN" in flat
    rec.reason = "Không thuộc thẩm quyền"
    flat = re.sub(r"\s+", " ", text_of(refusal_pdf(OFFICE, sub, rec))[0])
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in flat and "Không thuộc thẩm quyền" in flat
    assert "Xin thông báo cho Ông/Bà được biết và thực hiện./." in flat
    rec.reason = " "
    with pytest.raises(PaperError):
        refusal_pdf(OFFICE, sub, rec)


def test_register_is_a4_landscape_with_every_dossier() -> None:
    entries = []
    for i in range(25):
        sub, rec = received()
        rec.number, rec.dossier_code = i + 1, f"000.00.21.H15-251127-{i + 1:04d}"
        entries.append((sub, rec))
    text, pages = text_of(
        register_pdf(OFFICE, entries, date(2025, 11, 1), date(2025, 11, 30), kept_by="Lê Văn Sổ")
    )
    assert pages[0] == (pytest.approx(841.9, abs=1), pytest.approx(595.3, abs=1))
    assert "SỔ THEO DÕI HỒ SƠ" in text and "Từ ngày 01/11/2025 đến ngày 30/11/2025" in text
    for i in (1, 25):  # rows that do not fit go on a continuation sheet, none lost
        assert f"H15-251127-{i:04d}" in text
    assert len(pages) == 2 and "NGƯỜI LẬP SỔ" in text and "NGƯỜI KHAI" not in text
