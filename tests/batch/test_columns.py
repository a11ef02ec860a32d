"""Headers: paths, labels (accent/case-insensitive, qualified where they repeat), mapping files,
repeating groups; unknown, duplicate, ambiguous and missing columns stop the run before any PDF."""

from __future__ import annotations

import json

import pytest
from conftest import GOOD, HEADER, row, run_cli, write_roster

from formfill.batch import RosterHeaderError, iter_rows, run_batch
from formfill.batch.rows import open_roster


def _first(path, spec, **kw):
    return next(iter(iter_rows(path, spec, **kw)))


def test_labels_are_matched_without_accents_or_case(tmp_path, spec):
    header = [h.upper() for h in HEADER]
    header[1] = "ho, chu dem, ten nguoi yeu cau"
    header[6] = "GIOI TINH (1)"
    r = _first(write_roster(tmp_path / "r.csv", [GOOD], header), spec)
    assert r.data["nguoi_yeu_cau"]["ho_ten"] == "Trần Thị Hường"
    assert r.data["tre"]["gioi_tinh"] == "Nữ"


@pytest.mark.parametrize(
    "header",
    [
        "Họ, chữ đệm, tên người mẹ",
        "me / Họ, chữ đệm, tên",
        "Người mẹ / Họ, chữ đệm, tên",
        "me.ho_ten",
        "ME / HO, CHU DEM, TEN",
    ],
)
def test_repeated_label_qualified_by_block_or_section(tmp_path, spec, header):
    h = list(HEADER)
    h[7] = header
    assert _first(write_roster(tmp_path / "r.csv", [GOOD], h), spec).data["me"]["ho_ten"] == "Trần Thị Hường"


def _header_error(tmp_path, spec, header, rows=(GOOD,)) -> str:
    with pytest.raises(RosterHeaderError) as err:
        open_roster(write_roster(tmp_path / "r.csv", list(rows), header), spec)
    return str(err.value)


def test_ambiguous_label_is_an_error_naming_the_choices(tmp_path, spec):
    h = list(HEADER)
    h[7] = "Họ, chữ đệm, tên"
    msg = _header_error(tmp_path, spec, h)
    assert "me.ho_ten" in msg and "cha.ho_ten" in msg and "tre.ho_ten" in msg


def test_unknown_duplicate_and_missing_columns_reported_together(tmp_path, spec):
    h = [*HEADER, "Ghi chú", "tre.ho_ten"]
    h.remove("Ngày làm tờ khai")
    msg = _header_error(tmp_path, spec, h, [[*GOOD[:13], "", ""]])
    assert "Ghi chú" in msg  # unknown
    assert "trùng" in msg and "tre.ho_ten" in msg  # duplicate
    assert "ngay_lam" in msg  # missing required


def test_empty_header_cell_is_an_error(tmp_path, spec):
    h = [*HEADER[:3], "", *HEADER[3:]]
    msg = _header_error(tmp_path, spec, h, [[*GOOD[:3], "x", *GOOD[3:]]])
    assert "cột D" in msg


def test_data_under_trailing_empty_header_is_a_long_row(tmp_path, spec):
    (r,) = iter_rows(write_roster(tmp_path / "r.csv", [[*GOOD, "x"]], [*HEADER, ""]), spec, validate=True)
    assert [e.type for e in r.errors] == ["batch_row_long"]


def test_header_errors_exit_2_before_any_pdf(tmp_path, spec):
    path = write_roster(tmp_path / "r.csv", [GOOD], [*HEADER, "Không có"])
    res = run_cli("batch", "batch-demo", str(path), "-o", str(tmp_path / "out"))
    assert res.returncode == 2, res.stderr
    assert "Không có" in res.stderr
    assert not list((tmp_path / "out").glob("*.pdf")) if (tmp_path / "out").exists() else True


def test_mapping_file_yaml_and_json(tmp_path, spec):
    h = list(HEADER)
    h[1], h[7] = "Người làm đơn", "Tên mẹ"
    path = write_roster(tmp_path / "r.csv", [GOOD], h)
    (tmp_path / "m.yaml").write_text(
        "Người làm đơn: nguoi_yeu_cau.ho_ten\nTên mẹ: me.ho_ten\n", encoding="utf-8"
    )
    (tmp_path / "m.json").write_text(
        json.dumps({"Người làm đơn": "nguoi_yeu_cau.ho_ten", "Tên mẹ": "me.ho_ten"}), encoding="utf-8"
    )
    from formfill.batch.columns import load_mapping

    for m in ("m.yaml", "m.json"):
        r = _first(path, spec, mapping=load_mapping(tmp_path / m))
        assert r.data["me"]["ho_ten"] == "Trần Thị Hường"
    with pytest.raises(RosterHeaderError):
        open_roster(path, spec, mapping={"Người làm đơn": "khong.co"})


