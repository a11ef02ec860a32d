"""kill -9 loop on the submission store: every acknowledged submission survives, codes stay unique."""

from __future__ import annotations

import os
import random
import sqlite3
import time
from pathlib import Path

import pytest

from formfill.base.settings import Settings
from formfill.storage import SubmissionStore
from tests.storage.test_storage_kill9 import Writer

WRITER = Path(__file__).with_name("submit_writer.py")
CYCLES = 50


class SubmitWriter(Writer):
    def __init__(self, db: Path, cycle: int) -> None:
        import subprocess
        import sys
        import threading

        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(db), str(cycle)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        self.raw = b""
        self.ready = threading.Event()
        self._thread = threading.Thread(target=self._drain, daemon=True)
        self._thread.start()


@pytest.mark.slow
def test_kill9_loop_keeps_every_acknowledged_submission(tmp_path: Path) -> None:
    seed = int(os.environ.get("FORMFILL_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    db = tmp_path / "store.sqlite3"
    SubmissionStore(db, settings=Settings()).close()
    acked: dict[str, int] = {}
    for cycle in range(CYCLES):
        writer = SubmitWriter(db, cycle)
        assert writer.ready.wait(timeout=20), f"writer did not start (seed {seed})"
        time.sleep(rng.uniform(0.0, 0.08))
        for ack in writer.kill():
            if ack[0] == "S":
                assert ack[1] not in acked, f"code issued twice (seed {seed})"
                acked[ack[1]] = ack[2]
        raw = sqlite3.connect(db)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f"seed {seed}"
            stored = dict(raw.execute("SELECT code, json_extract(data, '$.n') FROM submission"))
            finishes = raw.execute("SELECT count(*) FROM finish").fetchone()[0]
            codes = raw.execute("SELECT count(*), count(DISTINCT code) FROM submission").fetchone()
        finally:
            raw.close()
        missing = {c for c in acked if stored.get(c) != acked[c]}
        assert not missing, f"{len(missing)} acknowledged submission(s) lost (seed {seed})"
        assert codes[0] == codes[1] == finishes  # unique codes; submission and figure row together or neither
    assert len(acked) >= CYCLES, f"too few submissions acknowledged (seed {seed})"
