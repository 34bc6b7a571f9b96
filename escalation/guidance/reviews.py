"""Guidance past its review date: playbooks and the shared phrase lists carry ``review_due``.

A playbook is still shown after its date (an old script beats none during a crisis), but somebody must
re-review it, so its owner is alarmed the same way an expired crisis resource is. Pure: ``today`` is passed
in, so the worker's clock (and a test's fixed clock) decides, never the machine's calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from escalation.guidance.models import PhrasesConfig, PlaybookConfig


@dataclass(frozen=True)
class ReviewAlarm:
    """A playbook (``kind`` "playbook") or the phrase lists (``kind`` "phrases") past ``review_due``."""

    kind: str
    item_id: str
    owner: str
    review_due: date

    @property
    def message(self) -> str:
        what = f"playbook {self.item_id!r}" if self.kind == "playbook" else "the shared phrase lists"
        return (
            f"{what} was due for review on {self.review_due.isoformat()} (owner: {self.owner}); "
            "agents still see it until it is re-reviewed"
        )


def overdue_reviews(
    playbooks: list[PlaybookConfig], phrases: PhrasesConfig, today: date
) -> list[ReviewAlarm]:
    """Every playbook, and the phrase lists, whose review date has passed (the day itself is still fine)."""
    alarms = [
        ReviewAlarm("playbook", playbook.id, playbook.owner, playbook.review_due)
        for playbook in sorted(playbooks, key=lambda item: item.id)
        if today > playbook.review_due
    ]
    if today > phrases.review_due:
        alarms.append(ReviewAlarm("phrases", "phrases", phrases.owner, phrases.review_due))
    return alarms
