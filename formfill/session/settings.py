"""The assistant's settings: the one model of :mod:`formfill.base.settings`, re-exported here for
the front ends (the TUI, a kiosk) that drive a session."""

from __future__ import annotations

from formfill.base.settings import (
    DRAFTS_FILE,
    ENV_PREFIX,
    Settings,
    SettingsError,
    current,
    default_output_dir,
)

__all__ = ["DRAFTS_FILE", "ENV_PREFIX", "Settings", "SettingsError", "current", "default_output_dir"]
