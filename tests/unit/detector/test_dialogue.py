"""Questions and answers: the agent's screening question decides how a short answer is read."""

from __future__ import annotations

import pytest

from detector import ConversationState, Detector, RiskLevel
from detector.dialogue import Answer, asked, classify_answer, read_answer
from tests.unit.detector.conversations import customer_levels


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("yep, most nights", Answer.YES),
        ("i have yeah", Answer.YES),
        ("erm i dunno maybe", Answer.HEDGED),
        ("i suppose so, kind of", Answer.HEDGED),
        ("nope", Answer.NO),
        ("no i have not", Answer.NO),
        ("god no, definitely not", Answer.NO),
        ("yeah no i'm alright honestly", Answer.NO),
        ("what's the postcode for the depot", Answer.UNCLEAR),
        ("he's at work till six, he's never hit me", Answer.UNCLEAR),  # his conduct, not an answer
        ("i've never done that", Answer.NO),
        ("mhm", Answer.YES),
        ("always", Answer.YES),
        ("yh", Answer.YES),
    ],
)
def test_answers_are_classified_by_their_opening_words(answer: str, expected: Answer) -> None:
    assert classify_answer(answer) == expected


def test_agent_questions_are_recognised_by_what_they_ask() -> None:
    assert asked("can I ask, have you been thinking about killing yourself?").questions == (
        "suicidal_thoughts",
    )
    assert "attempt" in asked("have you already taken something tonight?").questions
    assert asked("have you already taken something tonight?").names_harm
    assert asked("could you read me the long number on the card?").questions == ()


@pytest.mark.parametrize(
    "agent",
    [
        "Sales are limited to 2 packs because of the risk of overdose. Anything else I can help with?",
        "We can't sell more than two because people overdose. Sorry about that!",
        "That's the overdose warning on the leaflet, nothing to worry about.",
        "The leaflet covers overdose, tell me if you want a copy.",
        "The cap is there because of overdose risk, does that make sense?",
    ],
)
def test_a_sentence_that_only_mentions_harm_asks_nothing(agent: str) -> None:
    assert asked(agent).questions == ()


@pytest.mark.parametrize(
    "agent",
    [
        "I'm worried about you. Have you taken anything.",  # a question typed with a full stop
        "Thank you for telling me. I need to ask you, have you overdosed tonight",
        "okay so have you taken anything tonight",  # speech to text: no sentences at all
        "I hear you. Is the cut still bleeding?",
        "I'm so sorry. You mentioned your tablets - how many did you take.",
        "Thanks for telling me, and have you taken anything.",
        "I need you to tell me if you have taken anything tonight.",
        "I'm just checking whether you've taken any of them already.",
    ],
)
def test_a_question_is_heard_however_it_is_punctuated(agent: str) -> None:
    assert {"attempt", "attempt_details", "amount_taken"} & set(asked(agent).questions)


def test_an_instruction_to_answer_in_code_asks() -> None:
    assert "in_danger_now" in asked("Okay. If you're in danger right now, reply 'large pepperoni'.").questions
    assert asked("If you're in danger right now, call 999.").questions == ()


def test_an_amount_after_an_explanation_is_not_an_answer(detector: Detector) -> None:
    turns = [
        ("customer", "my basket of ibuprofen got cut down to two boxes at checkout, how come"),
        ("agent", "Pharmacy rules cap painkiller sales at two packs an order, because of overdose risk."),
        ("customer", "right, that explains it. I run a nursing home with 40 beds"),
    ]
    assert customer_levels(detector, turns)[-1] <= RiskLevel.LOW


def test_a_routine_question_counts_only_once_risk_shows() -> None:
    routine = asked("and have you taken any of it yet this week")
    assert routine.questions == ("attempt",) and not routine.names_harm
    assert read_answer(routine, "yes twice", RiskLevel.NONE) == []
    readings = read_answer(routine, "yes twice", RiskLevel.MODERATE)
    assert [r.level for r in readings] == [RiskLevel.IMMINENT]


def test_a_yes_to_the_suicide_question_is_active_ideation(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "the bill again, i just cannot face any of it"),
            ("agent", "i'm going to ask you plainly, are you having thoughts of ending your life?"),
            ("customer", "most days yeah"),
        ],
    )
    assert levels[-1] >= RiskLevel.HIGH


