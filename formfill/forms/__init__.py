"""Form packs: discovery, FormSpec, field metadata for UIs, error explanation."""

from formfill.forms.explain import FieldError, explain, loc_from_path, user_path
from formfill.forms.pack import FormSpec, get_form, list_forms
from formfill.model.block import Block, FormMeta, Section, fld

__all__ = [
    "Block",
    "FieldError",
    "FormMeta",
    "FormSpec",
    "Section",
    "explain",
    "fld",
    "get_form",
    "list_forms",
    "loc_from_path",
    "user_path",
]
