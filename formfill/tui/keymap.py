"""Key bindings whose footer label follows the app's language.

``BINDINGS`` are read once, when a class is defined, so a label picked there with ``tr`` keeps the
language of the import. :func:`shown` keeps both wordings by binding id instead, and the screens
(:class:`LocalizedBindings`) put the current one into ``Screen.active_bindings`` — what the Footer
and the key panel display.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from textual.binding import ActiveBinding, Binding

from formfill.base.i18n import tr

_WORDS: dict[str, tuple[str, str]] = {}


def shown(keys: str, action: str, vi: str, en: str, *, id: str, **kwargs: Any) -> Binding:
    """A binding shown in the footer as ``vi`` or ``en``, whichever the app speaks when it is shown."""
    if _WORDS.setdefault(id, (vi, en)) != (vi, en):
        raise ValueError(f"binding {id!r} already has the label {_WORDS[id]!r}")
    return Binding(keys, action, vi, id=id, **kwargs)


def localized(binding: Binding) -> Binding:
    """``binding`` with its description in the current language (bindings made with :func:`shown`)."""
    words = _WORDS.get(binding.id or "")
    if words is None:
        return binding
    text = tr(*words)
    return binding if text == binding.description else dataclasses.replace(binding, description=text)


class LocalizedBindings:
    """Screen mixin: the active bindings (footer, key panel) labelled in the current language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        active: dict[str, ActiveBinding] = super().active_bindings  # type: ignore[misc]
        return {key: a._replace(binding=localized(a.binding)) for key, a in active.items()}


__all__ = ["LocalizedBindings", "localized", "shown"]
