"""Write a drafted overlay template as YAML text, by hand: comments carry each box's match confidence
and label, and at the end the labels and fields that were not matched (a YAML library would drop them)."""

from __future__ import annotations

import json
from typing import Any

from formfill.importer.draft import Draft, Placed
from formfill.layout import model as m


def _num(v: float) -> str:
    return f"{v:.1f}pt"


def _scalar(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return str(v)
    return json.dumps(str(v), ensure_ascii=False)


def _flow(d: dict[str, Any]) -> str:
    parts = []
    for k, v in d.items():
        parts.append(f"{k}: {_flow(v) if isinstance(v, dict) else _scalar(v)}")
    return "{" + ", ".join(parts) + "}"


def binding(b: m.Binding, fmt: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"field": b.field}
    if (fmt or b.format) != "text":
        out["format"] = fmt or b.format
    for key in ("prefix", "suffix"):
        if getattr(b, key):
            out[key] = getattr(b, key)
    if b.declared:
        out["declared"] = True
    if b.alternative is not None:
        out["or"] = binding(b.alternative)
    return out


def _box(p: Placed, size: float) -> dict[str, Any]:
    s, c = p.slot, p.cand
    assert s is not None and c.binding is not None
    seg = s.seg
    page = {"page": s.page} if s.page > 1 else {}
    if seg.kind == "check":
        cell = abs((seg.bottom - seg.top) - (seg.x1 - seg.x0)) < 2.5
        side = seg.x1 - seg.x0 if cell else (seg.x1 - seg.x0) * 0.8
        x = seg.x0 if cell else seg.x0 + (seg.x1 - seg.x0) * 0.1
        y = seg.top if cell else s.baseline - side * 0.95
        return {"checkbox": c.path, "when": c.when, **page, "x": _num(x), "y": _num(y), "size": _num(side)}
    if seg.kind == "digits":
        count = seg.count or 12
        cell_w = (seg.x1 - seg.x0) / count
        grid = abs((seg.bottom - seg.top) - cell_w) < 3
        y = seg.top if grid else s.baseline - cell_w * 0.85
        h = seg.bottom - seg.top if grid else cell_w
        return {
            "digits": c.path,
            "count": count,
            **page,
            "x": _num(seg.x0),
            "y": _num(y),
            "cell": _num(cell_w),
            "h": _num(h),
        }
    pitch = s.pitch
    text = min(size, s.size, pitch / 1.15)
    y = s.baseline - (pitch + text * 0.72) / 2  # the value's baseline on the label's
    out: dict[str, Any] = {
        "value": binding(c.binding, "text" if c.kind == "digits" else None),
        **page,
        "x": _num(seg.x0 + 1),
        "y": _num(y),
        "w": _num(seg.x1 - seg.x0 - 2),
        "h": _num(pitch * s.lines),
    }
    if s.lines > 1:
        out["lines"] = s.lines
    out["size"] = _num(text)
    return out


def _rows(p: Placed, size: float) -> list[str]:
    g, c = p.grid, p.cand
    assert g is not None
    head = f"  - rows: {c.path}"
    lines = [f"{head}  # {p.score:.2f} ← bảng / table: {', '.join(h for h, *_ in g.headers)}"]
    if g.page > 1:
        lines.append(f"    page: {g.page}")
    lines += [f"    y: {_num(g.first_top)}", f"    pitch: {_num(g.pitch)}", f"    count: {g.rows}"]
    lines.append(f"    size: {_num(min(size, g.pitch / 1.3))}")
    if c.heading:
        lines.append(f"    continuation_title: {_scalar(c.heading)}")
    lines.append("    columns:")
    for _cand, header, x0, x1, align, sim, b in p.columns:  # type: ignore[misc]
        col = {
            "value": binding(b),
            "x": _num(x0 + 1),
            "w": _num(x1 - x0 - 2),
            "align": align,
            "header": header,
        }
        lines.append(f"      - {_flow(col)}  # {sim:.2f}")
    return lines


def write_yaml(draft: Draft, form: str, background: str, size: float) -> str:
    out = [
        f"# Overlay template drafted by `formfill template import` for {form}: check it over the preview,",
        "# then adjust x / y / w (points from the top-left corner of the page) where a box is off.",
        "# The number beside each box is the label match confidence (0-1); ← the blank's label.",
        f"form: {form}",
        "kind: overlay",
        f"background: {_scalar(background)}",
        f"text: {{size: {_num(size)}, leading: {_num(size * 1.25)}, floor: 6pt}}",
    ]
    if any(p.grid is not None for p in draft.placed):
        out.append("continuation: true  # rows past the table's last go to a continuation sheet")
    out.append("boxes:")
    for p in draft.placed:
        if p.grid is not None:
            out += _rows(p, size)
            continue
        assert p.slot is not None
        out.append(f"  - {_flow(_box(p, size))}  # {p.score:.2f} ← {p.slot.label.strip()}")
    out.append("")
    out.append("# Nhãn chưa khớp trường nào / labels not matched:")
    out += [f"#   {label.strip()}" for label in draft.unmatched_labels] or ["#   (none)"]
    out.append("# Trường chưa có ô / fields without a box:")
    out += [f"#   {path}" for path in draft.unmatched_fields] or ["#   (none)"]
    return "\n".join(out) + "\n"
