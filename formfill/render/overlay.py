"""Overlay templates: value boxes at coordinates over a blank form (background PDF), merged per record.

Box coordinates are measured from the top-left corner of the page, as with a ruler on paper. The
background's geometry is read, and the background merged underneath each record's values, with
pikepdf (the one PDF library for both).
"""

from __future__ import annotations

import io
import threading
from pathlib import Path
from typing import Any

import pikepdf

from formfill.forms.pack import FormSpec
from formfill.layout import model as m
from formfill.layout.paths import PathError, field_type
from formfill.render.compiled import CheckSlot, Compiled, DigitSlot, Segment, ValueSlot
from formfill.render.context import Context


class OverlayCompiler:
    def __init__(self, spec: FormSpec, template: m.Template) -> None:
        self.ctx = Context(spec, template)
        self.spec = spec
        self.t = template

    def _label(self, box: Any, path: str) -> str:
        if getattr(box, "label", None):
            return box.label
        try:
            return field_type(self.spec.model, path).titles[-1]
        except PathError:
            return path

    def compile(self) -> Compiled:
        t, ctx = self.t, self.ctx
        background = None
        width, height = t.page.dimensions
        pages = max((b.page for b in t.boxes), default=1)
        if t.background:
            background = (Path(t.path).parent / t.background).resolve() if t.path else Path(t.background)
            width, height, bg_pages = background_geometry(background)
            pages = max(pages, bg_pages)
        slots: list[Any] = []
        for i, box in enumerate(t.boxes):
            page = box.page - 1
            top = height - box.y
            if isinstance(box, m.ValueBox):
                pitch = box.h / box.lines
                size = min(box.size or t.text.size, pitch / 1.15)
                floor = min(box.floor or t.text.floor, size)
                segs = tuple(
                    Segment(page, box.x, box.x + box.w, top - pitch * j - (pitch + size * 0.72) / 2)
                    for j in range(box.lines)
                )
                slots.append(
                    ValueSlot(
                        box.value.field,
                        box.value.format,
                        segs,
                        "regular",
                        size,
                        floor,
                        box.align,
                        self._label(box, box.value.field),
                        binding=box.value,
                        free=ctx.free_text(box.value),
                    )
                )
            elif isinstance(box, m.CheckBox):
                slots.append(CheckSlot(box.checkbox, box.when, page, box.x, top - box.size, box.size))
            elif isinstance(box, m.DigitBoxes):
                h = box.h or box.cell
                slots.append(
                    DigitSlot(
                        box.digits,
                        page,
                        box.x,
                        top - h,
                        box.cell,
                        h,
                        box.count,
                        min(t.text.size, h * 0.75),
                        self._label(box, box.digits),
                    )
                )
            elif isinstance(box, m.RowsBox):
                from formfill.render.overlay_rows import rows_slot

                slots.append(rows_slot(ctx, box, height))
            else:  # pragma: no cover - the model admits nothing else
                raise ctx.source_error(("boxes", i), "unknown box")
        mg = t.page.margins
        meta = self.spec.meta
        return Compiled(
            form_id=meta.id,
            kind="overlay",
            page_size=(width, height),
            frame=(mg.left, mg.bottom, width - mg.right, height - mg.top),
            pages=pages,
            static=[[] for _ in range(pages)],
            slots=slots,
            size=t.text.size,
            leading=t.text.leading,
            floor=t.text.floor,
            title=meta.title.upper(),
            background=background,
            allow_appendix=t.continuation,
        )


def background_geometry(path: Path) -> tuple[float, float, int]:
    """Width and height (points) of the first page, and the number of pages."""
    with pikepdf.open(path) as pdf:
        box = pdf.pages[0].mediabox
        return float(box[2]) - float(box[0]), float(box[3]) - float(box[1]), len(pdf.pages)


_bg_cache: dict[str, bytes] = {}
_lock = threading.Lock()


def _background_bytes(path: Path) -> bytes:
    key = str(path)
    with _lock:
        data = _bg_cache.get(key)
        if data is None:
            data = _bg_cache[key] = path.read_bytes()
    return data


def merge_background(data: bytes, background: Path) -> bytes:
    """Put the background's pages under the first pages of ``data`` (deterministic output)."""
    bg = _background_bytes(background)
    with pikepdf.open(io.BytesIO(bg)) as back, pikepdf.open(io.BytesIO(data)) as pdf:
        for page, under in zip(pdf.pages, back.pages, strict=False):
            # Page.add_underlay names the background XObject at random, which would make the same
            # record give different bytes; the same steps with a fixed name keep output deterministic.
            formx = under.as_form_xobject()
            name = page.add_resource(formx, pikepdf.Name.XObject, pikepdf.Name("/FormfillBackground"))
            placement = page.calc_form_xobject_placement(
                formx, name, pikepdf.Rectangle(page.trimbox), allow_shrink=True, allow_expand=True
            )
            page.contents_add(placement, prepend=True)
            page.contents_coalesce()
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True)
        return out.getvalue()
