"""Turn pydantic's ValidationError into what a person reads: field path + message in their language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from formfill.base.i18n import Lang
from formfill.base.messages import format_message


@dataclass(frozen=True)
class FieldError:
    """One problem with one field. ``path`` counts repeating-group rows from 1."""

    path: str
    type: str
    message: str
    input: Any = None

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "type": self.type, "message": self.message}


def user_path(loc: tuple[str | int, ...]) -> str:
    """``("thanh_vien", 0, "ho_ten")`` -> ``"thanh_vien.1.ho_ten"`` (rows count from 1)."""
    parts = [str(p + 1) if isinstance(p, int) else p for p in loc]
    return ".".join(parts)


def loc_from_path(path: str) -> tuple[str | int, ...]:
    """Inverse of :func:`user_path`."""
    return tuple(int(p) - 1 if p.isdigit() else p for p in path.split(".") if p)


def explain(
    error: ValidationError, lang: Lang | None = None, prefix: tuple[str | int, ...] = ()
) -> list[FieldError]:
    """Every error of a ValidationError, with its user path and its message from the table."""
    out: list[FieldError] = []
    for item in error.errors(include_url=False):
        ctx = dict(item.get("ctx") or {})
        if item["type"] in ("value_error", "assertion_error") and "error" in ctx:
            ctx["error"] = str(ctx["error"])
        out.append(
            FieldError(
                path=user_path(prefix + tuple(item["loc"])),
                type=item["type"],
                message=format_message(item["type"], ctx, lang),
                input=item.get("input"),
            )
        )
    return out
