"""An ordinary reason for leaving, given a turn before the goodbyes: "we're emigrating, not coming back" ...
"just saying goodbye to everyone now".

The `service` modifier (config/context.yaml) discounts finality (intent, preparation, a time) beside an
ordinary reason for leaving in the same sentence. Customers often give the reason in one turn and say the
goodbyes in the next, where the modifier cannot see it. So once a customer's turn gives such a reason, their
next few turns (config/detector.yaml ``leaving_frame``) are read again as if it stood beside them, and the
lower reading stands (pipeline.fold). The same limits hold as in one sentence: only finality is discounted,
to low, not none; never beside a means, an act or a plan (pipeline._service_reason_stands); and never once
the conversation has shown risk.
"""

from __future__ import annotations

import re
from functools import lru_cache

from config.files import load_yaml
from detector.signals import Modifier
from detector.story import any_phrase

REASON_MODIFIER = Modifier.SERVICE


@lru_cache(maxsize=1)
def _reasons() -> re.Pattern[str]:
    """The `service` modifier's own trigger phrases: one list of reasons for both readings."""
    entries = [e for e in load_yaml("context.yaml")["triggers"] if e["modifier"] == REASON_MODIFIER.value]
    return any_phrase([str(p) for e in entries for p in e["p"]])


@lru_cache(maxsize=1)
def frame_turns() -> int:
    return int(load_yaml("detector.yaml")["leaving_frame"]["turns"])


@lru_cache(maxsize=1)
def _not_a_move() -> re.Pattern[str]:
    """The modifier's pseudo-triggers that hold a reason's words ("moving to a better place" is dying): the
    modifier ignores the reason there, and so does the frame."""
    reasons = _reasons()
    pseudo = [str(p) for p in load_yaml("context.yaml")["pseudo"] if reasons.search(str(p))]
    return any_phrase(pseudo) if pseudo else re.compile(r"(?!)")


def gives_a_reason_for_leaving(normalized: str) -> bool:
    return _reasons().search(_not_a_move().sub(" ", normalized)) is not None


def leaving_frame_after(turns_left: int, normalized: str) -> int:
    """Customer turns the frame still holds after this one: renewed by a turn that gives a reason."""
    return frame_turns() if gives_a_reason_for_leaving(normalized) else max(0, turns_left - 1)
