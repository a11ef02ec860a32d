"""Hostile rosters and JSON files: the real ``formfill`` command on files built by each test.

Zip bombs and absurd cell references in .xlsx, ID numbers leaking into messages, JSON nested
100,000 deep, odd XLSX row numbers and shared-string indexes, FIFOs and devices given as input, CR-only
line endings, rosters with no data row, one size limit for one JSON line. Every failure must be a
clean exit 2 (unreadable) or 1 (row errors naming row and column), never a traceback or a hang.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from tests.fuzz.xlsx_build import package, shared, sheet, text_row, write_xlsx
from tests.hostile.conftest import ROOT, assert_clean_failure

PACK = ROOT / "tests" / "batch" / "pack"
PACK_ENV = {"FORMFILL_PACKS": str(PACK)}
FORM = "batch-demo"

HEADER = [
    "Kính gửi",
    "Họ, chữ đệm, tên người yêu cầu",
    "nguoi_yeu_cau.so_dinh_danh_ca_nhan",
    "Số điện thoại",
    "tre / Họ, chữ đệm, tên",
    "tre.ngay_sinh",
    "Giới tính",
    "Ngày làm tờ khai",
    "thanh_vien",
]
GOOD = [
    "Ủy ban nhân dân phường Sa Đéc",
    "Trần Thị Hường",
    "087195012345",
    "0912345678",
    "Nguyễn Bảo Ngọc",
    "02/10/2024",
    "Nữ",
    "20/11/2024",
    "",
]
ID, PHONE, JSON_CELL = 2, 3, 8
DEEP = 100_000
DEEP_CELL = 4_000  # within the 10,000 characters of a cell


def _csv(path: Path, rows: list[list[str]], header: list[str] = HEADER, newline: str = "\r\n") -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=newline, quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8"))
    return path


def _obj(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kinh_gui": "UBND phường Sa Đéc",
        "nguoi_yeu_cau": {"ho_ten": "Trần Thị Hường", "so_dinh_danh_ca_nhan": "087195012345"},
        "tre": {"ho_ten": "Nguyễn Bảo Ngọc", "ngay_sinh": "02/10/2024", "gioi_tinh": "Nữ"},
        "ngay_lam": "20/11/2024",
    }
    data.update(changes)
    return data


def _with(**cells: str) -> list[str]:
    row = list(GOOD)
    for index, value in cells.items():
        row[int(index.lstrip("c"))] = value
    return row


# A small launcher between pytest and formfill: on Linux a child's peak RSS starts at its parent's
# size when forked, so formfill is forked from this small process, never from pytest itself.
_LAUNCHER = """
import os, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
pid = os.fork()
if pid == 0:
    os.execv(sys.executable, [sys.executable, "-m", "formfill", *sys.argv[1:]])
_, status, usage = os.wait4(pid, 0)
sys.stderr.write(f"\\nPEAK_RSS_KB={usage.ru_maxrss}\\n")
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


