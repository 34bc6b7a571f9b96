"""The detector's vocabulary: levels, categories, signal kinds and the Assessment it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum


class RiskLevel(IntEnum):
    """Ordered so that comparisons read naturally: ``level >= RiskLevel.HIGH`` means "page"."""

    NONE = 0
    LOW = 1
    MODERATE = 2
    HIGH = 3
    IMMINENT = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str | int | RiskLevel) -> RiskLevel:
        if isinstance(value, RiskLevel):
            return value
        if isinstance(value, int):
            return cls(value)
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown risk level {value!r}; expected one of {LEVEL_NAMES}") from None


LEVEL_NAMES = [level.label for level in RiskLevel]


class Category(StrEnum):
    NONE = "none"
    SUICIDE = "suicide"
    SELF_HARM = "self_harm"
    HARM_TO_OTHERS = "harm_to_others"
    ABUSE = "abuse"
    MEDICAL = "medical"
    THIRD_PARTY = "third_party"


class SignalKind(StrEnum):
    IDEATION = "ideation"
    INTENT = "intent"
    PLAN = "plan"
    MEANS = "means"
    TIMELINE = "timeline"
    # Where the speaker is, when it is a place to die (a bridge, the tracks, the river): only beside other
    # evidence (config supporting_only), with which it is danger happening now.
    PLACE = "place"
    PREPARATION = "preparation"
    ATTEMPT_IN_PROGRESS = "attempt_in_progress"
    SELF_HARM = "self_harm"
    BURDEN_HOPELESSNESS = "burden_hopelessness"
    THIRD_PARTY = "third_party"
    HARM_TO_OTHERS = "harm_to_others"
    ABUSE = "abuse"
    MEDICAL = "medical"


class Modifier(StrEnum):
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    HISTORICAL = "historical"
    OTHER_PERSON = "other_person"
    FIGURATIVE = "figurative"
    JOKING = "joking"
    # Beyond the ConText set: suicide as a subject (a charity run, a film) and injuries by accident.
    TOPIC = "topic"
    ACCIDENTAL = "accidental"
    # Finality about a service with an ordinary reason given: "I won't be around next month, I'm moving to
    # Spain, so close the account".
    SERVICE = "service"


# Modifiers that mean the speaker is not describing their own current risk.
DISCOUNTING = frozenset(
    {
        Modifier.NEGATED,
        Modifier.HYPOTHETICAL,
        Modifier.FIGURATIVE,
        Modifier.JOKING,
        Modifier.TOPIC,
        Modifier.ACCIDENTAL,
        Modifier.SERVICE,
    }
)


@dataclass(frozen=True)
class Signal:
    """One piece of evidence. ``start``/``end`` are character offsets into the caller's original text."""

    kind: SignalKind
    start: int
    end: int
    text: str
    rule: str
    modifiers: frozenset[Modifier] = frozenset()

    @property
    def counts(self) -> bool:
        """True when the signal describes current, literal risk (possibly someone else's)."""
        return not (self.modifiers & DISCOUNTING) and Modifier.HISTORICAL not in self.modifiers

    @property
    def about_other(self) -> bool:
        return Modifier.OTHER_PERSON in self.modifiers

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "rule": self.rule,
            "modifiers": sorted(m.value for m in self.modifiers),
        }


@dataclass(frozen=True)
class Assessment:
    level: RiskLevel
    category: Category
    # The model's probability, raised by rule evidence, that the message carries risk at moderate or above.
    score: float
    signals: tuple[Signal, ...] = ()
    model_level: RiskLevel = RiskLevel.NONE
    rule_level: RiskLevel = RiskLevel.NONE
    language_supported: bool = True
    notes: tuple[str, ...] = ()
    detector_version: str = ""
    message_level: RiskLevel | None = None  # set in a conversation: this message's level on its own
    # Rule evidence above moderate was held at moderate because the model heard no risk (config
    # rule_support): the evidence stays out of the conversation's combinations too.
    held_by_model: bool = False

    @property
    def level_alone(self) -> RiskLevel:
        return self.level if self.message_level is None else self.message_level

    def to_dict(self) -> dict[str, object]:
        return {
            "level": self.level.label,
            "message_level": self.level_alone.label,
            "category": self.category.value,
            "score": round(self.score, 4),
            "signals": [s.to_dict() for s in self.signals],
            "model_level": self.model_level.label,
            "rule_level": self.rule_level.label,
            "language_supported": self.language_supported,
            "notes": list(self.notes),
            "detector_version": self.detector_version,
        }


