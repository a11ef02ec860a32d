"""Language switch: Vietnamese by default, English with ``--lang en`` or ``FORMFILL_LANG=en``."""

from __future__ import annotations

from typing import Literal

from formfill.base.settings import env_lang

Lang = Literal["vi", "en"]
_override: Lang | None = None


def current_lang() -> Lang:
    """The language of every user-facing text right now."""
    if _override is not None:
        return _override
    return env_lang() or "vi"


def set_lang(lang: str | None) -> None:
    """Force a language for this process (``None`` goes back to the environment)."""
    global _override
    if lang is None:
        _override = None
        return
    low = lang.strip().lower()
    if low not in ("vi", "en"):
        raise ValueError(f"unknown language {lang!r} (vi, en)")
    _override = "en" if low == "en" else "vi"


def tr(vi: str, en: str) -> str:
    """Pick the Vietnamese or English wording of a UI string."""
    return en if current_lang() == "en" else vi