def test_an_amount_in_answer_to_what_was_taken_is_an_attempt(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "honestly i just want to go to sleep and not bother anyone again"),
            ("agent", "have you taken anything tonight?"),
            ("customer", "most of the packet around nine"),
        ],
    )
    assert levels[-1] == RiskLevel.IMMINENT


def test_a_no_lowers_nothing_already_said(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "i've been thinking about how i'd end my life, i've looked at ways"),
            ("agent", "have you got a plan for when?"),
            ("customer", "no"),
        ],
    )
    assert levels[-1] >= levels[0] >= RiskLevel.HIGH


def test_agent_turns_are_never_scored_as_the_customers_risk(detector: Detector) -> None:
    state = ConversationState()
    assessment, state = detector.follow(
        "are you thinking about suicide or about hurting yourself?", state, speaker="agent"
    )
    assert assessment is None and state.level == RiskLevel.NONE
    assessment, state = detector.follow("no, i'm ringing about the router light", state)
    assert assessment is not None and assessment.level < RiskLevel.MODERATE


def test_a_yes_to_a_service_question_pages_nobody(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("agent", "is that the account ending four one two?"),
            ("customer", "yes that's the one"),
            ("agent", "have you tried switching it off and on again?"),
            ("customer", "yep did that three times already"),
        ],
    )
    assert max(levels) < RiskLevel.MODERATE


@pytest.mark.parametrize(
    ("answer", "counts"),
    [
        ("yeah, forty of my quetiapine about an hour ago", True),
        ("a whole packet of nytol", True),
        ("yes, 25 of the propranolol", True),
        ("seventeen zopiclone", True),  # every cardinal said in words is an amount, not a chosen few
        ("eighty of the amitriptyline", True),
        ("a tub of nitrazepam", True),  # a container is an amount
        ("olanzapine, 45 of them", True),  # the medicine named first, then how many
        ("yes, all my tablets this morning like always", False),  # the day's dose, not an amount
        ("yes my insulin at 10, 12 units", False),  # a time and a dose
        ("just two ibuprofen for my back", False),
        ("yes 99999999999999999999 tablets", False),  # not an amount, and not an error either
    ],
)
def test_an_overdose_sized_answer_counts_without_earlier_concern(answer: str, counts: bool) -> None:
    question = asked("have you taken anything?")
    readings = read_answer(question, answer, RiskLevel.NONE)
    assert bool(readings) is counts


# Silent answers: code words an agent offers when the caller may be overheard. All text invented.
def test_an_offered_code_word_is_read_with_the_question_its_condition_asks() -> None:
    offer = asked("I'll keep this about the booking. If you're in danger right now, type 'window seat'.")
    assert offer.codes == (("window seat", ("in_danger_now",)),)
    branches = asked("ok. if he has hurt you today, reply 'no luggage', and if not, reply 'with luggage'.")
    assert branches.codes == (("no luggage", ("hurt_by_someone",)),), "the 'if not' branch asks nothing"
    assert asked("if you'd like a receipt, reply 'yes please'").codes == (), "a service offer asks nothing"


def test_the_code_word_after_the_offer_is_danger_now_and_before_it_means_nothing(detector: Detector) -> None:
    before = customer_levels(detector, [("customer", "a window seat on the morning flight please")])
    assert before[-1] == RiskLevel.NONE
    levels = customer_levels(
        detector,
        [
            ("customer", "can you book the morning flight, he's right next to me so I'll keep it short"),
            ("agent", "Of course. If you're in danger right now, type 'window seat'."),
            ("customer", "window seat please"),
            ("agent", "Booked. Anything else?"),
            ("customer", "no thanks"),
        ],
    )
    assert levels[-2:] == [RiskLevel.IMMINENT] * 2, "it holds for the rest of the conversation"


def test_offered_codes_are_saved_with_the_state(detector: Detector) -> None:
    state = detector.hear_agent(ConversationState(), "If you're in danger right now, type 'window seat'.")
    assert ConversationState.from_dict(state.to_dict()).codes == (("window seat", ("in_danger_now",)),)


# "end it" is a suicide phrase the rules know; after an agent offers to close something, it is that thing.
OFFER_TO_CLOSE = [
    ("customer", "morning, i want to sort out the gym membership"),
    ("agent", "no problem. shall i terminate the membership from today?"),
]