def _measured(cwd: Path, *args: str, timeout: float = 120) -> tuple[subprocess.CompletedProcess[str], int]:
    """Run formfill under a 2 GB address-space limit; (finished process, its own peak RSS in kB)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORMFILL_")}
    env.update(FORMFILL_LANG="vi", PYTHONPATH=str(ROOT), **PACK_ENV)
    proc = subprocess.Popen(
        [sys.executable, "-c", _LAUNCHER, *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    err, _, peak = err.rpartition("\nPEAK_RSS_KB=")
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), int(peak)


def _baseline_rss(tmp_path: Path) -> int:
    """Peak RSS of validating a one-row workbook: what any run costs."""
    path = write_xlsx(tmp_path / "ok.xlsx", package(sheet(text_row(1, HEADER) + text_row(2, GOOD))))
    proc, rss = _measured(tmp_path, "validate", FORM, str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return rss


# --- item 3: XLSX memory bombs -------------------------------------------------------------------
def test_an_absurd_cell_reference_is_refused_in_flat_memory(tmp_path):
    rows = '<row r="1"><c r="ZZZZZZZZZZZZ1" t="inlineStr"><is><t>Kính gửi</t></is></c></row>'
    path = write_xlsx(tmp_path / "ref.xlsx", package(sheet(rows)))
    assert path.stat().st_size < 1500
    proc, rss = _measured(tmp_path, "validate", FORM, str(path))
    out = assert_clean_failure(proc, 2)
    assert "XFD" in out
    assert rss < _baseline_rss(tmp_path) + 20_000, rss


def test_cells_without_a_reference_cannot_run_past_column_xfd(tmp_path):
    cells = '<c t="inlineStr"><is><t>x</t></is></c>' * 16_385
    path = write_xlsx(tmp_path / "wide.xlsx", package(sheet(f'<row r="1">{cells}</row>')))
    out = assert_clean_failure(_measured(tmp_path, "validate", FORM, str(path))[0], 2)
    assert "XFD" in out


def _shared_strings_bomb(path: Path) -> Path:
    """A workbook whose sharedStrings part inflates to 100 MB at a ratio under 200 (the old check)."""
    unit = b"a" * 800
    parts: list[bytes] = [b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">']
    size, i = 0, 0
    while size < 100 << 20:
        item = b"<si><t>" + unit + f"{i:08x}".encode() + b"</t></si>"
        parts.append(item)
        size += len(item)
        i += 1
    parts.append(b"</sst>")
    xml = b"".join(parts)
    assert len(xml) / len(zlib.compress(xml, 6)) < 200
    header = text_row(1, HEADER)
    return write_xlsx(path, package(sheet(header), xml))


def test_a_shared_strings_bomb_is_refused_before_it_is_inflated(tmp_path):
    path = _shared_strings_bomb(tmp_path / "sst.xlsx")
    assert path.stat().st_size < 2 << 20
    proc, rss = _measured(tmp_path, "validate", FORM, str(path))
    out = assert_clean_failure(proc, 2)
    assert "sharedStrings" in out
    assert rss < _baseline_rss(tmp_path) + 20_000, rss


def test_a_large_real_shared_strings_table_is_held_compactly(tmp_path):
    """30 MB of distinct names (~800,000: a 60,000-row roster) cost about their UTF-8 size, not
    ~50 bytes more a string as Python strings would (+130 MB before)."""
    names = (f"<si><t>Nguyễn Văn {i:07d}</t></si>".encode() for i in range(800_000))
    xml = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + b"".join(names)
        + b"</sst>"
    )
    rows = text_row(1, HEADER) + text_row(2, GOOD)
    path = write_xlsx(tmp_path / "big.xlsx", package(sheet(rows), xml))
    proc, rss = _measured(tmp_path, "validate", FORM, str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert rss < _baseline_rss(tmp_path) + 60_000, rss


# --- item 4: no full ID or phone number outside the row's PDF -------------------------------------
def _xlsx_numbers(path: Path) -> Path:
    def number(ref: str, value: int) -> str:
        return f'<c r="{ref}"><v>{value}</v></c>'

    cells = [text_row(1, HEADER)]
    row = text_row(2, [*GOOD[:ID], "", "", *GOOD[PHONE + 1 :]])
    row = row.replace("</row>", number("C2", 87195012345) + number("D2", 912345678) + "</row>")
    cells.append(row)
    return write_xlsx(path, package(sheet("".join(cells))))


def _leaks(text: str) -> list[str]:
    return [n for n in ("87195012345", "912345678", "08719501234") if n in text]


@pytest.mark.parametrize("kind", ["xlsx", "csv", "jsonl", "json-key"])
def test_no_full_id_or_phone_number_in_messages_or_reports(tmp_path, run_formfill, kind):
    if kind == "xlsx":
        path = _xlsx_numbers(tmp_path / "r.xlsx")
    elif kind == "csv":
        path = _csv(tmp_path / "r.csv", [_with(c2="87195012345.0", c3="912345678.0")])
    elif kind == "jsonl":
        obj = _obj(nguoi_yeu_cau={"ho_ten": "Trần Thị Hường", "so_dinh_danh_ca_nhan": 87195012345})
        path = tmp_path / "r.jsonl"
        path.write_text(json.dumps(obj, ensure_ascii=False) + "\n", encoding="utf-8")
    else:  # a duplicate key quoted back by the JSON parser, in a JSON cell and in a JSONL line
        path = _csv(tmp_path / "r.csv", [_with(c8='[{"087195012345": 1, "087195012345": 2}]')])
        (tmp_path / "r2.jsonl").write_text('{"087195012345": 1, "087195012345": 2}\n', encoding="utf-8")
    seen = []
    for args in (
        ("validate", FORM, str(path)),
        ("validate", FORM, str(path), "--json"),
        ("batch", FORM, str(path), "-o", str(tmp_path / "out"), "--dry-run"),
    ):
        proc = run_formfill(*args, env=PACK_ENV)
        assert proc.returncode == 1, proc.stdout + proc.stderr
        seen.append(proc.stdout + proc.stderr)
    if kind == "json-key":
        proc = run_formfill(
            "batch", FORM, str(tmp_path / "r2.jsonl"), "-o", str(tmp_path / "o2"), "--dry-run", env=PACK_ENV
        )
        assert proc.returncode == 1
        seen.append(proc.stdout + proc.stderr)
        seen += [p.read_text(encoding="utf-8-sig") for p in (tmp_path / "o2").glob("report*")]
    seen += [p.read_text(encoding="utf-8-sig") for p in (tmp_path / "out").glob("report*")]
    assert not [_leaks(s) for s in seen if _leaks(s)], seen
    assert any("0871" in s or "8719" in s for s in seen)  # masked, not dropped


# --- item 5: JSON nested 100,000 deep --------------------------------------------------------------
def _deep(depth: int = DEEP) -> str:
    return "[" * depth + "]" * depth


def test_deep_json_file_is_refused_by_validate_and_fill(tmp_path, run_formfill):
    path = tmp_path / "d.json"
    path.write_text('{"kinh_gui": ' + _deep() + "}", encoding="utf-8")
    for args in (("validate", "khai-sinh", str(path)), ("fill", "khai-sinh", str(path), "-o", "x.pdf")):
        out = assert_clean_failure(run_formfill(*args), 2)
        assert "sâu" in out
    assert not (tmp_path / "x.pdf").exists()


def test_deep_json_line_is_refused_by_validate_and_batch(tmp_path, run_formfill):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(_obj()) + "\n" + '{"kinh_gui": ' + _deep() + "}\n", encoding="utf-8")
    for args in (("validate", FORM, str(path)), ("batch", FORM, str(path), "-o", "out", "--dry-run")):
        out = assert_clean_failure(run_formfill(*args, env=PACK_ENV), 2)
        assert "sâu" in out


def test_deep_json_cell_is_an_error_of_its_row_and_column(tmp_path, run_formfill):
    path = _csv(tmp_path / "r.csv", [GOOD, _with(c8=_deep(DEEP_CELL))])
    out = assert_clean_failure(run_formfill("validate", FORM, str(path), env=PACK_ENV), 1)
    assert "dòng 2, cột thanh_vien" in out and "sâu" in out


# --- item 9: XLSX row numbers, shared-string indexes, booleans -----------------------------------
def test_a_row_number_that_is_not_ascii_digits_is_refused(tmp_path, run_formfill):
    rows = text_row(1, HEADER) + text_row(2, GOOD).replace('<row r="2">', '<row r="²">')
    path = write_xlsx(tmp_path / "r.xlsx", package(sheet(rows)))
    out = assert_clean_failure(run_formfill("validate", FORM, str(path), env=PACK_ENV), 2)
    assert "²" in out and "dòng" in out


def test_a_negative_shared_string_index_is_a_cell_error(tmp_path, run_formfill):
    rows = text_row(1, HEADER) + text_row(2, GOOD).replace(
        '<c r="A2" t="inlineStr"><is><t>Ủy ban nhân dân phường Sa Đéc</t></is></c>',
        '<c r="A2" t="s"><v>-1</v></c>',
    )
    path = write_xlsx(tmp_path / "r.xlsx", package(sheet(rows), shared(["Trần Thị Hường"])))
    out = assert_clean_failure(run_formfill("validate", FORM, str(path), env=PACK_ENV), 1)
    assert "dòng 1, cột Kính gửi" in out and "Trần Thị Hường" not in out


def test_a_boolean_cell_in_a_text_column_is_a_cell_error(tmp_path, run_formfill):
    rows = text_row(1, HEADER) + text_row(2, GOOD).replace(
        '<c r="A2" t="inlineStr"><is><t>Ủy ban nhân dân phường Sa Đéc</t></is></c>',
        '<c r="A2" t="b"><v>1</v></c>',
    )
    path = write_xlsx(tmp_path / "r.xlsx", package(sheet(rows)))
    out = assert_clean_failure(run_formfill("validate", FORM, str(path), env=PACK_ENV), 1)
    assert "dòng 1, cột Kính gửi" in out


# --- item 13: FIFOs and devices ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ("validate", FORM, "in.csv"),
        ("validate", FORM, "in.xlsx"),
        ("validate", FORM, "in.jsonl"),
        ("batch", FORM, "in.jsonl", "-o", "out", "--dry-run"),
        ("batch", FORM, "in.csv", "-o", "out", "--dry-run"),
        ("validate", "khai-sinh", "in.json"),
        ("fill", "khai-sinh", "in.json", "-o", "x.pdf"),
    ],
)
@pytest.mark.parametrize("node", ["fifo", "zero"])
def test_a_fifo_or_device_is_refused_without_hanging(tmp_path, run_formfill, args, node):
    name = next(a for a in args if a.startswith("in."))
    if node == "fifo":
        os.mkfifo(tmp_path / name)
    else:
        (tmp_path / name).symlink_to("/dev/zero")
    out = assert_clean_failure(run_formfill(*args, env=PACK_ENV, timeout=60), 2)
    assert "không phải tệp thường" in out


# --- item 14: CR-only line endings ---------------------------------------------------------------------
def test_cr_only_line_endings_are_read(tmp_path, run_formfill):
    rows = [GOOD, _with(c0="UBND phường\nSa Đéc"), _with(c1="X")]  # a line break inside quotes stays data
    path = _csv(tmp_path / "mac.csv", rows, newline="\r")
    assert b"\r\n" not in path.read_bytes()
    proc = run_formfill("validate", FORM, str(path), "--json", env=PACK_ENV)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    doc = json.loads(proc.stdout)
    assert (doc["rows"], doc["valid"], doc["invalid"]) == (3, 2, 1)
    assert [(e["row"], e["column"]) for e in doc["errors"]] == [(3, "Họ, chữ đệm, tên người yêu cầu")]


# --- item 18: no data row; one limit for one JSON line -------------------------------------------------
@pytest.mark.parametrize("kind", ["header-only.csv", "blank-rows.csv", "empty.jsonl", "blank-lines.jsonl"])
@pytest.mark.parametrize("command", ["validate", "batch"])
def test_a_roster_with_no_data_row_is_an_error(tmp_path, run_formfill, kind, command):
    path = tmp_path / kind
    if kind == "header-only.csv":
        _csv(path, [])
    elif kind == "blank-rows.csv":
        _csv(path, [[""] * len(HEADER)] * 3)
    elif kind == "empty.jsonl":
        path.write_bytes(b"")
    else:
        path.write_bytes(b"\n  \n\n")
    args = [command, FORM, str(path)] + (["-o", "out", "--dry-run"] if command == "batch" else [])
    out = assert_clean_failure(run_formfill(*args, env=PACK_ENV), 2)
    assert "không có dòng dữ liệu nào" in out
    assert not (tmp_path / "out").exists()


def test_one_limit_and_one_message_for_a_huge_json_line(tmp_path, run_formfill):
    path = tmp_path / "big.jsonl"
    path.write_bytes(b'{"kinh_gui": "' + b"a" * (9 << 20) + b'"}\n')
    messages = []
    for args in (("validate", FORM, str(path)), ("batch", FORM, str(path), "-o", "out", "--dry-run")):
        out = assert_clean_failure(run_formfill(*args, env=PACK_ENV), 2)
        messages.append([line for line in out.splitlines() if "MB" in line])
    assert messages[0] == messages[1] and len(messages[0]) == 1, messages
    whole = tmp_path / "big.json"
    whole.write_bytes(path.read_bytes())
    out = assert_clean_failure(run_formfill("validate", "khai-sinh", str(whole)), 2)
    assert "8 MB" in out
