from __future__ import annotations

import pytest

from detector import Detector, Modifier, RiskLevel, SignalKind
from detector.leaving import gives_a_reason_for_leaving


def modifiers_of(detector: Detector, text: str, kind: SignalKind) -> frozenset[Modifier]:
    signals = [s for s in detector.assess(text).signals if s.kind == kind]
    assert signals, f"no {kind} evidence in {text!r}"
    return signals[0].modifiers


@pytest.mark.parametrize(
    ("text", "kind", "modifier"),
    [
        ("I would never kill myself, I just want a refund", SignalKind.INTENT, Modifier.NEGATED),
        ("if I ever felt suicidal who would I talk to", SignalKind.INTENT, Modifier.HYPOTHETICAL),
        (
            "years ago I tried to end my life but I'm in a better place",
            SignalKind.INTENT,
            Modifier.HISTORICAL,
        ),
        (
            "in 2009 I tried to end my life, it feels like another person",
            SignalKind.INTENT,
            Modifier.HISTORICAL,
        ),
        (
            "my cousin killed himself last year and I'm closing his phone contract",
            SignalKind.INTENT,
            Modifier.HISTORICAL,
        ),
        # The bereavement phrase is the evidence itself, with no date beside it.
        (
            "Her granddad took his own life, so the policy is in her name",
            SignalKind.INTENT,
            Modifier.HISTORICAL,
        ),
        # Someone who has died, and a season gone by, make an attempt told about a bereavement.
        (
            "I need to close my late brother's phone account, he took an overdose last spring",
            SignalKind.ATTEMPT_IN_PROGRESS,
            Modifier.HISTORICAL,
        ),
        ("my uncle said he wants to kill himself", SignalKind.INTENT, Modifier.OTHER_PERSON),
        ("ugh kill myself lol this spreadsheet", SignalKind.INTENT, Modifier.JOKING),
        ("we watched a documentary about a suicide attempt survivor", SignalKind.INTENT, Modifier.TOPIC),
        ("I burned myself on the oven while cooking", SignalKind.SELF_HARM, Modifier.ACCIDENTAL),
    ],
)
def test_context_modifiers(detector: Detector, text: str, kind: SignalKind, modifier: Modifier) -> None:
    assert modifier in modifiers_of(detector, text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "seriously, not joking, I want to kill myself",
        "I can't stop wanting to kill myself",
        "I don't know why I want to die every day",
        "I don't want to be here anymore",
        "the only reason i haven't killed myself yet is my cat",  # a protective factor, not a denial
        "if i told my gp i was suicidal they would section me",  # a disclosure inside "if i told"
    ],
)
def test_pseudo_triggers_and_inner_negation_do_not_discount(detector: Detector, text: str) -> None:
    signals = detector.assess(text).signals
    assert any(s.counts and s.kind != SignalKind.TIMELINE for s in signals), [s.to_dict() for s in signals]


def test_a_comma_ends_a_negation_scope(detector: Detector) -> None:
    result = detector.assess("I'm not okay, I want to die")
    assert any(s.kind == SignalKind.IDEATION and s.counts for s in result.signals)


def test_a_death_being_found_now_is_not_a_bereavement(detector: Detector) -> None:
    text = "i think my flatmate has killed himself, he isnt breathing"
    assert Modifier.HISTORICAL not in modifiers_of(detector, text, SignalKind.INTENT)
    assert detector.assess(text).level == RiskLevel.IMMINENT


def test_a_story_told_back_is_a_topic_and_booking_a_cab_is_not(detector: Detector) -> None:
    assert detector.assess("the book ends with her walking into the sea").level < RiskLevel.MODERATE
    booking = detector.assess("i'll book a cab to the bridge and jump off it tonight")
    assert booking.level == RiskLevel.IMMINENT


def test_an_ordinary_reason_for_leaving_discounts_finality_but_never_a_means(detector: Detector) -> None:
    moving = detector.assess("i won't be here much longer, i'm emigrating, so please cancel the lot")
    assert moving.level <= RiskLevel.LOW
    with_means = detector.assess("i'm emigrating so i won't be around, and the tablets are all counted out")
    assert all(Modifier.SERVICE not in s.modifiers for s in with_means.signals)
    assert with_means.level >= RiskLevel.HIGH


