"""Form-pack discovery: the built-in pack (``schemas/`` + ``form_templates/``) and extra packs.

The wheel carries the built-in pack inside the package (``formfill/_pack/``); a source checkout
uses the folders at the top of the repository. Extra packs: ``FORMFILL_PACKS`` (folders holding
``schemas/`` and ``form_templates/``, separated by ``os.pathsep``). Schema modules load by path.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from pydantic import BaseModel, TypeAdapter

from formfill.base.errors import FormPackError, UnknownFormError
from formfill.model.block import Block, FormMeta

_PKG_DIR = Path(__file__).resolve().parent.parent


def builtin_pack_dir() -> Path:
    """The folder holding the built-in ``schemas/`` and ``form_templates/``."""
    inside = _PKG_DIR / "_pack"
    if (inside / "schemas").is_dir():
        return inside
    checkout = _PKG_DIR.parent
    if (checkout / "schemas").is_dir():
        return checkout
    raise FormPackError(f"the built-in form pack is missing (looked in {inside} and {checkout})")


def pack_dirs() -> list[Path]:
    """Every pack folder, built-in first."""
    dirs = [builtin_pack_dir()]
    from formfill.base.settings import current

    return [*dirs, *current().packs]


@dataclass(frozen=True)
class FormSpec:
    """A form of the pack: metadata, the pydantic model, and where its template lives."""

    meta: FormMeta
    model: type[Block]
    schema_path: Path
    template_path: Path | None

    @property
    def id(self) -> str:
        return self.meta.id

    def validate(self, data: Any) -> Block:
        """Validate a declaration (a dict); raises ``pydantic.ValidationError``.

        Valid rows go through the form's fast validator (:mod:`formfill.forms.fast`); errors are
        always the model's own."""
        from formfill.forms.fast import validate_fast

        return validate_fast(self.model, data)

    def validate_json(self, raw: str | bytes) -> Block:
        return self.model.model_validate_json(raw)

    def json_schema(self) -> dict[str, Any]:
        """JSON Schema (Draft 2020-12) of the declaration, with form metadata on top."""
        schema = TypeAdapter(self.model).json_schema(mode="validation")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"urn:formfill:{self.meta.id}:{self.meta.version}",
            **schema,
            "title": self.meta.title,
            "description": self.meta.description,
            "x-form-id": self.meta.id,
            "x-version": self.meta.version,
            "x-legal-basis": self.meta.basis,
            "x-sections": [
                {"key": s.key, "title": s.title, "title_en": s.title_en} for s in self.meta.sections
            ],
        }
        return schema


def _load_module(path: Path) -> ModuleType:
    name = f"formfill_pack_{path.parent.parent.name}_{path.stem}".replace("-", "_").replace(".", "_")
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise FormPackError(f"{path}: cannot be loaded as a schema module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # pydantic resolves the module's annotations through sys.modules
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[name]
        raise FormPackError(f"{path}: {type(exc).__name__}: {exc}") from exc
    return module


def _spec_from_module(path: Path, module: ModuleType, templates: Path) -> FormSpec:
    meta = getattr(module, "FORM", None)
    model = getattr(module, "Declaration", None)
    if not isinstance(meta, FormMeta):
        raise FormPackError(f"{path}: defines no FORM = FormMeta(...)")
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise FormPackError(f"{path}: defines no Declaration model")
    template = templates / f"{meta.id}.yaml"
    return FormSpec(
        meta=meta, model=model, schema_path=path, template_path=template if template.exists() else None
    )


def load_form_file(path: Path) -> FormSpec:
    """One form from its schema file alone (templates from the pack's ``form_templates/``), without
    loading or checking the rest of the pack: for a process whose parent has done so (batch workers)."""
    return _spec_from_module(path, _load_module(path), path.parent.parent / "form_templates")


@cache
def _all_forms() -> dict[str, FormSpec]:
    forms: dict[str, FormSpec] = {}
    for pack in pack_dirs():
        schema_dir = pack / "schemas"
        if not schema_dir.is_dir():
            raise FormPackError(f"{pack}: no schemas/ folder")
        for path in sorted(schema_dir.glob("*.py")):
            if path.name.startswith("_"):
                continue
            spec = _spec_from_module(path, _load_module(path), pack / "form_templates")
            if spec.id in forms:
                raise FormPackError(
                    f"{path}: form id {spec.id!r} is already defined by {forms[spec.id].schema_path}"
                )
            forms[spec.id] = spec
    return forms


def list_forms() -> list[FormSpec]:
    """Every form of every pack, in a stable order (the pack's own order of ids).

    Templates are not read here (forms know nothing of layout): :mod:`formfill.catalog` offers the
    same forms with every template loaded and checked, for commands and UIs.
    """
    return sorted(_all_forms().values(), key=lambda s: _ORDER.get(s.id, 99))


def get_form(form_id: str) -> FormSpec:
    """The form with this public id; :class:`UnknownFormError` names the known ones."""
    forms = _all_forms()
    try:
        return forms[form_id]
    except KeyError:
        known = ", ".join(sorted(forms))
        raise UnknownFormError(f"{form_id!r} — {known}") from None


_ORDER = {
    fid: i
    for i, fid in enumerate(
        [
            "khai-sinh",
            "ket-hon",
            "khai-tu",
            "xac-nhan-tinh-trang-hon-nhan",
            "nhan-cha-me-con",
            "trich-luc-ho-tich",
            "thay-doi-cai-chinh-ho-tich",
            "ct01",
        ]
    )
}
