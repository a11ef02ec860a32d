"""What the one-stop papers added to the template model: landscape pages and blocks side by side."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from pydantic import ValidationError

from formfill.desk.papers import RECEIPT, paper_pdf, paper_spec
from formfill.layout.model import PAGE_SIZES, ColumnsEl, Page

MM = 72 / 25.4


def test_landscape_swaps_the_page() -> None:
    assert Page(size="A4", orientation="landscape").dimensions == PAGE_SIZES["A4"][::-1]
    assert Page(size="A5").dimensions == PAGE_SIZES["A5"]


def test_columns_need_one_width_per_block() -> None:
    line = {"runs": ["x"]}
    with pytest.raises(ValidationError, match="2 widths for 3 blocks"):
        ColumnsEl.model_validate(
            {"kind": "columns", "widths": ["40%", "rest"], "blocks": [[line], [line], [line]]}
        )


def test_receipt_heading_stands_in_two_columns() -> None:
    """The issuing body left, the national header right, on the same lines, above the title."""
    data = {
        "co_quan": "UBND PHƯỜNG SA ĐÉC",
        "ngay": "2025-11-27",
        "nguoi_nop": {"ho_ten": "Người Thử"},
        "noi_dung": "Đăng ký khai sinh",
        "thoi_han": "Trong ngày làm việc",
        "nhan_luc": "2025-11-27T10:05:00",
        "tra_luc": "2025-11-27T17:00:00",
    }
    spec = paper_spec(RECEIPT)
    assert Path(spec.template_path or "").name == "giay-tiep-nhan.yaml"
    with pdfplumber.open(io.BytesIO(paper_pdf(RECEIPT, data))) as doc:
        words = doc.pages[0].extract_words()
        rules = [ln for ln in doc.pages[0].lines if abs(ln["top"] - ln["bottom"]) < 0.5]
    body = next(w for w in words if w["text"] == "UBND")
    nation = next(w for w in words if w["text"] == "CỘNG")
    title = next(w for w in words if w["text"] == "GIẤY")
    assert abs(body["top"] - nation["top"]) < 3 and body["x1"] < nation["x0"]
    assert max(body["bottom"], nation["bottom"]) < title["top"]
    motto = next(w for w in words if w["text"] == "Độc")
    under = [r for r in rules if 0 < r["top"] - motto["bottom"] < 4 * MM]
    assert under, "the motto is underlined"
