"""Every form of the pack has a template, and every required field is printed by it.

Binding paths are checked against the schema when the pack loads (tests/forms/test_pack_templates.py);
this checks the other direction: nothing a citizen must give is left off the printed form.
"""

from __future__ import annotations

import pytest

from formfill.catalog import list_forms, template_of
from formfill.forms.field_docs import walk
from formfill.layout.loader import bound_paths


def _printed(path: str, bound: set[str]) -> bool:
    """Printed itself, or through a block formatter of an ancestor (address, paper, sentence...)."""
    parts = path.split(".")
    return any(".".join(parts[:i]) in bound for i in range(len(parts), 0, -1))


@pytest.mark.parametrize("spec", list_forms(), ids=lambda s: s.id)
def test_every_required_field_is_printed(spec) -> None:
    assert spec.template_path is not None, f"{spec.id}: no template in form_templates/"
    bound = bound_paths(template_of(spec))
    assert bound
    missing = [
        doc.path
        for doc in walk(spec.model)
        if (doc.required or doc.required_without or doc.required_when) and not _printed(doc.path, bound)
    ]
    assert not missing, f"{spec.id}: required but not printed: {missing}"
