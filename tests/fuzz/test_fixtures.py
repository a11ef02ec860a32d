"""Every counterexample found by the fuzz targets (or by hand around them), kept as a file and read
again on every run.

A file's suffix says which reader it goes to; its name says what it broke (e.g.
``xlsx-deflate-stream-broken.xlsx``: a ``zlib.error`` escaped the .xlsx reader). Each is read in a
child process under a memory limit and a time limit, so a counterexample that hangs or eats memory
fails its own test instead of the run.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fuzz.support import FIXTURES, ROOT

TIMEOUT = 20  # seconds, start-up included; a fixed reader answers in about one
MEMORY = 1 << 30

# Counterexamples in code this area does not own, reported to its owner: the test turns red (strict)
# the day the loader is fixed, to remove the mark.

READ = """
import sys
from pathlib import Path

from formfill.base.json_input import iter_json_records, read_json_file
from tests.fuzz.support import only_own_errors, read_roster
from tests.fuzz.test_fuzz_template_yaml import load_as_template

path = Path(sys.argv[1])
suffix = path.suffix.lower()
if suffix in (".csv", ".tsv", ".txt", ".xlsx", ".jsonl"):
    read_roster(path)
    if suffix == ".jsonl":
        only_own_errors(lambda: list(iter_json_records(str(path))))
elif suffix == ".json":
    only_own_errors(lambda: read_json_file(str(path)))
elif suffix == ".yaml":
    load_as_template(path)
else:
    raise SystemExit(f"{path.name}: no reader for this suffix")
print("read")
"""

FILES = sorted(p for p in FIXTURES.iterdir() if p.is_file())


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _read(path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FORMFILL_LANG": "vi"}
    try:
        return subprocess.run(
            [sys.executable, "-c", READ, str(path)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            preexec_fn=_limit,
        )
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"{path.name}: still reading after {TIMEOUT} s") from exc


def test_there_are_fixtures():
    assert FILES, FIXTURES


@pytest.mark.parametrize(
    "path",
    FILES,
    ids=[p.name for p in FILES],
)
def test_a_kept_counterexample_fails_only_with_a_formfill_error(path):
    proc = _read(path)
    assert proc.returncode == 0 and proc.stdout.strip() == "read", proc.stderr[-2000:]
