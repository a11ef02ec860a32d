"""A form's fast validator: the model's own core schema with the types' fast paths put in front.

Most rows of a large file are valid and already clean, and most of their time went into calling the
types' Python validators for values they return unchanged. The fast validator is built from the
model's core schema (same classes, same model validators, same output), where

* a plain validator with a fast path (:mod:`formfill.types.fast`) becomes "fast path, else the
  validator" — pydantic-core accepts the common value without calling Python;
* an after-check with a fast path (a date not in the future) becomes the same check in
  pydantic-core, against the date the run started on;
* a model rule that does nothing for a class (the footnote-(2) rule of a block without
  conditional fields) is left out for that class.

A fast path only ever accepts what its validator returns unchanged, so a row the fast validator
accepts is the row the model accepts. When it refuses a row, the row is validated again by the model
itself, so every error — type, message, location — is exactly the model's. Fast validators depend
on today's date (the not-in-the-future checks), so they are kept per model and per day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import SchemaError, SchemaValidator, core_schema

from formfill.base import clock
from formfill.model.block import Block
from formfill.types import dates
from formfill.types.fast import fast_factory

_SKIP = frozenset({"serialization", "metadata", "function", "cls", "config", "ref", "post_init"})


def validate_fast(model: type[BaseModel], data: Any) -> Any:
    """``model.model_validate(data)``, through the model's fast validator when it accepts the row."""
    with clock.same_day():
        try:
            return fast_validator(model, dates.today()).validate_python(data)
        except ValidationError:
            return model.model_validate(data)  # the exact errors (or, never expected, the value)


@lru_cache(maxsize=64)
def fast_validator(model: type[BaseModel], today: date) -> SchemaValidator | Any:
    """The model's validator with every fast path in place, for rules as of ``today`` (the model's
    own validator for a schema the fast paths cannot be fitted into: slower, never wrong)."""
    try:
        return SchemaValidator(with_fast_paths(model.__pydantic_core_schema__, today))
    except SchemaError:
        return model.__pydantic_validator__


def with_fast_paths(schema: Any, today: date) -> Any:
    """A copy of a core schema with the fast paths of its validator functions put in front."""
    if isinstance(schema, list):
        return [with_fast_paths(item, today) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: v if k in _SKIP else with_fast_paths(v, today) for k, v in schema.items()}
    kind = out.get("type")
    if kind == "function-plain":
        factory = fast_factory(_function(out))
        if factory is not None:
            plain = {k: v for k, v in out.items() if k != "ref"}
            return _in_place_of(out, core_schema.union_schema([factory(today), plain], mode="left_to_right"))
    elif kind == "function-after":
        fn = _function(out)
        if (idle := _idle_rules().get(fn)) is not None and idle(_model_class(out)):
            return _in_place_of(out, out["schema"])
        factory = fast_factory(fn)
        if factory is not None:
            return _in_place_of(out, core_schema.chain_schema([out["schema"], factory(today)]))
    return out


def _in_place_of(original: dict[str, Any], new: Any) -> Any:
    """``new`` where ``original`` was: same reference name and serialization (or ``original``
    itself when ``new`` already carries another reference name)."""
    if "ref" in new and new["ref"] != original.get("ref"):
        return original
    new = dict(new)
    for key in ("ref", "serialization"):
        if key in original:
            new[key] = original[key]
    return new


@cache
def _idle_rules() -> dict[Any, Callable[[Any], bool]]:
    """Model rules (after-validators) and, for each, when it does nothing for a class."""
    rules = Block.__pydantic_decorators__.model_validators
    return {
        rules["_required_without"].func: lambda cls: isinstance(cls, type) and not cls._conditional_fields()
    }


def _model_class(schema: dict[str, Any]) -> Any:
    """The model class an after-validator's schema validates (through further validators)."""
    while schema.get("type", "").startswith("function-"):
        schema = schema.get("schema") or {}
    return schema.get("cls") if schema.get("type") == "model" else None


def _function(schema: dict[str, Any]) -> Any:
    return (schema.get("function") or {}).get("function")
