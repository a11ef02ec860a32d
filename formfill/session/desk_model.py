"""The desk's vocabulary, apart from its service (:mod:`formfill.session.desk`): the refusals, who
acts, a paper ready to print, what a reception step gives back, and reading and writing one field of
a nested declaration by its user path (rows counted from 1)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from formfill.base.errors import FormfillError
from formfill.base.i18n import tr
from formfill.desk.workdays import Due
from formfill.forms import FieldError
from formfill.storage import Reception, Submission


class DeskError(FormfillError):
    """A desk action refused; ``vi`` / ``en`` say why (never with a citizen's value)."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(vi)
        self.vi, self.en = vi, en

    def __str__(self) -> str:
        return tr(self.vi, self.en)


class DeskDenied(DeskError):
    """Not logged in, or the account's role may not do this (the command line's exit 3)."""


class StatusError(DeskError):
    """The action does not fit the submission's status (received twice, returned before received…)."""


class CorrectionError(DeskError):
    """A correction the schema refuses: ``errors`` are those on the fields changed."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(
            "Giá trị sửa chưa hợp lệ: " + "; ".join(f"{e.path}: {e.message}" for e in errors),
            "The corrected value is not valid: " + "; ".join(f"{e.path}: {e.message}" for e in errors),
        )
        self.errors = errors


@dataclass(frozen=True)
class Officer:
    """Who works at the desk: an account's name and role (``cli`` before any account exists)."""

    name: str
    role: str


@dataclass(frozen=True)
class Paper:
    """A paper ready to print: which one, its PDF bytes and a file name without personal data."""

    kind: str  # giay-tiep-nhan, phieu-bo-sung, phieu-tu-choi, so-theo-doi, to-khai, bao-cao
    data: bytes
    name: str


@dataclass(frozen=True)
class Outcome:
    """What a reception step recorded and printed; ``note`` says when another body's papers apply."""

    submission: Submission
    reception: Reception
    papers: list[Paper] = field(default_factory=list)
    due: Due | None = None
    note: str | None = None


def paper_name(kind: str, when: datetime) -> str:
    """``giay-tiep-nhan-20251127-100500.pdf``: the paper and the time, nothing of the citizen."""
    return f"{kind}-{when:%Y%m%d-%H%M%S}.pdf"


def set_path(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of the nested declaration with ``value`` at the user path (rows from 1; None removes)."""
    out = copy.deepcopy(data)
    parts = path.split(".")
    node: Any = out
    for i, part in enumerate(parts[:-1]):
        nxt_row = parts[i + 1].isdigit()
        if isinstance(node, list):
            index = int(part) - 1
            while len(node) <= index:
                node.append({})
            node = node[index]
        else:
            node = node.setdefault(part, [] if nxt_row else {})
    last = parts[-1]
    if isinstance(node, list):
        node[int(last) - 1] = value
    elif value is None:
        node.pop(last, None)
    else:
        node[last] = value
    return out


def get_path(data: Any, path: str) -> Any:
    """The value at a user path of the nested declaration, or None."""
    node = data
    for part in path.split("."):
        if isinstance(node, list) and part.isdigit() and 0 < int(part) <= len(node):
            node = node[int(part) - 1]
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            return None
    return node
