"""One writer of the concurrency test: ``python office_writer.py TARGET COUNT ACTOR GO_FILE``.

Waits for GO_FILE (so the writers start together), then stores COUNT submissions as ACTOR (each
audited by the store) and appends a "view" entry after each, printing the codes one per line."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from formfill.base.settings import Settings
from formfill.storage import SubmissionStore


def main(target: str, count: int, actor: str, go: Path) -> None:
    url = target if target.startswith("postgresql://") else None
    store = SubmissionStore(None if url else Path(target), url=url, settings=Settings(), actor=actor)
    deadline = time.monotonic() + 30
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    codes = []
    for i in range(count):
        sub = store.submit("ct01", "1", {"n": i, "by": actor}, seconds=1.0)
        store.audit(actor, "view", sub.code, ["n"])
        codes.append(sub.code)
    store.close()
    print("\n".join(codes))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], Path(sys.argv[4]))
