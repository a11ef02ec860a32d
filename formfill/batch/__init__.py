"""Batch filling: read a roster (.csv, .tsv, .xlsx, .jsonl), one PDF per valid row, report, resume.

Public API: :func:`iter_rows` (streamed :class:`Row` objects), :func:`check_roster` (for
``formfill validate``), :func:`run_batch` (for ``formfill batch``) and the renderer interface it
calls (:class:`Renderer`, :func:`set_default_renderer`). Nothing here prints or knows exit codes:
:mod:`formfill.cli.batch` does.
"""

from formfill.batch.columns import RosterHeaderError
from formfill.batch.renderer import Renderer, set_default_renderer
from formfill.batch.rows import CellError, Roster, Row, check_row, iter_rows, open_roster
from formfill.batch.runner import BatchResult, BatchStats, BatchStopped, run_batch
from formfill.batch.validate import RosterCheck, check_roster

__all__ = [
    "BatchResult",
    "BatchStats",
    "BatchStopped",
    "CellError",
    "Renderer",
    "Roster",
    "RosterCheck",
    "RosterHeaderError",
    "Row",
    "check_roster",
    "check_row",
    "iter_rows",
    "open_roster",
    "run_batch",
    "set_default_renderer",
]
