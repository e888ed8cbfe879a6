"""The rows the store hands out, as plain frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

HANDOFF_TIMES = ("sent_at", "remind_at", "deadline_at", "reminded_at", "accepted_at", "followup_at", "followup_done_at")


@dataclass(frozen=True, order=True)
class Person:
    """Someone the bot talks to: a channel ('telegram', 'console', later 'web') plus the id it has there."""

    channel: str
    id: str

    def __post_init__(self) -> None:
        if not self.channel or ":" in self.channel or not self.id:
            raise ValueError(f"not a person: {self.channel!r}, {self.id!r}")

    @property
    def key(self) -> str:
        """How the store writes a person: 'telegram:123456'."""
        return f"{self.channel}:{self.id}"

    @classmethod
    def parse(cls, key: str) -> Person:
        """The person behind a key written by `key`."""
        channel, _, ident = key.partition(":")
        return cls(channel, ident)

    def __str__(self) -> str:
        return self.key


@dataclass
class Resident:
    """What the bot keeps about one resident: language, postcode, and where the talk is."""

    person: Person
    language: str
    postcode: str | None = None
    progress: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Handoff:
    """A warm handoff to one named member, with everything the card needs."""

    id: int
    resident: Person | None
    member_id: str
    team_id: str
    status: str
    urgent: bool
    source: str
    card: dict[str, Any]
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None = None
    remind_at: datetime | None = None
    deadline_at: datetime | None = None
    reminded_at: datetime | None = None
    accepted_at: datetime | None = None
    followup_at: datetime | None = None
    followup_done_at: datetime | None = None


@dataclass(frozen=True)
class OutboxItem:
    """Something to deliver: stored first, sent after, marked once the channel confirms."""

    id: int
    handoff_id: int | None
    kind: str
    recipient: str  # an encoded recipient (flows.recipients)
    payload: dict[str, Any]
    attempts: int
    next_attempt_at: datetime
    delivered_at: datetime | None
    chat: str | None = None  # the person key it went to
    message_id: int | None = None
    attachment: bytes | None = None  # a picture or file that goes with a reply


@dataclass(frozen=True)
class Account:
    """A channel account linked to a wijkteam member or a professional (kb_id: their knowledge-base id)."""

    person: Person
    kb_id: str
    role: str  # "staff" | "professional"
    state: dict[str, Any]


@dataclass(frozen=True)
class HandoffEvent:
    """One status change: when, who, from what to what."""

    at: datetime
    actor: str
    from_status: str | None
    to_status: str
    note: str


@dataclass(frozen=True)
class AuditEntry:
    """Who did what with which handoff, and when."""

    at: datetime
    actor: str
    action: str
    handoff_id: int | None
    detail: str


@dataclass(frozen=True)
class Report:
    """A problem with a service or contact, reported from the bot."""

    id: int
    at: datetime
    reporter: str
    target: str
    kind: str
