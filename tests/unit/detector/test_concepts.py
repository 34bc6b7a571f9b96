"""The concept view the model reads, and what counts as a medicine by its place (detector/concepts.py)."""

from __future__ import annotations

from detector.concepts import abstract, familiar_words, large_amount_of_medicine, unlisted_medicines


def test_amounts_far_above_a_dose_are_their_own_class() -> None:
    assert abstract("i have taken two already") == "i have taken _number_ already"
    assert abstract("took 40 of my sertraline") == "took _many_ of my _medicine_"


def test_an_unfamiliar_word_after_a_large_amount_is_read_as_a_medicine() -> None:
    # "qorvanex" is invented: no list or corpus row holds it.
    assert "qorvanex" not in familiar_words()
    assert unlisted_medicines("i took thirteen of the qorvanex".split()) == [5]
    assert abstract("i took thirteen of the qorvanex") == "i took _many_ of the _medicine_"
    assert large_amount_of_medicine("100 qorvanex")


def test_familiar_words_and_small_amounts_are_left_alone() -> None:
    assert unlisted_medicines("i took two qorvanex".split()) == []
    assert unlisted_medicines("i have taken thirty calls".split()) == []
    assert not large_amount_of_medicine("thirty calls today")
    # A plural or singular the project has met is familiar too.
    assert "call" in familiar_words() or "calls" in familiar_words()
