"""Questions and answers: the agent's screening question tells the detector how to read the next turn.

After "are you having thoughts of ending your life?", "yeah, quite a lot" is active ideation; after "have
you taken any of the tablets?", "took the lot at teatime" is an overdose taken. Read alone, both are low.
The questions are data (``config/questions.yaml``); this module classifies the customer's answer as yes,
no, hedged (read as yes: a hedge to a screening question is not a denial), a quantity or a time.

A "no" never lowers what was already said: the conversation's level never falls by itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from config.files import load_yaml
from detector.concepts import abstract, amount_far_above_a_dose, large_amount_of_medicine
from detector.normalize import normalize, normalized_text
from detector.signals import Category, RiskLevel, SignalKind


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    HEDGED = "hedged"
    UNCLEAR = "unclear"


@dataclass(frozen=True)
class Outcome:
    """What an answer adds to the conversation."""

    level: RiskLevel
    kinds: frozenset[SignalKind]


@dataclass(frozen=True)
class Question:
    name: str
    category: Category
    patterns: tuple[re.Pattern[str], ...]
    on_yes: Outcome | None
    on_no: Outcome | None
    needs_concern: bool  # asked in ordinary service talk too: the answer counts only once risk shows
    quantity_or_time_is_yes: bool
    means_named_is_yes: bool = False  # "how would you do it?" "off the multistorey": naming a means is a yes
    # "have you thought about how?" "when the house is empty": a time still to come in a "yes" adds a time.
    time_to_come_adds_timeline: bool = False
    place_named_is_yes: bool = False  # "where are you?" "down by the canal": a place to die is the answer
    needs_kinds: frozenset[SignalKind] = frozenset()  # counts only beside evidence of one of these kinds
    # "how many did you take?" "about twenty", "the whole packet": an amount far above a dose is concern
    # itself, even when the medicine was named turns before.
    count_is_concern: bool = False


@dataclass(frozen=True)
class Reading:
    """One answered question: which, how it was answered, and what that adds."""

    question: str
    answer: Answer
    level: RiskLevel
    kinds: frozenset[SignalKind]
    category: Category


# The first few words decide the answer; later words are the customer's own account, read by the rules and
# the model. The last decisive word among them wins: "i dunno maybe yeah" is yes, "yeah no im fine" is no.
ANSWER_WORDS = 7
_YES = re.compile(
    r"\b(?:yes|yeah|yea|yep|yup|ya|aye|sure|correct|definitely|probably|yh|ye|yeh|yah|yas|mhm|"
    r"always|mostly|daily|totally|absolutely|loads|lots|too much|"
    r"i (?:have|did|am|do|will|was|had|think so|guess)|a (?:lot|bit|little)|quite a lot|all the time|"
    r"sometimes|often|most days|every day|kind of|sort of|kinda|sorta|maybe|perhaps|mm+ ?hm+|uh huh|"
    # how often, as an answer gives it: a frequency is a yes
    r"now and (?:then|again)|on and off|every so often|from time to time|occasionally|lately|constantly|"
    r"(?:every|most|some) (?:night|nights|week|weeks|morning|mornings)|"
    r"might|could be|i suppose|not gonna lie|ngl)\b"
)
_NO = re.compile(
    # "never" after someone else ("he's never hit me") is their conduct, not the customer's answer.
    r"\b(?:no|nope|nah|(?<!he )(?<!she )(?<!they )(?<!he's )(?<!she's )(?<!it )(?<!it's )never|"
    r"not really|not at all|(?:of course|obviously|definitely|certainly) not|"
    r"i (?:have not|did not|am not(?! sure)|do not(?! know)|would not|will not|was not)|no way|god no|"
    r"absolutely not|nothing|none)\b"
)
_HEDGE = re.compile(
    r"\b(?:maybe|perhaps|kind of|sort of|kinda|sorta|dunno|do not know|dont know|not sure|might|i guess)\b"
)
_NUMBER = (  # every cardinal a customer says in words, not a chosen few
    r"\d+|a couple|a few|a handful|half|several|loads|dozens?|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|"
    r"hundred"
)
_QUANTITY = re.compile(
    rf"\b(?:{_NUMBER}|twice|a few times|several times|all(?: of)? (?:them|it|the)|"
    r"the (?:lot|rest|whole|entire)|"
    r"(?:a|the|my|whole|entire|full) (?:box|packet|bottle|pack|jar|tub|strip|blister|handful)|"
    r"every (?:one|tablet|pill)|whole (?:box|packet|bottle|pack|lot)|everything)\b"
)
_TIME = re.compile(
    r"\b(?:ago|back|earlier|just now|before (?:i|the) (?:called|call|rang|phoned)|"
    r"at (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|tea ?time|lunch|dinner|"
    r"midnight)|"
    r"this (?:morning|afternoon|evening)|last night|tonight|an? hour|minutes?|hours?|\d+ ?(?:am|pm)|once|"
    r"as soon as|when (?:this|the|you)|after (?:this|the|i|you)|already|tomorrow|"
    r"(?:this|next) (?:week|weekend)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
)


# A time still to come, as an answer gives it ("when the next one comes through", "once they're asleep",
# "tomorrow"): the start of a clause, not a time word inside one ("I'm okay now" is not a plan's time).
_TIME_TO_COME = re.compile(
    r"\b(?:tonight|today|tomorrow|later on|soon|right now|this (?:evening|afternoon|weekend)|"
    r"next (?:week|weekend)|(?:when|once|after|as soon as|before) (?:the|this|that|it|its|they|theyre|he|hes|"
    r"she|shes|everyone|everybody|i|im|you|we|my|his|her|their|work|dark)|"
    r"at (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|midnight)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
)


def classify_answer(text: str) -> Answer:
    """yes / no / hedged / unclear, from the first words of the customer's turn."""
    return _classify(normalize(text).text)


