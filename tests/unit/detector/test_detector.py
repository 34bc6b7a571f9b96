"""Behaviour of the whole detector on invented messages (never the dev set's sentences)."""

from __future__ import annotations

import pytest

from detector import Category, Detector, Modifier, RiskLevel, Signal, SignalKind
from detector.fusion import model_sure_of_danger

CASES = [
    # text, channel, level, category
    ("Can you change the delivery address on order 000-5521 please", "chat", RiskLevel.NONE, Category.NONE),
    ("my phone died halfway through the call, can you ring back", "chat", RiskLevel.NONE, Category.NONE),
    ("honestly I could murder a pizza after this shift", "chat", RiskLevel.NONE, Category.NONE),
    ("please kill the app session, it keeps freezing", "chat", RiskLevel.NONE, Category.NONE),
    ("lol no I'm not going to kill myself over a late fee", "chat", RiskLevel.NONE, Category.NONE),
    ("I keep wishing I could just stop existing", "chat", RiskLevel.MODERATE, Category.SUICIDE),
    ("everyone at home would be better off without me", "chat", RiskLevel.MODERATE, Category.SUICIDE),
    ("ive started planning how to end my life", "chat", RiskLevel.HIGH, Category.SUICIDE),
    ("not joking, i really want to k1ll mys3lf", "chat", RiskLevel.HIGH, Category.SUICIDE),
    ("i burnt my arms with a lighter again last night", "chat", RiskLevel.HIGH, Category.SELF_HARM),
    (
        "my cousin keeps telling people she is going to kill herself",
        "chat",
        RiskLevel.HIGH,
        Category.THIRD_PARTY,
    ),
    (
        "I have swallowed a whole packet of paracetamol and I feel sick",
        "chat",
        RiskLevel.IMMINENT,
        Category.SUICIDE,
    ),
    (
        "the rope is ready in the garage and I will do it tonight",
        "chat",
        RiskLevel.IMMINENT,
        Category.SUICIDE,
    ),
    ("um so i i took all my sleeping pills like an hour ago", "voice", RiskLevel.IMMINENT, Category.SUICIDE),
    (
        "my brother just phoned me from the top of the bridge",
        "chat",
        RiskLevel.IMMINENT,
        Category.THIRD_PARTY,
    ),
    ("he's trying to kick the door in right now please help", "chat", RiskLevel.IMMINENT, Category.ABUSE),
    ("gonna swallow every tablet i have once we hang up", "voice", RiskLevel.IMMINENT, Category.SUICIDE),
]


@pytest.mark.parametrize(("text", "channel", "level", "category"), CASES)
def test_levels_and_categories(
    detector: Detector, text: str, channel: str, level: RiskLevel, category: Category
) -> None:
    result = detector.assess(text, channel=channel)
    assert (result.level, result.category) == (level, category), result.to_dict()


def test_evidence_spans_index_the_original_text(detector: Detector) -> None:
    text = "I'm fine with the bill.  But honestly I w4nt to k1ll mys3lf"
    result = detector.assess(text)
    intent = [s for s in result.signals if s.kind == SignalKind.INTENT]
    assert intent and text[intent[0].start : intent[0].end] == intent[0].text == "k1ll mys3lf"


def test_imminent_needs_evidence_not_a_model_score(detector: Detector) -> None:
    result = detector.assess("everything is pointless and I am so very tired of it all")
    assert result.level < RiskLevel.IMMINENT
    assert result.model_level <= RiskLevel.HIGH


def test_taking_medicine_as_prescribed_does_not_page(detector: Detector) -> None:
    for text in (
        "i'll take my tablets tonight as usual, i only need the refill posted",
        "will my pills arrive before tonight? i take them after dinner",
    ):
        assert detector.assess(text).level < RiskLevel.HIGH, text


def test_negation_is_recorded_on_the_signal(detector: Detector) -> None:
    result = detector.assess("no, I'm not thinking of hurting myself, I'm thinking of switching plans")
    assert result.level <= RiskLevel.LOW
    assert any(Modifier.NEGATED in s.modifiers for s in result.signals)


