"""Draw a compiled layout and a record's plan with reportlab (deterministic bytes, no personal metadata)."""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from formfill.render.compiled import Compiled, LineOp, Op, RectOp, TextOp
from formfill.render.fonts import REGULAR
from formfill.render.plan import Plan


@dataclass(frozen=True)
class RenderOptions:
    """Per-print choices. Offsets (mm) move every value (printer calibration); ``preprinted`` prints values only."""

    offset_x_mm: float = 0.0  # + moves values to the right
    offset_y_mm: float = 0.0  # + moves values down
    preprinted: bool = False

    @classmethod
    def from_settings(cls, **overrides: Any) -> RenderOptions:
        """Defaults from the checked settings (``FORMFILL_OFFSET_X_MM`` / ``_Y_MM``), then overrides."""
        from formfill.base.settings import current

        base: dict[str, Any] = {"offset_x_mm": current().offset_x_mm, "offset_y_mm": current().offset_y_mm}
        base.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**base)


def values_only(compiled: Compiled, options: RenderOptions | None) -> bool:
    """Whether the output is values without the form (pre-printed paper, or an overlay template
    without its background): the only output printer offsets apply to. On a complete page labels,
    dotted lines and values are drawn together, so moving the values alone would misplace them."""
    opts = options or RenderOptions()
    return opts.preprinted or (compiled.kind == "overlay" and compiled.background is None)


def effective(compiled: Compiled, options: RenderOptions | None) -> RenderOptions:
    """``options`` with the offsets dropped where they do not apply (see :func:`values_only`)."""
    opts = options or RenderOptions()
    if values_only(compiled, opts) or not (opts.offset_x_mm or opts.offset_y_mm):
        return opts
    return RenderOptions(preprinted=opts.preprinted)


def metadata(compiled: Compiled) -> dict[str, str]:
    """PDF metadata: the form, never the person."""
    meta = compiled.meta
    return {
        "title": f"{meta.get('title', compiled.form_id)} ({compiled.form_id})",
        "subject": meta.get("basis", ""),
        "author": "formfill",
        "keywords": f"formfill; {compiled.form_id}; {meta.get('version', '')}",
        "creator": "formfill",
    }


def _by_page(items: list[Any]) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = defaultdict(list)
    for item in items:
        out[item.page].append(item)
    return out


def shapes_code(ops: list[Op]) -> str:
    """PDF operators for the lines and rectangles of ``ops`` (font-independent, so computed once)."""
    from reportlab.lib.rl_accel import fp_str

    code: list[str] = []
    by_style: dict[tuple[float, bool], list[LineOp]] = defaultdict(list)
    for o in ops:
        if isinstance(o, LineOp):
            by_style[(o.width, o.dotted)].append(o)
    for (width, dotted), group in by_style.items():
        code.append(f"{fp_str(width)} w")
        if dotted:
            code.append("1 J [.01 2.6] 0 d")
        code.extend(f"{fp_str(o.x0, o.y0)} m {fp_str(o.x1, o.y1)} l" for o in group)
        code.append("S")
        if dotted:
            code.append("[] 0 d 0 J")
    by_width: dict[float, list[RectOp]] = defaultdict(list)
    for o in ops:
        if isinstance(o, RectOp):
            by_width[o.width].append(o)
    for width, rects in by_width.items():
        code.append(f"{fp_str(width)} w")
        code.extend(f"{fp_str(o.x, o.y, o.w, o.h)} re" for o in rects)
        code.append("S")
    return "\n".join(code)


class _PageCache:
    """Per compiled layout: each page's shape operators and text positions, formatted once."""

    def __init__(self, compiled: Compiled) -> None:
        from reportlab.lib.rl_accel import fp_str

        self.shapes = [shapes_code(page) for page in compiled.static]
        self.texts = [[o for o in page if isinstance(o, TextOp)] for page in compiled.static]
        self.tm = {id(o): f"1 0 0 1 {fp_str(o.x, o.y)} Tm" for page in self.texts for o in page}


_page_caches: dict[int, tuple[Compiled, _PageCache]] = {}


def _cache_for(compiled: Compiled) -> _PageCache:
    hit = _page_caches.get(id(compiled))
    if hit is None or hit[0] is not compiled:
        hit = _page_caches[id(compiled)] = (compiled, _PageCache(compiled))
    return hit[1]


def _draw_texts(canvas: Any, texts: list[TextOp], tm: dict[int, str] | None = None) -> None:
    if not texts:
        return
    t = canvas.beginText()
    code = t._code  # positions pre-formatted once per layout (reportlab would format 6 numbers per string)
    font = size = None
    ws = 0.0
    for o in texts:
        if o.font != font or o.size != size:
            t.setFont(o.font, o.size)
            font, size = o.font, o.size
        if o.word_space != ws:
            t.setWordSpace(o.word_space)
            ws = o.word_space
        cached = tm.get(id(o)) if tm is not None else None
        if cached is None:
            t.setTextOrigin(o.x, o.y)
        else:
            code.append(cached)
        t.textOut(o.text)
    canvas.drawText(t)


def draw_pdf(compiled: Compiled, plan: Plan, options: RenderOptions | None = None) -> bytes:
    """The PDF of one record: static layer (unless pre-printed paper) + the plan's values."""
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    # Binary (compressed) streams without the ASCII85 layer: smaller files, ~4 ms less per PDF.
    rl_config.useA85 = 0
    opts = effective(compiled, options)
    buf = io.BytesIO()
    # the initial font is the embedded serif: a default Helvetica would be listed unembedded
    canvas = Canvas(buf, pagesize=compiled.page_size, invariant=1, pageCompression=1, initialFontName=REGULAR)
    meta = metadata(compiled)
    canvas.setTitle(meta["title"])
    canvas.setSubject(meta["subject"])
    canvas.setAuthor(meta["author"])
    canvas.setKeywords(meta["keywords"])
    canvas.setCreator(meta["creator"])
    canvas.setProducer("formfill (reportlab)")
    dx = opts.offset_x_mm * 72 / 25.4
    dy = -opts.offset_y_mm * 72 / 25.4
    texts = _by_page(plan.texts)
    ops = _by_page(plan.ops)
    cache = _cache_for(compiled)
    for page in range(plan.pages):
        if page < len(compiled.static) and not opts.preprinted:
            canvas._code.append(cache.shapes[page])
            _draw_texts(canvas, cache.texts[page], cache.tm)
        if dx or dy:
            canvas.saveState()
            canvas.translate(dx, dy)
        if ops.get(page):
            canvas._code.append(shapes_code(ops[page]))
        _draw_texts(canvas, texts.get(page, []))
        if dx or dy:
            canvas.restoreState()
        canvas.showPage()
    canvas.save()
    return buf.getvalue()
