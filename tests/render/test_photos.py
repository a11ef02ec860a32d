"""ket-hon's photo frames ("Ảnh chụp", 4×6 cm, one per party): printed exactly when the marriage has a
foreign element (a party of another nationality, or living abroad), left out otherwise, note (1) says why;
and the ``when:`` conditions behind them are checked against the schema when the template loads."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from formfill.forms import get_form
from formfill.layout.loader import load_template_file
from formfill.layout.yaml_source import TemplateError
from formfill.render import render_pdf

from .conftest import ROOT, load_example

MM = 72 / 25.4


def _frames(data: bytes) -> list[tuple[float, float]]:
    """(width, height) in mm of the rectangles of page 1 the size of a 4×6 cm photo."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        rects = pdf.pages[0].rects
        sizes = [(r["width"] / MM, r["height"] / MM) for r in rects]
    return [(w, h) for w, h in sizes if abs(w - 40) < 0.5 and abs(h - 60) < 0.5]


def _text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def _pdf(raw: dict) -> bytes:
    spec = get_form("ket-hon")
    return render_pdf(spec, spec.validate(raw))


def test_frames_for_a_foreign_groom(fonts_ready: None) -> None:
    data = _pdf(load_example("ket-hon", "valid-2.json"))
    assert len(_frames(data)) == 2
    text = _text(data)
    assert text.count("Ảnh chụp") >= 2 and "TỜ KHAI ĐĂNG KÝ KẾT HÔN" in text
    assert "dán vào khung vì việc kết hôn có yếu" in text
    assert "bản in này không có khung ảnh" not in text


def test_no_frames_between_two_citizens_at_home(fonts_ready: None) -> None:
    data = _pdf(load_example("ket-hon", "valid-1.json"))
    assert _frames(data) == []
    text = _text(data)
    assert "TỜ KHAI ĐĂNG KÝ KẾT HÔN" in text
    assert "không có khung ảnh vì hai bên đều là công dân Việt Nam cư trú trong nước" in text.replace(
        "\n", " "
    )


def test_a_party_living_abroad_is_a_foreign_element(fonts_ready: None) -> None:
    raw = load_example("ket-hon", "valid-2.json")
    raw["ben_nam"]["quoc_tich"] = "Việt Nam"
    raw["ben_nam"]["dan_toc"] = "Kinh"
    assert len(_frames(_pdf(raw))) == 2  # still abroad (Hàn Quốc): frames
    raw["ben_nam"]["noi_cu_tru"] = load_example("ket-hon", "valid-2.json")["ben_nu"]["noi_cu_tru"]
    assert _frames(_pdf(raw)) == []


def _template_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (ROOT / "form_templates" / "ket-hon.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "ket-hon.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_condition_on_a_field_the_schema_lacks_is_refused(tmp_path: Path) -> None:
    path = _template_with(tmp_path, "ben_nam.quoc_tich, other_than", "ben_nam.quoc_tichx, other_than")
    with pytest.raises(TemplateError, match=r"ket-hon\.yaml:\d+:.*quoc_tichx"):
        load_template_file(path, get_form("ket-hon").model, "ket-hon")


def test_a_when_naming_no_condition_is_refused(tmp_path: Path) -> None:
    path = _template_with(tmp_path, "when: yeu_to_nuoc_ngoai", "when: nuoc_ngoai")
    with pytest.raises(TemplateError, match="nuoc_ngoai"):
        load_template_file(path, get_form("ket-hon").model, "ket-hon")
