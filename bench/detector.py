"""Detector throughput and latency on a realistic mix, beside a plain keyword-regex baseline.

Run: .venv/bin/python bench/detector.py [--messages 4000]
Prints figures and ratios measured in this run; nothing here is asserted.

"Conversation context on" is what a worker does: assess a batch, then fold each message into its
conversation (``Detector.fold``: the answer to the agent's last question, and the model reading the turn
joined to the customer's turn before it, config ``context_turns``). Every five messages here are one
conversation. "Messages alone" is ``assess_many`` only, the figure this bench printed before.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import sys
import time
from dataclasses import replace

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the target is per core
# This file is called detector.py too: drop bench/ from the path so the package is imported, not us.
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

from detector import Detector  # noqa: E402
from detector.signals import ConversationState  # noqa: E402

CONVERSATION = 5  # messages per conversation
CONTEXT_CHARS = 1000  # of a turn, given to fold as workers/folding.py gives it

SHORT = [
    "hi, my parcel still hasn't arrived, order 000-4471",
    "can you reset my password please",
    "ok thanks, that's everything",
    "this is the third time the internet dropped today",
    "I want to cancel my subscription",
    "my phone died so I couldn't call back",
    "honestly I don't want to be here anymore",
    "lol this queue is killing me",
    "i've been saving up my tablets",
    "I'm going to LA on the 14th, can I change the booking",
]
TRANSCRIPT_WORDS = (
    "um so yeah i was calling about the bill uh it went up again this month and i dont really understand "
    "why because nothing changed on my side and i i already rang last week and they said it would be sorted "
    "and it wasnt so now im just really tired of it all to be honest its been a hard few months since i lost "
    "my job and everything feels like too much some days but anyway the account number should be on the "
    "letter you sent me let me just find it hang on"
).split()


def transcript(seed: int) -> str:
    words = TRANSCRIPT_WORDS[seed % 7 :] + TRANSCRIPT_WORDS
    return " ".join(words[:200])


def workload(count: int) -> list[str]:
    # Four short chat lines for every 200-word transcript segment.
    return [transcript(i) if i % 5 == 4 else SHORT[i % len(SHORT)] for i in range(count)]


def earlier_turns(texts: list[str], index: int) -> tuple[str, ...]:
    """The customer's turns before ``index`` in its conversation, as a worker reads them from storage."""
    first = index - index % CONVERSATION
    return tuple(t[:CONTEXT_CHARS] for t in texts[first:index])


KEYWORDS = re.compile(
    r"\b(kill myself|suicide|suicidal|end my life|want to die|overdose|self harm|cut myself)\b"
)


def keyword_baseline(texts: list[str]) -> list[bool]:
    return [bool(KEYWORDS.search(t.lower())) for t in texts]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=4000)
    parser.add_argument("--batch", type=int, default=256)
    args = parser.parse_args()
    texts = workload(args.messages)

    started = time.perf_counter()
    detector = Detector()
    load_seconds = time.perf_counter() - started

    started = time.perf_counter()
    keyword_baseline(texts)
    baseline_seconds = time.perf_counter() - started

    started, cpu_started = time.perf_counter(), time.process_time()
    states: dict[int, ConversationState] = {}
    for start in range(0, len(texts), args.batch):
        batch = texts[start : start + args.batch]
        assessments = detector.assess_many(batch)
        # As a worker folds a chunk: each turn's earlier turns are known (stored), so the model reads every
        # turn joined to them in one batch before the folds.
        earlier = [earlier_turns(texts, start + index) for index in range(len(batch))]
        windows = detector.read_windows(
            [(before, text[:CONTEXT_CHARS]) for before, text in zip(earlier, batch, strict=True)]
        )
        for index, (text, message) in enumerate(zip(batch, assessments, strict=True)):
            conversation = (start + index) // CONVERSATION
            state = replace(states.get(conversation, ConversationState()), recent=earlier[index])
            states[conversation] = detector.fold(state, message, text[:CONTEXT_CHARS], windows)[1]
    batch_seconds, batch_cpu = time.perf_counter() - started, time.process_time() - cpu_started

    started = time.perf_counter()
    for start in range(0, len(texts), args.batch):
        detector.assess_many(texts[start : start + args.batch])
    alone_seconds = time.perf_counter() - started

    latencies = []
    states = {}
    for index, text in enumerate(texts[: min(1000, len(texts))]):
        begun = time.perf_counter()
        state = states.get(index // CONVERSATION, ConversationState())
        state = replace(state, recent=earlier_turns(texts, index))
        states[index // CONVERSATION] = detector.fold(state, detector.assess(text), text[:CONTEXT_CHARS])[1]
        latencies.append((time.perf_counter() - begun) * 1000)

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"messages: {len(texts)} (4 short chat lines : 1 200-word transcript segment)")
    print(f"model load:              {load_seconds:.2f} s")
    print(f"keyword regex baseline:  {len(texts) / baseline_seconds:,.0f} msg/s")
    print(
        f"detector, batches of {args.batch}, conversation context on: "
        f"{len(texts) / batch_seconds:,.0f} msg/s ({baseline_seconds / batch_seconds:.4f} x baseline speed)"
    )
    # CPU time of this process: the per-core figure, less moved by whatever else the machine is running.
    print(f"  same, per CPU-second of this process: {len(texts) / batch_cpu:,.0f} msg/s")
    print(f"detector, batches of {args.batch}, messages alone: {len(texts) / alone_seconds:,.0f} msg/s")
    print(
        f"detector, one at a time, conversation context on: p50 {statistics.median(latencies):.2f} ms, "
        f"p99 {percentile(latencies, 0.99):.2f} ms"
    )
    print(f"peak RSS:                {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
