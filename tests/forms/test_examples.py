"""Every bundled example: valid ones validate, invalid ones fail with exactly their listed errors.

Checked on the pinned day (tests/conftest.py) and on a day decades later: the README's example
commands run with the real clock, so no example may depend on what "today" is (the "future" ones
use 2099).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from formfill.forms import explain, get_form, list_forms
from tests.conftest import EXAMPLES, PINNED_TODAY


def _examples(kind: str) -> list[tuple[str, Path]]:
    out = []
    for spec in list_forms():
        folder = EXAMPLES / spec.id
        for path in sorted(folder.glob(f"{kind}-*.json")):
            if not path.name.endswith(".expected.json"):
                out.append((spec.id, path))
    return out


VALID = _examples("valid")
INVALID = _examples("invalid")


@pytest.fixture(params=[PINNED_TODAY, "2098-12-31"], ids=["pinned-day", "years-later"])
def today(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The day the rules compare with (``FORMFILL_TODAY``)."""
    monkeypatch.setenv("FORMFILL_TODAY", request.param)
    return str(request.param)


def test_every_form_has_examples() -> None:
    for spec in list_forms():
        assert any(fid == spec.id for fid, _ in VALID), f"{spec.id}: no valid example"
        assert any(fid == spec.id for fid, _ in INVALID), f"{spec.id}: no invalid example"


@pytest.mark.parametrize(("form_id", "path"), VALID, ids=[p.name for _, p in VALID])
def test_valid_example(form_id: str, path: Path, today: str) -> None:
    spec = get_form(form_id)
    declaration = spec.validate(json.loads(path.read_text(encoding="utf-8")))
    # Round trip: what we store (JSON mode) validates again to the same thing.
    again = spec.validate(declaration.model_dump(mode="json", exclude_none=True))
    assert again == declaration


@pytest.mark.parametrize(("form_id", "path"), INVALID, ids=[p.name for _, p in INVALID])
def test_invalid_example(form_id: str, path: Path, today: str) -> None:
    spec = get_form(form_id)
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    with pytest.raises(ValidationError) as info:
        spec.validate(json.loads(path.read_text(encoding="utf-8")))
    got = sorted((e.path, e.type) for e in explain(info.value))
    want = sorted((e["path"], e["type"]) for e in expected["errors"])
    assert got == want
    for err in explain(info.value):
        assert err.message and "{" not in err.message
