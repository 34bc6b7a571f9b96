"""Real databases: a fresh SQLite file and a fresh PostgreSQL schema per test.

PostgreSQL is expected at STAYLINE_TEST_POSTGRES_URL (default: the machine's local server, database
`test`). Where it is absent the PostgreSQL cases are skipped with the reason, unless
STAYLINE_REQUIRE_SERVICES=1 (CI sets it), which turns the absence into a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from store.db import close_engine, migrate

POSTGRES_URL = os.environ.get("STAYLINE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _postgres_or_skip() -> sa.Engine:
    admin = sa.create_engine(POSTGRES_URL)
    try:
        with admin.connect():
            return admin
    except sa.exc.OperationalError as error:
        if os.environ.get("STAYLINE_REQUIRE_SERVICES") == "1":
            raise
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}: {error.__class__.__name__}")


@contextmanager
def fresh_postgres_schema(prefix: str = "t") -> Iterator[str]:
    """A migrated schema of its own on the PostgreSQL server, dropped afterwards."""
    admin = _postgres_or_skip()
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with admin.begin() as connection:
        connection.execute(sa.text(f"CREATE SCHEMA {schema}"))
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    try:
        migrate(url)
        yield url
    finally:
        close_engine(url)  # this process's pooled connections to the schema, before it is dropped
        with admin.begin() as connection:
            connection.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'stayline.db'}"
        migrate(url)
        yield url
        return
    with fresh_postgres_schema() as url:
        yield url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with fresh_postgres_schema() as url:
        yield url
