"""Settings of the assistant: a small pydantic model read from ``FORMFILL_*`` environment variables.

| setting      | env                     | default                                       |
|--------------|-------------------------|-----------------------------------------------|
| output_dir   | ``FORMFILL_OUTPUT_DIR`` | ``<documents>/formfill`` (platformdirs)        |
| data_dir     | ``FORMFILL_DATA_DIR``   | the storage layer's user data folder           |
| lang         | ``FORMFILL_LANG``       | ``vi``                                         |
| theme        | ``FORMFILL_THEME``      | ``formfill-contrast`` (high contrast)          |
| ime          | ``FORMFILL_IME``        | ``off`` (``telex``, ``vni``)                   |
| keymap       | ``FORMFILL_KEYMAP``     | ``{}``: JSON ``{"binding id": "keys"}``         |
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field

ENV_PREFIX = "FORMFILL_"
DRAFTS_FILE = "drafts.sqlite3"


def default_output_dir() -> Path:
    """A ``formfill`` folder in the user's documents."""
    return Path(platformdirs.user_documents_dir()) / "formfill"


class Settings(BaseModel):
    """What the assistant needs to know about its surroundings."""

    model_config = ConfigDict(frozen=True)

    output_dir: Path = Field(default_factory=default_output_dir)
    data_dir: Path | None = None  # None: the storage layer's default (FORMFILL_DATA_DIR or user data dir)
    lang: Literal["vi", "en"] | None = None  # None: keep the process language (--lang / FORMFILL_LANG)
    theme: str = "formfill-contrast"
    ime: Literal["off", "telex", "vni"] = "off"
    keymap: dict[str, str] = Field(default_factory=dict)
    # Test settings: a steady cursor makes screenshots deterministic.
    cursor_blink: bool = True

    @property
    def drafts_path(self) -> Path | None:
        """The drafts database file, or None for the storage default."""
        return self.data_dir / DRAFTS_FILE if self.data_dir is not None else None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from ``FORMFILL_*`` variables; keyword arguments win."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for name in ("output_dir", "data_dir", "lang", "theme", "ime"):
            raw = env.get(ENV_PREFIX + name.upper(), "").strip()
            if raw:
                values[name] = raw.lower() if name in ("lang", "ime") else raw
        if isinstance(values.get("lang"), str):
            values["lang"] = "en" if str(values["lang"]).startswith("en") else "vi"
        keymap = env.get(ENV_PREFIX + "KEYMAP", "").strip()
        if keymap:
            values["keymap"] = json.loads(keymap)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(values)
