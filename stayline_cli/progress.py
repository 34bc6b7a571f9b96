"""Say what a slow start is doing. A first `make run` trains the detector's model (a minute or more on a
small machine); a silent terminal for that long looks like a hang."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

TICK_SECONDS = 10.0


@contextmanager
def saying(
    what: str, *, every: float = TICK_SECONDS, echo: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Prints ``what``, then "still ..." every ``every`` seconds, then how long it took."""
    say = echo or (lambda line: click.echo(line, err=True))
    started, done = time.monotonic(), threading.Event()
    say(f"{what} ...")

    def tick() -> None:
        while not done.wait(every):
            say(f"  still {what[0].lower() + what[1:]}: {time.monotonic() - started:.0f} s so far")

    ticker = threading.Thread(target=tick, name="start-progress", daemon=True)
    ticker.start()
    try:
        yield
    finally:
        done.set()
        ticker.join()
    say(f"  done in {time.monotonic() - started:.1f} s")
