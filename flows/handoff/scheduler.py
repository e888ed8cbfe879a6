"""What time brings: reminders at half time, escalation at the deadline, the follow-up question.

Driven by rows in the database only, so a restart picks up whatever became due meanwhile.
"""

from __future__ import annotations

import math
from datetime import timedelta

from flows import lifecycle
from flows.card import Card
from flows.handoff.schedule import hours_between, reaction_hours
from flows.handoff.start import HandoffStart, Outgoing, enqueue
from flows.insight.coordinator import CoordinatorFigures
from flows.lifecycle import TransitionError
from flows.recipients import ToMember, ToPerson
from flows.texts import Texts
from flows.voice import Voice
from knowledge.model import KnowledgeBase, Team
from store import Handoff, Store


class Scheduler:
    """Does what is due now, once."""

    def __init__(self, kb: KnowledgeBase, store: Store, texts: Texts, start: HandoffStart) -> None:
        self.kb, self.store, self.start = kb, store, start
        self.voice = Voice(texts, kb.default_language)
        self.figures = CoordinatorFigures(kb, store, texts)  # the Monday summary for coordinators

    def _team(self, team_id: str) -> Team | None:
        try:
            return self.kb.team(team_id)
        except KeyError:
            return None

    async def tick(self) -> int:
        """Escalations, reminders and follow-ups that are due; returns how many were done."""
        return await self._escalate() + await self._remind() + await self._follow_up() + await self.figures.tick()

    async def _escalate(self) -> int:
        done = 0
        for handoff in await self.store.handoffs.due("deadline_at", lifecycle.WAITING):
            team = self._team(handoff.team_id)
            if team is None:
                continue  # its team left the knowledge base: /team of another coordinator shows nothing
            if handoff.member_id == team.coordinator_id and handoff.status == "escalated":
                continue
            member = self.kb.member(handoff.member_id)
            note = self.voice.plain("staff.card.escalated_urgent" if handoff.urgent else "staff.card.escalated",
                                    name=member.name if member else "?", hours=reaction_hours(team, handoff.urgent))
            try:
                async with self.store.transaction() as tx:
                    await lifecycle.move(self.store, tx, handoff, "escalated", "system", note="deadline",
                                         member_id=team.coordinator_id)
                    await self.store.handoffs.set_times(tx, handoff.id, self._after_escalation(team, handoff))
                    await enqueue(self.store, tx, handoff.id, *self.start.card_messages(team.coordinator_id, note),
                                  *self.start.tell_resident(handoff, team.coordinator, "escalated"))
            except TransitionError:
                continue  # accepted in the meantime
            done += 1
        return done

    def _after_escalation(self, team: Team, handoff: Handoff) -> dict:
        """No deadline once with the coordinator. An urgent handoff gets one more step: a reminder to the coordinator
        after half the urgent hours again, when the resident also hears honestly that it is not picked up yet."""
        if not handoff.urgent:
            return {"deadline_at": None, "remind_at": None}
        now = self.store.now()
        return {"deadline_at": None, "remind_at": now + timedelta(hours=team.urgent_reaction_hours / 2),
                "reminded_at": None}

    async def _still_waiting(self, team: Team, handoff: Handoff) -> None:
        """An escalated urgent handoff nobody picked up: the coordinator is reminded with the numbers to call, the
        resident hears that it is not picked up yet and where to go now."""
        card = Card.from_dict(handoff.card)
        hours = math.floor(hours_between(handoff.created_at, self.store.now(),
                                         self.kb.municipality.timezone, True))
        messages = [Outgoing("reminder", ToMember(handoff.member_id), {"hours": hours, "escalated": True})]
        if handoff.resident:
            messages.append(Outgoing("notice", ToPerson(handoff.resident), {
                "key": "handoff.still_waiting_urgent", "crisis": list(card.crisis),
                "params": {"team": team.name, "phone": team.phone or "-"}}))
        async with self.store.transaction() as tx:
            await self.store.handoffs.set_times(tx, handoff.id, {"reminded_at": self.store.now()})
            await enqueue(self.store, tx, handoff.id, *messages)

    async def _remind(self) -> int:
        done = 0
        for handoff in await self.store.handoffs.due("remind_at", lifecycle.WAITING, done_column="reminded_at"):
            team = self._team(handoff.team_id)
            if team is None:
                continue
            if handoff.urgent and handoff.status == "escalated" and handoff.deadline_at is None:
                await self._still_waiting(team, handoff)
                done += 1
                continue
            now = self.store.now()
            left = hours_between(now, handoff.deadline_at, self.kb.municipality.timezone, handoff.urgent) \
                if handoff.deadline_at else reaction_hours(team, handoff.urgent) / 2
            async with self.store.transaction() as tx:
                await self.store.handoffs.set_times(tx, handoff.id, {"reminded_at": now})
                await enqueue(self.store, tx, handoff.id,
                              Outgoing("reminder", ToMember(handoff.member_id), {"hours": math.ceil(left)}))
            done += 1
        return done

    async def _follow_up(self) -> int:
        done = 0
        for handoff in await self.store.handoffs.due("followup_at", ("accepted", "closed"),
                                                      done_column="followup_done_at"):
            async with self.store.transaction() as tx:
                await self.store.handoffs.set_times(tx, handoff.id, {"followup_at": None})
                if handoff.resident:
                    await enqueue(self.store, tx, handoff.id, Outgoing("followup", ToPerson(handoff.resident)))
            done += 1
        return done
