"""A cheap look at a message before (and instead of) the detector: plain substring checks over a small
lexicon, on a bounded prefix of the text.

Two uses: the pre-screen that sends crisis-looking scans to the priority queue, and the degraded
assessment given to a message the full detector could not assess in time. Both must stay cheap and
bounded whatever the text is, so there is no regular expression here (a pattern can backtrack; a
substring search cannot) and the words live in code, not in a YAML file: the safety floor must not
break when a configuration file does.
"""

from __future__ import annotations

from detector import Assessment, Category, RiskLevel

SCREEN_CHARS = 4000  # the prefix looked at; casefolding and searching it costs microseconds
FALLBACK_VERSION = "fallback.keywords.v1"

# Phrases of intent, plan or an act under way: a fallback that sees one treats the message as high risk.
ACUTE: dict[str, Category] = {
    "kill myself": Category.SUICIDE,
    "killing myself": Category.SUICIDE,
    "end my life": Category.SUICIDE,
    "ending my life": Category.SUICIDE,
    "take my own life": Category.SUICIDE,
    "want to die": Category.SUICIDE,
    "wanna die": Category.SUICIDE,
    "better off dead": Category.SUICIDE,
    "tonight is the night": Category.SUICIDE,
    "suicide": Category.SUICIDE,
    "suicidal": Category.SUICIDE,
    "hang myself": Category.SUICIDE,
    "overdose": Category.SUICIDE,
    "overdosed": Category.SUICIDE,
    "swallowed all": Category.SUICIDE,
    "taken all my": Category.SUICIDE,
    "took all my": Category.SUICIDE,
    "whole box of": Category.SUICIDE,
    "cut myself": Category.SELF_HARM,
    "cutting myself": Category.SELF_HARM,
    "hurt myself": Category.SELF_HARM,
    "self harm": Category.SELF_HARM,
    "self-harm": Category.SELF_HARM,
    "kill him": Category.HARM_TO_OTHERS,
    "kill her": Category.HARM_TO_OTHERS,
    "kill them": Category.HARM_TO_OTHERS,
}
# Words that often come with risk but also with ordinary talk: enough for the priority queue (a fast
# scan costs little), enough for a moderate fallback level (someone looks), not for a high one.
WORRYING: dict[str, Category] = {
    "pills": Category.SUICIDE,
    "tablets": Category.SUICIDE,
    "paracetamol": Category.SUICIDE,
    "no reason to live": Category.SUICIDE,
    "not be here": Category.SUICIDE,
    "goodbye forever": Category.SUICIDE,
    "end it all": Category.SUICIDE,
    "noose": Category.SUICIDE,
    "gun": Category.SUICIDE,
    "razor": Category.SELF_HARM,
    "bleeding": Category.SELF_HARM,
    "hits me": Category.ABUSE,
    "hurt me": Category.ABUSE,
}


def _prefix(text: str) -> str:
    return text[:SCREEN_CHARS].casefold()


def looks_urgent(text: str) -> bool:
    """True when the message should not wait behind bulk work: any acute or worrying phrase."""
    seen = _prefix(text)
    return any(phrase in seen for phrase in (*ACUTE, *WORRYING))


def keyword_assessment(text: str, why: str) -> Assessment:
    """The degraded assessment: a level from the lexicon alone, with why the detector was not used.
    It leans to paging: a message that defeated the detector and names a crisis is worth a human's look."""
    seen = _prefix(text)
    acute = [category for phrase, category in ACUTE.items() if phrase in seen]
    worrying = [category for phrase, category in WORRYING.items() if phrase in seen]
    if acute:
        level, category, score = RiskLevel.HIGH, acute[0], 0.9
    elif worrying:
        level, category, score = RiskLevel.MODERATE, worrying[0], 0.6
    else:
        level, category, score = RiskLevel.NONE, Category.NONE, 0.0
    return Assessment(
        level=level,
        category=category,
        score=score,
        rule_level=level,
        notes=(f"degraded: {why}; assessed by keywords only",),
        detector_version=FALLBACK_VERSION,
    )
