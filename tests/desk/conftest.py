"""The desk's command-line tests run the real command in a subprocess (tests/hostile's fixture)."""

from tests.hostile.conftest import assert_clean_failure, run_formfill

__all__ = ["assert_clean_failure", "run_formfill"]
