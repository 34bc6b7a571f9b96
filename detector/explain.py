"""What each part of the detector says about one text, for `stayline scan --explain`.

The same ablation `stayline evaluate --ablate` runs over a data set, for one message: the rules alone, the
model alone (with the model's probabilities), and the fused level, so a surprising level can be traced
to the part that gave it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace

from detector.normalize import normalize
from detector.pipeline import Detector
from detector.signals import LEVEL_NAMES

PARTS = {
    "rules only": frozenset({"rules"}),
    "model only": frozenset({"model"}),
    "fused": frozenset({"rules", "model", "conversation", "window"}),
}


@dataclass(frozen=True)
class Explanation:
    levels: dict[str, str]  # part -> the level it gives alone
    at_least: dict[str, float]  # the model's P(level >= X) for the whole text, X from low to imminent

    def to_dict(self) -> dict[str, object]:
        return {"levels": self.levels, "model_at_least": self.at_least}


def explain(detector: Detector, text: str, channel: str = "chat") -> Explanation:
    levels = {}
    for name, components in PARTS.items():
        # A copy with other components, so the caller's detector (perhaps shared) is never changed.
        part = copy.copy(detector)
        part.config = replace(detector.config, components=components)
        levels[name] = part.assess(text, channel=channel).level.label
    probabilities = detector.model.predict([normalize(text).text])[0][0]
    at_least = {LEVEL_NAMES[i]: round(float(probabilities[i:].sum()), 3) for i in range(1, len(LEVEL_NAMES))}
    return Explanation(levels, at_least)


__all__ = ["PARTS", "Explanation", "explain"]
