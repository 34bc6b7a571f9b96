"""`stayline worker` runs its Celery worker under workers/supervisor.py: a child that stops by itself is
started again; SIGHUP restarts it; a stop signal to the parent ends both, with no restart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from tests.fakes.services import wait_until

SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from workers.supervisor import supervise

    starts = Path(sys.argv[1])

    def run():
        with starts.open("a") as out:
            out.write(f"{os.getpid()}\\n")
        if len(starts.read_text().split()) < 3:
            raise SystemExit(0)  # as Celery does after an "unrecoverable error"
        time.sleep(600)

    sys.exit(supervise(run, first_delay=0.05))
    """
)


def pids(path: Path) -> list[int]:
    return [int(line) for line in path.read_text().split()] if path.exists() else []


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_worker_that_stops_by_itself_is_started_again_and_a_stop_signal_ends_both(tmp_path: Path) -> None:
    starts = tmp_path / "starts"
    parent = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(starts)],
        cwd=Path(__file__).resolve().parents[2],
        stderr=subprocess.PIPE,
    )
    try:
        wait_until(lambda: len(pids(starts)) == 3, 20, "two restarts")
        time.sleep(0.3)
        assert len(pids(starts)) == 3  # the third child runs on: no restart while it lives
        third = pids(starts)[-1]
        assert alive(third)
        parent.send_signal(signal.SIGHUP)  # a restart: the child ends, a new one starts, the parent stays
        wait_until(lambda: len(pids(starts)) == 4, 10, "the restart asked for")
        wait_until(lambda: not alive(third), 5, "the old child to end")
        fourth = pids(starts)[-1]
        assert parent.poll() is None and alive(fourth)
        parent.send_signal(signal.SIGTERM)
        assert parent.wait(timeout=10) == 0
        wait_until(lambda: not alive(fourth), 5, "the child to end with the parent")
        assert len(pids(starts)) == 4  # a requested stop is not a restart
        assert b"stopped by itself" in (parent.stderr.read() if parent.stderr else b"")
    finally:
        parent.kill()
        parent.wait(timeout=10)
