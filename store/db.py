"""Engines, sessions and migrations for SQLite (the embedded default) and PostgreSQL."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DisconnectionError
from sqlmodel import Session, SQLModel, create_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def engine_for(url: str) -> Engine:
    """One engine per URL per process. Bound parameters are never put into error messages or logs: they
    carry customers' words (an error's text reaches the log, and logs leave the platform)."""
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = _create(url)
        return engine


def _create(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    engine = create_engine(url, hide_parameters=True)
    event.listen(engine, "checkin", _note_checkin)
    event.listen(engine, "checkout", partial(_ping_if_idle, engine.dialect))
    return engine


# A pooled connection is checked (one round trip) before use only when it has been idle this long. The
# engine's pool_pre_ping checked it before every transaction: a round trip on each of them, several per
# request and per scan, when under load a connection is handed out again milliseconds after its last use.
# A connection the server dropped (a restart) is still replaced before use once it has sat idle; one lost
# while busy fails its transaction, which the pool answers by replacing all connections as old as it.
PING_AFTER_IDLE_SECONDS = 1.0
_CHECKED_IN = "stayline_checked_in"


def _note_checkin(_dbapi_connection: object, record: Any) -> None:
    record.info[_CHECKED_IN] = time.monotonic()


def _ping_if_idle(dialect: Any, dbapi_connection: Any, record: Any, _proxy: object) -> None:
    idle_since = record.info.get(_CHECKED_IN)
    if idle_since is not None and time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
        return
    try:
        dialect.do_ping(dbapi_connection)
    except dialect.loaded_dbapi.Error as error:
        if dialect.is_disconnect(error, dbapi_connection, None):
            raise DisconnectionError() from error  # the pool connects afresh and tries again
        raise


def close_engine(url: str) -> None:
    """Close every pooled connection to ``url`` and forget its engine (a test's schema that is dropped:
    otherwise each kept engine holds idle connections and a long run exhausts the server's limit)."""
    with _engines_lock:
        engine = _engines.pop(url, None)
    if engine is not None:
        engine.dispose()


def forget_inherited_connections() -> None:
    """Call first thing in a forked child: pooled connections belong to the parent, and two processes
    talking over one socket corrupt each other's conversations. The parent's connections stay open."""
    with _engines_lock:
        for engine in _engines.values():
            engine.dispose(close=False)


def _sqlite_pragmas(connection: object, _record: object) -> None:
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the worker's writes
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def migrate(url: str) -> None:
    """Bring the database to the newest schema (idempotent)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    with engine_for(url).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    with Session(engine_for(url), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def insert_if_absent(session: Session, model: type[SQLModel], values: Mapping[str, Any]) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING (PostgreSQL and SQLite): two requests creating the same row at
    once both succeed, and neither aborts its transaction. True if this call created the row."""
    dialect = postgresql if is_postgres(session) else sqlite
    table = model.__table__  # type: ignore[attr-defined]
    statement = dialect.insert(table).values(**values).on_conflict_do_nothing()
    # RETURNING, not rowcount: psycopg 3 reports rowcount -1 here, which read as "created" every time
    # (on PostgreSQL a replayed webhook was acted on again).
    created = session.execute(statement.returning(*table.primary_key.columns)).first()
    return created is not None


def insert_all_if_absent(session: Session, model: type[SQLModel], rows: Sequence[Mapping[str, Any]]) -> None:
    """``insert_if_absent`` for several rows in one statement (in primary-key order, so two writers of
    overlapping rows wait on each other in one order and never deadlock)."""
    if not rows:
        return
    dialect = postgresql if is_postgres(session) else sqlite
    table = model.__table__  # type: ignore[attr-defined]
    keys = [column.name for column in table.primary_key.columns]
    ordered = sorted(rows, key=lambda row: tuple(row[k] for k in keys))
    session.execute(dialect.insert(table).values(ordered).on_conflict_do_nothing())
