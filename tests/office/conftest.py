"""The office commands run as a user runs them: a subprocess (fixtures shared with tests/hostile), on
both engines (the store fixtures of tests/storage)."""

from tests.hostile.conftest import assert_clean_failure, run_formfill
from tests.storage.conftest import pg_admin_url, pg_target, store_target

__all__ = ["assert_clean_failure", "pg_admin_url", "pg_target", "run_formfill", "store_target"]
