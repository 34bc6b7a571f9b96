"""Run a piece of work in a forked child that is killed when its deadline passes.

Why a fork per call, rather than a thread timeout or a SIGALRM:
- a thread cannot be stopped: a pure-Python loop or a backtracking regex keeps running (and a regex in C
  holds the GIL, so the whole process stops answering, /healthz included);
- SIGALRM works only in a process's main thread: right in a Celery prefork child, but the embedded
  default scans on threads of the API process, and C code that never checks for signals ignores it;
- a long-lived helper process (or a multiprocessing pool) must be restarted after a kill and loads its
  own model, and ``multiprocessing`` refuses to start children from Celery's daemonic pool processes.
``os.fork`` works the same in both places: the child inherits the loaded detector (copy-on-write, no
reload, about 40 ms with the model loaded), and SIGKILL ends it whatever it is doing. The child never
touches the parent's database connections or sockets and leaves with ``os._exit`` so no finaliser runs.
Where fork does not exist (Windows), the work runs inline without a deadline.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class DeadlineMissed(Exception):
    """The work did not finish: ``reason`` is "timeout", "crashed" or "error:<ExceptionType>"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def run_with_deadline(work: Callable[[], T], seconds: float) -> T:
    if not hasattr(os, "fork"):
        return work()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: do the work, send the result, leave without cleaning up the parent's state
        try:
            # A timer of its own: should the parent die before it can kill this child (a SIGKILLed
            # worker), the child still ends instead of spinning on forever. Default action: terminate.
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            signal.alarm(int(seconds) + 2)
            os.close(read_end)
            _child(work, write_end)
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        payload = _read_all(read_end, time.monotonic() + seconds)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):  # it may have finished just now
            os.kill(pid, signal.SIGKILL)
        raise DeadlineMissed("timeout") from None
    finally:
        os.close(read_end)
        os.waitpid(pid, 0)  # reap: the child has exited or been killed
    if not payload:
        raise DeadlineMissed("crashed")
    ok, value = pickle.loads(payload)
    if not ok:
        raise DeadlineMissed(f"error:{value}")
    return value  # type: ignore[no-any-return]


def _child(work: Callable[[], object], write_end: int) -> None:
    try:
        payload = pickle.dumps((True, work()))
    except BaseException as error:  # the type only: an exception's text may quote the customer's words
        payload = pickle.dumps((False, type(error).__name__))
    view = memoryview(payload)
    while view:
        view = view[os.write(write_end, view) :]
    os.close(write_end)


def _read_all(fd: int, deadline: float) -> bytes:
    """Everything the child writes, until it closes its end; read as it comes (a pipe holds only 64 KiB)."""
    chunks: list[bytes] = []
    poller = select.poll()  # not select(): a busy server's descriptors can be numbered above 1024
    poller.register(fd, select.POLLIN)
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not poller.poll(left * 1000):
            raise TimeoutError
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