def _classify(normalized: str) -> Answer:
    words = normalized.replace(",", " ").replace(".", " ").split()
    opening = " ".join(words[:ANSWER_WORDS])
    # By where each match ends, so "of course not" (no) outweighs the "course" inside it.
    decisive = [(m.end(), Answer.YES) for m in _YES.finditer(opening)]
    decisive += [(m.end(), Answer.NO) for m in _NO.finditer(opening)]
    if not decisive:
        return Answer.HEDGED if _HEDGE.search(opening) else Answer.UNCLEAR
    last = max(decisive)[1]
    if last == Answer.YES and _HEDGE.search(opening):
        return Answer.HEDGED
    return last


def _states_quantity_or_time(normalized: str) -> bool:
    return bool(_QUANTITY.search(normalized) or _TIME.search(normalized))


@lru_cache(maxsize=1)
def questions() -> tuple[Question, ...]:
    data: dict[str, Any] = load_yaml("questions.yaml")
    return tuple(_question(entry) for entry in data["questions"])


def _question(entry: dict[str, Any]) -> Question:
    def outcome(key: str) -> Outcome | None:
        if key not in entry:
            return None
        value = entry[key]
        return Outcome(
            RiskLevel.parse(value["level"]), frozenset(SignalKind(k) for k in value.get("kinds", []))
        )

    return Question(
        name=str(entry["name"]),
        category=Category(entry.get("category", "suicide")),
        patterns=tuple(re.compile(p) for p in entry["patterns"]),
        on_yes=outcome("on_yes"),  # not "yes"/"no": YAML 1.1 reads those keys as booleans
        on_no=outcome("on_no"),
        needs_concern=bool(entry.get("needs_concern", False)),
        means_named_is_yes=bool(entry.get("means_named_is_yes", False)),
        quantity_or_time_is_yes=bool(entry.get("quantity_or_time_is_yes", False)),
        time_to_come_adds_timeline=bool(entry.get("time_to_come_adds_timeline", False)),
        place_named_is_yes=bool(entry.get("place_named_is_yes", False)),
        needs_kinds=frozenset(SignalKind(k) for k in entry.get("needs_kinds", [])),
        count_is_concern=bool(entry.get("count_is_concern", False)),
    )


# Words that make a question that is also asked in ordinary service talk ("have you taken them with food?")
# plainly a question about harm ("have you taken too many?", "have you already taken anything tonight?").
_NAMES_HARM = re.compile(
    r"\b(?:overdos\w*|too many|more than (?:you should|the dose|prescribed)|already|hurt yourself|"
    r"harm yourself|end your life|kill yourself|suicid\w*|to hurt|to harm|to end)\b"
)


