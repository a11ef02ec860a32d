"""Writer for the kill -9 test: saves answers forever, printing each save only after it returned.

Usage: python kill_writer.py DB DRAFT_ID CYCLE SEED

Each stdout line is JSON: ["READY"], ["A", path, value] (one save_answer), ["B", {path: value}]
(one save_answers batch) or ["C", n] (the "counter" answer overwritten with n). A line is printed
and flushed after the call returned, so every complete line is an acknowledged save.
"""

from __future__ import annotations

import json
import random
import sys
import unicodedata
from pathlib import Path

from formfill.storage import DraftStore, JSONValue

NAME = "Nguyễn Thị Hường"


def make_value(rng: random.Random, cycle: int, step: int) -> JSONValue:
    """Vietnamese text (NFC and NFD), nested JSON, and sometimes a value large enough for overflow pages."""
    kind = step % 4
    if kind == 0:
        return f"{NAME} {cycle}/{step}"
    if kind == 1:
        return unicodedata.normalize("NFD", f"Đặng Văn Lưu {cycle}/{step}")
    if kind == 2:
        return {"ho_ten": NAME, "con": [{"stt": i, "ten": f"Bé {i}"} for i in range(rng.randint(0, 3))]}
    return "x" * rng.randint(100, 12_000) + f"|{cycle}/{step}"


def main() -> None:
    db, draft_id, cycle_text, seed = sys.argv[1:5]
    cycle = int(cycle_text)
    rng = random.Random(int(seed))
    out = sys.stdout
    with DraftStore(Path(db)) as store:
        print(json.dumps(["READY"]), file=out, flush=True)
        step = 0
        while True:
            step += 1
            op = step % 3
            if op == 0:
                path = f"c{cycle}.f{step}"
                value = make_value(rng, cycle, step)
                store.save_answer(draft_id, path, value)
                print(json.dumps(["A", path, value], ensure_ascii=False), file=out, flush=True)
            elif op == 1:
                batch = {f"c{cycle}.b{step}.{k}": make_value(rng, cycle, step + k) for k in range(3)}
                store.save_answers(draft_id, batch)
                print(json.dumps(["B", batch], ensure_ascii=False), file=out, flush=True)
            else:
                n = cycle * 1_000_000 + step
                store.save_answer(draft_id, "counter", n)
                print(json.dumps(["C", n]), file=out, flush=True)


if __name__ == "__main__":
    main()