def test_assess_many_matches_assess(detector: Detector) -> None:
    texts = [c[0] for c in CASES]
    batch = detector.assess_many(texts, channel=[c[1] for c in CASES])
    single = [detector.assess(t, channel=c) for t, c, _, _ in CASES]
    assert [(a.level, a.category) for a in batch] == [(a.level, a.category) for a in single]


def test_score_is_a_probability_ordered_with_risk(detector: Detector) -> None:
    calm = detector.assess("thanks, that's sorted my broadband")
    crisis = detector.assess("I am going to kill myself tonight")
    assert 0.0 <= calm.score < 0.5 < crisis.score <= 1.0


# --- bad input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_is_none_with_a_note(detector: Detector, text: str) -> None:
    result = detector.assess(text)
    assert result.level == RiskLevel.NONE and "empty text" in result.notes


def test_invalid_utf8_is_replaced_and_still_scanned(detector: Detector) -> None:
    result = detector.assess(b"i want to kill myself \xff\xfe tonight")
    assert result.level == RiskLevel.IMMINENT
    assert "invalid UTF-8 replaced" in result.notes


def test_control_characters_do_not_hide_words(detector: Detector) -> None:
    result = detector.assess("i want to \x00kill\x07 myself")
    assert result.level >= RiskLevel.HIGH


def test_emoji_only_is_valid(detector: Detector) -> None:
    result = detector.assess("😂😂😂🙃")
    assert result.level <= RiskLevel.LOW


def test_other_language_is_flagged_not_supported(detector: Detector) -> None:
    result = detector.assess("Bonjour, je voudrais modifier mon adresse de livraison pour la commande")
    assert result.language_supported is False
    assert any("language not supported" in n for n in result.notes)


def test_a_megabyte_is_scanned_whole_in_windows(detector: Detector) -> None:
    filler = "The parcel was late again and the tracking page shows nothing useful. " * 15000
    text = filler + "I have swallowed all of my pills."
    assert len(text) > 1_000_000
    result = detector.assess(text)
    assert result.level == RiskLevel.IMMINENT
    attempt = next(s for s in result.signals if s.kind == SignalKind.ATTEMPT_IN_PROGRESS)
    assert text[attempt.start : attempt.end] == attempt.text
    assert attempt.start > len(filler) - 10


def test_non_text_is_a_clear_error(detector: Detector) -> None:
    with pytest.raises(TypeError):
        detector.assess(12345)  # type: ignore[arg-type]


def test_unknown_channel_is_a_clear_error(detector: Detector) -> None:
    with pytest.raises(ValueError, match="unknown channel"):
        detector.assess("hello", channel="fax")


class _SilentModel:
    """A model that hears nothing: what a message full of words it never met can look like to it."""

    def __init__(self, real: object) -> None:
        self.version = getattr(real, "version", "silent")
        self.corpus_digest = getattr(real, "corpus_digest", "")

    def predict(self, texts: list[str]) -> tuple[object, list[str]]:
        import numpy as np

        probabilities = np.tile([0.97, 0.02, 0.01, 0.0, 0.0], (len(texts), 1))
        return probabilities, ["suicide"] * len(texts)


def test_rules_alone_page_an_attempt_the_speaker_states_but_not_other_evidence(detector: Detector) -> None:
    """Rule evidence needs some support from the model to page (idioms, news and other people's words
    misfire), except an attempt the speaker says they have made: there the model's doubt is ignorance."""
    deaf = Detector(model=_SilentModel(detector.model))  # type: ignore[arg-type]

    attempt = deaf.assess("i have swallowed thirty of my zopiclone")
    intent = deaf.assess("i want to kill myself")

    assert attempt.model_level == RiskLevel.NONE and attempt.level == RiskLevel.IMMINENT
    assert intent.rule_level == RiskLevel.MODERATE and intent.level == RiskLevel.MODERATE


