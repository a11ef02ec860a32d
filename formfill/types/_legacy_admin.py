"""Pre-2025 (63-province) unit names and the 2025 units that replaced them.

Data: the tables shipped in the ``vietnamadminunits`` package (1.0.4). They are read as JSON files
rather than through ``vietnamadminunits.convert_address``: that function geocodes addresses with
ArcGIS over the network when an old commune was split, and formfill never goes online at run time.
The tables are only loaded when a name is not found in the 2025 map (the error path), then cached.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from formfill.types.admin import CommuneInfo, ProvinceInfo, _accent_key, _index, norm


@dataclass(frozen=True)
class OldUnit:
    """A pre-2025 commune and the 2025 commune(s) its area now belongs to."""

    name: str  # "Phường 1"
    district: str  # "Thành phố Sa Đéc"
    province: str  # "Tỉnh Đồng Tháp"
    old_province_key: str
    new: tuple[CommuneInfo, ...]

    @property
    def label(self) -> str:
        return f"{self.name}, {self.district}, {self.province}"


def _data_dir() -> Path | None:
    # find_spec does not run the package's __init__ (which pulls in geocoding libraries).
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _load(name: str) -> dict[str, Any]:
    folder = _data_dir()
    if folder is None:
        return {}
    try:
        with open(folder / name, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _merge(*dicts: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for d in dicts:
        for k, v in (d or {}).items():
            if isinstance(v, dict) and isinstance(out.get(k), dict):
                out[k] = _merge(out[k], v)
            else:
                out[k] = v
    return out


class _Legacy:
    def __init__(self) -> None:
        conv = _load("converter_2025.json")
        old = _load("parser_legacy.json")
        new = _load("parser_from_2025.json")
        index = _index()

        new_province: dict[str, ProvinceInfo] = {}
        for key, info in new.get("DICT_PROVINCE", {}).items():
            p = index.province_by_code.get(str(info.get("provinceCode", "")).zfill(2))
            if p is not None:
                new_province[key] = p
        old_to_new_province: dict[str, ProvinceInfo] = {}
        for new_key, old_keys in conv.get("DICT_PROVINCE", {}).items():
            for old_key in old_keys:
                if new_key in new_province:
                    old_to_new_province[old_key] = new_province[new_key]

        # Old province names ("tiền giang") -> (official old name, new province).
        self.old_provinces: dict[str, tuple[str, str, ProvinceInfo]] = {}
        for key, info in old.get("DICT_PROVINCE", {}).items():
            if key in old_to_new_province:
                entry = (info.get("provinceShort", key), key, old_to_new_province[key])
                self.old_provinces[norm(info.get("provinceShort", ""))] = entry

        new_wards = _merge(
            *(
                new.get(k, {})
                for k in (
                    "DICT_PROVINCE_WARD_NO_ACCENTED",
                    "DICT_PROVINCE_WARD_ACCENTED",
                    "DICT_PROVINCE_WARD_SHORT_ACCENTED",
                )
            )
        )
        old_wards = _merge(
            *(
                old.get(k, {})
                for k in (
                    "DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED",
                    "DICT_PROVINCE_DISTRICT_WARD_ACCENTED",
                    "DICT_PROVINCE_DISTRICT_WARD_SHORT_ACCENTED",
                )
            )
        )
        districts = old.get("DICT_PROVINCE_DISTRICT", {})

        def new_commune(new_pk: str, new_wk: str) -> CommuneInfo | None:
            info = new_wards.get(new_pk, {}).get(new_wk)
            code = str(info.get("wardCode", "")) if isinstance(info, dict) else ""
            return index.commune_by_code.get(code.zfill(5)) if code.isdigit() else None

        targets: dict[str, list[CommuneInfo]] = {}
        for new_pk, wards in conv.get("DICT_PROVINCE_WARD_NO_DIVIDED", {}).items():
            for new_wk, old_keys in wards.items():
                c = new_commune(new_pk, new_wk)
                for old_key in old_keys:
                    if c is not None:
                        targets.setdefault(old_key, []).append(c)
        for new_pk, splits in conv.get("DICT_PROVINCE_WARD_DIVIDED", {}).items():
            for old_key, options in splits.items():
                for option in options:
                    c = new_commune(new_pk, option.get("newWardKey", ""))
                    if c is not None:
                        targets.setdefault(old_key, []).append(c)

        # Old commune names ("phuong 1", and "1"-style short names) -> old units.
        self.old_communes: dict[str, list[OldUnit]] = {}
        for old_key, new_list in targets.items():
            parts = old_key.split("_")
            if len(parts) != 3 or not parts[2]:
                continue
            opk, odk, owk = parts
            ward = old_wards.get(opk, {}).get(odk, {}).get(owk)
            if not isinstance(ward, dict):
                continue
            district = districts.get(opk, {}).get(odk, {}).get("district", "")
            province = old.get("DICT_PROVINCE", {}).get(opk, {}).get("province", "")
            unit = OldUnit(ward.get("ward", owk), district, province, opk, tuple(dict.fromkeys(new_list)))
            for key in {norm(unit.name), norm(ward.get("wardShort", ""))}:
                if key:
                    self.old_communes.setdefault(key, []).append(unit)


@cache
def _legacy() -> _Legacy:
    return _Legacy()


def old_province(text: str) -> tuple[str, ProvinceInfo] | None:
    """(old name, 2025 province) for a pre-2025 province that no longer exists, else ``None``."""
    from formfill.types.admin import _province_key

    entry = _legacy().old_provinces.get(_province_key(text))
    if entry is None:
        return None
    name, _key, new = entry
    if norm(name) == norm(new.name):
        return None  # the name survived (Đồng Tháp, Hà Nội…): not a renamed unit
    return name, new


def old_communes(
    text: str, province: ProvinceInfo | None = None, old_province_name: str | None = None
) -> list[OldUnit]:
    """Pre-2025 communes named ``text`` (within a 2025 or an old province when given)."""
    key = norm(text)
    units = _legacy().old_communes.get(key, [])
    if not units:
        # "Phường 1" typed as "P1" / "P. 1" is common in old addresses.
        for word, canonical in (("p", "phuong"), ("x", "xa"), ("tt", "thi tran")):
            if key.startswith(word + " "):
                units = _legacy().old_communes.get(f"{canonical} {key[len(word) + 1 :]}", [])
                break
    if old_province_name is not None:
        wanted = norm(old_province_name)
        units = [u for u in units if norm(u.province).endswith(wanted)]
    if province is not None:
        units = [u for u in units if any(c.province_code == province.code for c in u.new)]
        units = [
            OldUnit(
                u.name,
                u.district,
                u.province,
                u.old_province_key,
                tuple(c for c in u.new if c.province_code == province.code),
            )
            for u in units
        ]
    if len(units) > 1:
        accent = _accent_key(text)
        exact = [u for u in units if _accent_key(u.name).endswith(accent)]
        units = exact or units
    return units
