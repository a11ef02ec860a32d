"""Test settings shared by every test: Vietnamese messages unless a test asks otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

os.environ.setdefault("FORMFILL_LANG", "vi")


@pytest.fixture(autouse=True)
def _vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    from formfill.base import i18n

    monkeypatch.setenv("FORMFILL_LANG", "vi")
    i18n.set_lang(None)
