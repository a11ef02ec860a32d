"""The submission store: receipt codes, find by code or ID, retention, resume codes, ratings, figures."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from formfill.base.sections import OfficeSettings, RetentionSettings
from formfill.base.settings import Settings
from formfill.storage import CodeError, DraftStore, StorageError, SubmissionStore
from formfill.storage.codes import ALPHABET
from formfill.storage.db import SCHEMA_VERSION

DATA = Path(__file__).with_name("data")
ID = "087123456745"
MARKER = "Ngô Thị Dấu Vết 7Q"
NOON = datetime(2026, 12, 1, 5, 0, tzinfo=UTC)  # 12:00 in Ho Chi Minh City


class Clock:
    def __init__(self, now: datetime = NOON) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def declaration(name: str = "Nguyễn Văn An", number: str = ID) -> dict:
    return {"nguoi_yeu_cau": {"ho_ten": name, "so_dinh_danh_ca_nhan": number}, "noi_dung": "khai sinh"}


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock):  # type: ignore[no-untyped-def]
    s = SubmissionStore(tmp_path / "store.sqlite3", settings=Settings(), clock=clock)
    yield s
    s.close()


def _one_symbol_changed(code: str) -> str:
    i = 2
    other = ALPHABET[(ALPHABET.index(code[i]) + 1) % 32]
    return code[:i] + other + code[i + 1 :]


def test_submit_then_get_by_the_code_however_it_is_typed(store: SubmissionStore) -> None:
    sub = store.submit("khai-sinh", "2025.1", declaration(), seconds=95.0)
    assert sub.status == "moi" and sub.form_id == "khai-sinh" and sub.form_version == "2025.1"
    assert sub.created.utcoffset() == timedelta(hours=7)  # office local time
    assert sub.created.hour == 12
    for typed in (sub.code, sub.code.lower(), sub.code.replace("-", " "), sub.code.replace("-", "")):
        got = store.get(typed)
        assert got == sub
    with pytest.raises(CodeError, match="Mã không đúng, kiểm tra lại"):
        store.get(_one_symbol_changed(sub.code))


def test_codes_are_unique_across_many_submissions_and_resume_codes(store: SubmissionStore) -> None:
    codes = [store.submit("ct01", "1", {"i": i}).code for i in range(150)]
    codes += [store.save_resume("ct01", {"i": i}) for i in range(50)]
    assert len(set(codes)) == 200


def test_find_by_code_or_by_id_number(store: SubmissionStore) -> None:
    a = store.submit("khai-sinh", "1", declaration())
    b = store.submit("ket-hon", "1", {"ben_nam": {"so": "001099000123"}, "ben_nu": {"so": ID}})
    store.submit("khai-sinh", "1", {"ghi_chu": f"x{ID}x"})  # the digits, but not the ID as a value
    assert [s.code for s in store.find(ID)] == [a.code, b.code]
    assert [s.code for s in store.find("0871 2345 6745")] == [a.code, b.code]
    assert store.find(a.code) == [a]
    assert store.find("001099000999") == []
    with pytest.raises(CodeError):
        store.find("08712345674")  # neither a code nor 12 digits
    with pytest.raises(CodeError):
        store.find(_one_symbol_changed(a.code))


def test_list_by_office_day(store: SubmissionStore, clock: Clock) -> None:
    first = store.submit("khai-sinh", "1", {})
    clock.now = datetime(2026, 12, 1, 18, 30, tzinfo=UTC)  # 01:30 on 2 December, local
    second = store.submit("khai-tu", "1", {})
    assert [s.code for s in store.list(date(2026, 12, 1))] == [first.code]
    assert [s.code for s in store.list(date(2026, 12, 2))] == [second.code]
    assert [s.code for s in store.list()] == [first.code, second.code]


def _file_bytes(db: Path) -> bytes:
    return b"".join(
        p.read_bytes()
        for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"))
        if p.exists()
    )


def test_delete_leaves_no_value_in_the_files(store: SubmissionStore) -> None:
    sub = store.submit("khai-sinh", "1", declaration(MARKER))
    keep = store.submit("khai-sinh", "1", declaration("Trần Văn Bình"))
    assert MARKER.encode() in _file_bytes(store.path)
    assert store.delete(sub.code.lower()) is True
    assert store.get(sub.code) is None and store.get(keep.code) == keep
    assert store.delete(sub.code) is False
    assert MARKER.encode() not in _file_bytes(store.path)


def test_purge_applies_the_retention(tmp_path: Path, clock: Clock) -> None:
    cfg = Settings(retention=RetentionSettings(draft_hours=2, submission_days=3))
    with SubmissionStore(tmp_path / "s.sqlite3", settings=cfg, clock=clock) as store:
        old_sub = store.submit("khai-sinh", "1", declaration(MARKER))
        old_resume = store.save_resume("khai-sinh", {"ho_ten": MARKER})
        old_draft = store.create("khai-sinh", "1").id
        clock.now = NOON + timedelta(hours=3)
        new_sub = store.submit("khai-sinh", "1", declaration())
        assert store.open_resume(old_resume) is None  # expired after draft_hours, before any purge
        assert store.purge() == (2, 0)
        assert store.list_drafts() == []
        assert store.purge(NOON + timedelta(days=3, minutes=1)) == (0, 1)
        assert store.get(old_sub.code) is None and store.get(new_sub.code) is not None
        assert old_draft not in {d.id for d in store.list_drafts()}
        assert MARKER.encode() not in _file_bytes(store.path)
        # The anonymous figures outlive the submissions.
        assert store.stats()["forms"][0]["submissions"] == 2


def test_a_resume_code_reopens_its_answers_and_nothing_else_does(store: SubmissionStore) -> None:
    code = store.save_resume("ct01", {"chu_ho.ho_ten": "Lê Văn Cường"})
    other = store.save_resume("khai-sinh", {"me.ho_ten": "Phạm Thị Dung"})
    assert store.open_resume(code.replace("-", "").lower()) == ("ct01", {"chu_ho.ho_ten": "Lê Văn Cường"})
    assert store.open_resume(other)[0] == "khai-sinh"  # type: ignore[index]
    receipt = store.submit("ct01", "1", {}).code
    assert store.open_resume(receipt) is None  # a receipt code opens no draft
    with pytest.raises(CodeError):
        store.open_resume(_one_symbol_changed(code))
    assert store.forget_resume(code) is True and store.open_resume(code) is None


def test_time_and_trouble_rows_hold_no_value(store: SubmissionStore) -> None:
    store.submit(
        "khai-sinh",
        "1",
        declaration(MARKER),
        seconds=120,
        errors=[
            ("nguoi_yeu_cau.so_dinh_danh_ca_nhan", "personal_id_length"),
            ("con.ngay_sinh", "date_future"),
        ],
    )
    conn = sqlite3.connect(store.path)
    finish = conn.execute("SELECT * FROM finish").fetchall()
    errors = conn.execute("SELECT field, error FROM finish_error ORDER BY field").fetchall()
    conn.close()
    assert [row[1:] for row in finish] == [("khai-sinh", "2026-12-01", 120.0)]
    assert errors == [
        ("con.ngay_sinh", "date_future"),
        ("nguoi_yeu_cau.so_dinh_danh_ca_nhan", "personal_id_length"),
    ]
    assert MARKER not in repr(finish + errors) and ID not in repr(finish + errors)


def test_a_rating_holds_no_identifier_and_no_time_finer_than_the_day(store: SubmissionStore) -> None:
    sub = store.submit("khai-sinh", "1", declaration())
    store.record_satisfaction("khai-sinh", datetime(2026, 12, 1, 9, 41), 4, f"Nhanh. Số {ID} của tôi", "2")
    conn = sqlite3.connect(store.path)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(satisfaction)")]
    (row,) = conn.execute("SELECT * FROM satisfaction").fetchall()
    fks = conn.execute("PRAGMA foreign_key_list(satisfaction)").fetchall()
    conn.close()
    assert cols == ["id", "form_id", "day", "weekday", "score", "comment", "visits"]
    assert fks == []
    rating = dict(zip(cols, row, strict=True))
    assert (rating["day"], rating["weekday"], rating["score"], rating["visits"]) == ("2026-12-01", 2, 4, "2")
    assert ID not in rating["comment"] and "•••" in rating["comment"]
    shared = {sub.code, sub.code.replace("-", ""), ID, sub.created.isoformat()}
    assert not {str(v) for v in row} & shared
    assert len(rating["id"]) == 32 and "9:41" not in repr(row) and "09:41" not in repr(row)


@pytest.mark.parametrize(("score", "visits"), [(0, "1"), (6, "1"), (True, "1"), (3, "4"), (3, "")])
def test_a_rating_out_of_range_is_refused(store: SubmissionStore, score: int, visits: str) -> None:
    with pytest.raises(ValueError):
        store.record_satisfaction("ct01", date(2026, 12, 1), score, None, visits)


def test_stats_on_an_empty_store(store: SubmissionStore) -> None:
    stats = store.stats(None, None)
    assert stats["forms"] == [] and stats["failed_fields"] == []
    sat = stats["satisfaction"]
    assert sat["count"] == 0 and sat["average"] is None and sat["by_form"] == {}
    assert sat["distribution"] == {str(k): 0 for k in range(1, 6)}
    assert sat["by_weekday"] == {str(k): {"count": 0, "average": None} for k in range(1, 8)}
    assert sat["visits"] == {"1": 0, "2": 0, "3+": 0}


def test_stats_count_time_trouble_and_ratings(store: SubmissionStore, clock: Clock) -> None:
    for secs in (60, 100, 400):
        store.submit("khai-sinh", "1", {}, seconds=secs, errors=[("con.ngay_sinh", "date_future")])
    clock.now = NOON + timedelta(days=1)
    store.submit("khai-sinh", "1", {}, seconds=None, errors=[("me.ho_ten", "name"), ("con.ngay_sinh", "x")])
    store.submit("ct01", "1", {}, seconds=30)
    store.record_satisfaction("khai-sinh", date(2026, 12, 1), 5, None, "1")
    store.record_satisfaction("khai-sinh", date(2026, 12, 2), 2, None, "3+")
    store.record_satisfaction("ct01", date(2026, 12, 2), 4, "", "1")
    stats = store.stats(date(2026, 12, 1), date(2026, 12, 2))
    assert (stats["from"], stats["to"]) == ("2026-12-01", "2026-12-02")
    by_form = {f["form"]: f for f in stats["forms"]}
    assert by_form["khai-sinh"]["submissions"] == 4 and by_form["khai-sinh"]["median_seconds"] == 100
    assert by_form["khai-sinh"]["per_day"] == [
        {"date": "2026-12-01", "count": 3},
        {"date": "2026-12-02", "count": 1},
    ]
    assert stats["failed_fields"][0] == {"form": "khai-sinh", "field": "con.ngay_sinh", "count": 4}
    sat = stats["satisfaction"]
    assert sat["count"] == 3 and sat["average"] == 3.67
    assert sat["distribution"]["5"] == 1 and sat["visits"] == {"1": 2, "2": 0, "3+": 1}
    assert sat["by_weekday"]["2"] == {"count": 1, "average": 5.0}  # 1/12/2026 is a Tuesday
    assert sat["by_weekday"]["3"] == {"count": 2, "average": 3.0}
    assert sat["by_form"]["ct01"] == {"count": 1, "average": 4.0}
    only_first = store.stats(date(2026, 12, 1), date(2026, 12, 1))
    assert only_first["forms"][0]["submissions"] == 3 and only_first["satisfaction"]["count"] == 1


def test_office_timezone_decides_the_day(tmp_path: Path) -> None:
    late = Clock(datetime(2026, 12, 1, 20, 0, tzinfo=UTC))
    cfg = Settings(office=OfficeSettings(timezone="Asia/Ho_Chi_Minh"))
    with SubmissionStore(tmp_path / "a.sqlite3", settings=cfg, clock=late) as store:
        assert store.submit("ct01", "1", {}).created.date() == date(2026, 12, 2) == store.today()
    cfg = Settings(office=OfficeSettings(timezone="Europe/Paris"))
    with SubmissionStore(tmp_path / "b.sqlite3", settings=cfg, clock=late) as store:
        assert store.submit("ct01", "1", {}).created.date() == date(2026, 12, 1)


# --- migrations --------------------------------------------------------------------------------------


def test_a_drafts_database_of_the_current_release_is_upgraded_in_place(tmp_path: Path) -> None:
    db = tmp_path / "drafts.sqlite3"
    shutil.copy(DATA / "drafts-release-2026-schema1.sqlite3", db)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone() == (1,)
    conn.close()
    with SubmissionStore(db, settings=Settings()) as store:
        drafts = {d.form_id: d for d in store.list_drafts()}
        assert set(drafts) == {"khai-sinh", "ct01"}
        loaded = store.load(drafts["khai-sinh"].id)
        assert loaded.answers["nguoi_yeu_cau.ho_ten"] == "Nguyễn Văn A" and loaded.current_section == "con"
        sub = store.submit("khai-sinh", "2025.1", declaration())
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert {"draft", "answer", "submission", "resume", "finish", "finish_error", "satisfaction"} <= tables
    with DraftStore(db) as drafts_only:  # today's draft code path still reads it
        assert len(drafts_only.list_drafts()) == 2
    with SubmissionStore(db, settings=Settings()) as again:
        assert again.get(sub.code) == sub


def test_a_store_with_a_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "future.sqlite3"
    SubmissionStore(db, settings=Settings()).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 7}")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StorageError) as err:
        SubmissionStore(db, settings=Settings())
    assert f"phiên bản {SCHEMA_VERSION + 7}" in err.value.vi and "cập nhật formfill" in err.value.vi
    assert db.read_bytes() == before


def test_a_draft_id_still_deletes_a_draft(store: SubmissionStore) -> None:
    draft = store.create("khai-sinh", "1")
    assert store.delete(draft.id) is True
    assert store.list_drafts() == []
