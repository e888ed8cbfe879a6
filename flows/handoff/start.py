"""Starting a handoff, and sending it on to someone else: the card, its deadlines and its deliveries in one commit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flows import lifecycle
from flows.card import Card
from flows.handoff.schedule import add_working_hours
from flows.insight import record
from flows.recipients import Recipient, ToMember
from flows.texts import Texts
from flows.voice import Voice
from knowledge.model import KnowledgeBase, Member, Team
from store import Handoff, Store, Tx


@dataclass(frozen=True)
class Outgoing:
    """A message to store in the outbox: its kind, who gets it, and what the renderer needs."""

    kind: str
    to: Recipient
    payload: dict[str, Any] = field(default_factory=dict)


async def enqueue(store: Store, tx: Tx, handoff_id: int | None, *messages: Outgoing) -> None:
    """Store messages in the outbox, in this transaction."""
    for message in messages:
        await store.outbox.add(tx, message.kind, message.to.encode(), message.payload, handoff_id)


class HandoffStart:
    """Creates handoffs and moves them to another member, with their card in the outbox."""

    def __init__(self, kb: KnowledgeBase, store: Store, texts: Texts) -> None:
        self.kb, self.store = kb, store
        self.voice = Voice(texts, kb.default_language)  # staff read the municipality's first language

    def deadlines(self, team: Team, sent_at: datetime) -> dict[str, datetime | None]:
        """Half-time reminder and the deadline, in working hours."""
        timezone = self.kb.municipality.timezone
        return {
            "sent_at": sent_at,
            "remind_at": add_working_hours(sent_at, team.reaction_hours / 2, timezone),
            "deadline_at": add_working_hours(sent_at, team.reaction_hours, timezone),
            "reminded_at": None,
        }

    @staticmethod
    def card_messages(member_id: str, note: str = "") -> tuple[Outgoing, Outgoing]:
        """The card (with buttons) and its picture, for one member."""
        return (Outgoing("card", ToMember(member_id), {"note": note}), Outgoing("picture", ToMember(member_id)))

    async def send_new(self, tx: Tx, *, resident, member_id: str, team_id: str, card: Card, urgent: bool,
                       actor: str, source: str = "resident") -> int:
        """A consented handoff, stored as sent with its deadlines and its card in the outbox; returns its id."""
        team = self.kb.team(team_id)
        handoff_id = await self.store.handoffs.create(
            tx, resident=resident, member_id=member_id, team_id=team_id, card=card.to_dict(), urgent=urgent,
            source=source, status="proposed", actor=actor)
        lifecycle.check("proposed", ("sent",))
        await self.store.handoffs.move(tx, handoff_id, "proposed", "sent", actor)
        await self.store.handoffs.set_times(tx, handoff_id, self.deadlines(team, self.store.now()))
        await enqueue(self.store, tx, handoff_id, *self.card_messages(member_id))
        await record.handoff_sent(self.kb, self.store, tx, handoff_id, card, urgent)  # the figures
        return handoff_id

    async def send_to(self, handoff: Handoff, member: Member, actor: str, note: str = "") -> None:
        """Pass a handoff on to `member` (a colleague, or the coordinator), with a fresh card and deadlines."""
        team = self.kb.team(handoff.team_id)
        by = self.kb.member(actor.split(":", 1)[1]) if actor.startswith("staff:") else None
        voice_note = self._note(by, note)
        async with self.store.transaction() as tx:
            await lifecycle.move(self.store, tx, handoff, lifecycle.PASSED_ON, actor, note=note, member_id=member.id)
            await self.store.handoffs.set_times(tx, handoff.id, self.deadlines(team, self.store.now()))
            await enqueue(self.store, tx, handoff.id, *self.card_messages(member.id, voice_note))

    def _note(self, by: Member | None, reason: str) -> str:
        """'Passed on by …', and the reason when there is one."""
        note = self.voice.plain("staff.card.passed_by", name=by.name) if by else ""
        if reason:
            note = (note + " " if note else "") + self.voice.plain("staff.card.reason", reason=reason)
        return note
