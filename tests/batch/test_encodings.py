"""Encodings clerks' rosters come in: the same rows whatever the bytes, or an error naming the encoding."""

from __future__ import annotations

import codecs
import subprocess
import unicodedata

import pytest
from conftest import GOOD, HEADER, csv_text, iconv, row

from formfill.base.errors import InputError
from formfill.batch import iter_rows
from formfill.batch.legacy import TCVN3_TABLE, VNI_PAIRS, decode_tcvn3, decode_vni, mojibake_source
from formfill.batch.rows import open_roster

ROWS = [
    GOOD,
    row(child="Lê Thị Ánh Tuyết", mother="Phạm Thị Hằng", member="Huỳnh Văn Quý"),
    row(
        child="Đặng Đức Thắng",
        mother="Nguyễn Thị Ngọc Ẩn",
        kinh_gui="UBND xã Tân Khánh Trung, tỉnh Đồng Tháp",
    ),
]


def _vni_encode(text: str) -> bytes:
    reverse: dict[str, str] = {}
    for code, uni in VNI_PAIRS.items():
        if code in (code.lower(), code.upper()):
            reverse.setdefault(uni, code)
    return "".join(reverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text)).encode("cp1252")


def _rows(path, spec):
    return [(r.number, r.data) for r in iter_rows(path, spec)]


@pytest.fixture
def reference(tmp_path, spec):
    path = tmp_path / "utf8.csv"
    path.write_bytes(csv_text(HEADER, ROWS).encode("utf-8"))
    return _rows(path, spec)


def _kinh_gui_fix(text: str) -> str:
    return text


@pytest.mark.parametrize(
    ("name", "make", "encoding_label", "warns"),
    [
        ("utf8-bom", lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "UTF-8", False),
        (
            "utf16le-tab",
            lambda t: codecs.BOM_UTF16_LE + t.replace(",", "\t").encode("utf-16-le"),
            "UTF-16 LE",
            False,
        ),
        (
            "utf16be-tab",
            lambda t: codecs.BOM_UTF16_BE + t.replace(",", "\t").encode("utf-16-be"),
            "UTF-16 BE",
            False,
        ),
        ("utf16le-nobom", lambda t: t.replace(",", "\t").encode("utf-16-le"), "UTF-16 LE", False),
        ("cp1258", lambda t: iconv(t, "CP1258"), "1258", True),
        ("tcvn3", lambda t: iconv(t, "TCVN5712-1"), "TCVN3", True),
        ("vni", _vni_encode, "VNI", True),
        ("nfd", lambda t: unicodedata.normalize("NFD", t).encode("utf-8"), "UTF-8", False),
        ("semicolon", lambda t: t.replace(",", ";").encode("utf-8"), "UTF-8", False),
        # Line endings: LF (Unix), CR alone (old Mac, some exports), in every family of encodings
        ("utf8-lf", lambda t: t.replace("\r\n", "\n").encode("utf-8"), "UTF-8", False),
        ("utf8-cr", lambda t: t.replace("\r\n", "\r").encode("utf-8"), "UTF-8", False),
        ("tcvn3-cr", lambda t: iconv(t.replace("\r\n", "\r"), "TCVN5712-1"), "TCVN3", True),
        ("vni-cr", lambda t: _vni_encode(t.replace("\r\n", "\r")), "VNI", True),
        (
            "utf16le-cr",
            lambda t: codecs.BOM_UTF16_LE + t.replace(",", "\t").replace("\r\n", "\r").encode("utf-16-le"),
            "UTF-16 LE",
            False,
        ),
    ],
)
def test_same_rows_in_every_encoding(tmp_path, spec, reference, name, make, encoding_label, warns):
    # Commas inside values would change meaning once replaced by TAB/";": use rows without them.
    rows = [[c.replace(",", "") for c in r] for r in ROWS]
    text = csv_text(HEADER, rows)
    path = tmp_path / f"{name}.csv"
    path.write_bytes(make(text))
    roster = open_roster(path, spec)
    assert encoding_label in roster.encoding
    assert next(c.header for c in roster.columns) == "Kính gửi"  # no BOM stuck to the first header
    assert bool(roster.warnings) is warns
    got = [(r.number, r.data) for r in roster.rows()]
    ref_path = tmp_path / "ref.csv"
    ref_path.write_bytes(text.encode("utf-8"))
    assert got == _rows(ref_path, spec)
    for _, data in got:
        for value in data["tre"].values():
            assert unicodedata.is_normalized("NFC", value)


def test_tcvn3_warning_names_encoding_and_capital_fonts(tmp_path, spec):
    path = tmp_path / "tcvn3.csv"
    path.write_bytes(iconv(csv_text(HEADER, [[c.replace(",", "") for c in GOOD]]), "TCVN5712-1"))
    roster = open_roster(path, spec)
    (warning,) = roster.warnings
    assert "TCVN3" in warning and ".VnTimeH" in warning
    assert "chữ thường" in warning  # capitals written with the H fonts come out lower case


