#!/usr/bin/env python3
"""Make formfill's table of pre-2025 units and the 2025 units that replaced them.

Run by hand after upgrading ``vietnamadminunits`` (a dev dependency) or ``vietnam-provinces``:

    .venv/bin/python scripts/make_renamed_units.py          # rewrites formfill/types/data/renamed_units.json
    .venv/bin/python scripts/make_renamed_units.py --check  # exit 1 if the checked-in table is stale

The source is the JSON data shipped inside ``vietnamadminunits`` (MIT licence, its notice is copied
into the table). It is read as files, never through the package's ``__init__``, which imports
geocoding libraries (geopy, shapely, numpy). Only units that map onto a 2025 code known to
``vietnam-provinces`` (formfill's own map) are kept, so every code in the table resolves at run time.
``tests/types/test_renamed_units.py`` rebuilds the table in memory and compares (the drift test).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "formfill" / "types" / "data" / "renamed_units.json"
SOURCE = "vietnamadminunits"
SOURCE_FILES = ("converter_2025.json", "parser_legacy.json", "parser_from_2025.json")
FORMAT = 1

_NEW_WARD_KEYS = (
    "DICT_PROVINCE_WARD_NO_ACCENTED",
    "DICT_PROVINCE_WARD_ACCENTED",
    "DICT_PROVINCE_WARD_SHORT_ACCENTED",
)
_OLD_WARD_KEYS = (
    "DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED",
    "DICT_PROVINCE_DISTRICT_WARD_ACCENTED",
    "DICT_PROVINCE_DISTRICT_WARD_SHORT_ACCENTED",
)


def source_dir() -> Path:
    """The installed package's ``data`` folder, found without importing the package."""
    spec = importlib.util.find_spec(SOURCE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{SOURCE} is not installed: pip install -e '.[dev]'")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _read(folder: Path, name: str) -> dict[str, Any]:
    with open(folder / name, encoding="utf-8") as f:
        data = json.load(f)
    if not isinstance(data, dict):
        raise ValueError(f"{folder / name}: not a JSON object")
    return data


def _merge(*dicts: dict[str, Any]) -> dict[str, Any]:
    """Nested dicts merged key by key, later ones winning (the three spellings of each ward table)."""
    out: dict[str, Any] = {}
    for d in dicts:
        for k, v in (d or {}).items():
            if isinstance(v, dict) and isinstance(out.get(k), dict):
                out[k] = _merge(out[k], v)
            else:
                out[k] = v
    return out


def _licence() -> str:
    dist = importlib.metadata.distribution(SOURCE)
    for name in ("licenses/LICENSE", "LICENSE"):
        text = dist.read_text(name)
        if text:
            return text.strip()
    raise SystemExit(f"{SOURCE}: no licence file in its metadata")


def _old_to_new_province(conv: dict[str, Any], new: dict[str, Any]) -> dict[str, str]:
    """Old province key ("tinhtiengiang") -> 2025 province code ("82")."""
    from formfill.types.admin import _index

    index = _index()
    new_code: dict[str, str] = {}
    for key, info in new.get("DICT_PROVINCE", {}).items():
        code = str(info.get("provinceCode", "")).zfill(2)
        if code in index.province_by_code:
            new_code[key] = code
    out: dict[str, str] = {}
    for new_key, old_keys in conv.get("DICT_PROVINCE", {}).items():
        for old_key in old_keys:
            if new_key in new_code:
                out[old_key] = new_code[new_key]
    return out


def _targets(conv: dict[str, Any], new: dict[str, Any]) -> dict[str, list[str]]:
    """Old ward key ("tinh_huyen_xa") -> the 2025 commune codes its area went to, in source order."""
    from formfill.types.admin import _index

    index = _index()
    new_wards = _merge(*(new.get(k, {}) for k in _NEW_WARD_KEYS))

    def code_of(new_pk: str, new_wk: str) -> str | None:
        info = new_wards.get(new_pk, {}).get(new_wk)
        code = str(info.get("wardCode", "")) if isinstance(info, dict) else ""
        code = code.zfill(5) if code.isdigit() else ""
        return code if code in index.commune_by_code else None

    targets: dict[str, list[str]] = {}
    for new_pk, wards in conv.get("DICT_PROVINCE_WARD_NO_DIVIDED", {}).items():
        for new_wk, old_keys in wards.items():
            c = code_of(new_pk, new_wk)
            for old_key in old_keys:
                if c is not None:
                    targets.setdefault(old_key, []).append(c)
    for new_pk, splits in conv.get("DICT_PROVINCE_WARD_DIVIDED", {}).items():
        for old_key, options in splits.items():
            for option in options:
                c = code_of(new_pk, option.get("newWardKey", ""))
                if c is not None:
                    targets.setdefault(old_key, []).append(c)
    return targets


def build_table(folder: Path | None = None) -> dict[str, Any]:
    """The table as it would be written, built from the installed ``vietnamadminunits`` data.

    ``provinces``: [old key, short name, official name, 2025 province code or null] for every
    pre-2025 province. ``districts``: [province row, district name]. ``communes``: [district row,
    name, short name, [2025 commune codes]] — one row per pre-2025 commune, in the source's order
    (the order the "renamed" messages list them in).
    """
    folder = folder or source_dir()
    conv = _read(folder, "converter_2025.json")
    old = _read(folder, "parser_legacy.json")
    new = _read(folder, "parser_from_2025.json")

    to_new = _old_to_new_province(conv, new)
    old_provinces = old.get("DICT_PROVINCE", {})
    province_row = {key: i for i, key in enumerate(old_provinces)}
    provinces = [
        [key, info["provinceShort"], info.get("province", ""), to_new.get(key)]
        for key, info in old_provinces.items()
    ]

    old_wards = _merge(*(old.get(k, {}) for k in _OLD_WARD_KEYS))
    old_districts = old.get("DICT_PROVINCE_DISTRICT", {})
    districts: list[list[Any]] = []
    district_row: dict[tuple[str, str], int] = {}
    communes: list[list[Any]] = []
    for old_key, codes in _targets(conv, new).items():
        parts = old_key.split("_")
        if len(parts) != 3 or not parts[2]:
            continue
        opk, odk, owk = parts
        ward = old_wards.get(opk, {}).get(odk, {}).get(owk)
        if not isinstance(ward, dict):
            continue
        if opk not in province_row:
            raise ValueError(f"{old_key}: province {opk!r} is not in parser_legacy.json")
        if (opk, odk) not in district_row:
            district_row[(opk, odk)] = len(districts)
            name = old_districts.get(opk, {}).get(odk, {}).get("district", "")
            districts.append([province_row[opk], name])
        row = [district_row[(opk, odk)], ward.get("ward", owk), ward.get("wardShort", "")]
        communes.append([*row, list(dict.fromkeys(codes))])

    return {
        "about": "Pre-2025 (63-province) administrative units and the 2025 units that replaced them.",
        "generated_by": "scripts/make_renamed_units.py",
        "source": {
            "package": SOURCE,
            "version": importlib.metadata.version(SOURCE),
            "files": [f"{SOURCE}/data/{name}" for name in SOURCE_FILES],
            "licence": "MIT",
            "licence_text": _licence(),
        },
        "format": FORMAT,
        "provinces": provinces,
        "districts": districts,
        "communes": communes,
    }


def dumps(table: dict[str, Any]) -> str:
    """JSON with one row per line, so that a regenerated table diffs line by line."""
    lines = ["{"]
    items = list(table.items())
    for i, (key, value) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if isinstance(value, list):
            rows = [json.dumps(row, ensure_ascii=False) for row in value]
            body = ",\n".join(f"    {r}" for r in rows)
            lines.append(f"  {json.dumps(key)}: [\n{body}\n  ]{comma}")
        else:
            text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            lines.append(f"  {json.dumps(key)}: {text}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the checked-in table only")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    text = dumps(build_table())
    if args.check:
        same = TABLE.exists() and TABLE.read_text(encoding="utf-8") == text
        print(f"{TABLE.relative_to(ROOT)}: {'up to date' if same else 'STALE: run this script'}")
        return 0 if same else 1
    from formfill.base.files import atomic_write_new

    TABLE.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_new(TABLE, text.encode("utf-8"), force=True)
    table = json.loads(text)
    print(
        f"{TABLE.relative_to(ROOT)}: {len(table['provinces'])} provinces, {len(table['communes'])} communes "
        f"({len(text.encode('utf-8')) // 1024} KiB) from {SOURCE} {table['source']['version']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