@dataclass
class ConversationState:
    """What the detector remembers about a conversation between turns. Plain data: the store saves it."""

    level: RiskLevel = RiskLevel.NONE
    category: Category = Category.NONE
    turns: int = 0
    # Signal kinds seen so far that count, split by who is at risk, with the turn they appeared on.
    self_kinds: dict[str, int] = field(default_factory=dict)
    other_kinds: dict[str, int] = field(default_factory=dict)
    # The screening questions the agent's last turn asked, read against the customer's next turn.
    asked: tuple[str, ...] = ()
    asked_names_harm: bool = False
    # Code words an agent offered as a silent "yes" ("if you're in danger right now, reply '<words>'"), with
    # the questions each answers: they hold for the rest of the conversation (the agent's words, saved).
    codes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The service object ("account") the agent's last turn offered to close or change, which a bare "it" in
    # the customer's next turn may stand for (config/questions.yaml service_objects). A word from a fixed
    # list, never the customer's: saved.
    referent: str = ""
    # The customer's last few turns, read together with the next one (config context_turns). Never saved
    # with the state (to_dict leaves them out, so no customer words are copied into it): the worker reads
    # them back from the stored messages before each fold.
    recent: tuple[str, ...] = ()
    # The kinds of evidence each of those turns carried, supporting ones included (no words: saved).
    recent_kinds: tuple[tuple[str, ...], ...] = ()
    # Customer turns for which a story named by either side (a show, a film, a book) is still the frame in
    # which third-person talk is read as the plot (detector/story.py). A count, no words: saved.
    story: int = 0
    # Customer turns for which an ordinary reason for leaving the customer gave ("we're emigrating") is still
    # the frame in which their goodbyes are read (detector/leaving.py). A count, no words: saved.
    leaving: int = 0
    # The customer's last turn read as high from the model alone, with nothing before it: held at moderate
    # until the next turn confirms it (detector/conversation.py). No words: saved.
    unconfirmed_high: bool = False
    # The customer's last turn is not read together with the next one: it was a plot told back, or every risk
    # word in it was discounted (a joke, a figure of speech, a negation), which joined turns would lose.
    read_alone: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "level": self.level.label,
            "category": self.category.value,
            "turns": self.turns,
            "self_kinds": dict(self.self_kinds),
            "other_kinds": dict(self.other_kinds),
            "asked": list(self.asked),
            "asked_names_harm": self.asked_names_harm,
            "recent_kinds": [list(kinds) for kinds in self.recent_kinds],
            "codes": [[code, list(names)] for code, names in self.codes],
            "referent": self.referent,
            "story": self.story,
            "leaving": self.leaving,
            "unconfirmed_high": self.unconfirmed_high,
            "read_alone": self.read_alone,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> ConversationState:
        return cls(
            level=RiskLevel.parse(str(data.get("level", "none"))),
            category=Category(str(data.get("category", "none"))),
            turns=int(str(data.get("turns", 0))),
            self_kinds={str(k): int(v) for k, v in dict(data.get("self_kinds") or {}).items()},  # type: ignore[call-overload]
            other_kinds={str(k): int(v) for k, v in dict(data.get("other_kinds") or {}).items()},  # type: ignore[call-overload]
            asked=tuple(str(name) for name in list(data.get("asked") or [])),  # type: ignore[call-overload]
            asked_names_harm=bool(data.get("asked_names_harm", False)),
            recent_kinds=tuple(
                tuple(str(kind) for kind in kinds)
                for kinds in list(data.get("recent_kinds") or [])  # type: ignore[call-overload]
            ),
            codes=tuple(
                (str(code), tuple(str(name) for name in names))
                for code, names in list(data.get("codes") or [])  # type: ignore[call-overload]
            ),
            referent=str(data.get("referent") or ""),
            story=int(str(data.get("story") or 0)),
            leaving=int(str(data.get("leaving") or 0)),
            unconfirmed_high=bool(data.get("unconfirmed_high", False)),
            # "plot": the key's name before discounted turns were kept apart too
            read_alone=bool(data.get("read_alone", data.get("plot", False))),
        )