def test_tcvn3_is_not_taken_for_cp1252(tmp_path, spec):
    # TCVN3 bytes decode as cp1252 without error into "Hµ Néi": the detector must not stop there.
    raw = iconv("Hà Nội", "TCVN5712-1")
    assert raw.decode("cp1252") == "Hµ Néi"
    path = tmp_path / "hanoi.csv"
    path.write_bytes(iconv(csv_text(HEADER, [row(kinh_gui="UBND phường Hà Nội")]), "TCVN5712-1"))
    (r,) = iter_rows(path, spec)
    assert r.data["kinh_gui"] == "UBND phường Hà Nội"


def test_utf8_file_holding_tcvn3_mojibake_is_repaired_with_warning(tmp_path, spec):
    text = csv_text(HEADER, [[c.replace(",", "") for c in GOOD]])
    mojibake = iconv(text, "TCVN5712-1").decode("cp1252")  # what a naive import saved
    path = tmp_path / "mojibake.csv"
    path.write_bytes(mojibake.encode("utf-8"))
    roster = open_roster(path, spec)
    assert roster.warnings and "Windows-1252" in roster.warnings[0]
    (r,) = [x for x in roster.rows()]
    assert r.data["nguoi_yeu_cau"]["ho_ten"] == "Trần Thị Hường"


def test_mojibake_detector():
    assert mojibake_source("Hµ Néi") is not None
    assert mojibake_source("Xin chaøo caùc baïn").name == "vni"
    assert mojibake_source("Nguyễn Thị Hường, Phường Sa Đéc") is None
    assert mojibake_source("Plain ASCII, nothing odd") is None


def test_tcvn3_table_matches_the_standard_as_glibc_implements_it():
    for byte in range(256):
        raw = bytes([byte])
        res = (
            subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=raw, capture_output=True)
            if byte >= 0x80 or byte in (1, 2, 4, 5, 6, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17)
            else None
        )
        if res is None:
            assert TCVN3_TABLE[byte] == chr(byte)
            continue
        assert res.returncode == 0, "glibc iconv must know TCVN5712-1"
        assert decode_tcvn3(raw) == unicodedata.normalize("NFC", res.stdout.decode()), hex(byte)


def test_vni_longest_match():
    assert decode_vni("Nguyeãn Thò Höôøng".encode("cp1252")) == "Nguyễn Thị Hường"
    assert decode_vni("ÑOÀNG THAÙP".encode("cp1252")) == "ĐỒNG THÁP"
    assert decode_vni("Ñaëng Ñöùc Thaéng".encode("cp1252")) == "Đặng Đức Thắng"


def test_unknown_bytes_name_the_suspects(tmp_path, spec):
    path = tmp_path / "noise.csv"
    path.write_bytes(",".join(HEADER).encode() + b"\r\n" + bytes(range(0x80, 0x100)) * 40 + b"\r\n")
    with pytest.raises(InputError) as err:
        list(iter_rows(path, spec))
    assert "TCVN3" in str(err.value) and "UTF-8" in str(err.value)


def test_mixed_encodings_fail_with_line_number(tmp_path, spec):
    good = csv_text(HEADER, [GOOD] * 3).encode("utf-8")
    bad = iconv(csv_text([], [row(child="Lê Văn Hải")]), "TCVN5712-1")
    # UTF-8 everywhere in the sample, legacy bytes far below it
    path = tmp_path / "mixed.csv"
    path.write_bytes(good + csv_text([], [GOOD] * 3000).encode("utf-8").split(b"\r\n", 1)[1] + bad)
    with pytest.raises(InputError) as err:
        list(iter_rows(path, spec))
    assert "dòng 3006" in str(err.value)


# --- physical lines --------------------------------------------------------------------------------
LINES = [
    b"a,b\r\nc,d\r\n",
    b"a,b\rc,d\r",
    b"a,b\nc,d",
    b'"x\ry",z\r\n\r\n\n\r',
    b"\r\r\n\n\r\n\r",
    b"",
    b"no newline at all",
]


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 64 * 1024])
@pytest.mark.parametrize("data", LINES)
def test_lines_end_at_lf_crlf_or_cr_whatever_the_chunks(monkeypatch, data, chunk):
    import io

    from formfill.base import json_input

    monkeypatch.setattr(json_input, "CHUNK", chunk)
    got = list(json_input.iter_lines(io.BytesIO(data), "r.csv"))
    assert [line for _, line in got] == data.splitlines(keepends=True)
    assert [n for n, _ in got] == list(range(1, len(got) + 1))


def test_a_line_past_the_limit_is_refused_with_its_number(monkeypatch):
    import io

    from formfill.base import json_input

    monkeypatch.setattr(json_input, "MAX_RECORD_BYTES", 10)
    data = b"short\r" + b"x" * 11 + b"\n"
    lines = json_input.iter_lines(io.BytesIO(data), "r.csv")
    assert next(lines) == (1, b"short\r")
    with pytest.raises(InputError, match=r"r\.csv: dòng 2 dài hơn"):
        next(lines)


def test_a_cr_only_file_keeps_a_line_break_inside_quotes(tmp_path, spec):
    rows = [row(kinh_gui="UBND phường\nSa Đéc")]
    path = tmp_path / "mac.csv"
    path.write_bytes(csv_text(HEADER, rows).replace("\r\n", "\r").encode("utf-8"))
    (got,) = _rows(path, spec)
    assert got[1]["kinh_gui"] == "UBND phường\nSa Đéc"