def test_a_means_by_any_listed_name_lets_the_model_say_imminent_for_the_speakers_own_risk(
    detector: Detector,
) -> None:
    """The cue words are a few; the concept lists name every medicine, weapon, height and road they know."""
    own = "right now the whole lot of my quetiapine is inside me"
    assert detector._cue_word(own, "suicide")
    assert not detector._cue_word(own, "third_party")  # someone else's means, without a time, is high
    assert not detector._cue_word("quetiapine", "suicide")  # one word names a method, not an attempt
    assert not detector._cue_word("right now the whole lot of my shopping is inside", "suicide")


def test_only_a_model_all_but_certain_of_the_speakers_own_imminence_says_imminent_without_evidence(
    detector: Detector,
) -> None:
    """config model_sure_imminent: speech-to-text and slang name means and times in words no list holds."""
    sure = detector.config.model_sure_imminent
    assert 0.9 < sure < 1.0
    certain = {RiskLevel.LOW: 1.0, RiskLevel.MODERATE: 1.0, RiskLevel.HIGH: 1.0, RiskLevel.IMMINENT: sure}

    def sure_of_danger(cumulative: dict[RiskLevel, float], category: str) -> bool:
        return model_sure_of_danger(cumulative, category, detector.config)

    assert sure_of_danger(certain, "suicide")
    assert sure_of_danger(certain, "self_harm")
    assert sure_of_danger(certain, "abuse")  # danger to the speaker from someone
    assert not sure_of_danger(certain, "third_party")  # someone else's: needs evidence
    assert not sure_of_danger(certain, "harm_to_others")
    likely = {**certain, RiskLevel.IMMINENT: sure - 0.05}
    assert not sure_of_danger(likely, "suicide")


def test_a_model_all_but_certain_of_high_overrules_a_tense_or_a_mood_but_not_a_negation(
    detector: Detector,
) -> None:
    """config model_overrules: "used to" or "if" read on one clause caps the model only while it is unsure."""
    at = detector.config.model_overrules_at
    certain = {RiskLevel.LOW: 1.0, RiskLevel.MODERATE: 1.0, RiskLevel.HIGH: at, RiskLevel.IMMINENT: 0.1}
    unsure = {**certain, RiskLevel.HIGH: at - 0.05}

    def certain_of(level: RiskLevel, modifier: Modifier, cumulative: dict[RiskLevel, float]) -> bool:
        signal = Signal(SignalKind.INTENT, 0, 4, "text", "intent.kill_self", frozenset({modifier}))
        return detector._model_certain([signal], cumulative, level, modifiers[level])

    modifiers = {
        RiskLevel.HIGH: detector.config.model_overrules,
        RiskLevel.MODERATE: detector.config.model_flags_through,
    }

    def overrules(modifier: Modifier, cumulative: dict[RiskLevel, float]) -> bool:
        return certain_of(RiskLevel.HIGH, modifier, cumulative)

    assert overrules(Modifier.HISTORICAL, certain)
    assert overrules(Modifier.HYPOTHETICAL, certain)
    assert not overrules(Modifier.HISTORICAL, unsure)
    assert not overrules(Modifier.NEGATED, certain)
    assert not overrules(Modifier.JOKING, certain)
    # ... and a negation caps a model certain of distress at moderate, a flag: a joke still caps it lower.
    assert certain_of(RiskLevel.MODERATE, Modifier.NEGATED, certain)
    assert not certain_of(RiskLevel.MODERATE, Modifier.JOKING, certain)


@pytest.mark.parametrize(
    "text",
    [
        "yeah i took the battery out and everything its dead",  # paged (high) before the device rows
        "my tablet is dead again, I've taken it to three shops",
    ],
)
def test_a_device_that_died_pages_nobody(detector: Detector, text: str) -> None:
    """Tech support every day: the corpus had no device that died or was taken apart, and the model read
    "took ... dead" as an act (detector/corpus/negatives_farewells_devices.jsonl)."""
    assert detector.assess(text).level < RiskLevel.HIGH
