"""The rules a step can judge on its own, even while some of its answers are still wrong.

pydantic runs a block's ``model_validator(mode="after")`` rules only once every field of the block is
valid, and the declaration's own rules only once the whole declaration is. A person filling a step
then meets one error, fixes it, presses Continue again and meets the next one (the ID number that
contradicts the sex, the copies asked for with no count). :func:`rule_errors` runs those rules on
the part of a block that is valid, so the step shows all its errors at once. The schema still
decides: nothing here re-states a rule, it only calls the schema's rules on a partial block.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Collection
from typing import Any

from pydantic import BaseModel, ValidationError

from formfill.forms import FieldError, explain
from formfill.forms.field_docs import field_adapter

# Rules that complain about an answer being absent. On a block where an answer was given but is
# invalid (so left out of the partial block), they would complain wrongly: they wait for it.
PRESENCE = frozenset(
    {"missing", "missing_without_id", "vn_identity_missing", "vn_identity_or_birth_certificate_missing"}
)


def rule_errors(
    model: type[BaseModel],
    value: Any,
    prefix: tuple[str | int, ...] = (),
    keys: Collection[str] | None = None,
) -> list[FieldError]:
    """Errors of ``model``'s own rules (and of its nested blocks' rules) that validation hid.

    ``value`` is the block as a dict; ``keys`` limits the nested blocks looked into (a step's
    fields). Returns only what a plain validation of ``value`` would not report yet.
    """
    if not isinstance(value, dict):
        return []
    try:
        model.model_validate(value)
    except ValidationError:
        pass
    else:
        return []  # valid: every rule ran and passed
    valid: dict[str, Any] = {}
    invalid_given = False
    errors: list[FieldError] = []
    for key, item in value.items():
        if key not in model.model_fields:
            continue
        try:
            valid[key] = field_adapter(model, key).validate_python(item)
        except ValidationError:
            invalid_given = True
            sub = _block_model(model.model_fields[key].annotation)
            if sub is not None and (keys is None or key in keys):
                errors.extend(rule_errors(sub, item, (*prefix, key)))
    instance = model.model_construct(**valid)
    for decorator in model.__pydantic_decorators__.model_validators.values():
        if decorator.info.mode != "after":
            continue
        try:
            decorator.func(instance)
        except ValidationError as exc:
            found = explain(exc, prefix=prefix)
            errors.extend(e for e in found if not (invalid_given and e.type in PRESENCE))
        except Exception:  # a rule that cannot judge a partial block waits for the review
            continue
    return errors


def _block_model(annotation: Any) -> type[BaseModel] | None:
    """The block class of a field typed ``SomeBlock`` or ``SomeBlock | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _block_model(arg)
            if found is not None:
                return found
    return None


def merge(errors: list[FieldError], more: list[FieldError]) -> list[FieldError]:
    """``errors`` then each rule error at a path that has none yet (one message per problem)."""
    taken = {e.path for e in errors}
    out = list(errors)
    seen: set[tuple[str, str]] = set()
    for error in more:
        if error.path in taken or (error.path, error.message) in seen:
            continue
        seen.add((error.path, error.message))
        out.append(error)
    return out
