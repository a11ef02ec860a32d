"""A renderer that forgets the child's name: the read-back sample must notice."""

from __future__ import annotations

from typing import Any

import stub_render


def render_pdf(spec: Any, declaration: Any) -> bytes:
    return stub_render.render_pdf(
        spec, declaration.model_copy(update={"tre": declaration.tre.model_copy(update={"ho_ten": "?"})})
    )


class BadRenderer(stub_render.StubRenderer):
    def render(self, spec: Any, declaration: Any) -> bytes:
        return render_pdf(spec, declaration)


RENDERER = BadRenderer()


class DyingRenderer(stub_render.StubRenderer):
    """A worker that dies in the middle of a row (as if the kernel's OOM killer took it)."""

    def render(self, spec: Any, declaration: Any) -> bytes:
        import os

        os._exit(3)


class InterruptedRenderer(stub_render.StubRenderer):
    """Ctrl+C pressed while the third row renders (one job: the main process renders)."""

    def __init__(self) -> None:
        self.calls = 0

    def render(self, spec: Any, declaration: Any) -> bytes:
        self.calls += 1
        if self.calls == 3:
            raise KeyboardInterrupt
        return super().render(spec, declaration)


DYING = DyingRenderer()
