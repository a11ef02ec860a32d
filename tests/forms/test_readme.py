"""The README's table of forms and data dictionary are generated from the schemas: no drift."""

from __future__ import annotations

from formfill.forms.dictionary import splice_all
from formfill.forms.field_docs import walk
from formfill.forms.pack import list_forms
from tests.conftest import ROOT


def test_readme_generated_sections_are_current() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert splice_all(readme) == readme, "run: python -m formfill.forms.dictionary --write README.md"


def test_dictionary_lists_every_field_of_every_form() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for spec in list_forms():
        assert f"`{spec.id}`" in readme
        for doc in walk(spec.model, groups=True):
            assert f"| `{doc.path}` | " in readme, doc.path
