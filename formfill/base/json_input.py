"""Strict JSON reading: duplicate keys, NaN and Infinity are errors (Python's json allows them)."""

from __future__ import annotations

import json
from typing import Any

from formfill.base.errors import InputError


class StrictJSONError(ValueError):
    """A JSON document that is well-formed for Python but ambiguous for a declaration."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise StrictJSONError(f"khóa trùng lặp / duplicate key: {key!r}")
        out[key] = value
    return out


def _no_constants(name: str) -> Any:
    raise StrictJSONError(f"giá trị không hợp lệ / not allowed: {name}")


def loads_strict(text: str | bytes) -> Any:
    """Parse JSON, refusing duplicate keys and NaN/Infinity. Raises ``StrictJSONError`` or ``ValueError``."""
    return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)


def read_json_file(path: str) -> Any:
    """A whole JSON file (UTF-8, BOM tolerated); unreadable or invalid -> :class:`InputError`."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return loads_strict(fh.read())
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: không phải UTF-8 / not UTF-8 ({exc.reason})") from exc
    except ValueError as exc:
        raise InputError(f"{path}: JSON không hợp lệ / invalid JSON: {exc}") from exc
