"""Store tests on both engines: the ``store_target`` fixture gives an SQLite file or a PostgreSQL schema."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.storage.pg_server import drop_schema, new_schema, server_url


@dataclass(frozen=True)
class Target:
    """Where a test's store lives: ``path`` (SQLite) or ``url`` (PostgreSQL, a schema of its own)."""

    engine: str
    path: Path | None
    url: str | None

    def open(self, **kwargs):  # type: ignore[no-untyped-def]
        from formfill.base.settings import Settings
        from formfill.storage import SubmissionStore

        kwargs.setdefault("settings", Settings())
        return SubmissionStore(self.path, url=self.url, **kwargs)

    def args(self) -> list[str]:
        """Command-line form for a subprocess (the writer scripts)."""
        return [self.url] if self.url else [str(self.path)]


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    url, cluster = server_url()
    try:
        yield url
    finally:
        if cluster is not None:
            cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Target]:
    if request.param == "sqlite":
        yield Target("sqlite", tmp_path / "office.sqlite3", None)
        return
    admin = request.getfixturevalue("pg_admin_url")
    url, schema = new_schema(admin)
    try:
        yield Target("postgresql", None, url)
    finally:
        drop_schema(admin, schema)


@pytest.fixture
def pg_target(pg_admin_url: str) -> Iterator[Target]:
    url, schema = new_schema(pg_admin_url)
    try:
        yield Target("postgresql", None, url)
    finally:
        drop_schema(pg_admin_url, schema)
