"""Writer for the submission kill -9 test: submits forever, printing each code only after submit returned.

Usage: python submit_writer.py DB CYCLE. Each stdout line is JSON: ["READY"] or ["S", code, n] where
the submission's data is {"n": n, "ho_ten": ..., "so": ...}; a complete line is an acknowledged submission.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from formfill.base.settings import Settings
from formfill.storage import SubmissionStore


def main() -> None:
    db, cycle = Path(sys.argv[1]), int(sys.argv[2])
    with SubmissionStore(db, settings=Settings()) as store:
        print(json.dumps(["READY"]), flush=True)
        n = cycle * 1_000_000
        while True:
            n += 1
            sub = store.submit(
                "khai-sinh", "1", {"n": n, "ho_ten": "Nguyễn Thị Hường", "so": f"{n:012d}"}, seconds=n % 300
            )
            print(json.dumps(["S", sub.code, n]), flush=True)


if __name__ == "__main__":
    main()
