"""Old import path of the person blocks, kept for extra form packs: use ``formfill.schema.persons``."""

from formfill.schema.persons import *  # noqa: F403
from formfill.schema.persons import Declaration  # noqa: F401
