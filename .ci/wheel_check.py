"""Build the wheel, install it (not editable) in a fresh venv, and use it from another folder.

Proves the wheel carries the built-in form pack: ``formfill forms --json`` lists the forms, and
``formfill validate`` accepts every valid example and rejects every invalid one with exactly the
error types its sidecar lists (on a pinned day, ``FORMFILL_TODAY``, as the test suite does). Also
that the runtime install stays lean (no geocoding or spreadsheet libraries: those are dev-only) and
still carries the table of renamed units ("Tiền Giang" is now part of tỉnh Đồng Tháp).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PINNED_TODAY = "2026-12-01"  # the day tests/conftest.py pins: the examples are valid on it
NOT_AT_RUN_TIME = ("numpy", "shapely", "geopy", "openpyxl", "vietnamadminunits")
ENV = {
    **{k: v for k, v in os.environ.items() if not k.startswith("FORMFILL_")},
    "FORMFILL_TODAY": PINNED_TODAY,
    "FORMFILL_LANG": "vi",
}


def sh(*args: str | Path, cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, check=check, capture_output=True, text=True, env=ENV
    )


def check_lean_install(py: Path, exe: Path, elsewhere: Path) -> None:
    """No dev-only package came in with the wheel, and the renamed-unit hint works without them."""
    code = (
        "import importlib.util, json, sys\n"
        f"print(json.dumps([n for n in {list(NOT_AT_RUN_TIME)!r} if importlib.util.find_spec(n)]))\n"
    )
    present = json.loads(sh(py, "-c", code, cwd=elsewhere).stdout)
    assert not present, f"installed with the wheel but only needed for development: {present}"
    data = json.loads((ROOT / "examples" / "khai-sinh" / "valid-1.json").read_text(encoding="utf-8"))
    data["me"]["noi_cu_tru"] = {"xa": "Phường Sa Đéc", "tinh": "Tiền Giang"}
    path = elsewhere / "old-province.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = sh(exe, "validate", "khai-sinh", path, cwd=elsewhere, check=False)
    assert out.returncode == 1, (out.returncode, out.stdout, out.stderr)
    assert "vn_province_renamed" in out.stdout and "đã sáp nhập vào tỉnh Đồng Tháp" in out.stdout, out.stdout
    assert "Traceback" not in out.stdout + out.stderr, out.stderr


def check_onestop_pack(py: Path, elsewhere: Path, form_ids: set[str]) -> None:
    """The one-stop papers' pack is in the wheel, loads and draws, and is not listed as forms."""
    code = (
        "from formfill.desk.papers import PAPERS, paper_spec, onestop_dir\n"
        "for p in PAPERS: paper_spec(p)\n"
        "print(onestop_dir(), ' '.join(PAPERS))\n"
    )
    out = sh(py, "-c", code, cwd=elsewhere).stdout.split()
    assert "site-packages" in out[0], out
    assert not set(out[1:]) & form_ids, out


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="formfill-wheel-") as tmp:
        tmpdir = Path(tmp)
        sh(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmpdir / "dist", ROOT)
        wheel = next((tmpdir / "dist").glob("formfill-*.whl"))
        venv.EnvBuilder(with_pip=True).create(tmpdir / "venv")
        py = tmpdir / "venv" / "bin" / "python"
        sh(py, "-m", "pip", "install", "--quiet", wheel)
        exe = tmpdir / "venv" / "bin" / "formfill"
        elsewhere = tmpdir / "elsewhere"
        elsewhere.mkdir()

        listed = json.loads(sh(exe, "forms", "--json", cwd=elsewhere).stdout)
        ids = {row["id"] for row in listed}
        assert {"khai-sinh", "ct01"} <= ids, ids
        assert all(row["legal_basis"] and row["version"] for row in listed)
        located = sh(
            py,
            "-c",
            "from formfill.forms.pack import builtin_pack_dir; print(builtin_pack_dir())",
            cwd=elsewhere,
        ).stdout.strip()
        assert "site-packages" in located, located
        check_lean_install(py, exe, elsewhere)
        check_onestop_pack(py, elsewhere, ids)

        checked = 0
        for form_id in sorted(ids):
            for path in sorted((ROOT / "examples" / form_id).glob("*.json")):
                if path.name.endswith(".expected.json"):
                    continue
                out = sh(exe, "validate", form_id, path, "--json", cwd=elsewhere, check=False)
                if path.name.startswith("valid-"):
                    assert out.returncode == 0, (path.name, out.stdout, out.stderr)
                else:
                    assert out.returncode == 1, (path.name, out.stdout, out.stderr)
                    want = json.loads(
                        path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8")
                    )
                    got = sorted(e["type"] for e in json.loads(out.stdout)["results"][0]["errors"])
                    assert got == sorted(e["type"] for e in want["errors"]), (path.name, got)
                    en = sh(exe, "validate", form_id, path, "--lang", "en", cwd=elsewhere, check=False)
                    assert en.returncode == 1 and en.stdout != out.stdout
                checked += 1
        assert checked >= 4, checked
        print(f"wheel check: {wheel.name} from {elsewhere.name}/: {len(ids)} forms, {checked} examples ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
