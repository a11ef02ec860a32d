"""The start screen's list of forms comes from the schema files' text: the same ids and titles as the
loaded pack, without running a schema module or reading a template (the first screen needs titles only)."""

from __future__ import annotations

import json
import subprocess
import sys

from formfill.forms import list_forms

CODE = (
    "import json, sys\n"
    "from formfill.catalog import listed_forms\n"
    "forms = listed_forms()\n"
    "loaded = sorted(m for m in sys.modules if m.startswith(('formfill_pack_', 'formfill.layout', 'formfill.schema')))\n"
    "print(json.dumps({'forms': [[f.id, f.meta.title, f.meta.title_en, f.meta.description,"
    " f.meta.description_en, f.meta.legal_basis] for f in forms], 'loaded': loaded}))\n"
)


def test_listed_forms_match_the_pack_without_loading_it() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True).stdout
    got = json.loads(out)
    assert got["loaded"] == []
    assert got["forms"] == [
        [s.id, s.meta.title, s.meta.title_en, s.meta.description, s.meta.description_en, s.meta.legal_basis]
        for s in list_forms()
    ]
