"""Hostile input, ``formfill check``: a small PDF that decompresses (or draws) far beyond any form.

A 100 KB file whose content stream inflates to 30 MB once took pdfplumber past 4 GB of memory
and crashed the process. ``check`` must refuse such a file before pdfplumber lays it out: exit 2,
a Vietnamese message, no traceback, and without swallowing the machine's memory.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from tests.hostile.conftest import ROOT, assert_clean_failure

DATA = str(ROOT / "examples" / "khai-sinh" / "valid-1.json")
# The command runs with its address space capped (far above what checking a real form needs), so
# a bound that fails shows as a failed test, not as a machine out of memory.
ADDRESS_SPACE = 3 * 1024**3
CAP = f"""import resource
resource.setrlimit(resource.RLIMIT_AS, ({ADDRESS_SPACE}, {ADDRESS_SPACE}))
"""


@pytest.fixture
def capped(tmp_path: Path) -> dict[str, str]:
    """Environment for ``run_formfill``: a ``sitecustomize`` caps the child's address space."""
    folder = tmp_path / "cap"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(CAP, encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join([str(folder), str(ROOT)])}


Build = Callable[[pikepdf.Pdf, pikepdf.Dictionary], None]


def _pdf(tmp_path: Path, name: str, build: Build) -> Path:
    pdf = pikepdf.new()
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    build(pdf, resources)
    path = tmp_path / name
    pdf.save(path)
    return path


def _deflated(pdf: pikepdf.Pdf, raw: bytes, **extra: object) -> pikepdf.Stream:
    """A stream stored deflated (written as such: pikepdf keeps the encoded bytes as they are)."""
    stream = pikepdf.Stream(pdf, zlib.compress(raw, 9))
    stream.Filter = pikepdf.Name.FlateDecode
    for key, value in extra.items():
        stream[f"/{key}"] = value
    return stream


def _text_bomb(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
    """One page, one content stream: 30 MB of glyphs once inflated."""
    line = b"BT /F1 1 Tf 10 10 Td (" + b"A" * 200 + b") Tj ET\n"
    raw = line * (30 * 1024 * 1024 // len(line))
    page = pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842]))
    pdf.pages.append(page)
    pdf.pages[0].Resources = resources
    pdf.pages[0].Contents = _deflated(pdf, raw)


def _reuse_bomb(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
    """Small streams, drawn many times: a 200 KB form XObject painted 2,000 times by a tiny page."""
    glyphs = (b"BT /F1 1 Tf 10 10 Td (" + b"B" * 200 + b") Tj ET\n") * 1000
    form = _deflated(
        pdf,
        glyphs,
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Form,
        BBox=[0, 0, 595, 842],
        Resources=resources,
    )
    page = pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842]))
    pdf.pages.append(page)
    pdf.pages[0].Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=form))
    pdf.pages[0].Contents = _deflated(pdf, b"/X Do\n" * 2000)


def _many_pages(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
    """Ten thousand pages sharing one small content stream."""
    content = _deflated(pdf, b"BT /F1 9 Tf 10 10 Td (trang) Tj ET\n")
    for _ in range(10_000):
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842], Resources=resources, Contents=content
        )
        pdf.pages.append(pikepdf.Page(page))


@pytest.mark.parametrize(
    "name, build",
    [("inflates.pdf", _text_bomb), ("reused.pdf", _reuse_bomb), ("pages.pdf", _many_pages)],
    ids=["inflates-to-30MB", "xobject-drawn-2000-times", "10000-pages"],
)
def test_check_refuses_a_pdf_too_big_to_read(
    run_formfill, capped: dict[str, str], tmp_path: Path, name: str, build: Build
) -> None:
    bomb = _pdf(tmp_path, name, build)
    assert bomb.stat().st_size < 4 * 1024**2  # small on disk: the size is in what it unpacks to or draws
    proc = run_formfill("check", str(bomb), "khai-sinh", DATA, env=capped, timeout=120)
    out = assert_clean_failure(proc, 2)
    assert "PDF" in out and "quá lớn" in out, out


def test_check_refuses_an_oversized_file(run_formfill, capped: dict[str, str], tmp_path: Path) -> None:
    """A file bigger than any form is refused before it is read into memory."""
    big = tmp_path / "big.pdf"
    with big.open("wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(300 * 1024 * 1024)  # sparse: costs no disk
    proc = run_formfill("check", str(big), "khai-sinh", DATA, env=capped, timeout=60)
    out = assert_clean_failure(proc, 2)
    assert "quá lớn" in out, out


def test_check_still_reads_a_real_form(run_formfill, capped: dict[str, str], tmp_path: Path) -> None:
    """The bounds leave a real filled form alone: fill then check passes."""
    out_pdf = tmp_path / "ks.pdf"
    filled = run_formfill("fill", "khai-sinh", DATA, "-o", str(out_pdf))
    assert filled.returncode == 0, filled.stderr
    proc = run_formfill("check", str(out_pdf), "khai-sinh", DATA, env=capped)
    assert proc.returncode == 0, proc.stderr
    assert "đúng chỗ" in proc.stdout
