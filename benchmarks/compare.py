"""Benchmark (by hand): formfill side by side with the tools offices fill PDF forms with.

    pip install -e '.[bench]'; apt-get install pdftk-java
    .venv/bin/python benchmarks/compare.py [--records 200] [--pdftk-records 200]

The same khai-sinh records, in one run, each PDF written to disk inside the timing:
- the floor (benchmarks/floor.py): the strings the page prints, one face, ``drawString``;
- formfill: ``render_pdf``;
- PyPDFForm: ``PdfWrapper(acroform).fill(values)`` of an equivalent AcroForm (the same static page
  drawn by formfill, one text field over each value's place, made with reportlab's ``acroForm``),
  as is, and with ``generate_appearance_streams=True`` (without appearances a printout may show nothing);
- pdftk: ``pdftk form.pdf fill_form record.xfdf output out.pdf flatten``, one process per record,
  as clerks script it (Debian's ``pdftk-java``).
Read-back check on every output: pdfplumber's words of the page (after flattening the form fields
of the AcroForm outputs with pikepdf, as printing does); a value is correct when every one of its
words is on the page, letters and marks intact. Prints ms/PDF, x floor and correct values.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def fields_of(compiled: Any, declaration: Any) -> dict[str, str]:
    """Field name -> the text formfill prints there (value slots and ID grids of the form page)."""
    from formfill.layout.paths import resolve
    from formfill.render.compiled import DigitSlot, ValueSlot
    from formfill.render.plan import slot_text

    out: dict[str, str] = {}
    for n, slot in enumerate(compiled.slots):
        if isinstance(slot, ValueSlot) and slot.segments[0].page == 0:
            out[f"f{n}"] = slot_text(slot, declaration)[0]
        elif isinstance(slot, DigitSlot) and slot.page == 0:
            value = resolve(declaration, slot.path)
            out[f"f{n}"] = "" if value is None else str(value)
    return out


def acroform(compiled: Any, path: Path) -> None:
    """The form page (formfill's static layer) with a Helvetica text field over every value place."""
    from reportlab.pdfgen.canvas import Canvas

    from formfill.render.compiled import DigitSlot, TextOp, ValueSlot
    from formfill.render.draw import _draw_texts, shapes_code
    from formfill.render.fonts import REGULAR

    c = Canvas(str(path), pagesize=compiled.page_size, invariant=1, initialFontName=REGULAR)
    static = compiled.static[0]
    c._code.append(shapes_code(static))
    _draw_texts(c, [o for o in static if isinstance(o, TextOp)])
    for n, slot in enumerate(compiled.slots):
        if isinstance(slot, ValueSlot) and slot.segments[0].page == 0:
            seg = slot.segments[0]
            x, y, w, h = seg.x0, seg.y - 3, seg.x1 - seg.x0, slot.size + 4
        elif isinstance(slot, DigitSlot) and slot.page == 0:
            x, y, w, h = slot.x, slot.y, slot.cell * slot.count, slot.h
        else:
            continue
        c.acroForm.textfield(
            name=f"f{n}", x=x, y=y, width=w, height=h, fontName="Helvetica", fontSize=9, borderWidth=0
        )
    c.showPage()
    c.save()


def xfdf(values: dict[str, str]) -> bytes:
    body = "".join(f'<field name="{k}"><value>{escape(v)}</value></field>' for k, v in values.items())
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<xfdf xmlns="http://ns.adobe.com/xfdf/"><fields>{body}</fields></xfdf>'
    ).encode()


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def correct_values(pdf: bytes, values: dict[str, str], flatten: bool) -> int:
    """Values every word of which is on the page (pdfplumber), after flattening form fields if asked."""
    import pdfplumber
    import pikepdf

    if flatten:
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            doc.flatten_annotations("all")
            buf = io.BytesIO()
            doc.save(buf)
            pdf = buf.getvalue()
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        words = {_nfc(w["text"]) for page in doc.pages for w in page.extract_words()}
    return sum(1 for v in values.values() if v and all(_nfc(w) in words for w in v.split()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=200)
    ap.add_argument("--pdftk-records", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    from batch import make_roster
    from floor import floor_pdf, page_strings
    from PyPDFForm import PdfWrapper

    from formfill.batch import iter_rows
    from formfill.forms import get_form
    from formfill.render import render_pdf
    from formfill.render.engine import compile_form
    from formfill.render.fonts import REGULAR, ensure_fonts

    ensure_fonts()
    spec = get_form("khai-sinh")
    compiled = compile_form(spec)
    work = Path(tempfile.mkdtemp(prefix="formfill-compare-"))
    try:
        roster = make_roster(work / "roster.csv", args.records)
        decls = [r.declaration for r in iter_rows(roster, spec, validate=True)]
        values = [fields_of(compiled, d) for d in decls]
        strings = [page_strings(spec, d) for d in decls]
        template = work / "acroform.pdf"
        acroform(compiled, template)
        template_bytes = template.read_bytes()
        pdftk = shutil.which("pdftk")
        xfdfs = []
        for i, v in enumerate(values[: args.pdftk_records]):
            xfdfs.append(work / f"{i}.xfdf")
            xfdfs[-1].write_bytes(xfdf(v))
        out = work / "out.pdf"

        def run_floor() -> list[bytes]:
            return [floor_pdf(s, REGULAR, compiled.page_size) for s in strings]

        def run_formfill() -> list[bytes]:
            return [render_pdf(spec, d) for d in decls]

        def run_pypdfform() -> list[bytes]:
            return [PdfWrapper(template_bytes).fill(v).read() for v in values]

        def run_pypdfform_ap() -> list[bytes]:
            return [
                PdfWrapper(template_bytes, generate_appearance_streams=True).fill(v).read() for v in values
            ]

        def run_pdftk() -> list[bytes]:
            got = []
            for i, path in enumerate(xfdfs):
                target = work / f"pdftk-{i}.pdf"
                subprocess.run(
                    [pdftk, str(template), "fill_form", str(path), "output", str(target), "flatten"],
                    check=True,
                    capture_output=True,
                )
                got.append(target.read_bytes())
            return got

        cases = {
            "floor (drawString)": run_floor,
            "formfill render_pdf": run_formfill,
            "PyPDFForm fill": run_pypdfform,
            "PyPDFForm fill + appearances": run_pypdfform_ap,
        }
        if pdftk and xfdfs:
            cases["pdftk fill_form + flatten"] = run_pdftk
        times: dict[str, list[float]] = {k: [] for k in cases}
        outputs: dict[str, list[bytes]] = {}
        for r in range(args.repeats):  # interleaved; the slow tools (> 50 ms a PDF) once
            for name, fn in cases.items():
                if r and statistics.median(times[name]) > 50:
                    continue
                t0 = time.perf_counter()
                pdfs = fn()
                for pdf in pdfs:
                    out.write_bytes(pdf)
                times[name].append((time.perf_counter() - t0) / len(pdfs) * 1000)
                outputs[name] = pdfs
        floor = statistics.median(times["floor (drawString)"])
        print(
            f"{args.records} khai-sinh records ({args.pdftk_records} for pdftk), medians of {args.repeats} repeats"
        )
        print(
            f"{'tool':<28} {'ms/PDF':>8} {'x floor':>8} {'formfill x faster':>18} {'correct values':>16} {'bytes':>8}"
        )
        ff = statistics.median(times["formfill render_pdf"])
        for name, pdfs in outputs.items():
            ms = statistics.median(times[name])
            total = sum(1 for v in values[: len(pdfs)] for t in v.values() if t)
            ok = sum(
                correct_values(pdf, v, flatten=name.startswith("PyPDFForm"))
                for pdf, v in zip(pdfs, values, strict=False)
            )
            print(
                f"{name:<28} {ms:8.2f} {ms / floor:8.2f} {ms / ff:18.1f} {f'{ok}/{total}':>16} "
                f"{statistics.median(len(p) for p in pdfs):8.0f}"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
