"""Form packs: discovery, FormSpec, field metadata for UIs, error explanation."""

from formfill.forms.errors import FieldError, explain, loc_from_path, user_path
from formfill.forms.model import Block, FormMeta, Section, fld
from formfill.forms.pack import FormSpec, get_form, list_forms

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
