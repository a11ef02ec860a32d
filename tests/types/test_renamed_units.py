"""The checked-in table of pre-2025 units: same as its source, loaded strictly, still answering.

The drift test rebuilds the table in memory from the installed ``vietnamadminunits`` (a dev
dependency) with the script that wrote it, and compares it with the file shipped in the package.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from formfill.types._legacy_admin import (
    RenamedUnitsDataError,
    _Legacy,
    old_communes,
    old_province,
    read_table,
)

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "make_renamed_units.py"
TABLE = ROOT / "formfill" / "types" / "data" / "renamed_units.json"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_renamed_units", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_checked_in_table_matches_the_installed_source() -> None:
    script = _script()
    rebuilt = script.build_table()
    assert json.loads(TABLE.read_text(encoding="utf-8")) == rebuilt, (
        "renamed_units.json is stale: run scripts/make_renamed_units.py"
    )
    assert TABLE.read_text(encoding="utf-8") == script.dumps(rebuilt)
    assert rebuilt["source"]["package"] == "vietnamadminunits" and rebuilt["source"]["licence"] == "MIT"
    assert "Tran Ngoc Minh Hieu" in rebuilt["source"]["licence_text"]


def test_the_packaged_table_is_the_checked_in_file() -> None:
    table = read_table()
    assert table.provinces == read_table(TABLE).provinces
    assert len(table.provinces) == 63
    assert len(table.communes) > 9000


def test_tien_giang_is_replaced_by_dong_thap() -> None:
    found = old_province("Tiền Giang")
    assert found is not None
    name, new = found
    assert (name, new.full_name, new.code) == ("Tiền Giang", "tỉnh Đồng Tháp", "82")
    assert old_province("tinh tien giang") == found
    assert old_province("Đồng Tháp") is None  # the name survived: not a renamed unit


def test_an_old_commune_lists_its_2025_commune() -> None:
    units = old_communes("Phường 1", old_province_name="Đồng Tháp")
    sa_dec = [u for u in units if u.district == "Thành phố Sa Đéc"]
    assert [c.label for u in sa_dec for c in u.new] == ["Phường Sa Đéc, tỉnh Đồng Tháp"]
    assert sa_dec[0].province == "Tỉnh Đồng Tháp"


@pytest.mark.parametrize(
    "content",
    [
        None,  # no file at all
        b"",
        b"{not json",
        b"\xff\xfe not utf-8",
        b"[]",
        b'{"format": 1, "provinces": [], "districts": [], "communes": []}',
        b'{"format": 2, "provinces": [["a", "A", "T A", "82"]], "districts": [[0, "B"]],'
        b' "communes": [[0, "X C", "C", ["29905"]]]}',
        b'{"format": 1, "provinces": [["a", "A", "T A", "82"]], "districts": [[-1, "B"]],'
        b' "communes": [[0, "X C", "C", ["29905"]]]}',
    ],
    ids=["missing", "empty", "bad-json", "bad-utf8", "not-an-object", "no-rows", "format", "negative-row"],
)
def test_a_missing_or_damaged_table_is_an_error(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "renamed_units.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(RenamedUnitsDataError) as info:
        read_table(path)
    assert "bị thiếu hoặc hỏng" in str(info.value)


@pytest.mark.parametrize(
    ("districts", "communes"),
    [
        ([[0, "B"]], [[0, "Xã C", "C", ["99999"]]]),  # a 2025 code formfill does not know
        ([[0, "B"]], [[5, "Xã C", "C", ["29905"]]]),  # a district row that does not exist
        ([[7, "B"]], [[0, "Xã C", "C", ["29905"]]]),  # a province row that does not exist
        ([[0, "B"]], [[0, "Xã C", "C", []]]),  # an old commune that went nowhere
    ],
)
def test_rows_that_do_not_resolve_are_an_error(
    tmp_path: Path, districts: list[list[object]], communes: list[list[object]]
) -> None:
    path = tmp_path / "renamed_units.json"
    data = {
        "format": 1,
        "provinces": [["a", "A", "Tỉnh A", "82"]],
        "districts": districts,
        "communes": communes,
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RenamedUnitsDataError):
        _Legacy(read_table(path))


def test_a_small_valid_table_loads(tmp_path: Path) -> None:
    path = tmp_path / "renamed_units.json"
    data = {
        "format": 1,
        "provinces": [["tinha", "Tỉnh Xưa", "Tỉnh Tỉnh Xưa", "82"], ["tinhb", "Bê", "Tỉnh Bê", None]],
        "districts": [[0, "Huyện Cũ"]],
        "communes": [[0, "Xã Cũ", "Cũ", ["29905", "29905"]]],
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    legacy = _Legacy(read_table(path))
    assert list(legacy.old_provinces) == ["tinh xua"]
    assert legacy.old_provinces["tinh xua"][2].name == "Đồng Tháp"
    assert sorted(legacy.old_communes) == ["cu", "xa cu"]
    (unit,) = legacy.old_communes["cu"]
    assert unit.label == "Xã Cũ, Huyện Cũ, Tỉnh Tỉnh Xưa"
    assert [c.name for c in unit.new] == ["Phường Sa Đéc", "Phường Sa Đéc"]
