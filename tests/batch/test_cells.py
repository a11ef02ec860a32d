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
    from formfill.base import json_input

    monkeypatch.setattr(json_input, "MAX_RECORD_BYTES", 1 << 16)
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


# --- one cell, by kind of cell and kind of column -----------------------------------------------------
def _convert(value, cell, kind, date1904=False):
    from formfill.batch.cells import convert_cell

    errors = []
    got = convert_cell(value, cell, kind, date1904, lambda t, shown, **ctx: errors.append((t, shown, ctx)))
    return got, errors


@pytest.mark.parametrize(
    ("cell", "kind", "expected", "error"),
    [
        (("formula", None), "text", None, "batch_formula_no_value"),
        (("error", "#N/A"), "text", None, "batch_excel_error"),
        (("bool", True), "bool", True, None),
        (("bool", False), "bool", False, None),
        (("bool", True), "text", None, "string_type"),  # not "Có" as a place of birth
        (("bool", True), "digits", None, "string_type"),
        (("bool", True), "int", None, "int_type"),
        (("bool", True), "date", None, "date_type"),
        (("bool", False), "json", None, "list_type"),
        (("number", 87195012345.0), "digits", None, "batch_numeric_id"),
        (("number", 2.0), "int", 2, None),
        (("number", 2.5), "int", "2.5", None),
        (("number", 12.0), "text", "12", None),
        (("number", 45000.0), "date", "15/03/2023", None),
        (("date", 45000.0), "text", "15/03/2023", None),
        (("number", 1990.0), "partial_date", "1990", None),
        (("number", 45000.0), "partial_date", "15/03/2023", None),
        (("date", 60.0), "date", None, "batch_excel_date"),
        (("number", 1e300), "date", None, "batch_excel_date"),
    ],
)
def test_convert_cell_by_cell_kind(cell, kind, expected, error):
    from formfill.batch.xlsx import XCell

    got, errors = _convert(cell[1], XCell(*cell), kind)
    assert got == expected and type(got) is type(expected)
    assert [e[0] for e in errors] == ([error] if error else [])


@pytest.mark.parametrize(
    ("text", "kind", "expected", "error"),
    [
        ("  Sa Đéc  ", "text", "Sa Đéc", None),
        ("   ", "text", None, None),
        ("8.7195E+10", "digits", None, "batch_numeric_id"),
        ("087195012345", "digits", "087195012345", None),
        ("Có", "bool", True, None),
        ("không", "bool", False, None),
        ("có lẽ", "bool", "có lẽ", None),
        ('[{"ho_ten": "Lê A"}]', "json", [{"ho_ten": "Lê A"}], None),
        ("[1]", "json", None, "batch_json_cell"),
        ("[" * 100 + "]" * 100, "json", None, "batch_json_cell"),
        ("x" * 10_001, "text", None, "batch_cell_too_long"),
    ],
)
def test_convert_cell_from_text(text, kind, expected, error):
    got, errors = _convert(text, None, kind)
    assert got == expected
    assert [e[0] for e in errors] == ([error] if error else [])


def test_numeric_id_message_shows_the_number_masked():
    from formfill.batch.xlsx import XCell

    _, [(_, shown, ctx)] = _convert(87195012345.0, XCell("number", 87195012345.0), "digits")
    assert shown == "87195012345"  # the report masks the value column itself
    assert ctx == {"value": "8719*****45"}
    _, [(_, _, ctx)] = _convert("87195012345.0", None, "digits")
    assert ctx == {"value": "8719*******.0"}


def test_long_digit_runs_are_masked_in_messages():
    from formfill.batch.cells import scrubbed

    assert scrubbed("khóa trùng lặp: '087195012345', dòng 12, 02/10/2024") == (
        "khóa trùng lặp: '0871******45', dòng 12, 02/10/2024"
    )
    assert scrubbed("Số 912345678 đã…") == "Số 9123***78 đã…"
    assert scrubbed("tối đa 10000 ký tự") == "tối đa 10000 ký tự"


# --- the .xlsx reader on hand-made sheets -------------------------------------------------------------
def _sheet_rows(tmp_path, rows_xml, strings=None):
    from formfill.batch.xlsx import XlsxReader
    from tests.fuzz.xlsx_build import package, shared, sheet, write_xlsx

    path = write_xlsx(tmp_path / "s.xlsx", package(sheet(rows_xml), shared(strings) if strings else None))
    book = XlsxReader(str(path))
    try:
        return list(book.rows())
    finally:
        book.close()


@pytest.mark.parametrize("index", ["-1", "2", "²", "1.0", "99999999999999999999"])
def test_a_shared_string_index_out_of_the_table_is_an_error_cell(tmp_path, index):
    [(_, cells)] = _sheet_rows(tmp_path, f'<row r="1"><c r="A1" t="s"><v>{index}</v></c></row>', ["a", "b"])
    assert cells[0].kind == "error" and "#REF" in cells[0].value


def test_shared_strings_are_read_by_index(tmp_path):
    rows = '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v> 0 </v></c></row>'
    [(_, cells)] = _sheet_rows(tmp_path, rows, ["Sa Đéc", "Đồng Tháp"])
    assert (cells[0].value, cells[1].value) == ("Đồng Tháp", "Sa Đéc")


@pytest.mark.parametrize("value", ["NaN", "inf", "-Infinity"])
def test_a_number_cell_that_is_not_finite_is_text(tmp_path, value):
    [(_, cells)] = _sheet_rows(tmp_path, f'<row r="1"><c r="A1"><v>{value}</v></c></row>')
    assert (cells[0].kind, cells[0].value) == ("text", value)


@pytest.mark.parametrize(
    "rows",
    [
        '<row r="2"/><row r="2"/>',  # not increasing
        '<row r="3"/><row r="1"/>',
        '<row r="0"/>',
        '<row r="1048577"/>',
        '<row r="١"/>',  # a digit, but not an ASCII one
        '<row r="1"><c r="XFE1"><v>1</v></c></row>',
        '<row r="1"><c r="A²"><v>1</v></c></row>',
        '<row r="1">' + "<c><v>1</v></c>" * 16_385 + "</row>",
    ],
)
def test_impossible_row_numbers_and_cell_references_are_refused(tmp_path, rows):
    from formfill.batch.xlsx import XlsxError

    with pytest.raises(XlsxError, match="tệp hỏng"):
        _sheet_rows(tmp_path, rows)


def test_rows_and_cells_without_references_follow_the_previous_ones(tmp_path):
    rows = '<row r="3"><c r="C3"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>'
    got = _sheet_rows(tmp_path, rows)
    assert [(n, sorted(c)) for n, c in got] == [(3, [2, 3]), (4, [0])]
