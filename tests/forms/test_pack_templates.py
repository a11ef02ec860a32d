"""A template whose binding names no schema field breaks the pack at load, naming file and line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_wrong_binding_fails_when_the_pack_loads(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "schemas").mkdir(parents=True)
    (pack / "form_templates").mkdir()
    # A copy of khai-sinh under another id, with one binding pointing nowhere.
    source = (ROOT / "schemas" / "khai_sinh.py").read_text(encoding="utf-8")
    (pack / "schemas" / "thu_nghiem.py").write_text(
        source.replace('id="khai-sinh"', 'id="thu-nghiem"'), encoding="utf-8"
    )
    template = (ROOT / "form_templates" / "khai-sinh.yaml").read_text(encoding="utf-8")
    assert "nguoi_duoc_khai_sinh.que_quan" in template
    broken = template.replace("form: khai-sinh", "form: thu-nghiem").replace(
        "nguoi_duoc_khai_sinh.que_quan", "nguoi_duoc_khai_sinh.que_quan_sai", 1
    )
    (pack / "form_templates" / "thu-nghiem.yaml").write_text(broken, encoding="utf-8")
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if "que_quan_sai" in text)

    env = {"FORMFILL_PACKS": str(pack), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-m", "formfill", "forms"], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 2
    assert f"thu-nghiem.yaml:{line}" in out.stderr
    assert "que_quan_sai" in out.stderr
    shutil.rmtree(pack)
