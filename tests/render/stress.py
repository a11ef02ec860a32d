"""Stress records for the printout tests: the longest names and addresses the schemas allow.

Used by the tests and by hand (``python -m tests.render.stress OUTDIR`` writes the JSON files).
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

from tests.render.conftest import load_example

# 100 characters exactly: a plausible long Vietnamese full name (several middle names).
LONG_NAME = (
    "Nguyễn Trần Phạm Hoàng Lê Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Huỳnh Thị Minh Khuê Ngọc Bảo Trân Diễm Thoa"
)
assert len(LONG_NAME) == 100


def long_name_record(form_id: str) -> dict[str, Any]:
    """The form's first example with every person name set to the 100-character name."""
    data = copy.deepcopy(load_example(form_id))

    def walk(obj: Any) -> None:
        if isinstance(obj, dict):
            for key, value in obj.items():
                if key == "ho_ten" and isinstance(value, str):
                    obj[key] = LONG_NAME
                else:
                    walk(value)
        elif isinstance(obj, list):
            for item in obj:
                walk(item)

    walk(data)
    return data


def foreign_ket_hon() -> dict[str, Any]:
    """ket-hon with a foreign groom (valid-2 of the examples)."""
    return load_example("ket-hon", "valid-2.json")


def main(out: str) -> None:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for form_id in ("khai-sinh", "ket-hon", "ct01"):
        text = json.dumps(long_name_record(form_id), ensure_ascii=False, indent=1)
        (folder / f"{form_id}-long-name.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
