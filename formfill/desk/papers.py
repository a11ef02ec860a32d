"""The one-stop papers as PDF bytes, drawn by the form engine from their own pack (``onestop/``).

The papers are a document pack of their own: a schema and a flow template each, checked when they
load like the form pack's, but kept out of the form pack (``formfill forms`` and the kiosk never
offer them). Each function takes the paper's data (a dict or its model) and returns the PDF.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from formfill.base.errors import FormPackError
from formfill.forms.pack import FormSpec, builtin_pack_dir, load_form_file
from formfill.model.block import Block

RECEIPT = "giay-tiep-nhan"
REQUEST_MORE = "phieu-bo-sung"
REFUSAL = "phieu-tu-choi"
REGISTER = "so-theo-doi"
PAPERS = (RECEIPT, REQUEST_MORE, REFUSAL, REGISTER)


def onestop_dir() -> Path:
    """The one-stop pack's folder (``schemas/`` and ``form_templates/``), beside the form pack's."""
    return builtin_pack_dir() / "onestop"


@cache
def paper_spec(paper_id: str) -> FormSpec:
    """The paper's schema and template, the template checked against the schema on first use."""
    if paper_id not in PAPERS:
        raise FormPackError(f"{paper_id!r} is not a one-stop paper ({', '.join(PAPERS)})")
    spec = load_form_file(onestop_dir() / "schemas" / f"{paper_id.replace('-', '_')}.py")
    if spec.id != paper_id or spec.template_path is None:
        raise FormPackError(f"{spec.schema_path}: the paper {paper_id!r} or its template is missing")
    from formfill.catalog import template_of

    template_of(spec)
    return spec


def paper_pdf(paper_id: str, data: dict[str, Any] | Block) -> bytes:
    """The paper as PDF bytes; ``data`` is validated by the paper's schema first."""
    from formfill.render.engine import render_pdf

    spec = paper_spec(paper_id)
    model = data if isinstance(data, spec.model) else spec.validate(data)
    return render_pdf(spec, model)
