"""Medicine names as speech-to-text splits and mishears them (invented transcripts)."""

from __future__ import annotations

import pytest

from detector.normalize import normalize


@pytest.mark.parametrize(
    ("heard", "read"),
    [
        ("i took the whole box of zoppy clone", "i took the whole box of zopiclone"),
        ("its my amy trip to lean prescription", "its my amitriptyline prescription"),
        ("twenty pro pran a lol", "twenty propranolol"),
        ("i have my sertaline here", "i have my sertraline here"),  # typed, one sound off
    ],
)
def test_a_misheard_medicine_is_read_as_the_medicine(heard: str, read: str) -> None:
    assert normalize(heard).text == read


@pytest.mark.parametrize(
    "everyday",
    [
        "certainly i can do that for you",
        "i took the tram and all the way home",  # one sound from tramadol: joins must sound exactly alike
        "i had a question about my bill",
        "my mortgage payment is late",
    ],
)
def test_everyday_words_stay_words(everyday: str) -> None:
    assert normalize(everyday).text == everyday


def test_the_medicine_maps_back_to_the_words_that_were_heard() -> None:
    text = "took forty amy trip to lean"
    mapped = normalize(text)
    start = mapped.text.index("amitriptyline")
    assert mapped.original_span(start, start + len("amitriptyline")) == (len("took forty "), len(text))
