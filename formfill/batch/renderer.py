"""What the batch needs of a PDF renderer, as one small interface (:class:`Renderer`).

The batch renders through this interface only: by default :data:`ENGINE` (formfill.render), else
an object given to :func:`~formfill.batch.runner.run_batch` or installed with
:func:`set_default_renderer` (a program embedding the CLI, or the test launcher). Worker processes
get the same object pickled, so it must be a module-level class instance (or a module-level
function wrapped in :class:`FunctionRenderer`).
"""

from __future__ import annotations

import hashlib
import importlib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from formfill.base.errors import InputError
from formfill.base.i18n import tr


@runtime_checkable
class Renderer(Protocol):
    """Makes a row's PDF and says what the PDF must show (for ``--verify-sample``)."""

    def render(self, spec: Any, declaration: Any) -> bytes:
        """The filled form as PDF bytes (same input, same bytes)."""
        ...

    def expected_values(self, spec: Any, declaration: Any) -> list[tuple[str, str]]:
        """(field path, printed text) of every value the PDF must show."""
        ...

    def fingerprint(self, spec: Any) -> dict[str, str]:
        """What, besides the form version, decides the output bytes (recorded in the manifest)."""
        ...

    def warm_up(self, spec: Any) -> None:
        """Load fonts and lay the template out once per process, before the first row."""
        ...


# --- helpers every renderer can use ------------------------------------------------------------
def _hash_files(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        try:
            h.update(p.name.encode() + b"\0" + p.read_bytes())
        except OSError:
            continue
    return h.hexdigest()[:16]


def file_fingerprint(spec: Any) -> dict[str, str]:
    """The hashes of the form's template file and of the font package's files."""
    out = {"template_hash": _hash_files([Path(spec.template_path)]) if spec.template_path else ""}
    import fontpkg_noto_serif

    base = Path(fontpkg_noto_serif.__file__).parent
    font_files = [p for p in base.rglob("*") if p.suffix.lower() in (".ttf", ".otf")]
    out["font_hash"] = _hash_files(font_files) if font_files else ""
    return out


def declared_values(declaration: Any) -> list[tuple[str, str]]:
    """(field path, text) of every value as the declaration holds it (no form-specific printing)."""
    dumped = declaration.model_dump(mode="json") if hasattr(declaration, "model_dump") else declaration
    return _leaf_values(dumped)


def _leaf_values(value: Any, path: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        out = []
        for k, v in value.items():
            out.extend(_leaf_values(v, f"{path}.{k}" if path else k))
        return out
    if isinstance(value, list):
        out = []
        for i, v in enumerate(value, start=1):
            out.extend(_leaf_values(v, f"{path}.{i}"))
        return out
    if isinstance(value, bool) or value is None:
        return []
    text = str(value).strip()
    return [(path, text)] if text else []


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).casefold().split())


def pdf_text(pdf: bytes) -> str:
    """The text of every page (pypdfium2: ~0.3x the cost of making the PDF)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        parts = []
        for page in doc:
            textpage = page.get_textpage()
            parts.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        doc.close()
    return "".join(parts)


def missing_values(pdf: bytes, expected: list[tuple[str, str]]) -> list[str]:
    """Field paths whose text is not in the PDF (NFC; spaces and case ignored: lines wrap)."""
    haystack = _squash(pdf_text(pdf))
    return sorted({path for path, text in expected if _squash(text) not in haystack})


# --- the renderers -----------------------------------------------------------------------------
class EngineRenderer:
    """formfill's own PDF engine (:mod:`formfill.render`)."""

    def render(self, spec: Any, declaration: Any) -> bytes:
        from formfill.render import render_pdf

        return render_pdf(spec, declaration)

    def expected_values(self, spec: Any, declaration: Any) -> list[tuple[str, str]]:
        """The engine's plan: dates and codes as the form prints them."""
        from formfill.render import plan_pdf

        plan = plan_pdf(spec, declaration)
        pairs = [(v.path, v.text) for v in plan.values] + [(d.path, d.text) for d in plan.digits]
        return [(p, t) for p, t in pairs if t and t.strip()]

    def fingerprint(self, spec: Any) -> dict[str, str]:
        return file_fingerprint(spec)

    def warm_up(self, spec: Any) -> None:
        from formfill.render import compile_form
        from formfill.render.stamp import prepared

        compiled = compile_form(spec)
        if compiled.background is None:
            prepared(compiled)  # font subsets and static pages made once, before the first row


class FunctionRenderer:
    """A plain ``render(spec, declaration) -> bytes`` function as a :class:`Renderer` (read-back
    checks the declaration's own values). The function must be module-level to reach workers."""

    def __init__(self, fn: Callable[..., bytes]) -> None:
        self.fn = fn

    def render(self, spec: Any, declaration: Any) -> bytes:
        return self.fn(spec, declaration)

    def expected_values(self, spec: Any, declaration: Any) -> list[tuple[str, str]]:
        return declared_values(declaration)

    def fingerprint(self, spec: Any) -> dict[str, str]:
        return file_fingerprint(spec)

    def warm_up(self, spec: Any) -> None:
        return None


ENGINE = EngineRenderer()
_default: Renderer = ENGINE


def set_default_renderer(renderer: Renderer | None) -> None:
    """The renderer ``run_batch`` uses when given none (``None``: formfill's engine again)."""
    global _default
    _default = ENGINE if renderer is None else as_renderer(renderer)


def default_renderer() -> Renderer:
    return _default


def as_renderer(given: Renderer | Callable[..., bytes] | str | None) -> Renderer:
    """A :class:`Renderer` from an object, a render function or a "module:attr" reference to one."""
    if given is None:
        return _default
    if isinstance(given, str):
        module_name, _, attr = given.partition(":")
        try:
            given = getattr(importlib.import_module(module_name), attr or "render_pdf")
        except (ImportError, AttributeError) as exc:
            raise InputError(
                tr(f"Không tìm thấy bộ tạo PDF {given}: {exc}", f"No PDF renderer {given}: {exc}")
            ) from exc
    if isinstance(given, Renderer):
        return given
    if callable(given):
        return FunctionRenderer(given)
    raise InputError(tr(f"Không phải bộ tạo PDF: {given!r}", f"Not a PDF renderer: {given!r}"))


@dataclass(frozen=True)
class ValuesOnlyRenderer(EngineRenderer):
    """The engine printing values alone, for pre-printed paper, moved by the printer's offsets (mm)."""

    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0

    def render(self, spec: Any, declaration: Any) -> bytes:
        from formfill.render import render_pdf
        from formfill.render.draw import RenderOptions

        options = RenderOptions(self.offset_x_mm, self.offset_y_mm, preprinted=True)
        return render_pdf(spec, declaration, options)
