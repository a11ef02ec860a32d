"""Binding paths against a schema model: checked when the pack loads, resolved when a record prints."""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from formfill.layout.formatters import FORMATTERS


@dataclass(frozen=True)
class FieldType:
    """What a path leads to: the bare Python type(s), whether a list, and the schema titles on the way."""

    leaf: tuple[Any, ...]
    is_list: bool
    titles: tuple[str, ...]


def _unwrap(annotation: Any) -> tuple[tuple[Any, ...], bool]:
    """Strip Annotated/Optional/unions; return the member types and whether it is a list."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        members: list[Any] = []
        is_list = False
        for arg in typing.get_args(annotation):
            if arg is type(None):
                continue
            sub, sub_list = _unwrap(arg)
            members.extend(sub)
            is_list = is_list or sub_list
        return tuple(members), is_list
    if origin in (list, tuple, typing.Sequence) or annotation in (list, tuple):
        args = typing.get_args(annotation)
        inner, _ = _unwrap(args[0]) if args else ((Any,), False)
        return inner, True
    if origin is typing.Literal:
        return tuple({type(a) for a in typing.get_args(annotation)}), False
    return (annotation,), False


class PathError(ValueError):
    """A path that does not exist in the schema, or a formatter that does not fit its field."""


def field_type(model: type[BaseModel], path: str) -> FieldType:
    """Walk ``model_fields`` along a dotted path (through Optional, lists and nested models)."""
    current: tuple[Any, ...] = (model,)
    titles: list[str] = []
    is_list = False
    parts = path.split(".")
    for i, part in enumerate(parts):
        if is_list:
            raise PathError(f"{'.'.join(parts[:i])} is a list: use it as a table's rows_from")
        models = [t for t in current if isinstance(t, type) and issubclass(t, BaseModel)]
        hit = next((m for m in models if part in m.model_fields), None)
        if hit is None:
            where = ".".join(parts[:i]) or "the declaration"
            known = sorted({f for m in models for f in m.model_fields})
            hint = f"; fields there: {', '.join(known)}" if known else f"; {where} has no fields"
            raise PathError(f"no field {part!r} in {where}{hint}")
        info = hit.model_fields[part]
        titles.append(info.title or part)
        current, is_list = _unwrap(info.annotation)
    return FieldType(leaf=current, is_list=is_list, titles=tuple(titles))


def _accepts(kind: str, leaf: tuple[Any, ...]) -> bool:
    if kind == "any" or Any in leaf:
        return True

    def one(t: Any) -> bool:
        if not isinstance(t, type):
            return True  # a typing construct we do not model: do not refuse
        if kind == "date":
            fields = {*getattr(t, "__dataclass_fields__", {}), *getattr(t, "model_fields", {})}
            return issubclass(t, dt.date) or "year" in fields  # PartialDate: year, month/year or a date
        if kind == "str":
            return issubclass(t, str)
        if kind == "int":
            return issubclass(t, int) and not issubclass(t, bool)
        if kind == "bool":
            return issubclass(t, bool)
        if kind == "as_text":
            return callable(getattr(t, "as_text", None)) or issubclass(t, str)
        return True

    return all(one(t) for t in leaf)


def check_binding(model: type[BaseModel], path: str, fmt: str) -> FieldType:
    """Raise :class:`PathError` unless ``path`` exists and ``fmt`` fits its type."""
    formatter = FORMATTERS.get(fmt)
    if formatter is None:
        raise PathError(f"unknown format {fmt!r} (known: {', '.join(sorted(FORMATTERS))})")
    ftype = field_type(model, path)
    if formatter.accepts == "scalars":  # join: a list of choices printed on one line
        if not ftype.is_list:
            raise PathError(f"format {fmt!r} prints a list; {path} is not a list")
        if any(isinstance(t, type) and issubclass(t, BaseModel) for t in ftype.leaf):
            raise PathError(f"format {fmt!r} needs a list of choices; {path} is a list of groups (rows_from)")
        return ftype
    if ftype.is_list:
        raise PathError(f"{path} is a list: print it with | join, or use it as a table's rows_from")
    if not _accepts(formatter.accepts, ftype.leaf):
        names = ", ".join(getattr(t, "__name__", str(t)) for t in ftype.leaf)
        raise PathError(f"format {fmt!r} needs a {formatter.accepts} field; {path} is {names}")
    return ftype


def list_item_model(model: type[BaseModel], path: str) -> tuple[type[BaseModel], FieldType]:
    """The row model of a repeating group (``rows_from``)."""
    ftype = field_type(model, path)
    models = [t for t in ftype.leaf if isinstance(t, type) and issubclass(t, BaseModel)]
    if not ftype.is_list or not models:
        raise PathError(f"{path} is not a list of groups")
    return models[0], ftype


def resolve(obj: Any, path: str) -> Any:
    """The value at ``path`` in a declaration (``None`` when any step is absent)."""
    for part in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, part, None) if not isinstance(obj, dict) else obj.get(part)
    return obj


def declared(obj: Any, path: str) -> bool:
    """Whether the input itself gave the field at ``path`` (not filled in by a schema default).

    A printout should carry only what the person declared: a default such as "Việt Nam" for a
    nationality is a convenience of the form assistant, not something the data said.
    """
    *parents, last = path.split(".")
    parent = resolve(obj, ".".join(parents)) if parents else obj
    if isinstance(parent, dict):
        return last in parent
    fields_set = getattr(parent, "model_fields_set", None)
    return fields_set is not None and last in fields_set
