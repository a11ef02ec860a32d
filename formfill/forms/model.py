"""Old import path of the schema building blocks, kept for extra form packs: use ``formfill.schema``."""

from formfill.model.block import (  # noqa: F401
    EMPTY,
    Block,
    FormMeta,
    Section,
    field_extra,
    fld,
    raise_field_errors,
)
