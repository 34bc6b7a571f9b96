"""Twilio Voice Real-Time Transcription in: signed; one conversation per call (an unknown call starts
one); the customer's and the agent's tracks by their labels; only final segments are turns, each once per
CallSid and SequenceId; segments folded by SequenceId; the end of the call ends guidance, not the
incident."""

from __future__ import annotations

import json

from sqlmodel import select

from store.db import session_scope
from store.models import ConversationRow
from tests.api.channel_helpers import audits, folded_sequences, guidance_and_incident, messages, post_signed
from tests.api.conftest import CRISIS, Harness
from workers.messages import scan_message

PATH = "/v1/channels/twilio/transcriptions"
CALL = "CA" + "5" * 32  # invented
OTHER_CALL = "CA" + "6" * 32


def segment(
    sequence: int, text: str, track: str = "caller", final: bool = True, call: str = CALL
) -> dict[str, str]:
    return {
        "AccountSid": "AC" + "0" * 32,
        "CallSid": call,
        "TranscriptionSid": "GT" + "1" * 32,
        "Timestamp": "2025-03-04T15:00:00.000000Z",
        "SequenceId": str(sequence),
        "TranscriptionEvent": "transcription-content",
        "LanguageCode": "en-US",
        "Track": track,
        "TranscriptionData": json.dumps({"transcript": text, "confidence": 0.91}),
        "Final": "true" if final else "false",
        "Stability": "0.9",
    }


def lifecycle(event: str, sequence: int, call: str = CALL) -> dict[str, str]:
    return {
        "AccountSid": "AC" + "0" * 32,
        "CallSid": call,
        "TranscriptionSid": "GT" + "1" * 32,
        "Timestamp": "2025-03-04T15:00:00.000000Z",
        "SequenceId": str(sequence),
        "TranscriptionEvent": f"transcription-{event}",
    }


def test_final_segments_are_turns_by_track_and_partials_are_not(channel_api: Harness) -> None:
    responses = [
        post_signed(channel_api, PATH, lifecycle("started", 1)),
        post_signed(channel_api, PATH, segment(2, "hello, you are", track="counsellor", final=False)),
        post_signed(channel_api, PATH, segment(3, "hello, you're through to the line", track="counsellor")),
        post_signed(channel_api, PATH, segment(4, "hi I", final=False)),
        post_signed(channel_api, PATH, segment(5, "hi I just needed to talk")),
    ]

    assert [r.status_code for r in responses] == [200] * 5
    rows = messages(channel_api.url)
    assert [(m.conversation_id, m.channel, m.sender, m.source, m.sequence) for m in rows] == [
        (f"twilio-call-{CALL}", "voice", "agent", "twilio_transcriptions", 3),
        (f"twilio-call-{CALL}", "voice", "customer", "twilio_transcriptions", 5),
    ]
    assert [m.text for m in rows] == ["hello, you're through to the line", "hi I just needed to talk"]
    assert channel_api.dispatcher.scans == [m.id for m in rows]


def test_replays_change_nothing_and_calls_are_separate(channel_api: Harness) -> None:
    post_signed(channel_api, PATH, segment(7, "is anyone there"))
    replay = post_signed(channel_api, PATH, segment(7, "is anyone there"))
    other = post_signed(channel_api, PATH, segment(7, "a different call", call=OTHER_CALL))

    assert replay.status_code == other.status_code == 200
    rows = messages(channel_api.url)
    assert sorted(m.conversation_id for m in rows) == sorted(
        [f"twilio-call-{CALL}", f"twilio-call-{OTHER_CALL}"]
    )
    assert len(audits(channel_api.url, "webhook_replay_ignored")) == 1


def test_an_unknown_call_starts_a_conversation(channel_api: Harness) -> None:
    assert post_signed(channel_api, PATH, lifecycle("started", 1)).status_code == 200
    post_signed(channel_api, PATH, segment(9, "first words", call=OTHER_CALL))  # no started event seen

    with session_scope(channel_api.url) as session:
        ids = set(session.exec(select(ConversationRow.id)).all())
    assert ids == {f"twilio-call-{CALL}", f"twilio-call-{OTHER_CALL}"}


def test_unsigned_unknown_track_and_bad_data_are_refused(channel_api: Harness) -> None:
    unsigned = channel_api.client.post(PATH, data=segment(1, "hello"))
    wrong = post_signed(channel_api, PATH, segment(1, "hello"), token="someone-elses-token")
    track = post_signed(channel_api, PATH, segment(2, "hello", track="mystery"))
    data = post_signed(channel_api, PATH, segment(3, "hello") | {"TranscriptionData": "{not json"})

    assert (unsigned.status_code, wrong.status_code) == (403, 403)
    assert len(audits(channel_api.url, "webhook_refused")) == 2
    assert (track.status_code, track.json()["error"]) == (400, "unknown_track")
    assert (data.status_code, data.json()["error"]) == (400, "bad_transcription_data")
    assert messages(channel_api.url) == []


def test_out_of_order_segments_are_folded_by_sequence(channel_api: Harness) -> None:
    # Twilio posts segment 12 before 11 (its retry of 11 came late); both wait for one scan.
    post_signed(channel_api, PATH, segment(12, "I have the pills in front of me"))
    channel_api.clock.advance(1)
    post_signed(channel_api, PATH, segment(11, "I don't want to be here anymore"))

    assert folded_sequences(channel_api) == [11, 12]


def test_the_end_of_the_call_ends_guidance_not_the_incident(channel_api: Harness) -> None:
    post_signed(channel_api, PATH, segment(1, CRISIS))
    scan_message(channel_api.runtime, channel_api.dispatcher.scans[0])
    conversation_id = f"twilio-call-{CALL}"
    closed_before, state_before = guidance_and_incident(channel_api.url, conversation_id)
    assert closed_before is None

    stopped = post_signed(channel_api, PATH, lifecycle("stopped", 2))
    again = post_signed(channel_api, PATH, lifecycle("stopped", 2))

    assert stopped.status_code == again.status_code == 200
    closed_at, state_after = guidance_and_incident(channel_api.url, conversation_id)
    assert closed_at is not None and state_after == state_before  # the incident is still open
    assert len(audits(channel_api.url, "guidance_guidance_closed")) == 1
