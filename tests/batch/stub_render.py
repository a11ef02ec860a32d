"""A stand-in renderer for the batch tests: a real one-page PDF with every value as text.

Deterministic (reportlab ``invariant``), fonts registered once per process, like the real engine.
``STUB_RENDER_DELAY`` (seconds, a variable of the tests' own processes) slows it down so a test can
stop a run in the middle. :data:`RENDERER` is the :class:`formfill.batch.Renderer` the tests inject
(``run_batch(renderer=...)`` in process, ``tests/batch/launch.py`` for the command).
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path
from typing import Any

_FONT = "StubSerif"
_ready = False


def _font() -> None:
    global _ready
    if _ready:
        return
    import fontpkg_noto_serif
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = Path(fontpkg_noto_serif.__file__).parent / "files" / "NotoSerif[wdth,wght].ttf"
    pdfmetrics.registerFont(TTFont(_FONT, str(path)))
    _ready = True


def _lines(value: Any, path: str = "") -> list[str]:
    if isinstance(value, dict):
        return [line for k, v in value.items() for line in _lines(v, f"{path}.{k}" if path else k)]
    if isinstance(value, list):
        return [line for i, v in enumerate(value, 1) for line in _lines(v, f"{path}.{i}")]
    if value is None:
        return []
    return [f"{path}: {value}"]


def render_pdf(spec: Any, declaration: Any) -> bytes:
    from reportlab.pdfgen import canvas

    _font()
    delay = float(os.environ.get("STUB_RENDER_DELAY", "0") or 0)
    if delay:
        time.sleep(delay)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1, pageCompression=0)
    c.setFont(_FONT, 10)
    y = 800
    for line in _lines(declaration.model_dump(mode="json")):
        c.drawString(40, y, line)
        y -= 14
    c.showPage()
    c.save()
    return buf.getvalue()


class StubRenderer:
    """:func:`render_pdf` as a renderer; the read-back expects the declaration's own values."""

    def render(self, spec: Any, declaration: Any) -> bytes:
        return render_pdf(spec, declaration)

    def expected_values(self, spec: Any, declaration: Any) -> list[tuple[str, str]]:
        from formfill.batch.renderer import declared_values

        return declared_values(declaration)

    def fingerprint(self, spec: Any) -> dict[str, str]:
        return {"template_hash": "stub", "font_hash": "stub"}

    def warm_up(self, spec: Any) -> None:
        _font()


RENDERER = StubRenderer()