@dataclass(frozen=True)
class AgentTurn:
    """What an agent's turn asked: question names, whether it named harm itself, and any code words it
    offered as a silent answer ("if you're in danger right now, reply 'extra garlic bread'")."""

    questions: tuple[str, ...]
    names_harm: bool
    codes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    referent: str = ""  # the service object a turn without screening questions names (service_objects)


# A silent answer: when someone may be overheard, an agent offers words that mean "yes" to a question the
# caller cannot answer aloud. The offer is "if <question as a condition>, reply/say/type '<words>'"; the
# condition is read against the screening questions like any question. Bounded classes only (no nested
# quantifiers): the agent's turn is text like any other.
_CODE_OFFER = re.compile(
    r"\bif ([^.?!;:\"\u201c\u201d]{3,160}?),? (?:just |please )?(?:reply|say|type|text|write|answer|send)"
    r"(?: with| back)? ['\"\u2018\u201c]([^'\"\u2019\u201d]{1,60})['\"\u2019\u201d]"
)


# Where an agent's sentence starts to ask: a clause that opens as a question, or a request to be told
# ("have you taken anything." typed with a full stop; "you mentioned tablets - how many did you take";
# "i need you to tell me if you have taken anything.").
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_ASKS = re.compile(
    r"(?:^|[,;:-] *|\b(?:and|so|but|then|ok|okay|right|sorry|also|now) )"
    r"(?:have|has|had|did|do|does|are|is|was|were|can|could|will|would|should|how|what|when|where|which|who|"
    r"why|tell me|please tell me|(?:can|may|could) i ask|let me ask)\b"
    r"|\b(?:you to tell me|(?:need|have|want|must|got) to (?:ask|know|check)|asking (?:if|whether|you)|"
    r"just checking|checking (?:if|whether))\b"
)
# An answer asked for in words given, its condition before it: "if you're in danger right now, reply 'extra
# garlic bread'" asks the whole sentence.
_ANSWER_IN_WORDS = re.compile(r"\b(?:reply|answer|type|text back|just say|say yes|say no)\b")


def asking_sentences(normalized_agent_text: str) -> list[str]:
    """What an agent's turn asks: each sentence from where it starts to ask (an opener above), or the whole
    of one that ends in "?" with no opener. A turn without sentence punctuation (speech to text, a hurried
    chat line) is read whole. Why: "sales are limited to 2 packs because of the risk of overdose." explains
    a rule and asks nothing ("..., does that make sense?" asks only that), and the customer's "we have 30
    residents" then answered "have you taken an overdose?" with an amount, imminent."""
    if not re.search(r"[.!?]", normalized_agent_text):
        return [normalized_agent_text]
    asking = []
    for sentence in (s.strip() for s in _SENTENCE.findall(normalized_agent_text)):
        opener = _ASKS.search(sentence)
        if _ANSWER_IN_WORDS.search(sentence):
            asking.append(sentence)
        elif opener is not None:
            asking.append(sentence[opener.start() :].lstrip(",;:- "))
        elif sentence.endswith("?"):
            asking.append(sentence)
    return asking


def asked(agent_text: str) -> AgentTurn:
    """The screening questions an agent's turn asks (agent turns are never scored as risk)."""
    normalized = normalized_text(agent_text)
    asking = asking_sentences(normalized)
    names = tuple(q.name for q in questions() if any(p.search(s) for p in q.patterns for s in asking))
    referent = "" if names else named_service_object(normalized) or _cancel_without_object(normalized)
    if not names and not referent and _SUGGESTION.search(normalized):
        referent = AGENTS_SUGGESTION
    return AgentTurn(
        names, bool(names) and bool(_NAMES_HARM.search(normalized)), offered_codes(agent_text), referent
    )


@lru_cache(maxsize=1)
def _service_objects() -> re.Pattern[str]:
    nouns = sorted(load_yaml("questions.yaml").get("service_objects", []), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(str(n)) for n in nouns) + r")\b")


# "Are you sure you want to cancel?": an offer to cancel that names nothing is about what the customer named
# before. Service verbs in an offer only: "are you thinking of ending it?" and "I'll close this chat now"
# are never read so.
_CANCEL_QUESTION = re.compile(
    r"\b(?:want|like|wish|shall i|should i|do you want me|would you like me) to "
    r"(?:cancel|close|terminate|unsubscribe)\b(?!\s+(?:this|the|our)\s+(?:chat|call|conversation))"
)
CUSTOMERS_OBJECT = "@customer"  # referent: the service object the customer's turn before named

