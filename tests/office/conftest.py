"""The office commands run as a user runs them: a subprocess (fixtures shared with tests/hostile)."""

from tests.hostile.conftest import assert_clean_failure, run_formfill

__all__ = ["assert_clean_failure", "run_formfill"]
