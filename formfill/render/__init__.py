"""PDF output: fonts, text fitting, drawing, overlay merge. Public entry point: :func:`render_pdf`.

Names load lazily so that importing the CLI's command module stays cheap.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "RenderOptions": "formfill.render.draw",
    "compile_form": "formfill.render.engine",
    "plan_pdf": "formfill.render.engine",
    "render_pdf": "formfill.render.engine",
    "MissingGlyphError": "formfill.render.failures",
    "RenderError": "formfill.render.failures",
    "RenderOverflowError": "formfill.render.failures",
    "atomic_write_new": "formfill.base.files",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(module), name)