# "Uninstall it, then install 4.3": an instruction or a suggestion from the agent. In a conversation that has
# shown no risk, "I'll do it tonight" in the customer's next turn is doing that (pipeline.fold).
_SUGGESTION = re.compile(
    r"\b(?:you (?:can|could|should|need to|will need to|might want to|may want to|just need to|have to)|"
    r"try|make sure|remember to|do not forget to|then)\b"
)
AGENTS_SUGGESTION = "@suggestion"  # referent: what the agent's turn told or suggested the customer do


def _cancel_without_object(normalized_agent_text: str) -> str:
    return CUSTOMERS_OBJECT if _CANCEL_QUESTION.search(normalized_agent_text) else ""


def named_service_object(normalized_agent_text: str) -> str:
    """The last service object an agent's turn names ("shall I close the account today?" -> "account")."""
    found = _service_objects().findall(normalized_agent_text)
    return str(found[-1]) if found else ""


# "end it", "cancel it", "do it": a bare pronoun after a verb of ending; never "end it all".
_ENDING_IT = re.compile(
    r"\b(end|ending|finish|finishing|close|closing|cancel|cancelling|canceling|stop|stopping|do|doing|"
    r"terminate|terminating)\s+(it|this|that)\b(?!\s+all\b)",
    re.IGNORECASE,
)


# "do it", "doing that": a bare pronoun after the verb of doing, which an agent's suggestion can stand for.
_DOING_IT = re.compile(r"\b(do|doing)\s+(it|this|that)\b(?!\s+all\b)", re.IGNORECASE)


def does_a_pronoun(text: str) -> bool:
    return _DOING_IT.search(text) is not None


def with_suggestion(text: str) -> str:
    """``text`` with each bare "it" after "do" read as what the agent suggested."""
    return _DOING_IT.sub(lambda m: f"{m.group(1)} what you suggested", text)


def ends_a_pronoun(text: str) -> bool:
    return _ENDING_IT.search(text) is not None


def with_referent(text: str, referent: str) -> str:
    """``text`` with each bare "it" after a verb of ending replaced by the thing the agent asked about."""
    return _ENDING_IT.sub(lambda m: f"{m.group(1)} the {referent}", text)


# "it" before a verb of ending: "to see how it ends", "it finished on a cliffhanger".
_IT_ENDS = re.compile(r"\bit\s+(ends|ended|ending|finishes|finished|stops|stopped)\b", re.IGNORECASE)


def ends_it(text: str) -> bool:
    """A bare "it" that ends or is ended: "end it tonight", "see how it ends" (never "end it all")."""
    return _ENDING_IT.search(text) is not None or _IT_ENDS.search(text) is not None


def with_noun_for_it(text: str, noun: str) -> str:
    """``text`` with each such "it" replaced by ``noun`` ("see how the story ends")."""
    text = _ENDING_IT.sub(lambda m: f"{m.group(1)} the {noun}", text)
    return _IT_ENDS.sub(lambda m: f"the {noun} {m.group(1)}", text)


