"""Starting a handoff, and sending it on to someone else: the card, its deadlines and its deliveries in one commit."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from flows import lifecycle
from flows.card import Card, Danger
from flows.handoff.schedule import add_hours, reaction_hours
from flows.insight import record
from flows.recipients import Recipient, ToMember, ToPerson
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

    def deadlines(self, team: Team, sent_at: datetime, urgent: bool = False) -> dict[str, datetime | None]:
        """Half-time reminder and the deadline: in working hours, or in clock hours when urgent."""
        timezone, hours = self.kb.municipality.timezone, reaction_hours(team, urgent)
        return {
            "sent_at": sent_at,
            "remind_at": add_hours(sent_at, hours / 2, timezone, urgent),
            "deadline_at": add_hours(sent_at, hours, timezone, urgent),
            "reminded_at": None,
        }

    def moved_deadlines(self, team: Team, handoff: Handoff) -> dict[str, datetime | None]:
        """Deadlines for a handoff that moves to someone else. The resident of an urgent handoff was promised contact
        within the urgent hours of the handoff: moving it does not restart that clock (the earlier deadline stays,
        with a reminder at half of what is left). A non-urgent handoff starts afresh, as does an urgent one that has
        no deadline any more (escalated: the coordinator gives it on, the new person gets the urgent hours)."""
        now = self.store.now()
        fresh = self.deadlines(team, now, handoff.urgent)
        if not handoff.urgent or handoff.deadline_at is None or handoff.deadline_at >= fresh["deadline_at"]:
            return fresh
        deadline = max(handoff.deadline_at, now)
        return {"sent_at": now, "remind_at": now + (deadline - now) / 2, "deadline_at": deadline, "reminded_at": None}

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
        await self.store.handoffs.set_times(tx, handoff_id, self.deadlines(team, self.store.now(), urgent))
        await enqueue(self.store, tx, handoff_id, *self.card_messages(member_id))
        await record.handoff_sent(self.kb, self.store, tx, handoff_id, card, urgent)  # the figures
        return handoff_id

    async def send_to(self, handoff: Handoff, member: Member, actor: str, note: str = "",
                      why: str = "colleague") -> None:
        """Pass a handoff on to `member` (a colleague, or the coordinator: `why` "coordinator"), with a fresh card
        and deadlines; the resident hears who has their story now, in the same commit."""
        team = self.kb.team(handoff.team_id)
        by = self.kb.member(actor.split(":", 1)[1]) if actor.startswith("staff:") else None
        voice_note = self._note(by, note)
        async with self.store.transaction() as tx:
            await lifecycle.move(self.store, tx, handoff, lifecycle.PASSED_ON, actor, note=note, member_id=member.id)
            await self.store.handoffs.set_times(tx, handoff.id, self.moved_deadlines(team, handoff))
            await enqueue(self.store, tx, handoff.id, *self.card_messages(member.id, voice_note),
                          *self.tell_resident(handoff, member, why))

    async def open_of(self, person) -> Handoff | None:
        """The resident's newest open handoff, found by person (not through the current round: after /opnieuw
        the story is still with someone). None when nothing is open."""
        handoffs = [h for h in await self.store.handoffs.of_resident(person) if h.status in lifecycle.OPEN]
        return handoffs[-1] if handoffs else None

    async def make_urgent(self, tx: Tx, handoff_id: int, dangers: tuple[Danger, ...]) -> Handoff | None:
        """A danger written after consent: the open handoff becomes urgent, with which danger and the words on
        its card; while it waits, its deadline becomes the team's urgent one from now (when that is sooner);
        the person who has it gets the card again. None when nothing is open to change."""
        handoff = await self.store.handoffs.get(handoff_id)
        if handoff is None or handoff.status not in lifecycle.OPEN:
            return None
        card = Card.from_dict(handoff.card)
        if card.empty:
            return None
        known = {d.kind for d in card.dangers}
        new = tuple(d for d in dangers if d.kind not in known)
        if not new and handoff.urgent:
            return handoff
        dangers = card.dangers + new
        card = replace(card, dangers=dangers, crisis=tuple(dict.fromkeys(card.crisis + tuple(d.kind for d in new))),
                       urgent=True)
        await self.store.handoffs.make_urgent(tx, handoff.id, card.to_dict())
        if handoff.status in lifecycle.WAITING:
            times = self.deadlines(self.kb.team(handoff.team_id), self.store.now(), urgent=True)
            if handoff.deadline_at is None or times["deadline_at"] < handoff.deadline_at:
                await self.store.handoffs.set_times(tx, handoff.id, times)
        note = self.voice.plain("staff.card.now_urgent")
        await enqueue(self.store, tx, handoff.id, Outgoing("card", ToMember(handoff.member_id), {"note": note}))
        return handoff

    def tell_resident(self, handoff: Handoff, member: Member, why: str) -> tuple[Outgoing, ...]:
        """The one-person promise: the resident hears, by name and role, that their story moved to `member`
        (`why`: colleague, coordinator, escalated or took). Nothing when nobody can be told or nothing moved."""
        if handoff.resident is None or member.id == handoff.member_id:
            return ()
        previous = self.kb.member(handoff.member_id)
        team = self.kb.team(member.team_id)
        return (Outgoing("notice", ToPerson(handoff.resident), {
            "key": f"handoff.moved_{why}",
            "params": {"name": member.name, "first": member.first_name, "role": member.role.lower(),
                       "team": team.name, "previous": previous.first_name if previous else ""}}),)

    async def note_of(self, handoff: Handoff) -> str:
        """The note of the last time a staff member passed this handoff on ('Passed on by …', with the reason they
        typed), to show with the card wherever it is viewed again; empty when nobody passed it on."""
        for event in reversed(await self.store.handoffs.events(handoff.id)):
            if event.to_status == "reassigned" and event.actor.startswith("staff:"):
                return self._note(self.kb.member(event.actor.split(":", 1)[1]), event.note)
        return ""

    def _note(self, by: Member | None, reason: str) -> str:
        """'Passed on by …', and the reason when there is one."""
        note = self.voice.plain("staff.card.passed_by", name=by.name) if by else ""
        if reason:
            note = (note + " " if note else "") + self.voice.plain("staff.card.reason", reason=reason)
        return note
