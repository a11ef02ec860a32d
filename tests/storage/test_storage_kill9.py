"""kill -9 loop: a writer is killed at random moments; every acknowledged save must survive intact."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from formfill.storage import DraftStore

WRITER = Path(__file__).with_name("kill_writer.py")
REPO = Path(__file__).resolve().parents[2]
CYCLES = 24


class Writer:
    """A writer subprocess whose stdout is drained by a thread, so the pipe never blocks it."""

    def __init__(self, db: Path, draft_id: str, cycle: int, seed: int) -> None:
        env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(db), draft_id, str(cycle), str(seed)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        self.raw = b""
        self.ready = threading.Event()
        self._thread = threading.Thread(target=self._drain, daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        assert self.proc.stdout is not None
        while chunk := self.proc.stdout.read1(65536):
            self.raw += chunk
            if not self.ready.is_set() and b"\n" in self.raw:
                self.ready.set()

    def kill(self) -> list[list]:
        """SIGKILL the writer; return its acknowledgements (complete lines only: a cut line was not acked)."""
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        self._thread.join(timeout=10)
        assert self.proc.stderr is not None
        err = self.proc.stderr.read().decode("utf-8", "replace")
        assert self.proc.returncode == -signal.SIGKILL, f"writer ended by itself:\n{err}"
        complete = self.raw.rsplit(b"\n", 1)[0] if b"\n" in self.raw else b""
        return [json.loads(line) for line in complete.decode("utf-8").splitlines()]


def check_database(db: Path, draft_id: str, acked: dict, last_counter: int | None, seed: int) -> None:
    """Integrity ok, every acknowledged value present and equal, batches all-or-nothing."""
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f"seed {seed}"
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == [], f"seed {seed}"
    finally:
        raw.close()
    with DraftStore(db) as store:
        answers = store.load(draft_id).answers
    for path, value in acked.items():
        assert path in answers, f"acknowledged save {path} lost (seed {seed})"
        assert answers[path] == value, f"acknowledged save {path} changed (seed {seed})"
    if last_counter is not None:
        # The writer may have committed one more overwrite than it could acknowledge, never fewer.
        assert answers["counter"] >= last_counter, f"seed {seed}"
    batches: dict[str, int] = {}
    for path in answers:
        if ".b" in path:
            batches[path.rsplit(".", 1)[0]] = batches.get(path.rsplit(".", 1)[0], 0) + 1
    assert all(n == 3 for n in batches.values()), f"half-written batch {batches} (seed {seed})"


@pytest.mark.slow
def test_kill9_loop_keeps_every_acknowledged_save(tmp_path: Path) -> None:
    seed = int(os.environ.get("FORMFILL_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    db = tmp_path / "drafts.sqlite3"
    with DraftStore(db) as store:
        draft_id = store.create("khai-sinh", "2025.1").id

    acked: dict = {}
    last_counter: int | None = None
    cycles_with_acks = 0
    kills_with_wal = 0
    started = time.monotonic()
    for cycle in range(CYCLES):
        writer = Writer(db, draft_id, cycle, seed + cycle)
        if cycle % 6 == 5:
            # Now and then kill early, possibly while the store is still opening.
            time.sleep(rng.uniform(0.0, 0.15))
        else:
            assert writer.ready.wait(timeout=20), f"writer did not start (seed {seed})"
            time.sleep(rng.uniform(0.02, 0.25))
        acks = writer.kill()
        wal = db.with_name(db.name + "-wal")
        kills_with_wal += wal.exists() and wal.stat().st_size > 0  # recovery is exercised, not a clean close
        saves = [a for a in acks if a[0] != "READY"]
        cycles_with_acks += bool(saves)
        for ack in saves:
            if ack[0] == "A":
                acked[ack[1]] = ack[2]
            elif ack[0] == "B":
                acked.update(ack[1])
            else:
                last_counter = ack[1]
        check_database(db, draft_id, acked, last_counter, seed)

    elapsed = time.monotonic() - started
    print(f"kill -9 loop: {CYCLES} cycles, {len(acked)} acknowledged answers, {elapsed:.1f}s, seed {seed}")
    # Not vacuous: most cycles were killed mid-stream after real saves.
    assert cycles_with_acks >= CYCLES * 2 // 3, f"only {cycles_with_acks} cycles saved anything (seed {seed})"
    assert len(acked) >= 100
    assert kills_with_wal >= CYCLES // 2