def offered_codes(agent_text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each code word the agent's turn offers, with the screening questions its condition asks."""
    codes = []
    for match in _CODE_OFFER.finditer(agent_text.lower()):
        condition = normalize(match.group(1)).text
        names = tuple(q.name for q in questions() if any(p.search(condition) for p in q.patterns))
        code = " ".join(normalize(match.group(2)).text.split())
        if names and code:
            codes.append((code, names))
    return tuple(codes)


def read_codes(codes: tuple[tuple[str, tuple[str, ...]], ...], answer_text: str) -> list[Reading]:
    """A code word in the customer's turn is a "yes" to the questions its condition asked; the agent's
    offer of a silent answer is concern enough, so no question here waits for risk to show first."""
    if not codes:
        return []
    normalized = " ".join(normalize(answer_text).text.split())
    by_name = {q.name: q for q in questions()}
    readings = []
    for code, names in codes:
        if not re.search(rf"(?<!\w){re.escape(code)}(?!\w)", normalized):
            continue
        for name in names:
            question = by_name.get(name)
            if question is not None and question.on_yes is not None:
                on_yes = question.on_yes
                readings.append(Reading(name, Answer.YES, on_yes.level, on_yes.kinds, question.category))
    return readings


def read_answer(
    turn: AgentTurn,
    answer_text: str,
    level_so_far: RiskLevel,
    kinds_so_far: frozenset[SignalKind] = frozenset(),
) -> list[Reading]:
    """What the customer's turn says in answer to the questions just asked. ``kinds_so_far``: the evidence
    the conversation and this turn carry (for questions that need some, ``needs_kinds``)."""
    if not turn.questions:
        return []
    by_name = {q.name: q for q in questions()}
    normalized = normalized_text(answer_text)
    answer = _classify(normalized)
    quantity_or_time = _states_quantity_or_time(normalized)
    means = answer == Answer.UNCLEAR and names_a_means(normalized)
    place = names_a_place(normalized)
    time_to_come = _TIME_TO_COME.search(normalized) is not None
    readings = []
    for name in turn.questions:
        question = by_name.get(name)
        if question is None:
            continue  # a question from a configuration since changed
        if question.needs_kinds and not question.needs_kinds & kinds_so_far:
            continue
        outcome = question.on_yes if question.place_named_is_yes and place else None
        outcome = outcome or _outcome(question, answer, quantity_or_time, means)
        if outcome is None:
            continue
        # "have you taken anything?" is also pharmacy talk; an overdose-sized answer is concern itself.
        unconcerned = level_so_far < RiskLevel.MODERATE and not turn.names_harm
        # An answer that is a yes only by naming a number, a means or a place ("three jumps", to "are you
        # thinking of jumping?" on a skydiving policy) is read so only once risk shows. A time still to come
        # answering a question about a method or a plan ("when the half past one goes through") is a plan's
        # time: read at once.
        plans_a_time = question.time_to_come_adds_timeline and time_to_come
        implied = answer == Answer.UNCLEAR and not plans_a_time
        overdose_sized = large_amount_of_medicine(normalized) or (
            question.count_is_concern and amount_far_above_a_dose(normalized)
        )
        if (question.needs_concern or implied) and unconcerned and not overdose_sized:
            continue
        kinds = outcome.kinds
        if plans_a_time and outcome is question.on_yes:
            kinds = kinds | {SignalKind.TIMELINE}
        readings.append(Reading(name, answer, outcome.level, kinds, question.category))
    return readings


def _outcome(question: Question, answer: Answer, quantity_or_time: bool, means: bool) -> Outcome | None:
    if answer in (Answer.YES, Answer.HEDGED):
        return question.on_yes
    if answer == Answer.NO:
        return question.on_no
    if question.quantity_or_time_is_yes and quantity_or_time:
        return question.on_yes
    if question.means_named_is_yes and means:
        return question.on_yes
    return None


# Classes of means the concept lists hold (config/concepts.yaml), and the acts that name a method without
# naming a thing ("jump", "hang myself"); "hang on" and "give it a shot" are not. Amounts and containers
# are not means by themselves.
_MEANS_CLASSES = frozenset({"_medicine_", "_weapon_", "_height_", "_traffic_", "_poison_"})
_ACTS = re.compile(
    r"\b(?:jump\w*|hang (?:myself|me|from)|hanging|hung|drown\w*|shoot\w* (?:myself|me)|overdos\w*|"
    r"swallow\w*|stab\w*|slit\w*|gassing|crash\w*|in front of)\b"
)


_WATER = re.compile(
    r"\b(?:river|riverbank|canal|sea|seafront|lake|loch|reservoir|pier|harbou?r|docks?|weir|quarry|estuary|"
    r"beach|cliffs?|clifftop|railings)\b"
)


def names_a_place(normalized: str) -> bool:
    """Does the answer name a place to die ("the multistorey", "by the canal", "the level crossing")?"""
    return bool({"_height_", "_traffic_"}.intersection(abstract(normalized).split())) or bool(
        _WATER.search(normalized)
    )


def names_a_means(normalized: str) -> bool:
    """Does the answer name a means or a method ("my co-codamol", "off the top of the multistorey")?"""
    return bool(_MEANS_CLASSES.intersection(abstract(normalized).split())) or bool(_ACTS.search(normalized))


__all__ = [
    "AGENTS_SUGGESTION",
    "CUSTOMERS_OBJECT",
    "AgentTurn",
    "Answer",
    "Reading",
    "asked",
    "classify_answer",
    "offered_codes",
    "questions",
    "read_answer",
    "read_codes",
]
