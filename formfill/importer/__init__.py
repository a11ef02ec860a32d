"""Draft an overlay template from an office's own blank PDF (``formfill template import``).

:func:`draft_from_pdf` reads the pages (:mod:`.reading`), pairs labels with blanks and matches them to
the form's fields (:mod:`.draft`, :mod:`.matching`); :func:`write_yaml` gives the template text;
:mod:`.preview` draws the proposed boxes over the blank.
"""

from __future__ import annotations

from pathlib import Path

from formfill.forms.field_docs import walk
from formfill.forms.pack import FormSpec
from formfill.importer.draft import Draft, match
from formfill.importer.matching import anchors, candidates
from formfill.importer.reading import NoTextLayer, PageRead, read_page
from formfill.importer.writer import write_yaml
from formfill.layout.model import Template

__all__ = ["Draft", "NoTextLayer", "UnreadableBlank", "draft_from_pdf", "write_yaml"]


class UnreadableBlank(Exception):
    """The file is not a PDF pdfplumber can read, or a page asked for does not exist."""


def read_pages(pdf: Path, pages: list[int] | None = None) -> list[PageRead]:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        doc = pdfplumber.open(pdf)
    except (OSError, PDFSyntaxError, ValueError) as exc:
        raise UnreadableBlank(str(exc)) from exc
    with doc:
        wanted = pages or list(range(1, len(doc.pages) + 1))
        if any(n < 1 or n > len(doc.pages) for n in wanted):
            raise UnreadableBlank(f"pages 1-{len(doc.pages)}")
        return [read_page(doc.pages[n - 1], n) for n in wanted]


def draft_from_pdf(pdf: Path, spec: FormSpec, flow: Template, pages: list[int] | None = None) -> Draft:
    """Match the blank's labels and blanks to the fields the form's flow template prints."""
    docs = {d.path: d.label for d in walk(spec.model)}
    groups = {
        d.path: d.label
        for d in walk(spec.model, groups=True)
        if d.kind in ("group", "list") and "." not in d.path
    }
    return match(read_pages(pdf, pages), candidates(flow, docs), anchors(groups))
