"""Regional crisis resources: versioned data with a source and a review date, and what to show from it.

A resource past its ``review_due`` is not trusted: the desktop shows the region's emergency number in its
place and ``expired_resources`` reports it so the owner can be alarmed. The emergency entry itself is
always shown, even when overdue, because a possibly stale emergency number beats none at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pydantic import Field, PositiveInt

from escalation.guidance.models import Id, RegionCode, ResourceKind, ResourceNeeds, StrictModel, Text, Url

# Said in place of a placeholder when the region has no usable entry; generic on purpose.
FALLBACK_SAY = {
    ResourceKind.EMERGENCY: "your local emergency number",
    ResourceKind.CRISIS_LINE: "a local crisis line",
    ResourceKind.DOMESTIC_ABUSE_LINE: "a local domestic abuse helpline",
    ResourceKind.POISON_CONTROL: "your local poison information service",
}


class ContactMethod(StrEnum):
    CALL = "call"
    TEXT = "text"
    CHAT = "chat"
    WEB = "web"


class Contact(StrictModel):
    method: ContactMethod
    value: Text
    note: Text | None = None


class ResourceEntry(StrictModel):
    id: Id
    kind: ResourceKind
    name: Text
    # How the agent names it out loud or in a message ("Samaritans on 116 123"); fills {crisis_line} etc.
    say: Text
    contacts: list[Contact] = Field(min_length=1)
    hours: Text = "24 hours a day, every day"
    languages: list[str] = Field(default_factory=list)
    source: Url
    last_verified: date
    review_due: date
    notes: list[Text] = Field(default_factory=list)

    def expired(self, today: date) -> bool:
        return today > self.review_due


class RegionResources(StrictModel):
    region: RegionCode
    name: Text
    version: PositiveInt
    owner: Text
    resources: list[ResourceEntry] = Field(min_length=1)

    def of_kind(self, kind: ResourceKind) -> list[ResourceEntry]:
        return [entry for entry in self.resources if entry.kind is kind]

    @property
    def emergency(self) -> ResourceEntry | None:
        entries = self.of_kind(ResourceKind.EMERGENCY)
        return entries[0] if entries else None


@dataclass(frozen=True)
class ResourceAlarm:
    """An entry past its review date: tell ``owner``; until then agents see the emergency number instead."""

    region: str
    resource_id: str
    name: str
    kind: ResourceKind
    owner: str
    review_due: date

    @property
    def message(self) -> str:
        return (
            f"{self.region} resource {self.resource_id!r} ({self.name}) was due for re-verification on "
            f"{self.review_due.isoformat()}; agents see the emergency number instead until it is checked"
        )


@dataclass(frozen=True)
class ResourceCard:
    """One line of the resources panel on the agent's desktop."""

    kind: ResourceKind
    name: str
    say: str
    contacts: tuple[tuple[str, str], ...]
    hours: str
    note: str | None = None
    replaces: str | None = None  # the id of the expired or missing entry this card stands in for

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "name": self.name,
            "say": self.say,
            "contacts": [{"method": method, "value": value} for method, value in self.contacts],
            "hours": self.hours,
            "note": self.note,
            "replaces": self.replaces,
        }


def expired_in(regions: Iterable[RegionResources], today: date) -> list[ResourceAlarm]:
    """Every entry past its review date, region by region."""
    return [
        ResourceAlarm(region.region, entry.id, entry.name, entry.kind, region.owner, entry.review_due)
        for region in regions
        for entry in region.resources
        if entry.expired(today)
    ]


def cards_for(region: RegionResources | None, needs: ResourceNeeds, today: date) -> list[ResourceCard]:
    """The emergency card first, then each needed kind; stale or missing entries fall back to emergency."""
    emergency = _emergency_card(region)
    cards = [emergency]
    if region is None:
        # With no region every stand-in would be the same generic "your local emergency number" line
        # again; the one emergency card already tells the agent nothing is configured.
        return cards
    for kind in needs.kinds:
        if kind is ResourceKind.EMERGENCY:
            continue
        entries = region.of_kind(kind)
        if not entries and kind in needs.required:
            note = f"No {kind.value.replace('_', ' ')} is listed for this region: use the emergency number."
            cards.append(_stand_in(emergency, note, replaces=kind.value))
        for entry in entries:
            if entry.expired(today):
                note = (
                    f"{entry.name} is due for re-verification: use the emergency number until it is checked."
                )
                cards.append(_stand_in(emergency, note, replaces=entry.id))
            else:
                cards.append(_card(entry))
    return cards


def say_for(region: RegionResources | None, kind: ResourceKind, today: date) -> str:
    """Text for a ``{kind}`` placeholder: the entry's ``say``, else the emergency number, else generic."""
    entries = [] if region is None else region.of_kind(kind)
    usable = [entry for entry in entries if not entry.expired(today)]
    if kind is ResourceKind.EMERGENCY and entries:
        return entries[0].say  # always shown, stale or not: see the module docstring
    if usable:
        return usable[0].say
    emergency = None if region is None else region.emergency
    return emergency.say if emergency is not None else FALLBACK_SAY[kind]


def _card(entry: ResourceEntry) -> ResourceCard:
    contacts = tuple((contact.method.value, contact.value) for contact in entry.contacts)
    note = " ".join(entry.notes) or None
    return ResourceCard(entry.kind, entry.name, entry.say, contacts, entry.hours, note)


def _emergency_card(region: RegionResources | None) -> ResourceCard:
    entry = None if region is None else region.emergency
    if entry is not None:
        return _card(entry)
    note = "No resources are configured for this region: ask where they are and tell your supervisor."
    say = FALLBACK_SAY[ResourceKind.EMERGENCY]
    return ResourceCard(ResourceKind.EMERGENCY, "Emergency services", say, (), "", note)


def _stand_in(emergency: ResourceCard, note: str, replaces: str) -> ResourceCard:
    return ResourceCard(
        emergency.kind, emergency.name, emergency.say, emergency.contacts, emergency.hours, note, replaces
    )
