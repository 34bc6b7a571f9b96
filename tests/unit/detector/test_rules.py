from __future__ import annotations

from functools import lru_cache

import pytest
import spacy

from detector import Detector, RiskLevel
from detector.normalize import normalize
from detector.rules import PatternError, RuleMatcher, compile_phrase

LEXICON = {"DIE": ["die", "dying"]}


@lru_cache(maxsize=1)
def _shipped_rules() -> tuple[spacy.language.Language, RuleMatcher]:
    nlp = spacy.blank("en")
    return nlp, RuleMatcher(nlp)  # the shipped patterns, compiled once for the module


def _rule_names(text: str) -> set[str]:
    """The shipped rules matching ``text`` once normalised, as the detector reads it."""
    nlp, matcher = _shipped_rules()
    return {m.rule.name for m in matcher(nlp(normalize(text).text))}


def test_phrase_syntax() -> None:
    nlp = spacy.blank("en")
    tokens = compile_phrase("don't want|wish to? $DIE *2", LEXICON, nlp)
    assert tokens[:2] == [{"LOWER": "do"}, {"LOWER": "n't"}]
    assert tokens[2] == {"LOWER": {"IN": ["want", "wish"]}}
    assert tokens[3] == {"LOWER": "to", "OP": "?"}
    assert tokens[4] == {"LOWER": {"IN": ["die", "dying"]}}
    assert tokens[5] == {"OP": "{0,2}"}


@pytest.mark.parametrize("bad", ["$NOPE word", "answering|don't", "*3"])
def test_bad_patterns_fail_loudly(bad: str) -> None:
    with pytest.raises(PatternError):
        compile_phrase(bad, LEXICON, spacy.blank("en"))


def test_shipped_patterns_compile_and_match() -> None:
    nlp = spacy.blank("en")
    matcher = RuleMatcher(nlp)
    assert len(matcher.rules) >= 25
    names = {m.rule.name for m in matcher(nlp("i have been saving up my tablets"))}
    assert names == {"means.stockpile"}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("ive been putting a couple of my mirtazapine aside every night", "means.stockpile"),
        ("i kept back the lorazepam the doctor gave me", "means.stockpile"),
        ("i took forty two of the gabapentin", "attempt.overdose"),  # any listed medicine, any amount
        ("the handgun is in the glovebox and im doing it by 10 pm", "timeline.when"),  # an hour of the clock
        ("i swallowed forty of the levomepromazine", "attempt.overdose"),  # unlisted, known by its INN stem
        ("ive got my grandads handgun loaded", "means.at_hand"),  # any weapon concepts.yaml lists
        # A brand no list names (invented here), counted in an amount no one takes as a dose.
        ("i swallowed thirteen of the qorvanex an hour ago", "attempt.overdose"),
        ("i took a packet of zelmidrine at teatime", "attempt.overdose"),
        # Gas let into a closed room: unlit, sealed in, or breathed.
        ("i left the cooker rings on and never lit it, door is taped shut", "attempt.gas"),
        ("weve got the bbq burning inside the tent with us", "attempt.gas"),
        ("im sat breathing in the exhaust", "attempt.gas"),
        ("i've sat down across the rails and i'm staying", "attempt.place"),
        ("the noose is fixed to a rafter in the garage", "preparation.ligature"),
        ("tied it to the banisters this afternoon", "preparation.ligature"),
        ("said bye to everybody", "preparation.goodbye_note"),
    ],
)
def test_means_and_acts_compose_from_the_word_lists(text: str, rule: str) -> None:
    names = _rule_names(text)
    assert rule in names


@pytest.mark.parametrize(
    "text",
    [
        "why am i honestly still here",
        "what's the point of me still being around",
        "the only reason i'm still here is my nan",
    ],
)
def test_asking_why_one_is_still_here_is_passive_ideation(text: str) -> None:
    assert "burden.better_without_me" in _rule_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "i took two qorvanex this morning like the label says",  # an unknown word after a dose-sized amount
        "i have taken thirty calls today and my headset broke",  # a familiar word after a large amount
        "we ordered forty chairs for the hall",
    ],
)
def test_only_an_unfamiliar_word_counted_past_any_dose_reads_as_a_medicine(text: str) -> None:
    names = _rule_names(text)
    assert "attempt.overdose" not in names


@pytest.mark.parametrize(
    "text",
    [
        "i turned the gas on to boil some pasta",
        "the fitter switched the oven on to test it",
        "we taped the windows before the painters came",
    ],
)
def test_gas_at_home_is_not_an_attempt(text: str) -> None:
    names = _rule_names(text)
    assert "attempt.gas" not in names


@pytest.mark.parametrize(
    "text",
    [
        "the van stalled and stopped on the level crossing, the driver pushed it clear",
        "we tied the hammock to the tree in the garden",
        "i hung it on the hook by the door",
    ],
)
def test_everyday_crossings_and_knots_are_not_evidence(text: str) -> None:
    names = _rule_names(text)
    assert not names & {"attempt.place", "preparation.ligature"}


@pytest.mark.parametrize(
    "text",
    [
        "the engineers taped off the door because of the gas leak",
        "the hob was on without being lit, my son forgot, we aired the flat",
    ],
)
def test_someone_elses_gas_accident_does_not_page(detector: Detector, text: str) -> None:
    # attempt.gas is not exempt from the model's support (config rule_support_exempt): a report is not an act
    assert detector.assess(text).level < RiskLevel.HIGH


def test_gas_let_into_a_sealed_room_by_the_speaker_is_imminent(detector: Detector) -> None:
    assert detector.assess("i've taped up the door and put the oven on without lighting it").level == (
        RiskLevel.IMMINENT
    )


def _gap_negations(text: str) -> dict[str, bool]:
    nlp, matcher = _shipped_rules()
    return {m.rule.name: m.negated_in_gap for m in matcher(nlp(normalize(text).text))}


def test_a_negation_a_gap_skipped_over_denies_the_evidence() -> None:
    """'$I *2 suicidal' matches "I'm not suicidal": the gap held the denial."""
    assert _gap_negations("no im not suicidal if thats what youre asking")["intent.kill_self"] is True
    assert _gap_negations("honestly I'm feeling suicidal again")["intent.kill_self"] is False


def test_a_negation_the_pattern_spells_is_what_it_says() -> None:
    assert _gap_negations("I can't go on like this any more") == {"ideation.not_wake": False}


@pytest.mark.parametrize(
    "text",
    [
        "I'm not suicidal, I'm just furious about the charges",
        "no im not suicidal if thats what youre asking im angry",
    ],
)
def test_denying_being_suicidal_pages_nobody(detector: Detector, text: str) -> None:
    assert detector.assess(text).level <= RiskLevel.LOW


def test_the_line_beside_a_crossing_is_the_railway_and_the_line_to_a_station_is_a_phone(
    detector: Detector,
) -> None:
    assert (
        detector.assess("my dad rang, hes on the line by the crossing he said hes sorry").level
        == RiskLevel.IMMINENT
    )
    assert (
        detector.assess("i've been on the line to the station for an hour about my refund").level
        == RiskLevel.NONE
    )