def test_end_it_after_an_offer_to_close_something_ends_that_thing(detector: Detector) -> None:
    levels = customer_levels(detector, [*OFFER_TO_CLOSE, ("customer", "yeah end it today please")])
    assert levels[-1] < RiskLevel.MODERATE


@pytest.mark.parametrize(
    "answer",
    [
        "forget it, i'm going to end it all today",  # "end it all" is never the membership
        "i'm going to kill myself today",  # no pronoun to resolve
    ],
)
def test_risk_after_an_offer_to_close_something_still_pages(detector: Detector, answer: str) -> None:
    levels = customer_levels(detector, [*OFFER_TO_CLOSE, ("customer", answer)])
    assert levels[-1] >= RiskLevel.HIGH


def test_end_it_after_a_screening_question_is_the_customers_life(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            *OFFER_TO_CLOSE,
            ("agent", "before i do, are you having thoughts of ending your life?"),
            ("customer", "yes. i'm going to end it today"),
        ],
    )
    assert levels[-1] >= RiskLevel.HIGH


def test_the_object_an_agent_named_is_kept_with_the_state_and_used_once() -> None:
    from detector.conversation import hear_agent

    state = hear_agent(ConversationState(), "shall i close the direct debit now?")
    assert state.referent == "direct debit"
    assert ConversationState.from_dict(state.to_dict()).referent == "direct debit"
    assert hear_agent(state, "are you thinking about suicide?").referent == ""


def test_naming_a_method_answers_how_and_a_bare_when_gives_the_time(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "i cant see any way forward anymore"),
            ("agent", "can i ask, are you thinking about killing yourself?"),
            ("customer", "yes"),
            ("agent", "have you thought about how you would do it?"),
            ("customer", "off the top of the old mill chimney i reckon, jumping"),
            ("agent", "when?"),
            ("customer", "this weekend"),
        ],
    )
    assert levels[-2] >= RiskLevel.HIGH  # the method named: a yes to "how"
    assert levels[-1] == RiskLevel.IMMINENT  # plan and time


def test_short_follow_up_questions_read_an_answer_once_risk_shows(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "i did something really stupid before i rang"),
            ("agent", "did you take something?"),
            ("customer", "the amitriptyline"),
            ("agent", "how many?"),
            ("customer", "all of them"),
        ],
    )
    assert levels[-1] == RiskLevel.IMMINENT


def test_short_follow_up_questions_in_service_talk_page_nobody(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "i want to order some of the blue ink cartridges"),
            ("agent", "how many?"),
            ("customer", "twelve please"),
            ("agent", "and when?"),
            ("customer", "by friday if you can"),
        ],
    )
    assert max(levels) < RiskLevel.MODERATE


@pytest.mark.parametrize(
    "answer", ["hang on, someone's at the door", "give me a sec, i'll have a shot at finding it"]
)
def test_words_that_only_look_like_a_method_are_not_an_answer(detector: Detector, answer: str) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "honestly i just feel so low all the time lately"),
            ("agent", "did you take something?"),
            ("customer", answer),
        ],
    )
    assert levels[-1] < RiskLevel.HIGH


def test_a_time_to_come_in_answer_to_a_named_method_is_imminent(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "i won't be needing the return half of this ticket"),
            ("customer", "i'm stood at the far end of the station where the expresses don't stop"),
            ("agent", "Are you thinking of jumping?"),
            ("customer", "when the half past one goes through"),
        ],
    )
    assert levels[-1] == RiskLevel.IMMINENT


def test_jumping_ship_is_no_named_method() -> None:
    assert asked("are you thinking of jumping ship to another network?").questions == ()


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("have you been hurting yourself lately?", "now and then"),
        ("are you self-harming at the moment?", "yeah, a bit, on my legs"),
        ("do you ever cut yourself when it gets like this?", "every so often"),
    ],
)
def test_a_yes_to_a_self_harm_question_is_current_self_harm(
    detector: Detector, question: str, answer: str
) -> None:
    levels = customer_levels(
        detector,
        [("customer", "i can't keep up with the payments"), ("agent", question), ("customer", answer)],
    )
    assert levels[-1] == RiskLevel.HIGH


