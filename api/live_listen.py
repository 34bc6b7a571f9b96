"""PostgreSQL ``LISTEN`` for the event hub: one connection per API process, whatever the number of streams.

Runs on the event loop with psycopg's async connection (``AsyncConnection.notifies``), so waiting costs
no thread. A dropped connection is retried with a growing pause; until it is back, the hub's safety poll
keeps streams moving, only slower.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import psycopg
from sqlalchemy.engine import make_url

from store.audit_signal import CHANNEL

log = logging.getLogger(__name__)
RETRY_SECONDS = (0.5, 1.0, 2.0, 5.0)


def libpq_url(url: str) -> str:
    """The SQLAlchemy URL as libpq reads it (no ``+driver``; query options such as search_path kept)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def listen(url: str, wake: Callable[[], None]) -> None:
    """Call ``wake`` for every notification from this database schema; runs until cancelled."""
    failures = 0
    while True:
        try:
            async with await psycopg.AsyncConnection.connect(libpq_url(url), autocommit=True) as conn:
                cursor = await conn.execute("SELECT current_schema()")
                row = await cursor.fetchone()
                schema = row[0] if row else None
                await conn.execute(f"LISTEN {CHANNEL}")
                failures = 0
                wake()  # rows committed while nobody was listening
                async for note in conn.notifies():
                    if note.payload == schema:
                        wake()
        except asyncio.CancelledError:
            raise
        except Exception as error:
            pause = RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)]
            failures += 1
            log.warning(
                "event listener lost the database; streams fall back to the slow poll",
                extra={"error_type": type(error).__name__, "retry_seconds": pause},
            )
            await asyncio.sleep(pause)
