"""Địa chỉ (current residence) on the 2025 two-tier map: detail, commune, province, country.

After validation the commune and province are stored in official form ("Phường Sa Đéc",
"Đồng Tháp") and their GSO codes are available as ``ma_xa`` / ``ma_tinh`` (output-only: shown in
``model_dump`` and ignored when read back). A name that vanished on 01/07/2025 gets an error naming
its replacement where the mapping is known. An address abroad is free text in ``chi_tiet``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

from pydantic import PrivateAttr, computed_field, model_validator
from pydantic_core import PydanticCustomError

from formfill.base.messages import vn_error
from formfill.base.text import clean, nfc
from formfill.model.block import Block, fld, raise_field_errors
from formfill.types import fast
from formfill.types._base import NAME_MAX, clean_text, require_str, schema, shown, validator
from formfill.types.admin import (
    CommuneInfo,
    ProvinceInfo,
    find_province,
    format_address,
    match_communes,
    norm,
)
from formfill.types.civil import VIET_NAM, Nationality, normalise_nationality
from formfill.types.text_types import PlaceText

_MAX_LISTED = 5


def _unit_text(value: Any) -> str:
    return clean_text(require_str(value, allow_int=True), NAME_MAX)


fast.mark(_unit_text, lambda _today: fast.text_schema(NAME_MAX))


CommuneName = Annotated[
    str,
    validator(_unit_text),
    schema("vn-commune", ["Phường Sa Đéc", "29905"], maxLength=NAME_MAX),
]
"""A commune as typed (name or GSO code); :class:`Address` resolves it on the 2025 map."""

ProvinceName = Annotated[
    str,
    validator(_unit_text),
    schema("vn-province", ["Đồng Tháp", "82"], maxLength=NAME_MAX),
]
"""A province as typed (name or GSO code); :class:`Address` resolves it on the 2025 map."""


def split_address(text: str) -> dict[str, Any]:
    """ "Số 153 Nguyễn Sinh Sắc, Phường Sa Đéc, Tỉnh Đồng Tháp" -> chi_tiet / xa / tinh.

    The last comma-separated part is the province, the one before it the commune, the rest the
    detail; a trailing "Việt Nam" is dropped.
    """
    parts = [clean(p) for p in nfc(text).split(",")]
    parts = [p for p in parts if p]
    if len(parts) > 1 and norm(parts[-1]) in ("viet nam", "vietnam", "vn"):
        parts.pop()
    if len(parts) == 1:
        return {"xa": parts[0]}
    if len(parts) == 2:
        return {"xa": parts[0], "tinh": parts[1]}
    if not parts:
        return {}
    return {"chi_tiet": ", ".join(parts[:-2]), "xa": parts[-2], "tinh": parts[-1]}


def _labels(items: list[str]) -> str:
    shown = list(dict.fromkeys(items))
    more = len(shown) > _MAX_LISTED
    return "; ".join(shown[:_MAX_LISTED]) + ("; …" if more else "")


@lru_cache(maxsize=4096)
def resolve_province(text: str) -> ProvinceInfo:
    """The 2025 province for ``text``, or ``vn_province_renamed`` / ``vn_province_unknown``."""
    from formfill.types._legacy_admin import old_province

    found = find_province(text)
    if found is not None:
        return found
    old = old_province(text)
    if old is not None:
        raise vn_error("vn_province_renamed", old=old[0], new=old[1].full_name)
    raise vn_error("vn_province_unknown", value=shown(text))


@lru_cache(maxsize=16384)  # rosters repeat the same few communes; errors are not cached
def resolve_commune(
    text: str, province: ProvinceInfo | None, old_province_name: str | None = None
) -> CommuneInfo:
    """The one 2025 commune for ``text`` (within ``province`` if known), or a typed error.

    ``old_province_name`` is a pre-2025 province the person wrote: the commune is then first read
    as a pre-2025 commune of it. Errors, most helpful first: renamed, ambiguous, only in another
    province, unknown.
    """
    from formfill.types._legacy_admin import OldUnit, old_communes

    def renamed(old: list[OldUnit]) -> PydanticCustomError | CommuneInfo:
        same = {c for u in old for c in u.new if norm(text) in (norm(c.name), norm(c.short_name))}
        if len(same) == 1:  # the old unit kept its name: nothing to correct
            return same.pop()
        targets = [f"{c.label} (← {u.name}, {u.district})" for u in old for c in u.new]
        return vn_error("vn_commune_renamed", old=shown(text), new=_labels(targets))

    everywhere = match_communes(text)
    here = [c for c in everywhere if province is None or c.province_code == province.code]
    if old_province_name is not None:
        old = old_communes(text, old_province_name=old_province_name)
        if old:
            found = renamed(old)
            if isinstance(found, CommuneInfo):
                return found
            raise found
    if len(here) == 1:
        return here[0]
    if len(here) > 1:
        raise vn_error(
            "vn_commune_ambiguous", commune=shown(text), provinces=_labels([c.label for c in here])
        )
    old = old_communes(text, province=province)
    if old:
        found = renamed(old)
        if isinstance(found, CommuneInfo):
            return found
        raise found
    if province is not None and everywhere:
        raise vn_error(
            "vn_commune_not_in_province",
            commune=shown(text),
            province=province.full_name,
            actual=_labels([c.province.full_name for c in everywhere]),
        )
    raise vn_error("vn_commune_unknown", value=shown(text))


class Address(Block):
    """Nơi cư trú / địa chỉ: số nhà, đường, thôn, ấp; xã/phường/đặc khu; tỉnh/thành phố; quốc gia."""

    chi_tiet: PlaceText | None = fld(
        "Số nhà, đường, thôn, tổ dân phố",
        None,
        label_en="House number, street, hamlet",
        help="Ở nước ngoài: ghi toàn bộ địa chỉ vào đây.",
        help_en="Abroad: write the whole address here.",
        required_when="khi địa chỉ ở nước ngoài / for an address abroad",
        examples=["Số 153 Nguyễn Sinh Sắc"],
    )
    xa: CommuneName | None = fld(
        "Xã, phường, đặc khu",
        None,
        label_en="Commune / ward / special zone",
        help="Tên hoặc mã đơn vị sau ngày 01/07/2025, ví dụ: Phường Sa Đéc.",
        help_en="Name or code of the unit in force since 1 July 2025, e.g. Phường Sa Đéc.",
        widget="commune",
        required_when="khi địa chỉ ở Việt Nam / for an address in Việt Nam",
        examples=["Phường Sa Đéc"],
    )
    tinh: ProvinceName | None = fld(
        "Tỉnh, thành phố",
        None,
        label_en="Province / city",
        help="Có thể bỏ trống nếu tên xã, phường là duy nhất.",
        help_en="May be left empty when the commune name is unique.",
        widget="province",
        required_when="khi tên xã, phường trùng ở nhiều tỉnh / when the commune name is not unique",
        examples=["Đồng Tháp"],
    )
    quoc_gia: Nationality = fld("Quốc gia", VIET_NAM, label_en="Country", examples=[VIET_NAM])

    _ma_xa: str | None = PrivateAttr(None)
    _ma_tinh: str | None = PrivateAttr(None)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, str):
            return split_address(data)
        if isinstance(data, dict):
            data = dict(data)
            ma_xa, ma_tinh = data.pop("ma_xa", None), data.pop("ma_tinh", None)
            # Codes alone are a valid way to name the units (e.g. from a pick list).
            if data.get("xa") in (None, "") and ma_xa:
                data["xa"] = ma_xa
            if data.get("tinh") in (None, "") and ma_tinh:
                data["tinh"] = ma_tinh
        return data

    @model_validator(mode="after")
    def _resolve(self) -> Address:
        errors: list[tuple[tuple[str | int, ...], PydanticCustomError, Any]] = []
        if self.quoc_gia != VIET_NAM:
            if not self.chi_tiet:
                errors.append((("chi_tiet",), vn_error("vn_address_foreign_detail"), None))
            raise_field_errors(type(self).__name__, errors)
            return self
        province: ProvinceInfo | None = None
        old_name: str | None = None
        if self.tinh:
            try:
                province = resolve_province(self.tinh)
            except PydanticCustomError as err:
                errors.append((("tinh",), err, self.tinh))
                if err.type == "vn_province_renamed":
                    old_name = str((err.context or {}).get("old", ""))
                    province = find_province(str((err.context or {}).get("new", "")))
        if not self.xa:
            errors.append((("xa",), vn_error("missing"), None))
        elif not (self.tinh and province is None and old_name is None):
            try:
                commune = resolve_commune(self.xa, province, old_name)
            except PydanticCustomError as err:
                errors.append((("xa",), err, self.xa))
            else:
                province = commune.province
                self.xa = commune.name
                self._ma_xa = commune.code
        raise_field_errors(type(self).__name__, errors)
        if province is not None and old_name is None:
            self.tinh = province.name
            self._ma_tinh = province.code
        return self

    @computed_field(json_schema_extra={"format": "vn-commune-code", "examples": ["29905"]})  # type: ignore[prop-decorator]
    @property
    def ma_xa(self) -> str | None:
        """GSO code of the commune ("29905"); output only."""
        return self._ma_xa

    @computed_field(json_schema_extra={"format": "vn-province-code", "examples": ["82"]})  # type: ignore[prop-decorator]
    @property
    def ma_tinh(self) -> str | None:
        """GSO code of the province ("82"); output only."""
        return self._ma_tinh

    def tinh_day_du(self) -> str | None:
        """The province with its unit word: "tỉnh Đồng Tháp", "thành phố Hà Nội"."""
        if self.quoc_gia != VIET_NAM or not self.tinh:
            return self.tinh
        p = find_province(self.tinh)
        return p.full_name if p else self.tinh

    def as_text(self) -> str:
        """ "Số 153 Nguyễn Sinh Sắc, phường Sa Đéc, tỉnh Đồng Tháp" (country added when abroad)."""
        if self.quoc_gia != VIET_NAM:
            parts = [p for p in (self.chi_tiet, self.xa, self.tinh, self.quoc_gia) if p]
            return ", ".join(parts)
        return format_address(self.chi_tiet, self.xa, self.tinh)


def parse_country(value: Any) -> str:
    """The canonical country name (same rules as a nationality)."""
    return normalise_nationality(value)
