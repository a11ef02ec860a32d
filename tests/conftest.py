"""Test settings shared by every test: Vietnamese messages, and a pinned "today".

``FORMFILL_TODAY`` (read by :mod:`formfill.base.clock` at every call) is set in the environment
when this file is imported, before any test runs, so that the rules comparing with today ("not in
the future", the year in an ID number) give the same answers on any real date, in this process and
in every subprocess a test starts (they inherit the environment). The examples and the tests'
dates are chosen valid on this day; examples meant to be "in the future" use 2099.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

PINNED_TODAY = "2026-12-01"

os.environ.setdefault("FORMFILL_LANG", "vi")
os.environ["FORMFILL_TODAY"] = PINNED_TODAY


@pytest.fixture(autouse=True)
def _vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    from formfill.base import i18n

    monkeypatch.setenv("FORMFILL_LANG", "vi")
    i18n.set_lang(None)


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts on the pinned day, even after one that changed the variable."""
    monkeypatch.setenv("FORMFILL_TODAY", PINNED_TODAY)
