"""Detector throughput and latency on a realistic mix, beside a plain keyword-regex baseline.

Run: .venv/bin/python bench/detector.py [--messages 4000]
Prints figures and ratios measured in this run; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the target is per core
# This file is called detector.py too: drop bench/ from the path so the package is imported, not us.
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

from detector import Detector  # noqa: E402

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

    started = time.perf_counter()
    for start in range(0, len(texts), args.batch):
        detector.assess_many(texts[start : start + args.batch])
    batch_seconds = time.perf_counter() - started

    latencies = []
    for text in texts[: min(1000, len(texts))]:
        begun = time.perf_counter()
        detector.assess(text)
        latencies.append((time.perf_counter() - begun) * 1000)

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"messages: {len(texts)} (4 short chat lines : 1 200-word transcript segment)")
    print(f"model load:              {load_seconds:.2f} s")
    print(f"keyword regex baseline:  {len(texts) / baseline_seconds:,.0f} msg/s")
    print(
        f"detector, batches of {args.batch}: {len(texts) / batch_seconds:,.0f} msg/s "
        f"({baseline_seconds / batch_seconds:.4f} x baseline speed)"
    )
    print(
        f"detector, one at a time: p50 {statistics.median(latencies):.2f} ms, "
        f"p99 {percentile(latencies, 0.99):.2f} ms"
    )
    print(f"peak RSS:                {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
