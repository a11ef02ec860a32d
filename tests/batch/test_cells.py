"""Cell hazards: Excel numbers in ID columns, Excel dates (1900/1904, 29/02/1900), formulas without a
value, yes/no words, huge cells, short and long rows, strict JSONL, hostile XLSX files."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import openpyxl
import pytest
from conftest import GOOD, HEADER, row, write_roster

from formfill.base.errors import InputError
from formfill.batch import iter_rows
from formfill.batch.rows import open_roster


def _rows(path, spec):
    return list(iter_rows(path, spec, validate=True))


@pytest.mark.parametrize("value", ["8.71950E+10", "8,7195E+10", "87195012345.0", "7.9E+10"])
def test_csv_number_in_id_column_is_refused_with_row_and_column(tmp_path, spec, value):
    (r,) = _rows(write_roster(tmp_path / "r.csv", [row(id=value)]), spec)
    (err,) = r.errors
    assert (err.row, err.column, err.type) == (1, "nguoi_yeu_cau.so_dinh_danh_ca_nhan", "batch_numeric_id")
    assert r.declaration is None


def test_phone_number_in_scientific_form_is_refused(tmp_path, spec):
    (r,) = _rows(write_roster(tmp_path / "r.csv", [row(phone="9.12346E+08")]), spec)
    assert [(e.column, e.type) for e in r.errors] == [("Số điện thoại", "batch_numeric_id")]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Có", True),
        ("có", True),
        ("x", True),
        ("X", True),
        ("1", True),
        ("true", True),
        ("Không", False),
        ("0", False),
        ("false", False),
    ],
)
def test_yes_no_words(tmp_path, spec, word, expected):
    count = "2" if expected else ""
    (r,) = _rows(write_roster(tmp_path / "r.csv", [row(copies=word, count=count)]), spec)
    assert not r.errors and r.declaration.de_nghi_cap_ban_sao is expected


def test_impossible_text_date_and_day_first(tmp_path, spec):
    rows = _rows(write_roster(tmp_path / "r.csv", [row(dob="03/04/2024"), row(dob="31/02/2024")]), spec)
    assert rows[0].declaration.tre.ngay_sinh == dt.date(2024, 4, 3)
    assert rows[1].errors and rows[1].errors[0].column == "tre.ngay_sinh"


def test_short_and_long_rows_are_errors_with_row_numbers(tmp_path, spec):
    rows = _rows(write_roster(tmp_path / "r.csv", [GOOD, GOOD[:5], GOOD, [*GOOD, "thừa"], [*GOOD, ""]]), spec)
    assert [(r.number, [e.type for e in r.errors]) for r in rows] == [
        (1, []),
        (2, ["batch_row_short"]),
        (3, []),
        (4, ["batch_row_long"]),
        (5, []),
    ]


def test_blank_rows_are_skipped_but_keep_the_numbering(tmp_path, spec):
    rows = _rows(write_roster(tmp_path / "r.csv", [GOOD, [""] * len(GOOD), GOOD]), spec)
    assert [r.number for r in rows] == [1, 3]


def test_a_200_kb_cell_is_a_clean_error(tmp_path, spec):
    rows = _rows(write_roster(tmp_path / "r.csv", [row(kinh_gui="Đ" * 200_000), GOOD]), spec)
    assert [e.type for e in rows[0].errors] == ["batch_cell_too_long"]
    assert rows[0].errors[0].column == "Kính gửi" and not rows[1].errors


def test_a_huge_line_is_refused(tmp_path, spec, monkeypatch):
    from formfill.batch import readers

    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 1 << 16)
    path = write_roster(tmp_path / "r.csv", [row(kinh_gui="a" * 100_000)])
    with pytest.raises(InputError):
        list(iter_rows(path, spec))


# --- XLSX ----------------------------------------------------------------------------------------
def _xlsx(path, rows, header=HEADER, epoch1904=False, tweak=None):
    wb = openpyxl.Workbook()
    if epoch1904:
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.append(list(header))
    for r in rows:
        ws.append(list(r))
    if tweak:
        tweak(ws)
    wb.save(path)
    return path


@pytest.mark.parametrize("epoch1904", [False, True])
def test_xlsx_dates_use_the_workbook_epoch(tmp_path, spec, epoch1904):
    r = row()
    r[5] = dt.date(2024, 10, 2)
    (got,) = _rows(_xlsx(tmp_path / "d.xlsx", [r], epoch1904=epoch1904), spec)
    assert got.data["tre"]["ngay_sinh"] == "02/10/2024" and not got.errors
    assert open_roster(tmp_path / "d.xlsx", spec).encoding == ("XLSX (1904)" if epoch1904 else "XLSX")


def test_xlsx_phantom_1900_02_29_is_refused(tmp_path, spec):
    def tweak(ws):
        ws["F2"] = 60
        ws["F2"].number_format = "dd/mm/yyyy"
        ws["F3"] = 61
        ws["F3"].number_format = "dd/mm/yyyy"

    got = _rows(_xlsx(tmp_path / "p.xlsx", [row(), row()], tweak=tweak), spec)
    assert got[0].errors[0].type == "batch_excel_date"
    assert got[1].data["tre"]["ngay_sinh"] == "01/03/1900"


def test_xlsx_number_in_id_column_is_refused(tmp_path, spec):
    r = row()
    r[2] = 87195012345  # Excel dropped the leading zero
    (got,) = _rows(_xlsx(tmp_path / "n.xlsx", [r]), spec)
    (err,) = got.errors
    assert (err.row, err.column, err.type, err.value) == (
        1,
        "nguoi_yeu_cau.so_dinh_danh_ca_nhan",
        "batch_numeric_id",
        "87195012345",
    )


def test_xlsx_formula_without_cached_value_is_an_error(tmp_path, spec):
    def tweak(ws):
        ws["A2"] = '=CONCATENATE("UBND ", "Sa Đéc")'  # openpyxl stores no cached value

    (got,) = _rows(_xlsx(tmp_path / "f.xlsx", [row()], tweak=tweak), spec)
    assert [(e.column, e.type) for e in got.errors] == [("Kính gửi", "batch_formula_no_value")]


def test_xlsx_numbers_in_text_and_int_columns(tmp_path, spec):
    r = row()
    r[12] = 2
    r[11] = True
    (got,) = _rows(_xlsx(tmp_path / "i.xlsx", [r]), spec)
    assert not got.errors and got.declaration.so_luong_ban_sao == 2


def _rezip(src, dst, edit):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, edit(info.filename, zin.read(info.filename)))
    return dst


def test_xlsx_with_xml_entities_is_refused(tmp_path, spec):
    src = _xlsx(tmp_path / "ok.xlsx", [GOOD])
    bomb = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'

    def edit(name, data):
        return bomb + data if name == "xl/worksheets/sheet1.xml" else data

    path = _rezip(src, tmp_path / "ent.xlsx", edit)
    with pytest.raises(InputError) as err:
        list(iter_rows(path, spec))
    assert "DOCTYPE" in str(err.value)


def test_xlsx_zip_bomb_is_refused(tmp_path, spec):
    src = _xlsx(tmp_path / "ok.xlsx", [GOOD])

    def edit(name, data):
        return data + b" " * (30 << 20) if name == "xl/worksheets/sheet1.xml" else data

    path = _rezip(src, tmp_path / "bomb.xlsx", edit)
    with pytest.raises(InputError) as err:
        open_roster(path, spec)
    assert "bom" in str(err.value).lower()


def test_xlsx_far_away_cell_does_not_pad_rows(tmp_path, spec):
    def tweak(ws):
        ws["XFD3"] = "lạc chỗ"

    got = _rows(_xlsx(tmp_path / "far.xlsx", [GOOD, GOOD], tweak=tweak), spec)
    assert [e.type for e in got[1].errors] == ["batch_row_long"] and not got[0].errors


def test_not_an_xlsx(tmp_path, spec):
    (tmp_path / "x.xlsx").write_bytes(b"\xd0\xcf\x11\xe0 old xls")
    with pytest.raises(InputError):
        open_roster(tmp_path / "x.xlsx", spec)


# --- JSONL ---------------------------------------------------------------------------------------
def _jsonl(tmp_path, lines):
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _obj(**kw):
    base = {
        "kinh_gui": "UBND phường Sa Đéc",
        "nguoi_yeu_cau": {"ho_ten": "Trần Thị Hường", "so_dinh_danh_ca_nhan": "087195012345"},
        "tre": {"ho_ten": "Nguyễn Bảo Ngọc", "ngay_sinh": "02/10/2024", "gioi_tinh": "Nữ"},
        "ngay_lam": "20/11/2024",
    }
    base.update(kw)
    return json.dumps(base, ensure_ascii=False)


def test_jsonl_strict(tmp_path, spec):
    path = _jsonl(
        tmp_path,
        [
            _obj(),
            '{"kinh_gui": "a", "kinh_gui": "b"}',
            _obj(so_luong_ban_sao=float("nan")).replace("NaN", "NaN"),
            "",
            "[1, 2]",
            _obj(nguoi_yeu_cau={"ho_ten": "Trần Thị Hường", "so_dinh_danh_ca_nhan": 87195012345}),
            _obj(de_nghi_cap_ban_sao="Có", so_luong_ban_sao=1),
        ],
    )
    rows = {r.number: r for r in _rows(path, spec)}
    assert not rows[1].errors
    assert rows[2].errors[0].type == "batch_json_line" and "trùng" in rows[2].errors[0].message
    assert rows[3].errors[0].type == "batch_json_line"
    assert 4 not in rows
    assert rows[5].errors[0].type == "batch_json_line"
    assert [(e.field, e.type) for e in rows[6].errors] == [
        ("nguoi_yeu_cau.so_dinh_danh_ca_nhan", "batch_numeric_id")
    ]
    assert not rows[7].errors and rows[7].declaration.de_nghi_cap_ban_sao is True


def test_unsupported_suffix(tmp_path, spec):
    (tmp_path / "r.ods").write_bytes(b"x")
    with pytest.raises(InputError):
        open_roster(tmp_path / "r.ods", spec)


def test_empty_file(tmp_path, spec):
    (tmp_path / "r.csv").write_bytes(b"")
    with pytest.raises(InputError):
        open_roster(tmp_path / "r.csv", spec)
