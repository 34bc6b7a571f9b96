"""`stayline worker` for the chaos harness (bench/chaos.py), with one test-only change: the detector spins
forever on any text that holds the marker named by STAYLINE_CHAOS_HANG_MARKER. That is the poison message.

Why a marker and not a real adversarial input: the cubic backtracking that used to hang the detector on a
long run of letters is fixed (detector/normalize.py), and what remains slow on long text depends on the
machine; a poison that finishes in time on a fast CI runner tests nothing. The marker makes the scan hang
every time, in pure Python holding a CPU, as the backtracking pattern did, so what is tested is the
service's defence (the scan deadline kills the forked scan, the keyword fallback assesses the message,
crisis scans are not held behind it), not the detector. The hook lives here, read by this bootstrap only:
no production code path knows the variable. The harness also sends the formerly cubic input for real.

Run as ``python -m bench.chaos_worker worker --concurrency 2`` with the repository root on PYTHONPATH.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from detector import Assessment, Detector

MARKER_ENV = "STAYLINE_CHAOS_HANG_MARKER"


def install_poison(marker: str) -> None:
    """Wrap Detector.assess_many (what a scan runs under its deadline) so the marker hangs it."""
    real = Detector.assess_many

    def assess_many(self: Detector, texts: Sequence[str | bytes], **kwargs: Any) -> list[Assessment]:
        if any(marker in str(text) for text in texts):
            while True:  # a pure-Python spin: only the deadline's SIGKILL ends it
                pass
        return real(self, texts, **kwargs)

    Detector.assess_many = assess_many  # type: ignore[method-assign]


def main() -> None:
    marker = os.environ.get(MARKER_ENV)
    if marker:
        install_poison(marker)
    from stayline_cli.main import cli

    cli(prog_name="stayline")


if __name__ == "__main__":
    main()
