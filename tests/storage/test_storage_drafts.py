"""Drafts round trip: create, save, load, list, delete; values come back exactly as given."""

from __future__ import annotations

import logging
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from formfill.storage import DraftNotFoundError, DraftStore, StorageError


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock):
    with DraftStore(tmp_path / "drafts.sqlite3", clock=clock) as s:
        yield s


NFD_NAME = unicodedata.normalize("NFD", "Nguyễn Thị Hường")


def test_round_trip_keeps_values_exactly(store: DraftStore, clock: FakeClock, tmp_path: Path) -> None:
    draft = store.create("khai-sinh", "2025.1")
    assert len(draft.id) == 32 and int(draft.id, 16) >= 0
    assert draft.created_at == clock.now and draft.answers == {}

    nested = {"thanh_vien": [{"ho_ten": "Trần Văn Đức", "ngay_sinh": "03/04/2024"}, {"ho_ten": None}]}
    clock.advance(minutes=1)
    store.save_answer(draft.id, "nguoi_yeu_cau.ho_ten", NFD_NAME)
    store.save_answers(
        draft.id,
        {"nguoi_yeu_cau.so_dinh_danh_ca_nhan": "079123456789", "gia_dinh": nested, "so_con": 2, "co": True},
    )
    store.save_answer(draft.id, "ty_le", 0.5)
    store.set_section(draft.id, "cha_me")

    loaded = store.load(draft.id)
    assert loaded.answers == {
        "nguoi_yeu_cau.ho_ten": NFD_NAME,
        "nguoi_yeu_cau.so_dinh_danh_ca_nhan": "079123456789",
        "gia_dinh": nested,
        "so_con": 2,
        "co": True,
        "ty_le": 0.5,
    }
    # NFD comes back as NFD: normalising is the caller's job, storage must not change a value.
    assert loaded.answers["nguoi_yeu_cau.ho_ten"] != unicodedata.normalize("NFC", NFD_NAME)
    assert loaded.current_section == "cha_me"
    assert (loaded.form_id, loaded.form_version) == ("khai-sinh", "2025.1")
    assert loaded.created_at == datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    assert loaded.updated_at == datetime(2026, 1, 5, 8, 1, tzinfo=UTC)

    # Survives closing and reopening the store.
    store.close()
    with DraftStore(tmp_path / "drafts.sqlite3") as again:
        assert again.load(draft.id) == loaded
        again.delete(draft.id)
        with pytest.raises(DraftNotFoundError):
            again.load(draft.id)
        assert again.list_drafts() == []


def test_overwrite_is_an_upsert(store: DraftStore) -> None:
    draft = store.create("ct01", "1")
    store.save_answer(draft.id, "ho_ten", "A")
    store.save_answer(draft.id, "ho_ten", "B")
    assert store.load(draft.id).answers == {"ho_ten": "B"}


def test_list_most_recent_first_and_by_form(store: DraftStore, clock: FakeClock) -> None:
    a = store.create("khai-sinh", "1")
    clock.advance(minutes=1)
    b = store.create("ket-hon", "1")
    clock.advance(minutes=1)
    c = store.create("khai-sinh", "1")
    clock.advance(minutes=1)
    store.save_answer(a.id, "x", 1)  # a is now the most recent
    assert [s.id for s in store.list_drafts()] == [a.id, c.id, b.id]
    assert [s.id for s in store.list_drafts("khai-sinh")] == [a.id, c.id]
    assert store.list_drafts("khai-tu") == []
    summary = store.list_drafts()[0]
    assert summary.answer_count == 1 and summary.updated_at == clock.now


def test_list_label_never_shows_id_numbers(store: DraftStore) -> None:
    plain = store.create("khai-sinh", "1")
    store.save_answer(plain.id, "so_dinh_danh_ca_nhan", "079123456789")
    named = store.create("ket-hon", "1", label="Nguyễn Văn An 079123456789")
    labels = {s.id: s.label for s in store.list_drafts()}
    assert labels[plain.id].startswith("khai-sinh · ")
    assert "Nguyễn Văn An" in labels[named.id] and labels[named.id].startswith("ket-hon · ")
    assert all("079123456789" not in label for label in labels.values())
    store.set_label(plain.id, "Trần Thị Bình, SĐT 0912345678")
    label = next(s.label for s in store.list_drafts() if s.id == plain.id)
    assert "Trần Thị Bình" in label and "0912345678" not in label
    # The unmasked number is not stored as a label either.
    assert store.load(plain.id).label == "Trần Thị Bình, SĐT •••"


