"""The floor for PDF rendering: the same strings the filled page prints, one TTF face, ``drawString``
at fixed places, reportlab defaults. formfill's renderer is measured against this (benchmarks/render.py)."""

from __future__ import annotations

import io

Strings = list[tuple[int, float, float, float, str]]  # page, x, y, size, text


def page_strings(spec, declaration) -> Strings:  # type: ignore[no-untyped-def]
    """Every string formfill draws for this record (static labels and values), with its position."""
    from formfill.render.compiled import TextOp
    from formfill.render.engine import compile_form, plan_pdf

    compiled = compile_form(spec)
    plan = plan_pdf(spec, declaration)
    out: Strings = []
    for page in compiled.static:
        out.extend((o.page, o.x, o.y, o.size, o.text) for o in page if isinstance(o, TextOp))
    out.extend((o.page, o.x, o.y, o.size, o.text) for o in plan.texts)
    return out


def floor_pdf(strings: Strings, font: str, pagesize: tuple[float, float]) -> bytes:
    """The strings drawn one by one with ``drawString`` in one face (registered once by the caller)."""
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=pagesize)
    pages = max(p for p, *_ in strings) + 1
    for n in range(pages):
        for p, x, y, size, text in strings:
            if p == n:
                c.setFont(font, size)
                c.drawString(x, y, text)
        c.showPage()
    c.save()
    return buf.getvalue()
