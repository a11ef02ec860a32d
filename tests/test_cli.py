"""The command line as a user runs it: output, language switch and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT


def run(*args: str, env_lang: str | None = None, cwd: Path | None = None, stdin: str | None = None):
    import os

    env = dict(os.environ)
    env.pop("FORMFILL_LANG", None)
    if env_lang:
        env["FORMFILL_LANG"] = env_lang
    return subprocess.run(
        [sys.executable, "-m", "formfill", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        input=stdin,
        timeout=120,
    )


def test_forms_json_lists_forms_with_basis_and_version() -> None:
    out = run("forms", "--json")
    assert out.returncode == 0, out.stderr
    rows = {row["id"]: row for row in json.loads(out.stdout)}
    assert {"khai-sinh", "ct01"} <= set(rows)
    assert "04/2024/TT-BTP" in rows["khai-sinh"]["legal_basis"]
    assert "53/2025/TT-BCA" in rows["ct01"]["legal_basis"]
    assert all(row["version"] for row in rows.values())


def test_validate_valid_example_exit_0() -> None:
    out = run("validate", "khai-sinh", str(EXAMPLES / "khai-sinh" / "valid-1.json"))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Hợp lệ" in out.stdout


def test_validate_invalid_example_vietnamese_then_english() -> None:
    path = str(EXAMPLES / "khai-sinh" / "invalid-id-format.json")
    vi = run("validate", "khai-sinh", path)
    assert vi.returncode == 1
    assert "nguoi_yeu_cau.so_dinh_danh_ca_nhan" in vi.stdout
    assert "12 chữ số" in vi.stdout
    en = run("validate", "khai-sinh", path, "--lang", "en")
    assert en.returncode == 1
    assert "12 digits" in en.stdout
    env = run("validate", "khai-sinh", path, env_lang="en")
    assert "12 digits" in env.stdout


def test_validate_json_output_lists_error_types() -> None:
    out = run("validate", "ct01", str(EXAMPLES / "ct01" / "invalid-missing-head.json"), "--json")
    assert out.returncode == 1
    doc = json.loads(out.stdout)
    types = {(e["path"], e["type"]) for e in doc["results"][0]["errors"]}
    assert ("chu_ho", "missing") in types
    assert ("thanh_vien.1.gioi_tinh", "vn_gender_invalid") in types


def test_validate_jsonl_counts_records_from_one(tmp_path: Path) -> None:
    good = json.loads((EXAMPLES / "ct01" / "valid-1.json").read_text(encoding="utf-8"))
    bad = json.loads((EXAMPLES / "ct01" / "invalid-phone-email.json").read_text(encoding="utf-8"))
    lines = [json.dumps(good, ensure_ascii=False), json.dumps(bad, ensure_ascii=False), '{"a": 1, "a": 2}']
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = run("validate", "ct01", str(path), "--json")
    assert out.returncode == 1
    doc = json.loads(out.stdout)
    assert [r["valid"] for r in doc["results"]] == [True, False, False]
    assert doc["results"][2]["errors"][0]["type"] == "json_invalid"


@pytest.mark.parametrize(
    "content",
    ["{not json", '{"kinh_gui": NaN}', '{"a": 1, "a": 2}'],
)
def test_validate_unreadable_json_exit_2(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    out = run("validate", "khai-sinh", str(path))
    assert out.returncode == 2
    assert out.stderr.strip()


def test_validate_missing_file_and_unknown_form_exit_2(tmp_path: Path) -> None:
    assert run("validate", "khai-sinh", str(tmp_path / "nope.json")).returncode == 2
    out = run("validate", "khai-sinhh", str(EXAMPLES / "khai-sinh" / "valid-1.json"))
    assert out.returncode == 2
    assert "khai-sinh" in out.stderr


def test_schema_command_prints_json_schema() -> None:
    out = run("schema", "ct01")
    assert out.returncode == 0
    schema = json.loads(out.stdout)
    assert schema["x-form-id"] == "ct01"
    assert "thanh_vien" in schema["properties"]


QR = "087195012345|352123456|Trần Thị Hường|14041995|Nữ|Số 153 Nguyễn Sinh Sắc, Phường Sa Đéc, Tỉnh Đồng Tháp|20112021"


def test_idcard_reads_qr() -> None:
    out = run("idcard", QR, "--json")
    assert out.returncode == 0, out.stderr
    card = json.loads(out.stdout)
    assert card["so_dinh_danh_ca_nhan"] == "087195012345"
    assert card["ho_ten"] == "Trần Thị Hường"
    assert card["ngay_sinh"] == "14/04/1995"
    assert card["gioi_tinh"] == "Nữ"


def test_idcard_prints_labels_and_warns_of_an_id_of_the_other_sex() -> None:
    out = run("idcard", QR)
    assert out.returncode == 0, out.stderr
    assert "Số định danh cá nhân  087195012345" in out.stdout
    assert "so_dinh_danh_ca_nhan" not in out.stdout and "so_cmnd" not in out.stdout
    assert "Cảnh báo" not in out.stderr
    male = run("idcard", QR.replace("|Nữ|", "|Nam|"))
    assert male.returncode == 0
    assert "Cảnh báo: Số định danh cá nhân là của người giới tính Nữ, nhưng giới tính ghi Nam" in male.stderr
    bad = run("idcard", "087195012345|352123456|Trần Thị Hường")
    assert bad.returncode == 1
    assert bad.stderr.startswith("Mã QR: ")


@pytest.mark.parametrize(
    "text",
    [
        "087195012345|352123456|Trần Thị Hường|14041995|Nữ",  # too few fields
        "08719501234|352123456|Trần Thị Hường|14041995|Nữ|Sa Đéc|20112021",  # bad ID
        "087195012345|352123456|Trần Thị Hường|31021995|Nữ|Sa Đéc|20112021",  # impossible date
    ],
)
def test_idcard_rejects_invalid_cards(text: str) -> None:
    out = run("idcard", text)
    assert out.returncode == 1
    assert out.stderr.strip()


def test_idcard_unreadable_stdin_exit_2() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "formfill", "idcard", "-"],
        input=b"\xff\xfe\x00bad",
        capture_output=True,
        timeout=60,
    )
    assert out.returncode == 2
