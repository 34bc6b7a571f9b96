"""The detector: normalise, find rule evidence, apply context, ask the model, fuse into a level.

Pure: no database, queue or network. Build one ``Detector`` per process (loading spaCy and the model
takes about a second) and call ``assess_many`` for batches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import spacy
from spacy.tokens import Doc

from config.settings import get_settings
from detector.classifier import RiskModel
from detector.concepts import abstract
from detector.context import ContextAnalyzer
from detector.conversation import RECENT_CHARS, WindowReading, advance, hear_agent, pending_question
from detector.dialogue import (
    AGENTS_SUGGESTION,
    CUSTOMERS_OBJECT,
    does_a_pronoun,
    ends_a_pronoun,
    ends_it,
    named_service_object,
    read_answer,
    read_codes,
    with_noun_for_it,
    with_referent,
    with_suggestion,
)
from detector.fusion import (
    Evidence,
    combination_level,
    discounted_ceiling,
    evidence_level,
    fused_score,
    fusion_config,
    model_level,
    model_sure_of_danger,
    signal_category,
    strongest,
)
from detector.language import looks_english
from detector.leaving import REASON_MODIFIER, leaving_frame_after
from detector.lifecycle import serving_model
from detector.normalize import MappedText, normalize, normalized_text
from detector.rules import RuleMatcher
from detector.signals import Assessment, Category, ConversationState, Modifier, RiskLevel, Signal, SignalKind
from detector.story import frame_after, in_the_first_person, names_a_real_person, opens_frame, read_as_plot

CHANNELS = ("chat", "voice", "sms")
# The model's readings of turns joined to the turns before them, by joined text (Detector.read_windows).
Windows = dict[str, WindowReading]
_CUE_CLASSES = frozenset({"_medicine_", "_weapon_", "_height_", "_traffic_", "_poison_"})
_OWN_RISK = frozenset({Category.SUICIDE.value, Category.SELF_HARM.value, Category.MEDICAL.value})


UNSUPPORTED_LANGUAGE = "language not supported yet: scored by rules and model trained on English"


@dataclass(frozen=True)
class _ModelView:
    """What the model said about one text."""

    cumulative: dict[RiskLevel, float]  # P(level >= X) for the window that sounded most at risk
    category: str
    sentence_risk: float  # the riskiest single sentence, P(level >= moderate)
    normalized_text: str
    sentences: int


@dataclass
class _Window:
    owner: int  # index of the text this window belongs to
    offset: int  # where the window starts in the original text
    mapped: MappedText


class Detector:
    def __init__(self, model: RiskModel | None = None, *, model_dir: Path | None = None) -> None:
        self.nlp = spacy.blank("en")
        self.nlp.add_pipe("sentencizer")
        self.rules = RuleMatcher(self.nlp)
        self.context = ContextAnalyzer(self.nlp)
        self.config = fusion_config()
        settings = get_settings()
        self.use_model(model or serving_model(model_dir or settings.model_dir, settings.corpus_dirs))

    def use_model(self, model: RiskModel) -> None:
        """Serve ``model`` from the next call on (a promoted model, picked up without a restart)."""
        self.model = model
        self.version = f"{self.config.version}/{model.version}"

    # --- public API ------------------------------------------------------------------------------------
    def assess(
        self, text: str | bytes, *, channel: str = "chat", history: ConversationState | None = None
    ) -> Assessment:
        """One message. With ``history`` the level is the conversation's after this message."""
        message = self.assess_many([text], channel=channel)[0]
        if history is None:
            return message
        return self.fold(history, message, _decode(text)[0])[0]

    def follow(
        self, text: str | bytes, state: ConversationState, *, channel: str = "chat", speaker: str = "customer"
    ) -> tuple[Assessment | None, ConversationState]:
        """One turn of a conversation: the conversation-level assessment and the new state. An agent's turn
        is context only (the question the next answer answers): it returns no assessment."""
        decoded = _decode(text)[0]
        if speaker == "agent":
            return None, self.hear_agent(state, decoded)
        return self.fold(state, self.assess_many([text], channel=channel)[0], decoded)

    def hear_agent(self, state: ConversationState, text: str) -> ConversationState:
        """Remember the screening question an agent's turn asks; agent turns are never scored as risk."""
        return hear_agent(state, text)

    def fold(
        self,
        state: ConversationState,
        message: Assessment,
        text: str = "",
        windows: Windows | None = None,
    ) -> tuple[Assessment, ConversationState]:
        """Fold a message's own assessment (from ``assess_many``) into a conversation, as ``follow`` does.
        With the message's ``text``, an answer to the agent's last screening question counts too.
        ``windows``: the model's readings of a batch's turns joined to the turns before them, from
        ``read_windows``; a reading not among them is made here, one text at a time."""
        listening = text and "conversation" in self.config.components
        referent = _resolved(state)
        if listening and referent == AGENTS_SUGGESTION:
            message, text = self._read_it_as_the_suggestion(message, text)
        elif listening and referent:
            message, text = self._read_it_as_the_referent(message, text, referent)
        story, plot, leaving = state.story, False, state.leaving
        if listening:
            normalized = normalized_text(text)
            leaving = leaving_frame_after(state.leaving, normalized)
            # "We're emigrating, not coming back" then "just saying goodbye to everyone": the reason given in
            # an earlier turn read beside the goodbyes, in a conversation that has shown no risk and no
            # evidence (detector/leaving.py). Not a reason in the same turn: the sentence's own modifier
            # reads that, and "been saying bye to my mates. they think im moving abroad" is a cover story.
            if state.leaving > 0 and not _shown_risk(state) and message.level >= RiskLevel.MODERATE:
                message = self._read_in_the_leaving_frame(state, message, text, windows)
            someone_real = names_a_real_person(normalized)
            in_story = state.story > 0 or opens_frame(normalized)
            plot = in_story and not (someone_real or in_the_first_person(normalized))
            # Once someone real is named, "he" may be them: the story is no longer the frame.
            story = 0 if someone_real else frame_after(state.story, normalized)
            if in_story and not someone_real and message.level >= RiskLevel.MODERATE and ends_it(text):
                # "I've been waiting all week to see how it ends": in a story, "it" is the story.
                message, text = self._read_again(message, text, with_noun_for_it(text, "story"), "the story")
        if plot and message.level > RiskLevel.NONE:
            message = read_as_plot(message)
        readings = (
            # The answer's own risk is concern enough: "how many?" answered "the whole strip, I feel sick"
            read_answer(
                pending_question(state), text, max(state.level, message.level), _kinds_so_far(state, message)
            )
            + read_codes(state.codes, text)
            if listening
            else []
        )
        # A plot turn is not read together with the turns beside it: joined, they would tell it again. Nor is
        # a turn whose risk words were all discounted: joined, the model reads "kill myself to respawn" or
        # "no, I'm not suicidal" without the game or the "no" that the rules' modifiers heard.
        alone = plot or (bool(listening) and self._only_discounted(message))
        window = None if alone or state.read_alone else self._read_window(state, text, windows)
        folded, new_state = advance(state, message, self.config, readings, text, window)
        return folded, replace(new_state, story=story, read_alone=alone, leaving=leaving)

    def _only_discounted(self, message: Assessment) -> bool:
        """The message's rule evidence was all discounted to nothing (negated, figurative, joking, a topic,
        an accident) and the model did not overrule that: its risk words are not the speaker's risk."""
        if message.level > RiskLevel.LOW or not message.signals or any(s.counts for s in message.signals):
            return False
        none_levels = self.config.modifier_levels
        return any(
            s.modifiers and all(none_levels.get(m, RiskLevel.LOW) == RiskLevel.NONE for m in s.modifiers)
            for s in message.signals
            if s.kind not in self.config.supporting_only
        )

    def _read_it_as_the_referent(
        self, message: Assessment, text: str, referent: str
    ) -> tuple[Assessment, str]:
        """After "shall I close the account?", "yes, end it tonight" ends the account: when a counted rule
        matched on such a pronoun, the turn is read again with the agent's noun in its place, and the lower
        of the two readings stands, for this turn and for the turns read together with it
        (config/questions.yaml service_objects). Returns the assessment and the text as read."""
        if not any(s.counts and ends_a_pronoun(s.text) for s in message.signals):
            return message, text
        return self._read_again(
            message, text, with_referent(text, referent), f"the {referent} the agent asked about"
        )

    def _read_it_as_the_suggestion(self, message: Assessment, text: str) -> tuple[Assessment, str]:
        """After "uninstall it, then install 4.3", "perfect, I'll do it tonight" is doing that: in a
        conversation that has shown no risk, "it" has no other antecedent. The lower reading stands."""
        if not any(s.counts and does_a_pronoun(s.text) for s in message.signals):
            return message, text
        return self._read_again(message, text, with_suggestion(text), "what the agent suggested")

    def _read_in_the_leaving_frame(
        self, state: ConversationState, message: Assessment, text: str, windows: Windows | None
    ) -> Assessment:
        """The turn read as if the customer's reason for leaving stood beside it; the lower reading stands.
        Only where the model, reading the turn together with the one before (the reason, as a rule), hears
        no risk: "I'm moving out" then "nowhere really, I've written my note" is not a move."""
        joined = self._read_window(state, text, windows)
        heard = joined.cumulative if joined is not None else None
        if heard is not None and model_level(heard, self.config, False) > RiskLevel.LOW:
            return message
        if heard is None and message.model_level > RiskLevel.LOW:
            return message
        reread = self.assess_many([text], frame=REASON_MODIFIER)[0]
        if reread.level >= message.level:
            return message
        note = (
            f"read beside the reason for leaving given earlier: {message.level.label} -> {reread.level.label}"
        )
        return replace(reread, notes=(*reread.notes, note))

    def _read_again(
        self, message: Assessment, text: str, rewritten: str, meaning: str
    ) -> tuple[Assessment, str]:
        """The turn read again with a noun in place of "it"; the lower of the two readings stands."""
        reread = self.assess_many([rewritten])[0]
        if reread.level >= message.level:
            return message, text
        note = f'"it" read as {meaning}: {message.level.label} -> {reread.level.label}'
        return replace(reread, notes=(*reread.notes, note)), rewritten

    def read_windows(self, turns: Sequence[tuple[Sequence[str], str]]) -> Windows:
        """The model's readings of many turns, each joined to the customer's turns before it, scored in one
        batch for ``fold`` (a reading one text at a time costs several times its share of a batch's).
        ``turns``: each turn's earlier customer turns (oldest first, as ``ConversationState.recent``) and its
        text. Keyed by the joined text: a turn that ``fold`` reads otherwise (a pronoun read as the agent's
        noun) is not among them and is read there."""
        # Every turn is scored, repeats too: a batch holds few repeats, a benchmark many.
        joined = [j for earlier, text in turns if (j := self._joined(earlier, text))]
        return dict(zip(joined, self._window_readings(joined), strict=True))

    def _joined(self, earlier: Sequence[str], text: str) -> str | None:
        """This turn joined to the customer's turns before it (context_turns), or None: nothing to join."""
        keep = self.config.context_turns - 1
        earlier = tuple(earlier)[-keep:] if keep > 0 else ()
        if not text or not earlier or "window" not in self.config.components:
            return None
        return " ".join((*earlier, text[:RECENT_CHARS]))

    def _read_window(
        self, state: ConversationState, text: str, windows: Windows | None = None
    ) -> WindowReading | None:
        """The model's reading of this turn joined to the customer's turns before it (context_turns)."""
        joined = self._joined(state.recent, text)
        if joined is None:
            return None
        if windows is not None and joined in windows:
            return windows[joined]
        return self._window_readings([joined])[0]

    def _window_readings(self, joined: Sequence[str]) -> list[WindowReading]:
        probabilities, categories = self.model.predict([normalize(j).text for j in joined])
        return [
            WindowReading(
                {level: float(row[int(level) :].sum()) for level in RiskLevel if level}, Category(category)
            )
            for row, category in zip(probabilities, categories, strict=True)
        ]

    def assess_many(
        self,
        texts: Sequence[str | bytes],
        *,
        channel: str | Sequence[str] = "chat",
        frame: Modifier | None = None,
    ) -> list[Assessment]:
        """Score a batch in one pass through spaCy and the model (much cheaper than one call each). With
        ``frame``, a modifier the conversation casts over the whole text (detector/leaving.py) is added to
        the evidence it may modify, as if its trigger stood in the same sentence."""
        channels = [channel] * len(texts) if isinstance(channel, str) else list(channel)
        if len(channels) != len(texts):
            raise ValueError("assess_many: one channel per text, or a single channel for all")
        for name in channels:
            if name not in CHANNELS:
                raise ValueError(f"unknown channel {name!r}; expected one of {CHANNELS}")
        decoded = [_decode(t) for t in texts]
        windows = [w for i, (text, _) in enumerate(decoded) for w in self._windows(i, text)]
        docs = list(self.nlp.pipe([w.mapped.text for w in windows], batch_size=256))
        probabilities, categories = self.model.predict([w.mapped.text for w in windows])

        per_text: list[list[int]] = [[] for _ in texts]
        for index, window in enumerate(windows):
            per_text[window.owner].append(index)
        sentence_risk = self._sentence_risk(windows, docs)
        results = []
        for i, (text, notes) in enumerate(decoded):
            if not text.strip():
                results.append(self._empty((*notes, "empty text")))
                continue
            signals, patterns = self._signals([(windows[j], docs[j]) for j in per_text[i]], text, frame)
            best = max(per_text[i], key=lambda j: probabilities[j][2:].sum())
            heard = _ModelView(
                cumulative={
                    level: float(probabilities[best][int(level) :].sum()) for level in RiskLevel if level
                },
                category=categories[best],
                sentence_risk=max(sentence_risk.get(j, 0.0) for j in per_text[i]),
                normalized_text=" ".join(windows[j].mapped.text for j in per_text[i]),
                sentences=sum(len(list(docs[j].sents)) for j in per_text[i]),
            )
            if not all(looks_english(windows[j].mapped.text) for j in per_text[i]):
                notes = (*notes, UNSUPPORTED_LANGUAGE)
            results.append(self._fuse(signals, patterns, heard, UNSUPPORTED_LANGUAGE not in notes, notes))
        return results

    def _sentence_risk(self, windows: list[_Window], docs: list[Doc]) -> dict[int, float]:
        """Per window of several sentences, the highest P(level >= moderate) of any one sentence that uses
        risk vocabulary. A long post often carries its risk in one sentence the whole-text score dilutes."""
        owners, sentences = [], []
        for index, doc in enumerate(docs):
            if not windows[index].mapped.text or len(list(doc.sents)) < 2:
                continue
            for sentence in doc.sents:
                if len(sentence) >= 3 and self.config.model_evidence.search(sentence.text):
                    owners.append(index)
                    sentences.append(sentence.text)
        risk: dict[int, float] = {}
        if sentences:
            probabilities, _ = self.model.predict(sentences)
            for owner, p in zip(owners, probabilities[:, 2:].sum(axis=1), strict=True):
                risk[owner] = max(risk.get(owner, 0.0), float(p))
        return risk

    # --- steps -----------------------------------------------------------------------------------------
    def _windows(self, owner: int, text: str) -> list[_Window]:
        size, overlap = self.config.window_chars, self.config.window_overlap
        if len(text) <= size:
            return [_Window(owner, 0, normalize(text))]
        windows, start = [], 0
        while start < len(text):
            end = min(len(text), start + size)
            if end < len(text):  # end on whitespace so a word is not cut in two
                space = text.rfind(" ", start + size // 2, end)
                end = space if space > 0 else end
            windows.append(_Window(owner, start, normalize(text[start:end])))
            if end >= len(text):
                break
            start = max(end - overlap, start + 1)
        return windows

    def _signals(
        self, pieces: list[tuple[_Window, Doc]], original: str, frame: Modifier | None = None
    ) -> tuple[list[Signal], dict[Signal, Category | None]]:
        framed = self.context.kinds_of(frame) if frame is not None else frozenset()
        found: dict[tuple[str, int, int], Signal] = {}
        for window, doc in pieces:
            matches = self.rules(doc, window.mapped.text)  # the text the doc was made from
            scopes = self.context.scopes(doc) if matches else []
            for match in matches:
                span = doc[match.start : match.end]
                start, end = window.mapped.original_span(span.start_char, span.end_char)
                start, end = start + window.offset, end + window.offset
                modifiers = self.context.modifiers(
                    doc, match.start, match.end, match.rule.kind, scopes, match.rule.name
                )
                if match.negated_in_gap:
                    modifiers = modifiers | {Modifier.NEGATED}
                if frame is not None and match.rule.kind in framed:
                    modifiers = modifiers | {frame}
                signal = Signal(match.rule.kind, start, end, original[start:end], match.rule.name, modifiers)
                key = (match.rule.name, start, end)
                found.setdefault(key, signal)
        signals = _service_reason_stands(sorted(found.values(), key=lambda s: (s.start, s.end)))
        return signals, {s: self.rules.rules[s.rule].category for s in signals}

    def _fuse(
        self,
        signals: list[Signal],
        patterns: dict[Signal, Category | None],
        heard: _ModelView,
        english: bool,
        notes: tuple[str, ...],
    ) -> Assessment:
        signals, patterns = self._stated_acts_stand(signals, patterns, heard)
        rule_levels = {s: self.rules.rules[s.rule].level for s in signals}
        evidence = [
            Evidence(s, evidence_level(s, rule_levels[s], self.config), signal_category(s, patterns[s]))
            for s in signals
        ]
        evidence += self._combinations(evidence)
        rule_level, rule_category = strongest(evidence)
        counted = [
            e for e in evidence if e.signal.counts and e.signal.kind not in self.config.supporting_only
        ]
        # Imminent needs evidence: the model may say imminent only beside a means, an attempt, a plan or
        # a time the rules found for the speaker (or someone they report) in this message, or a word of means,
        # act or after-effect (config imminent_cue_words).
        # (The cue words are looked for only when the model would say imminent: most messages never need it.)
        wants_imminent = (
            heard.cumulative[RiskLevel.IMMINENT] >= self.config.model_thresholds[RiskLevel.IMMINENT]
        )
        imminent_evidence = (
            any(s.counts and s.kind in self.config.imminent_evidence for s in signals)
            or (wants_imminent and self._cue_word(heard.normalized_text, str(heard.category)))
            or model_sure_of_danger(heard.cumulative, str(heard.category), self.config)
        )
        proposed = model_level(heard.cumulative, self.config, imminent_evidence)
        if heard.sentence_risk >= self.config.sentence_threshold:
            proposed = max(proposed, RiskLevel.MODERATE)
        discounted = [s for s in signals if not s.counts and s.kind not in self.config.supporting_only]
        # A negation or a joke caps what the model may say about a short message; in a long post it is one
        # sentence among many and says nothing about the rest.
        # ... unless the discount is only a reading of tense or mood ("if", "used to") and the model is all
        # but certain the message is high: "used to" on one clause says nothing about the next (config).
        # And a negation, a tense or a mood caps a model all but certain of distress at moderate, not lower:
        # "I'd never hurt myself, but ..." followed by what the rules do not know.
        config = self.config
        if (
            discounted
            and not counted
            and heard.sentences <= config.discount_sentences
            and not self._model_certain(discounted, heard.cumulative, RiskLevel.HIGH, config.model_overrules)
        ):
            ceiling = discounted_ceiling(discounted, config)
            if self._model_certain(
                discounted, heard.cumulative, RiskLevel.MODERATE, config.model_flags_through
            ):
                ceiling = max(ceiling, RiskLevel.MODERATE)
            proposed = min(proposed, ceiling)
        # Rule evidence pages (high and above) only where the model hears at least some risk: alone, the
        # rules misfire on idioms, news and other people's words (config rule_support, measured).
        model_risk = max(heard.cumulative[RiskLevel.MODERATE], heard.sentence_risk)
        # ... except an act the speaker says they have done (config rule_support_exempt): "I have taken two
        # dozen <a medicine the model never met>" is not an idiom, and the model's doubt there is ignorance.
        stated_act = any(
            e.signal.counts
            and not e.signal.about_other
            and e.signal.rule in self.config.rule_support_exempt
            and e.level == rule_level
            for e in evidence
        )
        held_by_model = (
            rule_level > RiskLevel.MODERATE and model_risk < self.config.rule_support and not stated_act
        )
        if held_by_model:
            rule_level = RiskLevel.MODERATE
        components = self.config.components
        if "rules" not in components:
            rule_level, rule_category = RiskLevel.NONE, Category.NONE
        if "model" not in components:
            proposed = RiskLevel.NONE
        level = max(rule_level, proposed)

        if level <= RiskLevel.LOW:
            category = Category.NONE
        elif rule_level >= RiskLevel.LOW and rule_category != Category.NONE:
            category = rule_category
        else:
            category = Category(heard.category)
        return Assessment(
            level=level,
            category=category,
            score=fused_score(heard.cumulative[RiskLevel.MODERATE], rule_level, self.config),
            signals=tuple(signals),
            model_level=proposed,
            rule_level=rule_level,
            language_supported=english,
            notes=notes,
            detector_version=self.version,
            held_by_model=held_by_model and "rules" in components,
        )

    def _stated_acts_stand(
        self, signals: list[Signal], patterns: dict[Signal, Category | None], heard: _ModelView
    ) -> tuple[list[Signal], dict[Signal, Category | None]]:
        """An act the speaker states (config rule_support_exempt: "I took the whole packet of my pills")
        beside a word of a figure of speech or a topic ("on hold for an hour so ...", "this game", "the film")
        is no figure of speech when the model hears risk in the message: the discount is dropped. Where the
        model hears none ("I've overdosed on this box set") it stands. Someone else's act, a negation, a tense
        or a mood keep their discount."""
        model_risk = max(heard.cumulative[RiskLevel.MODERATE], heard.sentence_risk)
        if model_risk < self.config.model_thresholds[RiskLevel.MODERATE]:
            return signals, patterns
        kept, categories = [], {}
        for signal in signals:
            literal = signal
            if signal.rule in self.config.rule_support_exempt and signal.modifiers <= _NOT_AN_ACT:
                literal = replace(signal, modifiers=frozenset())
            kept.append(literal)
            categories[literal] = patterns[signal]
        return kept, categories

    def _model_certain(
        self,
        discounted: list[Signal],
        cumulative: dict[RiskLevel, float],
        level: RiskLevel,
        modifiers: frozenset[Modifier],
    ) -> bool:
        """Every discount is one of ``modifiers`` and the model is all but certain (config
        model_overrules_at) that the message is at least ``level``."""
        overrulable = all(m in modifiers for s in discounted for m in s.modifiers)
        return overrulable and cumulative[level] >= self.config.model_overrules_at

    def _cue_word(self, normalized_text: str, category: str) -> bool:
        """A word of means, act or after-effect in a message long enough to say more than the word: "pills"
        alone, answering "how would you do it?", names a method, not an attempt (config)."""
        if len(normalized_text.split()) < self.config.imminent_cue_min_words:
            return False
        if self.config.imminent_cues.search(normalized_text) is not None:
            return True
        # ... or any means the concept lists name (config/concepts.yaml): a medicine by any of its names,
        # a weapon, a height, a railway or a road, a poison, not only the cue words' few; for the speaker's
        # own risk only: someone else's means, without a time, is high (LEVELS.md), and the model, sure of
        # a third party's imminence beside their shotgun, was wrong on a blind set.
        if category not in _OWN_RISK:
            return False
        return not _CUE_CLASSES.isdisjoint(abstract(normalized_text).split())

    def _combinations(self, evidence: list[Evidence]) -> list[Evidence]:
        """Evidence that adds up within one message, for the speaker and for others separately."""
        extra = []
        for about_other in (False, True):
            group = [e for e in evidence if e.signal.counts and e.signal.about_other == about_other]
            level = combination_level((e.signal.kind for e in group), self.config)
            if level > RiskLevel.NONE:
                anchor = max(group, key=lambda e: e.level)
                category = Category.THIRD_PARTY if about_other else _combined_category(group)
                extra.append(Evidence(anchor.signal, level, category))
        return extra

    def _empty(self, notes: tuple[str, ...]) -> Assessment:
        return Assessment(RiskLevel.NONE, Category.NONE, 0.0, notes=notes, detector_version=self.version)


def _combined_category(group: list[Evidence]) -> Category:
    if any(e.signal.kind == SignalKind.HARM_TO_OTHERS for e in group):
        return Category.HARM_TO_OTHERS
    return Category.SUICIDE


def _shown_risk(state: ConversationState) -> bool:
    """The conversation so far carries risk (above low) or any counted evidence, the speaker's or another's:
    the readings that assume an everyday antecedent (a suggestion, a reason for leaving) no longer apply."""
    return state.level > RiskLevel.LOW or bool(state.self_kinds) or bool(state.other_kinds)


def _resolved(state: ConversationState) -> str:
    """The service object a bare "it" in this turn may stand for: the one the agent named, or, after a
    question about cancelling that named none, the one the customer's turn before named; or the agent's
    suggestion (AGENTS_SUGGESTION) that a bare "do it" may be."""
    if state.referent == AGENTS_SUGGESTION:
        # Only where nothing yet has shown risk: after "what's been going on?" "I'll do it tonight" is intent.
        return "" if _shown_risk(state) else AGENTS_SUGGESTION
    if state.referent != CUSTOMERS_OBJECT:
        return state.referent
    return named_service_object(normalized_text(state.recent[-1])) if state.recent else ""


def _decode(text: str | bytes) -> tuple[str, tuple[str, ...]]:
    if isinstance(text, bytes):
        decoded = text.decode("utf-8", errors="replace")
        notes = ("invalid UTF-8 replaced",) if "\ufffd" in decoded else ()
        return decoded, notes
    if not isinstance(text, str):
        raise TypeError(f"text must be str or bytes, not {type(text).__name__}")
    return text, ()


__all__ = ["Detector"]


# Discounts that say a stated act was only words: a figure of speech, a topic, a joke.
_NOT_AN_ACT = frozenset({Modifier.FIGURATIVE, Modifier.TOPIC, Modifier.JOKING})

# Evidence the reason for leaving a service never explains away: a means, an act, a plan, a wound.
_BEYOND_A_SERVICE = frozenset(
    {
        SignalKind.MEANS,
        SignalKind.ATTEMPT_IN_PROGRESS,
        SignalKind.PLAN,
        SignalKind.SELF_HARM,
        SignalKind.MEDICAL,
    }
)


def _service_reason_stands(signals: list[Signal]) -> list[Signal]:
    """ "I won't be around next month, I'm moving abroad" is about the contract (the `service` modifier,
    config/context.yaml); "... I'm switching provider, I won't be around next month, the rope is ready" is
    not: beside counted evidence of a means, an act or a plan, the reason discounts nothing."""
    if not any(Modifier.SERVICE in s.modifiers for s in signals):
        return signals
    if not any(s.counts and s.kind in _BEYOND_A_SERVICE and not s.about_other for s in signals):
        return signals
    return [replace(s, modifiers=s.modifiers - {Modifier.SERVICE}) for s in signals]


def _kinds_so_far(state: ConversationState, message: Assessment) -> frozenset[SignalKind]:
    """The kinds of evidence for the speaker the conversation and this message carry; a conversation the
    model already reads as abuse (no rule needed: "he said he'd finish me off") carries abuse."""
    kinds = {SignalKind(k) for k in state.self_kinds}
    kinds |= {s.kind for s in message.signals if s.counts and not s.about_other}
    if Category.ABUSE in (state.category, message.category):
        kinds.add(SignalKind.ABUSE)
    return frozenset(kinds)