@pytest.mark.parametrize(
    ("accident", "question", "answer"),
    [
        (
            "the step outside your Harrogate branch was icy and I went over",
            "Oh no, did you hurt yourself?",
            "yeah, my elbow's purple",
        ),
        (
            "the tin opener slipped and caught my finger",
            "did you cut yourself badly?",
            "yes, it took three stitches",
        ),
    ],
)
def test_a_question_about_an_accident_is_no_screening_question(
    detector: Detector, accident: str, question: str, answer: str
) -> None:
    levels = customer_levels(detector, [("customer", accident), ("agent", question), ("customer", answer)])
    assert max(levels) < RiskLevel.MODERATE


def test_where_the_caller_is_after_a_wish_to_die_is_danger_now(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "honestly i'd rather be dead than keep doing this"),
            ("agent", "I'm listening. Where are you right now?"),
            ("customer", "the old harbour wall"),
        ],
    )
    assert levels[-1] == RiskLevel.IMMINENT


def test_a_place_in_ordinary_talk_pages_nobody(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "the 17:40 has been cancelled and I'm stood on the platform at Crewe"),
            ("agent", "I'm sorry, where are you now?"),
            ("customer", "by the footbridge, near the ticket machines"),
        ],
    )
    assert max(levels) <= RiskLevel.LOW


def test_a_bare_means_naming_a_method_is_high_not_an_attempt(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "i keep thinking everyone would cope better without me"),
            ("agent", "Are you having thoughts of killing yourself?"),
            ("customer", "yes"),
            ("agent", "Have you thought about how you would do it?"),
            ("customer", "tablets"),
        ],
    )
    assert levels[-1] == RiskLevel.HIGH


def test_not_safe_after_a_threat_from_someone_is_danger_now(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "my partner smashed the phone and said he'd finish me off when he gets back"),
            ("agent", "Are you safe where you are?"),
            ("customer", "no"),
        ],
    )
    assert levels[-1] == RiskLevel.IMMINENT


def test_not_safe_without_a_threat_from_anyone_is_not_abuse() -> None:
    turn = asked("are you safe right now?")
    assert "unsafe_with_abuser" in turn.questions
    readings = read_answer(turn, "no", RiskLevel.HIGH)
    assert [r.question for r in readings] == ["safe_now"]


def test_an_answer_that_shows_risk_itself_is_read_without_earlier_concern(detector: Detector) -> None:
    turn = asked("and how many did you have")
    assert turn.questions == ("attempt_details",) and not turn.names_harm
    assert read_answer(turn, "about thirty", RiskLevel.NONE) == []
    levels = customer_levels(
        detector,
        [
            ("customer", "can you tell me if the co-op pharmacy is open late"),
            ("agent", "It is. And how many did you have?"),
            ("customer", "about thirty of my sleeping pills, i want to go to sleep for good"),
        ],
    )
    assert levels[-1] == RiskLevel.IMMINENT


def test_an_offer_of_a_self_harm_line_is_not_a_question_about_self_harm(detector: Detector) -> None:
    assert "self_harm" not in asked("I can text you the number of a self-harm support line").questions
    assert "self_harm" in asked("are you self-harming at the moment?").questions
    levels = customer_levels(
        detector,
        [
            ("customer", "it's been a rough month to be honest"),
            ("agent", "I'm sorry. I can text you the number of a self-harm support line if that helps"),
            ("customer", "yes please"),
        ],
    )
    assert max(levels) < RiskLevel.HIGH


def test_a_count_far_above_a_dose_answering_how_many_is_an_attempt_though_named_before(
    detector: Detector,
) -> None:
    """The medicine named turns before, a bare "yes" that waited for risk, then a count no one takes as
    a dose: an attempt. The same questions answered in doses page nobody."""
    turns = [
        ("customer", "hiya is my repeat of the mirtazapine ready to collect"),
        ("agent", "it is. have you taken any of the old box yet?"),
    ]
    overdose = customer_levels(
        detector,
        [
            *turns,
            ("customer", "yeah"),
            ("agent", "how many did you take?"),
            ("customer", "about twenty i think"),
        ],
    )
    assert overdose[-2] < RiskLevel.MODERATE, "a bare yes to a pharmacy's question waits for risk"
    assert overdose[-1] == RiskLevel.IMMINENT
    packet = customer_levels(
        detector,
        [*turns, ("customer", "yeah"), ("agent", "how many did you take?"), ("customer", "the whole packet")],
    )
    assert packet[-1] == RiskLevel.IMMINENT
    for answer in ["just the one at night", "just two fifty milligram ones"]:
        dose = customer_levels(
            detector,
            [*turns, ("customer", "yeah"), ("agent", "how many did you take?"), ("customer", answer)],
        )
        assert max(dose) < RiskLevel.MODERATE, answer  # "fifty" counts milligrams, not tablets


