"""The example rosters of examples/rosters/ against the real forms (khai-sinh, ct01)."""

from __future__ import annotations

import pytest
from conftest import ROOT

from formfill.batch import check_roster, run_batch

ROSTERS = ROOT / "examples" / "rosters"


def _form(form_id):
    from formfill.forms import get_form

    return get_form(form_id)


@pytest.mark.parametrize(
    ("form_id", "name", "rows", "invalid", "warns"),
    [
        ("khai-sinh", "khai-sinh.csv", 3, 0, False),
        ("khai-sinh", "khai-sinh-utf16.tsv", 3, 0, False),
        ("khai-sinh", "khai-sinh-tcvn3.csv", 3, 0, True),
        ("khai-sinh", "khai-sinh-loi.csv", 7, 5, False),
        ("ct01", "ct01.csv", 2, 0, False),
        ("ct01", "ct01.xlsx", 2, 0, False),
        ("ct01", "ct01.jsonl", 2, 0, False),
    ],
)
def test_example_rosters(form_id, name, rows, invalid, warns):
    result = check_roster(_form(form_id), ROSTERS / name)
    assert (result.rows, result.invalid, bool(result.warnings)) == (rows, invalid, warns), result.lines()


def test_bad_rows_each_have_one_problem_in_the_right_column():
    result = check_roster(_form("khai-sinh"), ROSTERS / "khai-sinh-loi.csv")
    assert [(e.row, e.field) for e in result.errors] == [
        (2, "nguoi_yeu_cau.so_dinh_danh_ca_nhan"),
        (3, "nguoi_duoc_khai_sinh.ngay_sinh"),
        (4, "me.ho_ten"),
        (5, "so_luong_ban_sao"),
        (6, "nguoi_duoc_khai_sinh.gioi_tinh"),
    ]


def test_same_rows_from_utf8_utf16_and_tcvn3():
    from formfill.batch import iter_rows

    spec = _form("khai-sinh")
    ref = [r.data for r in iter_rows(ROSTERS / "khai-sinh.csv", spec)]
    assert [r.data for r in iter_rows(ROSTERS / "khai-sinh-utf16.tsv", spec)] == ref
    tcvn3 = [r.data for r in iter_rows(ROSTERS / "khai-sinh-tcvn3.csv", spec)]
    assert tcvn3 == ref  # lower-case-only letters survive; the example has no TCVN3 capital-font text


def test_real_renderer_with_read_back(tmp_path):
    spec = _form("khai-sinh")
    res = run_batch(
        spec,
        ROSTERS / "khai-sinh.csv",
        tmp_path / "out",
        jobs=1,
        verify_sample=1.0,
        name="{nguoi_duoc_khai_sinh.ho_ten}-{row}",
    )
    assert (res.exit_code, res.stats.written, res.stats.verify_failed) == (0, 3, 0)
    assert (tmp_path / "out" / "Nguyen-Tran-Bao-Ngoc-1.pdf").exists()
