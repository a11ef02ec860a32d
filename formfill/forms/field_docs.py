"""Field metadata for UIs and docs, read from the schema itself (never written twice).

:func:`walk` lists every leaf field of a form in the official order with its label, help, format,
requiredness and conditions — the TUI builds widgets from it, the batch reader maps columns with
it, and the README's data dictionary is generated from it. :func:`field_adapter` gives the pydantic
validator of one field so a UI checks a value the moment the user leaves it.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo

from formfill.base.i18n import Lang, current_lang


@dataclass(frozen=True)
class FieldDoc:
    """One field of a form, as a person (or a column header) sees it."""

    path: str  # user path; repeating groups show "N": "thanh_vien.N.ho_ten"
    key: str  # last part of the path
    label: str
    label_en: str
    help: str
    help_en: str
    kind: str  # "text", "date", "bool", "int", "choice", "group", "list"
    format: str | None  # JSON Schema format of formfill types ("vn-personal-id", ...)
    required: bool  # required whenever its block is given
    required_when: str  # human wording of a conditional requirement ("" when none)
    required_without: str | None
    show_when: dict[str, Any] | None
    widget: str | None
    repeated: bool  # inside a repeating group
    max_length: int | None
    default: Any = None
    examples: tuple[Any, ...] = field(default_factory=tuple)
    enum: tuple[str, ...] = field(default_factory=tuple)

    def label_for(self, lang: Lang | None = None) -> str:
        return self.label_en if (lang or current_lang()) == "en" and self.label_en else self.label

    def help_for(self, lang: Lang | None = None) -> str:
        return self.help_en if (lang or current_lang()) == "en" and self.help_en else self.help


def _resolve(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        ref = schema["$ref"].rsplit("/", 1)[-1]
        merged = {k: v for k, v in schema.items() if k != "$ref"}
        # A block's class docstring is pydantic's description of its definition: developer text,
        # never help for a citizen. Help comes from the field (fld(help=...)) only.
        target = {k: v for k, v in defs[ref].items() if k != "description"}
        schema = {**target, **merged}
    return schema


def _unwrap_optional(schema: dict[str, Any], defs: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """``anyOf: [X, null]`` -> (X merged with the outer keys, True)."""
    schema = _resolve(schema, defs)
    options = schema.get("anyOf")
    if options:
        non_null = [o for o in options if o.get("type") != "null"]
        if len(non_null) == 1 and len(non_null) < len(options):
            outer = {k: v for k, v in schema.items() if k != "anyOf"}
            return {**_resolve(non_null[0], defs), **outer}, True
    return schema, False


def _kind(schema: dict[str, Any]) -> str:
    if schema.get("type") == "object" or "properties" in schema:
        return "group"
    if schema.get("type") == "array":
        return "list"
    if schema.get("type") == "boolean":
        return "bool"
    if schema.get("type") == "integer":
        return "int"
    if schema.get("enum"):
        return "choice"
    fmt = schema.get("format", "")
    if "date" in fmt:
        return "date"
    return "text"


def _walk(
    schema: dict[str, Any],
    defs: dict[str, Any],
    prefix: str,
    repeated: bool,
    out: list[FieldDoc],
    groups: bool,
) -> None:
    required = set(schema.get("required", ()))
    for key, raw in schema.get("properties", {}).items():
        sub, optional = _unwrap_optional(raw, defs)
        path = f"{prefix}{key}"
        kind = _kind(sub)
        doc = FieldDoc(
            path=path,
            key=key,
            label=sub.get("x-label") or sub.get("title") or key,
            label_en=sub.get("x-label-en", ""),
            help=sub.get("description", ""),
            help_en=sub.get("x-help-en", ""),
            kind=kind,
            format=sub.get("format"),
            required=key in required,
            required_when=sub.get("x-required-when", ""),
            required_without=sub.get("x-required-without"),
            show_when=sub.get("x-show-when"),
            widget=sub.get("x-widget"),
            repeated=repeated,
            max_length=sub.get("maxLength"),
            default=sub.get("default"),
            examples=tuple(sub.get("examples") or ()),
            enum=tuple(sub.get("enum") or ()),
        )
        if kind == "group":
            if groups:
                out.append(doc)
            _walk(sub, defs, f"{path}.", repeated, out, groups)
        elif kind == "list" and "items" in sub and _kind(_resolve(sub["items"], defs)) == "group":
            if groups:
                out.append(doc)
            _walk(_resolve(sub["items"], defs), defs, f"{path}.N.", True, out, groups)
        else:
            out.append(doc)
        del optional


@cache
def walk(model: type[BaseModel], groups: bool = False) -> tuple[FieldDoc, ...]:
    """Every leaf field (and, with ``groups``, every block) of ``model`` in declaration order."""
    schema = TypeAdapter(model).json_schema(mode="validation")
    out: list[FieldDoc] = []
    _walk(schema, schema.get("$defs", {}), "", False, out, groups)
    return tuple(out)


def _strip(annotation: Any) -> Any:
    """``X | None`` -> X; ``list[X]`` -> X (for descending into blocks)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _strip(args[0])
    if origin is list:
        return _strip(typing.get_args(annotation)[0])
    if origin is typing.Annotated:
        return _strip(typing.get_args(annotation)[0])
    return annotation


def field_info(model: type[BaseModel], path: str) -> tuple[type[BaseModel], str, FieldInfo]:
    """The block class, the key and the pydantic FieldInfo at a user path (``thanh_vien.1.ho_ten``)."""
    parts = [p for p in path.split(".") if not (p.isdigit() or p == "N")]
    current: type[BaseModel] = model
    for i, part in enumerate(parts):
        info = current.model_fields[part]
        if i == len(parts) - 1:
            return current, part, info
        nxt = _strip(info.annotation)
        if not (isinstance(nxt, type) and issubclass(nxt, BaseModel)):
            raise KeyError(path)
        current = nxt
    raise KeyError(path)


@cache
def field_adapter(model: type[BaseModel], path: str) -> TypeAdapter[Any]:
    """A validator for the value of one field, with the field's own constraints (max length, ge...)."""
    _block, _key, info = field_info(model, path)
    annotation: Any = info.annotation
    if info.metadata:
        annotation = typing.Annotated[(annotation, *info.metadata)]  # type: ignore[misc]
    return TypeAdapter(annotation)
