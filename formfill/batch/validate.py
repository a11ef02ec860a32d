"""Every row of a roster checked, nothing written (``formfill validate FORM roster``: formfill.cli.batch)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from formfill.base.i18n import Lang
from formfill.batch.columns import load_mapping
from formfill.batch.rows import CellError, check_row, open_roster


@dataclass
class RosterCheck:
    """What a roster holds: counts, the reader's warnings, and every problem with its row and column."""

    path: str
    form: str
    encoding: str = ""
    warnings: list[str] = field(default_factory=list)
    rows: int = 0
    valid: int = 0
    invalid: int = 0
    blank: int = 0
    errors: list[CellError] = field(default_factory=list)
    fields: Any = field(default=None, repr=False)

    def lines(self) -> list[str]:
        """ "row N, column C: message" (or "dòng N, cột C: …"), one per problem."""
        return [e.line() for e in self.errors]

    def summary(self) -> dict[str, int]:
        return {"rows": self.rows, "valid": self.valid, "invalid": self.invalid, "blank": self.blank}

    def as_dict(self) -> dict[str, Any]:
        from formfill.batch.report import shown_value

        errors = []
        for e in self.errors:
            item = e.as_dict()
            item["value"] = shown_value(e, self.fields) if self.fields is not None else str(e.value or "")
            errors.append(item)
        return {
            "form": self.form,
            "roster": self.path,
            "encoding": self.encoding,
            "warnings": self.warnings,
            **self.summary(),
            "errors": errors,
        }


def check_roster(
    spec: Any,
    path: str | Path,
    *,
    mapping: str | Path | dict[str, str | None] | None = None,
    sheet: str | None = None,
    lang: Lang | None = None,
) -> RosterCheck:
    """Read and validate every row. Raises ``RosterHeaderError``/``InputError`` when unreadable."""
    if isinstance(mapping, str | Path):
        mapping = load_mapping(mapping)
    roster = open_roster(path, spec, mapping=mapping, sheet=sheet, lang=lang)
    result = RosterCheck(str(path), spec.id, roster.encoding, list(roster.warnings), fields=roster.fields)
    try:
        for row in roster.rows():
            if row.blank:
                result.blank += 1
                continue
            result.rows += 1
            check_row(roster, row)
            if row.errors:
                result.invalid += 1
                result.errors.extend(row.errors)
            else:
                result.valid += 1
    finally:
        roster.close()
    return result
