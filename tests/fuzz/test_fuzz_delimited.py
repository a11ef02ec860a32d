"""Fuzz target: CSV/TSV rosters, as bytes in every encoding the reader detects (UTF-8 with and without
BOM, UTF-16 with and without BOM, Windows-1258, TCVN3, VNI, TCVN3 misread as Windows-1252), with any
line endings, quotes, delimiters, NULs and BOMs, and as raw bytes after a valid header.

Property: opening and reading every row ends normally or with a ``FormfillError``. Settings and the
``FUZZ_EXAMPLES`` / ``FUZZ_SEED`` variables for longer runs by hand: :mod:`tests.fuzz.support`.
"""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.support import ENCODERS, LEGACY, fuzz_settings, read_roster

HEADERS = [
    "Kính gửi",
    "Họ, chữ đệm, tên người yêu cầu",
    "nguoi_yeu_cau.so_dinh_danh_ca_nhan",
    "Số điện thoại",
    "tre / Họ, chữ đệm, tên",
    "tre.ngay_sinh",
    "Giới tính",
    "Ngày làm tờ khai",
    "thanh_vien",
    "so_luong_ban_sao",
    "Đề nghị cấp bản sao",
]
OTHER_HEADERS = ["thanh_vien.1.ho_ten", "thanh_vien.2.so_dinh_danh_ca_nhan", "me.ngay_sinh", "", "Ghi chú"]
SAMPLES = [
    "Trần Thị Hường",
    "Nguyễn Văn Đức",
    "UBND phường Sa Đéc, tỉnh Đồng Tháp",
    "087195012345",
    "0912345678",
    "8.7195E+10",
    "87195012345.0",
    "02/10/2024",
    "31/02/2024",
    "Nữ",
    "Nam",
    "Có",
    "không",
    "x",
    "2",
    "-1",
    '[{"ho_ten": "Lê Văn Tám", "so_dinh_danh_ca_nhan": "087092004321"}]',
    '[{"a": 1, "a": 2}]',
    "[[[[[[[[[[]]]]]]]]]]",
    "=1+1",
]
# Vietnamese letters (what the encoding detector expects), and every character a CSV parser or a
# decoder treats specially.
_LETTERS = list("aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ ")
_SPECIAL = list(",;\t\"'\r\n\x00\x1a\x85\ufeff\u2028=+-@/.:[]{}µ¸¹")
vietnamese_cells = st.one_of(st.sampled_from(SAMPLES), st.text(st.sampled_from(_LETTERS), max_size=24))
hostile_cells = st.one_of(
    vietnamese_cells,
    st.text(st.sampled_from(_LETTERS + _SPECIAL), max_size=24),
    st.text(max_size=8),
)
WITHOUT_GROUP = [h for h in HEADERS if h != "thanh_vien"]


def headers(cells: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.one_of(
        st.permutations(HEADERS),  # every column a row can fill: the rows are read
        st.permutations([*WITHOUT_GROUP, "thanh_vien.1.ho_ten", "thanh_vien.2.so_dinh_danh_ca_nhan"]),
        st.lists(st.one_of(st.sampled_from(HEADERS + OTHER_HEADERS), cells), min_size=1, max_size=10),
    )


@st.composite
def delimited_bytes(draw: st.DrawFn) -> bytes:
    encoding = draw(st.sampled_from(sorted(ENCODERS)))
    # The legacy encodings are told apart by how Vietnamese the text reads: give them Vietnamese.
    cells = vietnamese_cells if encoding in LEGACY else hostile_cells
    header = draw(headers(cells))
    width = st.one_of(st.just(len(header)), st.integers(max(0, len(header) - 2), len(header) + 2))
    rows = draw(st.lists(width.flatmap(lambda n: st.lists(cells, min_size=n, max_size=n)), max_size=6))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    if draw(st.booleans()):  # well-formed CSV
        buf = io.StringIO()
        quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
        writer = csv.writer(buf, delimiter=delimiter, lineterminator=newline, quoting=quoting)
        writer.writerow(header)
        writer.writerows(rows)
        text = buf.getvalue()
    else:  # joined by hand: stray quotes, ragged rows, embedded newlines left unquoted
        text = newline.join(delimiter.join(r) for r in [header, *rows]) + draw(st.sampled_from(["", newline]))
    return ENCODERS[encoding](text)


@fuzz_settings(150)
@given(data=delimited_bytes(), suffix=st.sampled_from([".csv", ".tsv", ".txt"]))
def test_delimited_rosters_fail_only_with_formfill_errors(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("csv") / f"r{suffix}"
    path.write_bytes(data)
    read_roster(path)


@fuzz_settings(100)
@given(tail=st.binary(max_size=400), head=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]))
def test_raw_bytes_after_a_valid_header_fail_only_with_formfill_errors(tmp_path_factory, tail, head):
    header = ",".join(f'"{h}"' for h in HEADERS[:8]).encode("utf-8")
    path = tmp_path_factory.mktemp("raw") / "r.csv"
    path.write_bytes(head + header + b"\r\n" + tail)
    read_roster(path)
