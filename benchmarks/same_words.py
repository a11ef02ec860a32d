"""Compare the text of every example PDF between two renderings (by hand, not a test).

    .venv/bin/python benchmarks/same_words.py render OUT     # every example PDF of this tree into OUT
    .venv/bin/python benchmarks/same_words.py compare A B    # pdfplumber words and sizes, A against B

``scripts/same_pdfs.py`` compares bytes, which change whenever the PDF is restructured (a static layer
drawn once as a form XObject, fonts subset once per form). This compares what a reader sees instead:
every word pdfplumber extracts, with its font, size and position (to 0.01 pt), page by page, and the
file size ratio (the speed issue allows at most 1.5x). Exit 0 when every word matches.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def words(path: Path) -> list[list[tuple[str, str, float, float, float]]]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [
            [
                (
                    w["text"],
                    w["fontname"].split("+")[-1],
                    round(w["size"], 2),
                    round(w["x0"], 2),
                    round(w["top"], 2),
                )
                for w in page.extract_words(extra_attrs=["fontname", "size"])
            ]
            for page in pdf.pages
        ]


def compare(a: Path, b: Path) -> int:
    names = sorted(
        {str(p.relative_to(a)) for p in a.rglob("*.pdf")} | {str(p.relative_to(b)) for p in b.rglob("*.pdf")}
    )
    bad = 0
    worst = 0.0
    for name in names:
        pa, pb = a / name, b / name
        if not (pa.exists() and pb.exists()):
            print(f"missing on one side: {name}")
            bad += 1
            continue
        ratio = pb.stat().st_size / pa.stat().st_size
        worst = max(worst, ratio)
        if words(pa) != words(pb):
            print(f"words differ: {name}")
            bad += 1
        elif ratio > 1.5:
            print(f"too big ({ratio:.2f}x): {name}")
            bad += 1
    print(f"{len(names)} PDFs, {bad} differ; largest size ratio {worst:.2f}x")
    return 1 if bad or not names else 0


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "render":
        from same_pdfs import render_all

        out = Path(sys.argv[2])
        out.mkdir(parents=True, exist_ok=True)
        problems = render_all(ROOT, out)
        for line in problems:
            print("ERROR", line)
        return 1 if problems else 0
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        return compare(Path(sys.argv[2]), Path(sys.argv[3]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
