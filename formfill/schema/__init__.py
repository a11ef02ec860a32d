"""What a schema module of a form pack imports: the public API for pack authors.

A schema module (``schemas/<name>.py`` of the built-in pack, or of an extra pack under
``FORMFILL_PACKS``) defines ``FORM`` (a :class:`FormMeta`) and ``Declaration`` (a :class:`Block`
subclass), and builds them from:

- ``formfill.schema``: :class:`Block`, :func:`fld`, :class:`FormMeta`, :class:`Section`,
  :func:`raise_field_errors`, :func:`vn_error` (an error of the message table), ``EMPTY``,
  :func:`mask` (an ID or phone number as an error message may show it);
- ``formfill.schema.persons``: the person, requester and envelope blocks of the civil-status forms;
- ``formfill.types``: the Vietnamese data types (personal ID, names, dates, ethnicity, addresses…).

The older paths ``formfill.forms.model`` and ``formfill.forms.blocks`` still work (re-exports).
"""

from __future__ import annotations

from formfill.base.messages import vn_error
from formfill.base.text import mask
from formfill.model.block import (
    EMPTY,
    Block,
    FormMeta,
    Procedure,
    Section,
    field_extra,
    fld,
    raise_field_errors,
)

__all__ = [
    "EMPTY",
    "Block",
    "FormMeta",
    "Procedure",
    "Section",
    "field_extra",
    "fld",
    "mask",
    "raise_field_errors",
    "vn_error",
]
