"""The detector under a deadline: every message of a claimed batch comes back assessed, by the detector
when it finishes in time, by the keyword fallback (marked degraded) when it does not.

Crisis-looking messages are assessed first, together: one forked run and one model pass for all of them
(a fork costs about 40 ms with the model loaded, and one per crisis message starved bulk scans while
crisis messages kept arriving: docs/scale.md), so a message that does not look like a crisis and hangs
the detector never delays them. The rest go in a second batch (one model pass: several times cheaper
under load). If a batch, crisis-looking or not, runs out of time, its messages are retried one by one,
each under its own deadline, so only the message that hangs is degraded and every other one is assessed
by the detector. A hanging message is thus assessed within two deadlines of the start of its batch.

The price of assessing crisis-looking messages together: when one of them hangs, the group's run is lost.
So a group of crisis-looking messages gets a quarter of the deadline (URGENT_GROUP_SHARE; a group of four
takes well under 0.1 s), and a hanging one delays the others of its claim by that quarter plus its own
retry's deadline: 2.5 s with the default 2 s, where one fork each held them up by at most 2 s. The chaos
run holds every crisis message to 5 s (bench/chaos.py); with the group's full deadline the hanging one
itself took 4.3 s there. Each further one that hangs adds a deadline, as before. A crisis claim holds at
most URGENT_BATCH of them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from detector import Assessment, Detector
from workers.deadline import DeadlineMissed, run_with_deadline
from workers.prescreen import keyword_assessment, looks_urgent

log = logging.getLogger(__name__)

URGENT_GROUP_SHARE = 0.25  # of the deadline, for crisis-looking messages assessed together (docstring)


@dataclass(frozen=True)
class Outcome:
    assessment: Assessment
    degraded: str | None = None  # why the detector's answer is missing: "timeout", "crashed", "error:..."


@dataclass(frozen=True)
class Item:
    text: str
    channel: str  # "chat" or "voice", as the detector takes it


def assess_all(
    detector: Detector, items: Sequence[Item], seconds: float, keep_claim: Callable[[], None]
) -> list[Outcome]:
    """One outcome per item, in order. ``keep_claim`` is called before each timed run (it renews the
    claim on the rows, so a slow batch is not taken over by another worker meanwhile)."""
    outcomes: dict[int, Outcome] = {}
    urgent = [i for i, item in enumerate(items) if looks_urgent(item.text)]
    rest = [i for i in range(len(items)) if i not in set(urgent)]
    for group in [g for g in (urgent, rest) if g]:
        keep_claim()
        together = seconds * URGENT_GROUP_SHARE if group is urgent and len(group) > 1 else seconds
        try:
            found = _timed(detector, [items[i] for i in group], together)
            outcomes.update({i: Outcome(a) for i, a in zip(group, found, strict=True)})
            continue
        except DeadlineMissed as missed:
            if len(group) == 1:
                outcomes[group[0]] = _fallback(items[group[0]], missed.reason)
                continue
            log.warning("a batch of %d scans missed its deadline (%s): one by one", len(group), missed.reason)
        for i in group:
            keep_claim()
            try:
                outcomes[i] = Outcome(_timed(detector, [items[i]], seconds)[0])
            except DeadlineMissed as missed:
                outcomes[i] = _fallback(items[i], missed.reason)
    return [outcomes[i] for i in range(len(items))]


def _timed(detector: Detector, items: list[Item], seconds: float) -> list[Assessment]:
    texts, channels = [item.text for item in items], [item.channel for item in items]
    return run_with_deadline(lambda: detector.assess_many(texts, channel=channels), seconds)


def _fallback(item: Item, reason: str) -> Outcome:
    log.warning("scan degraded to the keyword fallback (%s)", reason)  # never the text
    return Outcome(keyword_assessment(item.text, reason), reason)