def test_numbered_group_columns_and_json_cell(tmp_path, spec):
    h = [*HEADER, "Thành viên 2 / Họ, chữ đệm, tên", "thanh_vien.2.so_dinh_danh_ca_nhan"]
    r = _first(
        write_roster(tmp_path / "r.csv", [[*GOOD, "Lê Văn Tám", "087090001111"]], h), spec, validate=True
    )
    assert [m["ho_ten"] for m in r.data["thanh_vien"]] == ["Nguyễn Văn Đức", "Lê Văn Tám"]
    assert not r.errors
    h2 = [x for x in HEADER if not x.startswith("thanh_vien")] + ["thanh_vien"]
    cells = [c for i, c in enumerate(GOOD) if not HEADER[i].startswith("thanh_vien")]
    members = json.dumps(
        [{"ho_ten": "Lê Văn Tám", "so_dinh_danh_ca_nhan": "087090001111"}], ensure_ascii=False
    )
    r = _first(write_roster(tmp_path / "j.csv", [[*cells, members]], h2), spec, validate=True)
    assert r.data["thanh_vien"][0]["ho_ten"] == "Lê Văn Tám" and not r.errors
    bad = _first(write_roster(tmp_path / "k.csv", [[*cells, '[{"ho_ten": "A", "ho_ten": "B"}]']], h2), spec)
    assert bad.errors[0].type == "batch_json_cell" and bad.errors[0].column == "thanh_vien"


def test_member_errors_point_at_their_numbered_column(tmp_path, spec):
    h = [*HEADER, "thanh_vien.3.ho_ten", "thanh_vien.3.so_dinh_danh_ca_nhan"]
    # member 2 absent, member 3 given with a bad ID: the error says member 3, its column
    r = _first(write_roster(tmp_path / "r.csv", [[*GOOD, "Lê Văn Tám", "12345"]], h), spec, validate=True)
    (err,) = r.errors
    assert (
        err.field == "thanh_vien.3.so_dinh_danh_ca_nhan" and err.column == "thanh_vien.3.so_dinh_danh_ca_nhan"
    )
    assert err.row == 1


def test_optional_block_absent_when_all_its_columns_are_empty(tmp_path, spec):
    r = _first(write_roster(tmp_path / "r.csv", [row(mother="", mother_id="")]), spec, validate=True)
    assert "me" not in r.data and not r.errors
    r = _first(write_roster(tmp_path / "r.csv", [row(mother="")]), spec, validate=True)
    assert [(e.column, e.type) for e in r.errors] == [("Họ, chữ đệm, tên người mẹ", "missing")]


def test_run_batch_refuses_bad_header_without_touching_outdir(tmp_path, spec):
    path = write_roster(tmp_path / "r.csv", [GOOD], [*HEADER, "xyz"])
    with pytest.raises(RosterHeaderError):
        run_batch(spec, path, tmp_path / "out", renderer="stub_render:render_pdf", jobs=1)
    assert not (tmp_path / "out").exists()


def test_a_header_past_column_xfd_is_refused(tmp_path, spec):
    header = [*HEADER, *(f"extra {i}" for i in range(16_384))]
    with pytest.raises(RosterHeaderError) as err:
        open_roster(write_roster(tmp_path / "wide.csv", [GOOD], header), spec)
    assert err.value.problems == [
        "tiêu đề có 16,398 cột, quá giới hạn 16,384 cột (cột XFD) của Excel",
    ]


def test_header_problems_are_listed_up_to_fifty_then_counted(tmp_path, spec):
    header = [*HEADER, *[""] * 200, "lạc chỗ"]  # 200 blank header cells, then one unknown
    with pytest.raises(RosterHeaderError) as err:
        open_roster(write_roster(tmp_path / "gaps.csv", [GOOD], header), spec)
    problems = err.value.problems
    assert len(problems) == 51 and problems[0] == "cột O không có tên (tiêu đề trống)"
    assert problems[-1] == "… và 151 vấn đề khác"


def test_a_mapping_file_that_is_a_fifo_is_refused(tmp_path, spec):
    import os

    from formfill.base.errors import InputError
    from formfill.batch.columns import load_mapping

    os.mkfifo(tmp_path / "map.yaml")
    with pytest.raises(InputError, match="không phải tệp thường"):
        load_mapping(tmp_path / "map.yaml")