def test_delete_answer_removes_a_row_and_only_below_it(store: DraftStore) -> None:
    draft = store.create("khai-sinh", "1")
    store.save_answers(
        draft.id,
        {
            "thanh_vien.1.ho_ten": "A",
            "thanh_vien.2.ho_ten": "B",
            "thanh_vien.2.quan_he": "con",
            "thanh_vien.20.ho_ten": "T",  # shares the prefix "thanh_vien.2" but is another row
            "thanh_vien_2": "other",  # "_" must not act as a LIKE wildcard
        },
    )
    store.delete_answer(draft.id, "thanh_vien.2")
    assert store.load(draft.id).answers == {
        "thanh_vien.1.ho_ten": "A",
        "thanh_vien.20.ho_ten": "T",
        "thanh_vien_2": "other",
    }


def test_save_answers_with_remove_renumbers_in_one_step(store: DraftStore) -> None:
    draft = store.create("khai-sinh", "1")
    store.save_answers(draft.id, {"tv.1.ten": "A", "tv.2.ten": "B", "tv.3.ten": "C"})
    store.save_answers(draft.id, {"tv.2.ten": "C"}, remove=["tv.2", "tv.3"])  # remove row 2
    assert store.load(draft.id).answers == {"tv.1.ten": "A", "tv.2.ten": "C"}


def test_unknown_draft(store: DraftStore) -> None:
    with pytest.raises(DraftNotFoundError):
        store.load("0" * 32)
    with pytest.raises(DraftNotFoundError):
        store.save_answer("0" * 32, "x", 1)
    with pytest.raises(DraftNotFoundError):
        store.set_section("0" * 32, "x")
    store.delete("0" * 32)  # deleting what is not there is fine


def test_value_that_is_not_json_changes_nothing(store: DraftStore) -> None:
    draft = store.create("khai-sinh", "1")
    store.save_answer(draft.id, "a", 1)
    before = store.load(draft.id)
    for bad in ({1, 2}, float("nan"), object()):
        with pytest.raises(ValueError, match="'b'"):
            store.save_answers(draft.id, {"a": 2, "b": bad})
    assert store.load(draft.id) == before


def test_purge_older_than(store: DraftStore, clock: FakeClock) -> None:
    old = store.create("khai-sinh", "1")
    clock.advance(days=10)
    kept = store.create("khai-sinh", "1")
    clock.advance(days=25)
    store.save_answer(kept.id, "x", 1)
    clock.advance(days=6)
    # old: 41 days untouched; kept: 6 days.
    assert store.purge_older_than(30) == 1
    assert [s.id for s in store.list_drafts()] == [kept.id]
    with pytest.raises(DraftNotFoundError):
        store.load(old.id)
    assert store.purge_older_than(30) == 0


def test_naive_clock_is_refused(tmp_path: Path) -> None:
    with DraftStore(tmp_path / "d.sqlite3", clock=lambda: datetime(2026, 1, 1)) as store:
        with pytest.raises(ValueError, match="timezone-aware"):
            store.create("khai-sinh", "1")


def test_logs_carry_ids_never_values(store: DraftStore, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="formfill.storage")
    draft = store.create("khai-sinh", "1", label="Lê Thị Secretname")
    store.save_answer(draft.id, "ho_ten", "Lê Thị Secretname")
    store.save_answer(draft.id, "so_dinh_danh_ca_nhan", "079123456789")
    store.delete_answer(draft.id, "ho_ten")
    store.delete(draft.id)
    assert draft.id in caplog.text
    assert "Secretname" not in caplog.text and "079123456789" not in caplog.text


def test_closed_store_says_so(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "d.sqlite3")
    store.close()
    with pytest.raises(StorageError, match="closed"):
        store.list_drafts()
