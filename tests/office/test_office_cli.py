"""``formfill office``: each command in a subprocess, exit codes 0 / 1 / 2, ID numbers masked."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from formfill.base.sections import RetentionSettings
from formfill.base.settings import Settings
from formfill.storage import SubmissionStore
from formfill.storage.codes import ALPHABET
from tests.office.conftest import assert_clean_failure

Run = Callable[..., CompletedProcess[str]]
ID = "087123456745"
OTHER_ID = "001099000123"


def _config(folder: Path, extra: str = "") -> Path:
    cfg = folder / "formfill.toml"
    cfg.write_text(
        f'[office]\nname = "Ủy ban nhân dân phường Sa Đéc"\n[store]\npath = "store.sqlite3"\n{extra}', "utf-8"
    )
    return cfg


@pytest.fixture
def office(tmp_path: Path) -> tuple[Path, list[str]]:
    """A config and a store holding two submissions of the pinned day (codes returned)."""
    cfg = _config(tmp_path)
    with SubmissionStore(tmp_path / "store.sqlite3", settings=Settings()) as store:
        a = store.submit(
            "khai-sinh", "2025.1", {"nguoi_yeu_cau": {"ho_ten": "Nguyễn Văn An", "so_dinh_danh_ca_nhan": ID}}
        )
        b = store.submit(
            "ct01",
            "2025.1",
            {"nguoi_yeu_cau.ho_ten": "Lê Thị Bê", "nguoi_yeu_cau.so_dinh_danh_ca_nhan": OTHER_ID},
        )
        store.record_satisfaction("khai-sinh", store.today(), 4, None, "1")
    return cfg, [a.code, b.code]


def _changed(code: str) -> str:
    return code[:1] + ALPHABET[(ALPHABET.index(code[1]) + 1) % 32] + code[2:]


def test_list_masks_id_numbers_in_text_and_json(run_formfill: Run, office: tuple[Path, list[str]]) -> None:
    cfg, codes = office
    text = run_formfill("office", "--config", str(cfg), "list", "--date", "01/12/2026")
    assert text.returncode == 0, text.stderr
    assert codes[0] in text.stdout and codes[1] in text.stdout and "*********745" in text.stdout
    proc = run_formfill("office", "--config", str(cfg), "list", "--date", "01/12/2026", "--json")
    rows = json.loads(proc.stdout)
    assert [r["code"] for r in rows] == codes and {r["form"] for r in rows} == {"khai-sinh", "ct01"}
    assert [r["id_number"] for r in rows] == ["*********745", "*********123"]
    assert ID not in text.stdout + proc.stdout and OTHER_ID not in text.stdout + proc.stdout
    other_day = run_formfill("office", "--config", str(cfg), "list", "--date", "02/12/2026", "--json")
    assert other_day.returncode == 0 and json.loads(other_day.stdout) == []


def test_find_by_code_or_id(run_formfill: Run, office: tuple[Path, list[str]]) -> None:
    cfg, codes = office
    by_code = run_formfill(
        "office", "--config", str(cfg), "find", codes[0].replace("-", "").lower(), "--json"
    )
    assert by_code.returncode == 0, by_code.stderr
    (found,) = json.loads(by_code.stdout)
    assert (
        found["code"] == codes[0] and found["data"]["nguoi_yeu_cau"]["so_dinh_danh_ca_nhan"] == "*********745"
    )
    by_id = run_formfill("office", "--config", str(cfg), "find", OTHER_ID)
    assert by_id.returncode == 0 and codes[1] in by_id.stdout and OTHER_ID not in by_id.stdout
    out = assert_clean_failure(run_formfill("office", "--config", str(cfg), "find", _changed(codes[0])), 1)
    assert "Mã không đúng, kiểm tra lại" in out
    out = assert_clean_failure(run_formfill("office", "--config", str(cfg), "find", "001099000999"), 1)
    assert "Không tìm thấy" in out


def test_export_writes_a_new_private_file(
    run_formfill: Run, office: tuple[Path, list[str]], tmp_path: Path
) -> None:
    cfg, codes = office
    target = tmp_path / "hs.json"
    proc = run_formfill("office", "--config", str(cfg), "export", codes[0], "-o", str(target))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(target.read_text("utf-8"))
    assert (doc["code"], doc["form_id"], doc["form_version"], doc["status"]) == (
        codes[0],
        "khai-sinh",
        "2025.1",
        "moi",
    )
    assert doc["data"]["nguoi_yeu_cau"]["so_dinh_danh_ca_nhan"] == ID  # the declaration itself, whole
    assert datetime.fromisoformat(doc["created"]).utcoffset() is not None
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    before = target.read_bytes()
    assert_clean_failure(
        run_formfill("office", "--config", str(cfg), "export", codes[1], "-o", str(target)), 2
    )
    assert target.read_bytes() == before
    assert_clean_failure(
        run_formfill("office", "--config", str(cfg), "export", _changed(codes[1]), "-o", "x.json"), 1
    )


def test_delete_then_not_found(run_formfill: Run, office: tuple[Path, list[str]]) -> None:
    cfg, codes = office
    assert_clean_failure(run_formfill("office", "--config", str(cfg), "delete", _changed(codes[0])), 1)
    proc = run_formfill("office", "--config", str(cfg), "delete", codes[0])
    assert proc.returncode == 0, proc.stderr
    assert_clean_failure(run_formfill("office", "--config", str(cfg), "delete", codes[0]), 1)
    assert_clean_failure(run_formfill("office", "--config", str(cfg), "find", codes[0]), 1)
    left = run_formfill("office", "--config", str(cfg), "list", "--date", "01/12/2026", "--json")
    assert [r["code"] for r in json.loads(left.stdout)] == [codes[1]]


def test_purge_applies_the_configured_retention(run_formfill: Run, tmp_path: Path) -> None:
    cfg = _config(tmp_path, "[retention]\nsubmission_days = 2\ndraft_hours = 1\n")
    old = lambda: datetime(2026, 11, 25, 3, 0, tzinfo=UTC)  # noqa: E731
    with SubmissionStore(tmp_path / "store.sqlite3", settings=Settings(), clock=old) as store:
        store.submit("khai-sinh", "1", {})
        store.save_resume("khai-sinh", {})
    with SubmissionStore(tmp_path / "store.sqlite3", settings=Settings()) as store:
        fresh = store.submit("khai-sinh", "1", {}).code
    proc = run_formfill("office", "--config", str(cfg), "purge")
    assert proc.returncode == 0, proc.stderr
    assert "1 bản nháp/mã làm tiếp và 1 hồ sơ" in proc.stdout
    with SubmissionStore(
        tmp_path / "store.sqlite3", settings=Settings(retention=RetentionSettings())
    ) as store:
        assert [s.code for s in store.list()] == [fresh]


def test_stats_json_and_dates(run_formfill: Run, office: tuple[Path, list[str]]) -> None:
    cfg, _codes = office
    proc = run_formfill(
        "office", "--config", str(cfg), "stats", "--from", "01/12/2026", "--to", "01/12/2026", "--json"
    )
    assert proc.returncode == 0, proc.stderr
    stats = json.loads(proc.stdout)
    assert set(stats) == {"from", "to", "forms", "failed_fields", "satisfaction", "results"}
    assert {f["form"]: f["submissions"] for f in stats["forms"]} == {"ct01": 1, "khai-sinh": 1}
    assert stats["satisfaction"]["count"] == 1 and stats["satisfaction"]["distribution"]["4"] == 1
    text = run_formfill("office", "--config", str(cfg), "stats")
    assert text.returncode == 0 and "khai-sinh" in text.stdout and "Hài lòng" in text.stdout
    out = assert_clean_failure(
        run_formfill("office", "--config", str(cfg), "stats", "--from", "2026-12-01"), 2
    )
    assert "dd/mm/yyyy" in out
    assert_clean_failure(
        run_formfill("office", "--config", str(cfg), "stats", "--from", "02/12/2026", "--to", "01/12/2026"), 2
    )


def test_stats_on_an_empty_store(run_formfill: Run, tmp_path: Path) -> None:
    cfg = _config(tmp_path)
    SubmissionStore(tmp_path / "store.sqlite3", settings=Settings()).close()
    stats = json.loads(run_formfill("office", "--config", str(cfg), "stats", "--json").stdout)
    assert stats["forms"] == [] and stats["failed_fields"] == [] and stats["satisfaction"]["count"] == 0
    assert stats["satisfaction"]["visits"] == {"1": 0, "2": 0, "3+": 0}


def test_the_config_can_come_from_the_environment(run_formfill: Run, office: tuple[Path, list[str]]) -> None:
    cfg, codes = office
    proc = run_formfill("office", "find", codes[1], env={"FORMFILL_CONFIG": str(cfg)})
    assert proc.returncode == 0 and codes[1] in proc.stdout


@pytest.mark.parametrize(
    ("extra", "env", "says"),
    [
        ("[kiosk]\nidle_seconds = -3\n", {}, "kiosk.idle_seconds"),
        ("[office]\ntimezone = 'Mars/Olympus'\n", {}, "office.timezone"),
        ("", {"FORMFILL_DATABASE_URL": "mysql://u@h/db"}, "FORMFILL_DATABASE_URL"),
        ("[kiosk]\nkeep_pdf = 'có'\n", {}, "kiosk.keep_pdf"),
        ("[retention]\ndraft_hours = 0\n", {}, "retention.draft_hours"),
        ("[kiosks]\nx = 1\n", {}, "[kiosks]"),
    ],
)
def test_a_bad_config_is_exit_2_naming_the_key(
    run_formfill: Run, tmp_path: Path, extra: str, env: dict[str, str], says: str
) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text(extra, "utf-8")
    out = assert_clean_failure(run_formfill("office", "--config", str(cfg), "list", env=env), 2)
    assert says in out


def test_a_missing_or_unreadable_store_is_exit_2(run_formfill: Run, tmp_path: Path) -> None:
    cfg = _config(tmp_path)
    out = assert_clean_failure(run_formfill("office", "--config", str(cfg), "list"), 2)
    assert "store.sqlite3" in out
    assert not (tmp_path / "store.sqlite3").exists()  # looking created nothing
    (tmp_path / "store.sqlite3").write_bytes(b"not a database, just bytes " * 200)
    assert_clean_failure(run_formfill("office", "--config", str(cfg), "stats"), 2)
    assert_clean_failure(run_formfill("office", "--config", str(tmp_path / "none.toml"), "list"), 2)
