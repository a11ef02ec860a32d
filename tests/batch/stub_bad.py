"""A renderer that forgets the child's name: the read-back sample must notice."""

from __future__ import annotations

from typing import Any

import stub_render


def render_pdf(spec: Any, declaration: Any) -> bytes:
    return stub_render.render_pdf(
        spec, declaration.model_copy(update={"tre": declaration.tre.model_copy(update={"ho_ten": "?"})})
    )
