"""A story told back: "the final episode won't play" ... "it freezes where the sergeant throws himself off".

Suicide in a film, a series or a book is a topic, not a risk (LEVELS.md). The context modifiers discount a
rule's evidence when the story word is in the same sentence, but a plot is usually told over several
turns, and the model alone reads "he throws himself off the sea wall" as someone at risk. So once a turn,
the agent's or the customer's, names a story (config/detector.yaml ``story_frame``), the customer's next
few turns that speak of nobody real are read as the plot: none. A turn in the first person is read as it
is; a turn that names someone real ("my son watched it and now he says he'll do the same") is read as it
is and ends the frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from config.files import load_yaml
from detector.signals import Assessment, Category, Modifier, RiskLevel


@dataclass(frozen=True)
class StoryFrame:
    turns: int  # customer turns the frame holds after the last turn that named a story
    names_story: re.Pattern[str]
    first_person: re.Pattern[str]
    names_real_person: re.Pattern[str]


def any_phrase(phrases: list[str]) -> re.Pattern[str]:
    ordered = sorted((str(p) for p in phrases), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


@lru_cache(maxsize=1)
def story_frame() -> StoryFrame:
    data: dict[str, Any] = load_yaml("detector.yaml")["story_frame"]
    return StoryFrame(
        turns=int(data["turns"]),
        names_story=any_phrase(data["story_words"]),
        first_person=any_phrase(data["first_person_words"]),
        names_real_person=any_phrase(data["real_person_words"]),
    )


def frame_after(turns_left: int, normalized_text: str) -> int:
    """Customer turns the frame still holds after a turn with this text (an agent's turn resets it too)."""
    frame = story_frame()
    return frame.turns if frame.names_story.search(normalized_text) else max(0, turns_left - 1)


def opens_frame(normalized_text: str) -> bool:
    return story_frame().names_story.search(normalized_text) is not None


def names_a_real_person(normalized_text: str) -> bool:
    """A relative, a friend, a neighbour: someone a later "he" or "she" may be."""
    return story_frame().names_real_person.search(normalized_text) is not None


def in_the_first_person(normalized_text: str) -> bool:
    return story_frame().first_person.search(normalized_text) is not None


def read_as_plot(message: Assessment) -> Assessment:
    """The turn as a plot told back: level none, its rule evidence kept but discounted as a topic."""
    note = f"a story told back, no real person named: {message.level.label} -> none"
    signals = tuple(replace(s, modifiers=s.modifiers | {Modifier.TOPIC}) for s in message.signals)
    return replace(
        message, level=RiskLevel.NONE, category=Category.NONE, signals=signals, notes=(*message.notes, note)
    )
