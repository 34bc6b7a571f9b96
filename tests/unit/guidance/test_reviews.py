"""Overdue reviews of playbooks and the shared phrase lists, decided from a given day (never today's date)."""

from __future__ import annotations

from datetime import timedelta

from tests.unit.guidance.kit import shipped


def test_playbooks_and_phrases_are_overdue_from_the_day_after_their_review_date() -> None:
    library = shipped()
    latest = max(
        [playbook.review_due for playbook in library.playbooks.values()] + [library.phrases.review_due]
    )
    earliest = min(playbook.review_due for playbook in library.playbooks.values())

    assert library.overdue_reviews(earliest) == []
    after_all = library.overdue_reviews(latest + timedelta(days=1))
    assert sorted(a.item_id for a in after_all if a.kind == "playbook") == sorted(library.playbooks)
    assert [a.kind for a in after_all if a.item_id == "phrases"] == ["phrases"]
    first = library.overdue_reviews(earliest + timedelta(days=1))
    assert first and all(alarm.review_due == earliest for alarm in first)
    assert all(alarm.owner and alarm.review_due.isoformat() in alarm.message for alarm in first)
