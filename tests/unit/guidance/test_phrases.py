"""Phrase matching ignores case, punctuation and contractions: typed chat and voice transcripts both match."""

from __future__ import annotations

import pytest

from escalation.guidance.phrases import PhraseSet, find_unless, normalise

SPELLINGS = {"dont": "do not", "im": "i am", "u": "you", "cant": "can not", "cannot": "can not"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Are you thinking about SUICIDE?!", "are you thinking about suicide"),
        ("You don’t mean that.", "you do not mean that"),  # curly apostrophe, as phones type it
        ("you dont mean that", "you do not mean that"),
        ("I won't tell anyone", "i will not tell anyone"),
        ("I'll transfer you", "i will transfer you"),
        ("I can't promise that", "i can not promise that"),
        ("I cannot promise that", "i can not promise that"),
        ("u r ok", "you r ok"),
        ("  spaced\tout\n text ", "spaced out text"),
        ("Stop. Now! Really?", "stop | now | really"),
    ],
)
def test_normalise_expands_contractions_spellings_and_drops_punctuation(text: str, expected: str) -> None:
    assert normalise(text, SPELLINGS) == expected


def test_phrase_matches_whole_words_only() -> None:
    phrases = PhraseSet.of(["calm down"], SPELLINGS)
    assert phrases.find(normalise("OK, calm down.", SPELLINGS)) == "calm down"
    assert phrases.find(normalise("becalm downstairs", SPELLINGS)) is None


def test_wildcard_spans_up_to_three_words() -> None:
    phrases = PhraseSet.of(["are you thinking * suicide"])
    assert phrases.find("are you thinking suicide") is not None
    assert phrases.find("are you thinking about suicide") is not None
    assert phrases.find("are you thinking at all about suicide") is not None
    assert phrases.find("are you thinking that maybe at some point suicide") is None


def test_voice_transcript_without_punctuation_matches_typed_phrase() -> None:
    phrases = PhraseSet.of(["you don't mean that"], SPELLINGS)
    transcript = "okay okay you do not mean that you have a lot going on"
    assert phrases.find(normalise(transcript, SPELLINGS)) == "you don't mean that"


def test_unless_masks_only_its_own_span() -> None:
    secrecy = PhraseSet.of(["i will keep it secret", "i will not tell anyone"], SPELLINGS)
    # A trailing wildcard masks the few words after it too: "can't promise I will keep it" goes.
    harmless = PhraseSet.of(["can not promise *"], SPELLINGS)
    honest = normalise("I can't promise I will keep it secret", SPELLINGS)
    assert find_unless(secrecy, harmless, honest) is None
    mixed = normalise("I can't promise that. Anyway, I won't tell anyone", SPELLINGS)
    assert find_unless(secrecy, harmless, mixed) == "i will not tell anyone"


def test_a_wildcard_cannot_bridge_a_masked_span() -> None:
    phrases = PhraseSet.of(["keep * secret"])
    masked = PhraseSet.of(["can not"]).mask("keep can not secret")
    assert phrases.find(masked) is None
