"""Shared helpers for the PDF tests: the built-in pack's examples, rendering, reading back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from formfill.forms import list_forms

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FORMS = tuple(s.id for s in list_forms())  # every form of the pack


def valid_examples(form_id: str) -> list[Path]:
    return sorted((EXAMPLES / form_id).glob("valid-*.json"))


def load_example(form_id: str, name: str = "valid-1.json") -> dict[str, Any]:
    return json.loads((EXAMPLES / form_id / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def fonts_ready() -> None:
    from formfill.render.fonts import ensure_fonts

    ensure_fonts()


def blank_background(path: Path, pages: int = 1) -> Path:
    """A stand-in for a published blank form: a few labels and boxes drawn with reportlab."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), pagesize=A4, invariant=1)
    for n in range(pages):
        c.setFont("Helvetica", 9)
        c.drawString(40, 800, f"BLANK FORM page {n + 1}")
        c.rect(100, 700, 300, 20)
        c.showPage()
    c.save()
    return path
