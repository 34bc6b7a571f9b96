"""ConText-style modifiers for rule evidence: negated, hypothetical, historical, figurative, joking, topic,
accidental, and who the evidence is about (the speaker or another person). The vocabulary is data in
``config/context.yaml``; this module only applies scopes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from config.files import load_yaml
from detector.rules import compile_phrase, load_lexicon
from detector.signals import Modifier, SignalKind

# Evidence about the speaker's own safety; for these, who the evidence is about decides the category.
SELF_RISK_KINDS = frozenset(
    {
        SignalKind.IDEATION,
        SignalKind.INTENT,
        SignalKind.PLAN,
        SignalKind.MEANS,
        SignalKind.TIMELINE,
        SignalKind.PLACE,
        SignalKind.PREPARATION,
        SignalKind.ATTEMPT_IN_PROGRESS,
        SignalKind.SELF_HARM,
        SignalKind.BURDEN_HOPELESSNESS,
    }
)

PSEUDO = "pseudo"


@dataclass(frozen=True)
class Trigger:
    modifier: Modifier
    direction: str  # forward | backward | both
    scope: int
    kinds: frozenset[SignalKind] = frozenset()  # the evidence it may modify; empty: any kind
    rules: frozenset[str] = frozenset()  # ... and only these rule ids; empty: any rule
    others_only: bool = False  # ... and only evidence about someone else

    def may_modify(self, kind: SignalKind, rule: str, about_other: bool) -> bool:
        return (
            (not self.kinds or kind in self.kinds)
            and (not self.rules or rule in self.rules)
            and (about_other or not self.others_only)
        )


@dataclass(frozen=True)
class Scope:
    trigger: Trigger  # what cast it: its modifier, and the evidence it may modify
    start: int  # token indices, half-open
    end: int


class ContextAnalyzer:
    def __init__(self, nlp: Language) -> None:
        data: dict[str, Any] = load_yaml("context.yaml")
        self.terminators = {Modifier(k): frozenset(v) for k, v in data["terminators"].items()}
        self.matcher = Matcher(nlp.vocab)
        lexicon = load_lexicon(nlp)  # triggers may use the rules' word sets: "in $YEAR"
        self.triggers: dict[str, Trigger] = {}
        for index, entry in enumerate(data["triggers"]):
            key = f"trigger{index}"
            modifier = Modifier(entry["modifier"])
            kinds = frozenset(SignalKind(k) for k in entry.get("kinds", []))
            rules = frozenset(str(r) for r in entry.get("rules", []))
            others_only = entry.get("about") == "someone else"
            scope = int(entry["scope"])
            self.triggers[key] = Trigger(modifier, entry["direction"], scope, kinds, rules, others_only)
            self.matcher.add(key, [compile_phrase(p, lexicon, nlp) for p in entry["p"]])
        self.matcher.add(PSEUDO, [compile_phrase(p, lexicon, nlp) for p in data["pseudo"]])
        people = data["experiencer"]
        self.self_words = frozenset(people["self"])
        self.self_in_span = frozenset(people["self_in_span"])
        self.other_words = frozenset(people["other"])
        self.other_in_span = frozenset(people["other_in_span"])

    def kinds_of(self, modifier: Modifier) -> frozenset[SignalKind]:
        """The evidence kinds a modifier's triggers may modify (every trigger of it together)."""
        kinds = [t.kinds for t in self.triggers.values() if t.modifier == modifier]
        return frozenset().union(*kinds)

    def scopes(self, doc: Doc) -> list[tuple[int, int, Scope]]:
        """Every trigger's (start, end) and the scope it casts."""
        found = [(doc.vocab.strings[k], s, e) for k, s, e in self.matcher(doc)]
        pseudo = [(s, e) for k, s, e in found if k == PSEUDO]
        result = []
        for key, start, end in found:
            if key == PSEUDO or any(ps < end and start < pe for ps, pe in pseudo):
                continue
            trigger = self.triggers[key]
            for scope in self._cast(doc, trigger, start, end):
                result.append((start, end, scope))
        return result

    def _cast(self, doc: Doc, trigger: Trigger, start: int, end: int) -> list[Scope]:
        stops = self.terminators[trigger.modifier]
        sentence = doc[start].sent
        scopes = []
        if trigger.direction in ("forward", "both"):
            stop = min(end + trigger.scope, sentence.end)
            for i in range(end, stop):
                if doc[i].lower_ in stops:
                    stop = i
                    break
            scopes.append(Scope(trigger, end, stop))
        if trigger.direction in ("backward", "both"):
            begin = max(start - trigger.scope, sentence.start)
            for i in range(start - 1, begin - 1, -1):
                if doc[i].lower_ in stops:
                    begin = i + 1
                    break
            scopes.append(Scope(trigger, begin, start))
        return scopes

    def modifiers(
        self,
        doc: Doc,
        start: int,
        end: int,
        kind: SignalKind,
        scopes: list[tuple[int, int, Scope]],
        rule: str = "",
    ) -> frozenset[Modifier]:
        found = set()
        about_other = kind in SELF_RISK_KINDS and self._about_someone_else(doc, start, end)
        for t_start, t_end, scope in scopes:
            if not scope.trigger.may_modify(kind, rule, about_other):
                continue
            if t_start < end and start < t_end:
                if t_start <= start and end <= t_end:
                    # The evidence is the trigger phrase itself: "he took his own life" is a bereavement.
                    found.add(scope.trigger.modifier)
                continue  # a trigger inside the evidence is part of what it says
            if scope.start <= start < scope.end or scope.start < end <= scope.end:
                found.add(scope.trigger.modifier)
        if about_other:
            found.add(Modifier.OTHER_PERSON)
        return frozenset(found)

    def _about_someone_else(self, doc: Doc, start: int, end: int) -> bool:
        span_words = [t.lower_ for t in doc[start:end]]
        if span_words and span_words[0] in self.other_words:
            return True
        for word in span_words:
            if word in self.other_in_span:
                return True
            if word in self.self_in_span:
                return False
        sentence_start = doc[start].sent.start
        for i in range(start - 1, sentence_start - 1, -1):
            word = doc[i].lower_
            if word in self.self_words:
                return False
            if word in self.other_words:
                return True
        return False