@pytest.mark.parametrize(
    "text",
    [
        "i swallowed the whole box of sertraline then tripped on the stairs",
        "i took 40 paracetamol an hour ago, i was chopping onions when i decided",
        "i took 40 paracetamol an hour ago and now ive got a nosebleed that wont stop",
    ],
)
def test_an_everyday_accident_never_explains_an_overdose(detector: Detector, text: str) -> None:
    assert detector.assess(text).level == RiskLevel.IMMINENT


@pytest.mark.parametrize(
    "text",
    [
        "i burned myself on the kettle making tea",
        "cut my finger chopping onions, blood everywhere",
        "he had a massive nosebleed last night, blood everywhere all over the pillow",
    ],
)
def test_an_everyday_accident_explains_the_injury(detector: Detector, text: str) -> None:
    assert detector.assess(text).level <= RiskLevel.LOW


@pytest.mark.parametrize(
    "text",
    [
        "on hold for an hour so i took the whole packet of my pills",
        "i watched the film again then swallowed all my sleeping pills",
        "i took 30 co-codamol because of this commute and everything",
    ],
)
def test_an_overdose_beside_a_figure_of_speech_or_a_topic_is_still_an_overdose(
    detector: Detector, text: str
) -> None:
    assert detector.assess(text).level == RiskLevel.IMMINENT


@pytest.mark.parametrize(
    "text",
    [
        "i've overdosed on this box set, six episodes in a row",
        "the film is about a woman who took all her pills",
    ],
)
def test_a_figure_of_speech_or_a_plot_the_model_hears_no_risk_in_stays_discounted(
    detector: Detector, text: str
) -> None:
    assert detector.assess(text).level <= RiskLevel.LOW


@pytest.mark.parametrize(
    ("text", "at_most", "at_least"),
    [
        # Someone else's attempt weeks back was lived through; the speaker's own, or one tonight, is not.
        ("a few weeks ago my housemate tried to kill himself, he's back at work now", RiskLevel.LOW, None),
        ("a few weeks ago i tried to kill myself", None, RiskLevel.HIGH),
        ("my housemate tried to kill himself tonight", None, RiskLevel.HIGH),
        ("a few weeks ago my housemate said he'd kill himself", None, RiskLevel.HIGH),  # said is still said
        # Quoted words and a song about someone else are not the speaker's.
        ("the message said, and i quote, go jump off a cliff", RiskLevel.NONE, None),
        ("my cousin reckons the song is about someone killing themselves", RiskLevel.LOW, None),
        # A fright is not a heart attack; a heart attack is.
        ("the smoke alarm going off at 3am gave me a heart attack", RiskLevel.NONE, None),
        ("my chest is crushing, i think i'm having a heart attack", None, RiskLevel.HIGH),
        # A kitchen explains a burn; "on purpose" does not.
        ("grabbed the baking tray without a glove and burnt my hand", RiskLevel.LOW, None),
        ("i burnt my hand on purpose last night", None, RiskLevel.HIGH),
        # Moving abroad explains goodbyes; "a better place" is no move.
        ("moving to portugal on sunday, said all my goodbyes at work", RiskLevel.LOW, None),
        ("i'm moving to a better place tonight, said all my goodbyes", None, RiskLevel.HIGH),
    ],
)
def test_context_of_other_peoples_past_quotes_frights_kitchens_and_moves(
    detector: Detector, text: str, at_most: RiskLevel | None, at_least: RiskLevel | None
) -> None:
    level = detector.assess(text).level
    assert at_most is None or level <= at_most, level
    assert at_least is None or level >= at_least, level


def test_a_reason_for_leaving_that_means_dying_opens_no_leaving_frame() -> None:
    assert gives_a_reason_for_leaving("we are moving to lisbon in march")
    assert not gives_a_reason_for_leaving("i am moving to a better place soon")
