"""Batch filling: read a roster (.csv, .tsv, .xlsx, .jsonl), one PDF per valid row, report, resume.

Public API: :func:`iter_rows` (streamed :class:`Row` objects), :func:`check_roster` /
:func:`validate_roster` (for ``formfill validate``), :func:`run_batch` (for ``formfill batch``).
"""

from formfill.batch.columns import RosterHeaderError
from formfill.batch.rows import CellError, Roster, Row, check_row, iter_rows, open_roster
from formfill.batch.runner import BatchResult, BatchStats, run_batch
from formfill.batch.validate import RosterCheck, check_roster, validate_roster

__all__ = [
    "BatchResult",
    "BatchStats",
    "CellError",
    "Roster",
    "RosterCheck",
    "RosterHeaderError",
    "Row",
    "check_roster",
    "check_row",
    "iter_rows",
    "open_roster",
    "run_batch",
    "validate_roster",
]
