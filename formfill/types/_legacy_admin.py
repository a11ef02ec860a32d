"""Pre-2025 (63-province) unit names and the 2025 units that replaced them.

Data: ``data/renamed_units.json`` beside this module, generated once by
``scripts/make_renamed_units.py`` from the tables shipped in ``vietnamadminunits`` (MIT; version,
source files and licence notice are inside the JSON). That package is a dev dependency only: it
pulls geocoding libraries (geopy, shapely, numpy) into an install for one lookup table, and its
``convert_address`` geocodes over the network, which formfill never does at run time.
The table is only loaded when a name is not found in the 2025 map (the error path), then cached.
A missing or damaged table is an error (:class:`RenamedUnitsDataError`), never an empty table:
an empty one would silently drop every "this unit was renamed" hint.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, NonNegativeInt, ValidationError

from formfill.base.errors import FormfillError
from formfill.base.i18n import tr
from formfill.types.admin import CommuneInfo, ProvinceInfo, _accent_key, _index, norm

DATA_PACKAGE = "formfill.types"
DATA_FILE = "data/renamed_units.json"
FORMAT = 1


class RenamedUnitsDataError(FormfillError):
    """The renamed-unit table shipped with formfill is missing or damaged (a broken install)."""


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


class _Table(BaseModel):
    """The JSON's shape (rows as written by scripts/make_renamed_units.py); other keys are notes."""

    format: int
    provinces: list[tuple[str, str, str, str | None]]  # old key, short name, official name, new code
    districts: list[tuple[NonNegativeInt, str]]  # province row, district name
    communes: list[tuple[NonNegativeInt, str, str, list[str]]]  # district row, name, short name, new codes


def _broken(reason: str) -> RenamedUnitsDataError:
    return RenamedUnitsDataError(
        tr(
            f"Bảng đơn vị hành chính cũ của formfill ({DATA_FILE}) bị thiếu hoặc hỏng: {reason}. "
            "Hãy cài lại formfill.",
            f"formfill's table of pre-2025 units ({DATA_FILE}) is missing or damaged: {reason}. "
            "Reinstall formfill.",
        )
    )


def read_table(source: Path | None = None) -> _Table:
    """The table (the packaged one unless ``source`` is given), its shape verified.

    Raises :class:`RenamedUnitsDataError` when it cannot be read or is not the expected shape.
    """
    try:
        raw = (
            source.read_bytes() if source else resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_bytes()
        )
        table = _Table.model_validate(json.loads(raw.decode("utf-8")))
    except (OSError, ValueError) as exc:  # ValidationError and JSONDecodeError are ValueErrors
        count = f" ({exc.error_count()})" if isinstance(exc, ValidationError) else ""
        reason = f"{type(exc).__name__}{count}"
        raise _broken(reason) from exc
    if table.format != FORMAT or not table.provinces or not table.communes:
        raise _broken(f"format {table.format}, {len(table.provinces)}/{len(table.communes)} rows")
    return table


class _Legacy:
    """Lookup dicts built from the table, with 2025 codes resolved against formfill's own map."""

    def __init__(self, table: _Table) -> None:
        index = _index()
        try:
            self.old_provinces = self._provinces(table, index.province_by_code)
            self.old_communes = self._communes(table, index.commune_by_code)
        except (KeyError, IndexError) as exc:
            raise _broken(f"{type(exc).__name__}: {exc}") from exc

    @staticmethod
    def _provinces(
        table: _Table, by_code: dict[str, ProvinceInfo]
    ) -> dict[str, tuple[str, str, ProvinceInfo]]:
        """Old province names ("tien giang") -> (official old name, old key, 2025 province)."""
        out: dict[str, tuple[str, str, ProvinceInfo]] = {}
        for key, short, _official, code in table.provinces:
            if code is not None:
                out[norm(short)] = (short, key, by_code[code])
        return out

    @staticmethod
    def _communes(table: _Table, by_code: dict[str, CommuneInfo]) -> dict[str, list[OldUnit]]:
        """Old commune names ("phuong 1", and "1"-style short names) -> old units."""
        provinces = table.provinces
        districts = table.districts
        out: dict[str, list[OldUnit]] = {}
        for district_row, name, short, codes in table.communes:
            province_row, district = districts[district_row]
            key, _short, official, _code = provinces[province_row]
            if not codes:
                raise IndexError(f"{name}, {district}: no 2025 commune")
            unit = OldUnit(name, district, official, key, tuple(by_code[c] for c in codes))
            for lookup in {norm(name), norm(short)}:
                if lookup:
                    out.setdefault(lookup, []).append(unit)
        return out


@cache
def _legacy() -> _Legacy:
    return _Legacy(read_table())


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
