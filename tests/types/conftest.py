"""Shared helpers for the type tests: error-type assertions and a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from formfill.types import dates

TODAY = date(2025, 12, 1)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> date:
    """Pin "today" so "not in the future" rules do not drift with the calendar."""
    monkeypatch.setattr(dates, "today", lambda: TODAY)
    return TODAY


def _error_types(tp: Any, value: Any) -> list[str]:
    with pytest.raises(ValidationError) as info:
        TypeAdapter(tp).validate_python(value)
    return [e["type"] for e in info.value.errors()]


def _model_errors(model: Any, data: Any) -> dict[tuple[Any, ...], str]:
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return {tuple(e["loc"]): e["type"] for e in info.value.errors()}


@pytest.fixture
def error_types() -> Callable[[Any, Any], list[str]]:
    """``error_types(Type, value)``: the error types a value produces (fails if it validates)."""
    return _error_types


@pytest.fixture
def model_errors() -> Callable[[Any, Any], dict[tuple[Any, ...], str]]:
    """``model_errors(Model, data)``: ``{loc: type}`` of the errors (fails if it validates)."""
    return _model_errors
