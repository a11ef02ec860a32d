"""What every fuzz target shares: the settings (derandomized, bounded), the forms read, and the one
property: reading hostile bytes ends normally or with formfill's own error, never with another.

``FUZZ_EXAMPLES`` sets the number of examples of every target (CI: the defaults, the whole folder in
well under a minute); ``FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest -q tests/fuzz`` explores by
hand. ``FUZZ_SEED`` (an integer) draws other examples than CI's fixed ones. A counterexample found
either way goes to ``tests/fuzz/fixtures/`` (see ``test_fixtures.py``) and is fixed there.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, seed, settings

from formfill.base.errors import FormfillError
from formfill.batch.legacy import TCVN3_TABLE, VNI_PAIRS

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "tests" / "batch" / "pack"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fuzz_settings(examples: int) -> Callable[[Any], Any]:
    """Derandomized (CI sees the same examples on every commit), no example database, and a deadline
    far above any normal example (a slow one is a hang to fix, not noise)."""
    n = int(os.environ.get("FUZZ_EXAMPLES", examples))
    base = settings(
        max_examples=n,
        derandomize="FUZZ_SEED" not in os.environ,
        database=None,
        deadline=10_000,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
        print_blob=True,
    )

    def apply(test: Any) -> Any:
        test = base(test)
        if "FUZZ_SEED" in os.environ:
            test = seed(int(os.environ["FUZZ_SEED"]))(test)
        return test

    return apply


@cache
def demo_spec() -> Any:
    """The batch tests' small form: every kind of column (ID, phone, date, yes/no, count, group)."""
    from formfill.forms.pack import load_form_file

    return load_form_file(PACK / "schemas" / "batch_demo.py")


def read_roster(path: Path) -> None:
    """Everything a roster goes through before a PDF: open, header, every row, the schema."""
    from formfill.batch.rows import check_row, open_roster

    try:
        roster = open_roster(path, demo_spec())
    except FormfillError:
        return
    try:
        for row in roster.rows():
            check_row(roster, row)
            for error in row.errors:  # every message is built (a broken ctx would raise here)
                assert isinstance(error.line(), str)
    except FormfillError:
        pass
    finally:
        roster.close()


def only_own_errors(action: Callable[[], Any]) -> None:
    """Run ``action``; a FormfillError is an expected refusal, anything else fails the test."""
    try:
        action()
    except FormfillError:
        pass


# --- encoders for the legacy Vietnamese encodings (Python has no codec for them) -----------------
_TCVN3_REVERSE = {c: bytes([i]) for i, c in enumerate(TCVN3_TABLE) if i >= 0x80 or chr(i) != c}


def tcvn3_encode(text: str) -> bytes:
    nfc = unicodedata.normalize("NFC", text)
    return b"".join(_TCVN3_REVERSE.get(ch) or ch.encode("latin-1", "replace") for ch in nfc)


def _vni_reverse() -> dict[str, str]:
    reverse: dict[str, str] = {}
    for code, uni in VNI_PAIRS.items():
        reverse.setdefault(uni, code)
    return reverse


_VNI_REVERSE = _vni_reverse()


def vni_encode(text: str) -> bytes:
    nfc = unicodedata.normalize("NFC", text)
    return "".join(_VNI_REVERSE.get(ch, ch) for ch in nfc).encode("cp1252", "replace")


_SHAPES = "\u0302\u0306\u031b"  # circumflex, breve, horn: precomposed in Windows-1258 (â ă ơ …)


def cp1258_encode(text: str) -> bytes:
    """Windows-1258 as Windows writes it: vowel shapes precomposed, tone marks combining."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if ch in _SHAPES and out:
            out[-1] = unicodedata.normalize("NFC", out[-1] + ch)
        else:
            out.append(ch)
    return "".join(out).encode("cp1258", "replace")


ENCODERS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda t: t.encode("utf-8", "surrogatepass"),
    "utf-8-sig": lambda t: t.encode("utf-8-sig", "surrogatepass"),
    "utf-16": lambda t: t.encode("utf-16", "surrogatepass"),
    "utf-16-le": lambda t: t.encode("utf-16-le", "surrogatepass"),
    "cp1258": cp1258_encode,
    "tcvn3-misread-as-cp1252": lambda t: tcvn3_encode(t).decode("cp1252", "replace").encode("utf-8"),
    "tcvn3": tcvn3_encode,
    "vni": vni_encode,
}
LEGACY = {"cp1258", "tcvn3", "vni", "tcvn3-misread-as-cp1252"}
