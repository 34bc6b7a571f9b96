"""Where the time goes, in the same run: py-spy samples the API and worker processes (and the worker's
pool children and detector forks) while the load is sent, and each sample is put in one bucket by the
innermost frame that names one: detector, the scan deadline's fork, ORM/database, broker, logging,
guidance, validation (pydantic), API/HTTP, or other. Idle threads are not sampled (py-spy's own guess:
a wait on the database can still count), so the figures are about busy CPU, in seconds of one core.

py-spy is optional (``pip install py-spy``; it needs ptrace rights): without it nothing is printed but
the reason."""

from __future__ import annotations

import shutil
import signal
import subprocess
from collections import Counter
from pathlib import Path

RATE = 97  # samples a second per process (prime: not in step with any timer)
# Checked innermost first; the first bucket whose marker a frame holds takes the sample.
BUCKETS = (
    ("detector", ("(detector/", "(spacy/", "(sklearn/", "(thinc/", "(numpy/", "(scipy/", "(srsly/")),
    ("scan fork", ("(workers/deadline.py",)),
    ("ORM/database", ("(sqlalchemy/", "(sqlmodel/", "(psycopg", "(alembic/", "(store/")),
    ("broker", ("(kombu/", "(celery/", "(redis/", "(billiard/", "(amqp/", "(workers/dispatch.py")),
    ("logging", ("(logging/", "(config/logs.py", "(api/logs.py")),
    ("guidance", ("(escalation/guidance/", "(workers/guidance.py")),
    ("validation", ("(pydantic",)),
    ("API/HTTP", ("(fastapi/", "(starlette/", "(uvicorn/", "(anyio/", "(h11/", "(httptools/", "(api/")),
)


class Profiler:
    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.executable = shutil.which("py-spy") or _beside_python()
        self.running: dict[str, tuple[subprocess.Popen[bytes], Path]] = {}
        self.why_not = "" if self.executable else "py-spy not installed (pip install py-spy)"

    def start(self, pids: dict[str, int]) -> None:
        if not self.executable:
            return
        for name, pid in pids.items():
            out = self.workdir / f"profile-{name}.txt"
            command = [self.executable, "record", "--pid", str(pid), "--subprocesses", "--format", "raw"]
            command += ["--rate", str(RATE), "--output", str(out), "--nonblocking"]
            log = (self.workdir / f"profile-{name}.log").open("wb")
            self.running[name] = (subprocess.Popen(command, stdout=log, stderr=log), out)

    def stop(self) -> None:
        for process, _ in self.running.values():
            process.send_signal(signal.SIGINT)  # py-spy writes its samples on SIGINT
        for process, _ in self.running.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()

    def report(self, seconds: float) -> None:
        if not self.running:
            print(f"profile: {self.why_not or 'no process sampled'}")
            return
        print(f"where the time goes (py-spy, {RATE}/s, busy CPU in core-seconds over {seconds:.0f} s)")
        for name, (_, out) in self.running.items():
            buckets = read_buckets(out)
            total = sum(buckets.values())
            if not total:
                print(f"  {name}: no samples (see {out.with_suffix('.log').name})")
                continue
            common = buckets.most_common()
            parts = ", ".join(f"{bucket} {n / RATE:.1f} s ({n / total:.0%})" for bucket, n in common)
            print(f"  {name}: {total / RATE:.1f} core-s = {total / RATE / seconds:.0%} of a core: {parts}")


def read_buckets(path: Path) -> Counter[str]:
    buckets: Counter[str] = Counter()
    if not path.exists():
        return buckets
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        buckets[bucket_of(stack.split(";"))] += int(count)
    return buckets


def bucket_of(frames: list[str]) -> str:
    for frame in reversed(frames):
        for bucket, markers in BUCKETS:
            if any(marker in frame for marker in markers):
                return bucket
    return "other"


def _beside_python() -> str | None:
    import sys

    candidate = Path(sys.executable).parent / "py-spy"
    return str(candidate) if candidate.exists() else None
