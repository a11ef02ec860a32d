"""Benchmark (by hand): formfill's PDF renderer against a floor script, and the overlay merge engines.

    .venv/bin/python benchmarks/render.py [--pdfs 300] [--repeats 5]

One run, medians of interleaved repeats, each PDF written to disk inside the timing:
- floor: the same strings at fixed places with drawString, one TTF face (benchmarks/floor.py);
- formfill: ``render_pdf`` of the khai-sinh example (full official layout; fonts, their subsets and
  the static page made once per process, the record's values added per PDF);
- overlay: the same record over a blank background, merged with pikepdf (underlay).
Prints ms/PDF and the ratio to the floor. Whether reportlab's C accelerator is loaded is shown
(``rl-accel`` is a dependency; uninstall it in a scratch environment to compare without it).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

OVERLAY = """\
form: khai-sinh
kind: overlay
background: blank.pdf
text: {size: 11pt, floor: 7pt}
boxes:
"""


def _overlay_spec(spec, folder: Path):  # type: ignore[no-untyped-def]
    """An overlay template with a box at every value position of the flow layout, over a blank PDF."""
    from reportlab.pdfgen.canvas import Canvas

    from formfill.render.compiled import ValueSlot
    from formfill.render.engine import compile_form

    compiled = compile_form(spec)
    c = Canvas(str(folder / "blank.pdf"), pagesize=compiled.page_size, invariant=1)
    c.setFont("Helvetica", 10)
    for i in range(40):
        c.drawString(80, 800 - i * 18, f"Label line {i} ........................................")
    c.showPage()
    c.save()
    lines = [OVERLAY]
    height = compiled.page_size[1]
    for slot in compiled.slots:
        if isinstance(slot, ValueSlot) and slot.segments[0].page == 0 and slot.binding is not None:
            seg = slot.segments[0]
            b = slot.binding
            lines.append(
                f"  - {{value: '{b.field} | {b.format}', x: {seg.x0:.1f}, y: {height - seg.y - 10:.1f}, "
                f"w: {seg.x1 - seg.x0:.1f}, h: 13, floor: 5pt}}\n"
            )
    (folder / "khai-sinh.yaml").write_text("".join(lines), encoding="utf-8")
    return dataclasses.replace(spec, template_path=folder / "khai-sinh.yaml")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdfs", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()

    from floor import floor_pdf, page_strings

    import formfill.render.overlay as overlay
    from formfill.forms import get_form
    from formfill.render import render_pdf
    from formfill.render.fonts import REGULAR, ensure_fonts

    t0 = time.perf_counter()
    ensure_fonts()
    first_fonts = time.perf_counter() - t0
    spec = get_form("khai-sinh")
    declaration = spec.validate(
        json.loads((ROOT / "examples/khai-sinh/valid-1.json").read_text(encoding="utf-8"))
    )
    t0 = time.perf_counter()
    render_pdf(spec, declaration)
    first_pdf = time.perf_counter() - t0
    strings = page_strings(spec, declaration)
    pagesize = (595.2756, 841.8898)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ov_spec = _overlay_spec(spec, folder)
        render_pdf(ov_spec, declaration)
        out = folder / "out.pdf"

        def write(data: bytes) -> None:
            out.write_bytes(data)

        cases: dict[str, Callable[[], bytes]] = {
            "floor (drawString, same strings)": lambda: floor_pdf(strings, REGULAR, pagesize),
            "formfill render_pdf (flow)": lambda: render_pdf(spec, declaration),
        }

        def with_engine(engine: str) -> Callable[[], bytes]:
            def run() -> bytes:
                original = overlay.merge_background
                overlay.merge_background = lambda d, bg: original(d, bg)  # type: ignore[assignment]
                try:
                    return render_pdf(ov_spec, declaration)
                finally:
                    overlay.merge_background = original  # type: ignore[assignment]

            return run

        cases["overlay + pikepdf underlay"] = with_engine("pikepdf")
        results: dict[str, list[float]] = {k: [] for k in cases}
        sizes: dict[str, int] = {}
        for _ in range(args.repeats):
            for name, fn in cases.items():
                t0 = time.perf_counter()
                for _ in range(args.pdfs):
                    data = fn()
                    write(data)
                results[name].append((time.perf_counter() - t0) / args.pdfs * 1000)
                sizes[name] = len(data)

    try:
        import reportlab.lib.rl_accel as accel

        accelerated = (
            "C (rl_accel)"
            if "_rl_accel" in str(getattr(accel, "fp_str", "")) or _has_c_accel()
            else "pure Python"
        )
    except ImportError:
        accelerated = "pure Python"
    floor = statistics.median(results["floor (drawString, same strings)"])
    print(f"python {sys.version.split()[0]}, reportlab accelerator: {accelerated}")
    print(
        f"first use: fonts {first_fonts * 1000:.0f} ms (bold instance cached), first PDF {first_pdf * 1000:.0f} ms"
    )
    print(f"{args.pdfs} PDFs x {args.repeats} interleaved repeats, medians, each PDF written to disk")
    print(f"{'case':<36} {'ms/PDF':>8} {'x floor':>8} {'bytes':>8}")
    for name, values in results.items():
        med = statistics.median(values)
        print(f"{name:<36} {med:8.2f} {med / floor:8.2f} {sizes[name]:8d}")


def _has_c_accel() -> bool:
    try:
        import _rl_accel
    except ImportError:
        try:
            from reportlab.lib import _rl_accel  # type: ignore[attr-defined]  # noqa: F401
        except ImportError:
            return False
    return True


if __name__ == "__main__":
    main()
