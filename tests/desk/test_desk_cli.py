"""The desk end to end through the command line (subprocesses): a kiosk submission → find by code →
receive at a fixed time → the Giấy tiếp nhận read back → return → register, report → the audit log."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from tests.desk.conftest import assert_clean_failure
from tests.desk.office import (
    CITIZEN,
    CITIZEN_ID,
    OFFICER,
    OFFICER_PASS,
    kiosk_submission,
    open_store,
    pdf_text,
    with_accounts,
)

Run = Callable[..., CompletedProcess[str]]


def _office(tmp_path: Path) -> tuple[dict[str, str], str, str]:
    """A config naming the store; two kiosk submissions and the accounts made in this process."""
    db = tmp_path / "office.sqlite3"
    store = with_accounts(open_store(db))
    first, second = kiosk_submission(store).code, kiosk_submission(store).code
    store.close()
    cfg = tmp_path / "formfill.toml"
    cfg.write_text(
        f'[store]\npath = "{db}"\n[office]\nname = "UBND phường Sa Đéc"\ndays_off = ["01/12/2025"]\n', "utf-8"
    )
    return {"FORMFILL_CONFIG": str(cfg), "FORMFILL_PASSWORD": OFFICER_PASS}, first, second


def test_receive_to_register_through_the_command_line(run_formfill: Run, tmp_path: Path) -> None:
    env, code, other = _office(tmp_path)
    me = ["--user", OFFICER]
    found = run_formfill("office", "find", code.lower(), "--json", *me, env=env)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)[0]["code"] == code

    # one field corrected with the citizen: a new version, the old one kept; a bad value refused (1)
    fixed = run_formfill("office", "correct", code, "--set", "so_luong_ban_sao=3", *me, env=env)
    assert fixed.returncode == 0 and "phiên bản 2" in fixed.stdout, fixed.stderr
    assert_clean_failure(
        run_formfill("office", "correct", code, "--set", "ngay_lam=31/02/2026", *me, env=env), 1
    )
    assert_clean_failure(
        run_formfill("office", "correct", code, "--set", "so_luong_ban_sao", *me, env=env), 2
    )
    store = open_store(tmp_path / "office.sqlite3")
    try:
        versions = store.versions(code)
        assert [v.version for v in versions] == [1, 2]
        assert versions[0].data["so_luong_ban_sao"] == 2 and versions[1].data["so_luong_ban_sao"] == 3
        [entry] = [e for e in store.audit_entries() if e.action == "correct"]
        assert entry.actor == OFFICER and entry.code == code and list(entry.fields) == ["so_luong_ban_sao"]
    finally:
        store.close()

    receipt = tmp_path / "giay-tiep-nhan.pdf"
    args = ["office", "receive", code, "--at", "27/11/2025 10:00", "--papers", "1,2,3",
            "--dossier-code", "000.00.21.H15-251127-0001", "-o", str(receipt), *me]  # fmt: skip
    done = run_formfill(*args, env=env)
    assert done.returncode == 0, done.stderr
    # 3 working days from Thursday 27/11, with the office's day off on Monday 01/12: Wednesday 03/12
    assert "17:00 ngày 03/12/2025" in done.stdout
    text = pdf_text(receipt.read_bytes())
    assert code in text and CITIZEN in text and "Đăng ký nhận cha, mẹ, con" in text
    assert "Thời gian nhận hồ sơ: 10 giờ 00 phút, ngày 27 tháng 11 năm 2025" in text
    assert "17 giờ 00 phút, ngày 03 tháng 12 năm 2025" in text
    assert "000.00.21.H15-251127-0001" in text

    # refusals, each with its exit code and nothing changed
    assert_clean_failure(run_formfill(*args, env=env), 2)  # the file exists
    again = [a if a != str(receipt) else str(tmp_path / "again.pdf") for a in args]
    assert_clean_failure(run_formfill(*again, env=env), 1)  # received already
    wrong = {**env, "FORMFILL_PASSWORD": "not-the-password"}
    assert_clean_failure(run_formfill(*again, env=wrong), 3)
    bad_at = ["office", "receive", other, "--at", "27/11/2025", "-o", str(tmp_path / "b.pdf"), *me]
    assert_clean_failure(run_formfill(*bad_at, env=env), 2)
    assert_clean_failure(run_formfill("office", "return", other, *me, env=env), 1)  # not received
    too_long = ["office", "receive", other, "--extend-days", "9", "-o", str(tmp_path / "c.pdf"), *me]
    assert "tối đa 5" in assert_clean_failure(run_formfill(*too_long, env=env), 2)

    refused = tmp_path / "tu-choi.pdf"
    proc = run_formfill("office", "refuse", other, "--reason", "Không thuộc thẩm quyền", "--at",
                        "27/11/2025 15:00", "-o", str(refused), *me, env=env)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Không thuộc thẩm quyền" in pdf_text(refused.read_bytes())

    back = run_formfill("office", "return", code, "--at", "04/12/2025 08:00", *me, env=env)
    assert back.returncode == 0 and "quá hạn" in back.stdout, back.stderr
    register = tmp_path / "so.pdf"
    proc = run_formfill("office", "register", "--from", "27/11/2025", "--to", "27/11/2025", "-o",
                        str(register), *me, env=env)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "SỔ THEO DÕI HỒ SƠ" in pdf_text(register.read_bytes())

    report = tmp_path / "bao-cao.pdf"
    proc = run_formfill("office", "report", "--from", "01/11/2025", "--to", "30/11/2025", "-o",
                        str(report), *me, env=env)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    text = pdf_text(report.read_bytes())
    assert "BÁO CÁO SỐ LIỆU" in text and CITIZEN not in text and CITIZEN_ID not in text

    stats = run_formfill("office", "stats", "--json", *me, env=env)
    assert json.loads(stats.stdout)["results"] == {"before": 0, "on_time": 0, "late": 1}
    store = open_store(tmp_path / "office.sqlite3")
    try:
        actions = [(e.action, e.code) for e in store.audit_entries() if e.actor == OFFICER]
        for action in ("view", "correct", "receive", "print", "refuse", "return"):
            assert any(a == action for a, _ in actions), action
        assert ("receive", code) in actions and ("return", code) in actions
        assert store.audit_verify()[2] is None
    finally:
        store.close()
