"""Text the font cannot print is a validation error, the same in validate, the assistant and fill.

The set of printable characters is a checked-in table made from the font package
(scripts/make_printable_chars.py); the drift test rebuilds it from the installed font.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest
from pydantic import BaseModel, ValidationError
from typer.testing import CliRunner

from formfill.cli import app
from formfill.types import Address, FreeText, PersonName, PlaceText, ShortText
from formfill.types.printable import (
    DATA_FILE,
    PrintableTableError,
    first_unprintable,
    parse_table,
    printable_ranges,
)

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "make_printable_chars.py"
TABLE = ROOT / "formfill" / "types" / DATA_FILE


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_printable_chars", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_checked_in_table_matches_the_installed_font() -> None:
    script = _script()
    assert TABLE.read_text(encoding="utf-8") == script.dumps(script.printable_code_points()), (
        "printable_chars.txt is stale: run scripts/make_printable_chars.py"
    )
    assert script.main(["--check"]) == 0


def test_the_table_agrees_with_what_the_renderer_checks() -> None:
    from formfill.render.fonts import ensure_fonts

    for face in ensure_fonts().values():  # every character the table allows, every face can draw
        for first, last in printable_ranges():
            assert all(cp in face.codepoints for cp in range(first, last + 1)), (face.name, hex(first))


VIETNAMESE = "ĂÂĐÊÔƠƯăâđêôơư ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬỀỂỄẾỆỒỔỖỐỘỜỞỠỚỢỪỬỮỨỰỲỶỸÝỴ ạặộụịọẹ ₫ “” – — … №"


def test_vietnamese_ascii_and_print_punctuation_are_printable() -> None:
    allowed = {cp for a, b in printable_ranges() for cp in range(a, b + 1)}
    assert set(range(0x20, 0x7F)) <= allowed
    assert all(ord(ch) in allowed for ch in VIETNAMESE)
    assert first_unprintable(VIETNAMESE) is None


@pytest.mark.parametrize(
    ("char", "where"),
    [("😀", "emoji"), ("漢", "CJK ideograph"), ("ㄱ", "Hangul"), ("☎", "symbol")],
)
def test_first_unprintable_finds_the_character(char: str, where: str) -> None:
    assert first_unprintable(f"Số 12 đường Nguyễn Huệ {char} phường Sa Đéc {char}") == char, where


class _Texts(BaseModel):
    free: FreeText = ""
    short: ShortText = ""
    place: PlaceText = ""
    name: PersonName | None = None
    address: Address | None = None


@pytest.mark.parametrize("field", ["free", "short", "place"])
@pytest.mark.parametrize("char", ["😀", "北"])
def test_text_types_refuse_what_the_font_cannot_print(field: str, char: str) -> None:
    with pytest.raises(ValidationError) as info:
        _Texts.model_validate({field: f"Ủy ban nhân dân {char}"})
    (err,) = info.value.errors()
    assert err["type"] == "vn_text_unprintable" and err["loc"] == (field,)
    assert char in err["msg"] and f"U+{ord(char):04X}" in err["msg"]
    assert err["msg"].startswith("Không in được ký tự")
    # the untidy path (double spaces) checks too
    with pytest.raises(ValidationError) as again:
        _Texts.model_validate({field: f"  Ủy  ban {char} "})
    assert again.value.errors()[0]["type"] == "vn_text_unprintable"


def test_street_part_of_an_address_is_checked_too() -> None:
    address = {"chi_tiet": "Số 5 😀", "xa": "Phường Sa Đéc", "tinh": "Tỉnh Đồng Tháp"}
    with pytest.raises(ValidationError) as info:
        _Texts.model_validate({"address": address})
    assert "vn_text_unprintable" in {e["type"] for e in info.value.errors()}


def test_vietnamese_text_and_names_still_pass() -> None:
    ok = _Texts.model_validate({"free": VIETNAMESE.strip(), "name": "Nguyễn Thị Hường", "short": "Bổ sung"})
    assert ok.name == "Nguyễn Thị Hường" and ok.free == VIETNAMESE.strip()


def test_the_check_is_as_cheap_as_a_pattern() -> None:
    text = "Số 12, đường Nguyễn Huệ, khóm 3, phường Sa Đéc, tỉnh Đồng Tháp; ghi chú thêm về hồ sơ"
    first_unprintable(text)
    start = time.perf_counter()
    for _ in range(20_000):
        first_unprintable(text)
    assert time.perf_counter() - start < 0.5  # ~1 µs each; 20,000 rows/s leaves ~50 µs per row


def test_a_damaged_table_is_a_typed_error() -> None:
    assert parse_table("# note\n0020-007E\n00A0-00FF\n") == [(0x20, 0x7E), (0xA0, 0xFF)]
    for bad in ("", "# only a note\n", "0020-zz\n", "00FF-0020\n"):
        with pytest.raises(PrintableTableError):
            parse_table(bad)


runner = CliRunner()


@pytest.mark.parametrize("char", ["😀", "漢"])
def test_validate_and_fill_refuse_it_with_the_same_error(tmp_path: Path, char: str) -> None:
    raw = json.loads((ROOT / "examples" / "ct01" / "valid-1.json").read_text(encoding="utf-8"))
    raw["noi_dung_de_nghi"] = f"Đăng ký thường trú {char}"
    data = tmp_path / "d.json"
    data.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "x.pdf"
    checked = runner.invoke(app, ["validate", "ct01", str(data)])
    filled = runner.invoke(app, ["fill", "ct01", str(data), "-o", str(out)])
    assert checked.exit_code == 1 and filled.exit_code == 1
    line = next(ln for ln in checked.output.splitlines() if "[vn_text_unprintable]" in ln)
    assert line.startswith("noi_dung_de_nghi: ") and char in line
    assert line in filled.output.splitlines()  # the same error, word for word
    assert "render_missing_glyph" not in filled.output and not out.exists()