def test_a_yes_made_only_of_a_number_waits_for_risk(detector: Detector) -> None:
    """A skydiving policy's "are you thinking of jumping?", answered with a count."""
    levels = customer_levels(
        detector,
        [
            ("customer", "i need to add the parachute club to my insurance"),
            ("agent", "of course. are you thinking of jumping?"),
            ("customer", "about three jumps, it's for a charity"),
        ],
    )
    assert max(levels) < RiskLevel.MODERATE


def test_when_answered_with_a_time_to_come_is_intent_with_a_time(detector: Detector) -> None:
    """The question "when are you planning to do it?" presumes the intent a time to come confirms
    (LEVELS.md: imminent); before, the answer added only a time to a wish to die: high."""
    opening = [
        ("customer", "i just don't want to be here anymore"),
        ("agent", "are you having thoughts of ending your life?"),
        ("customer", "yeah"),
        ("agent", "when are you planning to do it?"),
    ]
    soon = customer_levels(detector, [*opening, ("customer", "tomorrow i think")])
    assert soon[-1] == RiskLevel.IMMINENT
    unsure = customer_levels(detector, [*opening, ("customer", "i don't know, i haven't decided anything")])
    assert unsure[-1] == RiskLevel.HIGH


def test_after_a_cancel_question_naming_nothing_it_is_what_the_customer_named(detector: Detector) -> None:
    """ "Are you sure you want to cancel?" names nothing: a bare "it" in the answer is the membership the
    customer named the turn before. Only service verbs: "are you thinking of ending it?" is never read so."""
    cancel = customer_levels(
        detector,
        [
            ("customer", "I want to end my membership, this is killing my bank balance"),
            ("agent", "I can do that. Are you sure you want to cancel?"),
            ("customer", "yes end it tonight please, I'm done with it"),
        ],
    )
    assert max(cancel) < RiskLevel.MODERATE
    crisis = customer_levels(
        detector,
        [
            ("customer", "I can't keep up with my loan anymore, I'm done"),
            ("agent", "are you thinking of ending it?"),
            ("customer", "yes, I'm going to end it tonight"),
        ],
    )
    assert crisis[-1] == RiskLevel.IMMINENT
    closing_the_chat = customer_levels(
        detector,
        [
            ("customer", "my account is in such a mess, I can't do this anymore"),
            ("agent", "I understand. Would you like me to close the chat now?"),
            ("customer", "yes, I'm going to end it tonight"),
        ],
    )
    assert closing_the_chat[-1] == RiskLevel.IMMINENT


def test_an_amount_kept_at_home_with_a_time_after_a_wish_to_die_is_imminent(detector: Detector) -> None:
    """ "Do you have tablets at home?" (a bare plural) answered with an amount and a time to come."""
    levels = customer_levels(
        detector,
        [
            ("customer", "I can't sleep for weeks now. honestly I'd rather just not wake up"),
            ("agent", "I'm glad you told me. Are you having thoughts of ending your life?"),
            ("customer", "yeah"),
            ("agent", "Thank you. Do you have tablets at home right now?"),
            ("customer", "got about forty kept back in a drawer. was thinking saturday"),
        ],
    )
    assert levels[-2] == RiskLevel.HIGH
    assert levels[-1] == RiskLevel.IMMINENT


def test_what_is_at_home_in_a_conversation_without_risk_is_no_means(detector: Detector) -> None:
    levels = customer_levels(
        detector,
        [
            ("customer", "my refund still hasn't come through"),
            ("agent", "Do you have receipts at home from the order?"),
            ("customer", "got about three of them somewhere, I'll look tonight"),
        ],
    )
    assert levels[-1] <= RiskLevel.LOW
