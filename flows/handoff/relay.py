"""The resident's side of an accepted handoff: the follow-up question, and messages for their person."""

from __future__ import annotations

from flows import buttons
from flows.card import Card
from flows.handoff.start import Outgoing, enqueue
from flows.insight import record
from flows.markup import shorten
from flows.recipients import ToMember
from flows.replies import Answer, Reply
from flows.texts import Texts
from flows.voice import Voice
from knowledge.model import KnowledgeBase
from store import Person, Store


class Relay:
    """Closing the loop with the resident, and words between the resident and their person."""

    def __init__(self, kb: KnowledgeBase, store: Store, texts: Texts) -> None:
        self.kb, self.store, self.texts = kb, store, texts

    async def followup(self, person: Person, button: buttons.Button) -> Answer:
        """The resident answers 'did {first} contact you?'; no alerts the coordinator."""
        handoff_id = button.number(0) if len(button.parts) == 2 else None
        handoff = await self.store.handoffs.get(handoff_id) if handoff_id is not None else None
        resident = await self.store.residents.get(person)
        voice = Voice(self.texts, resident.language if resident else None)
        answer = button.part(1)
        if (handoff is None or handoff.resident != person or handoff.followup_done_at is not None
                or answer not in ("yes", "no") or handoff.status not in ("accepted", "closed")):
            return Answer([], toast=voice.plain("stale.toast"))
        async with self.store.transaction() as tx:
            await self.store.handoffs.set_times(tx, handoff.id, {"followup_done_at": self.store.now()})
            if answer == "no":
                coordinator = self.kb.team(handoff.team_id).coordinator_id
                await enqueue(self.store, tx, handoff.id, Outgoing("no_contact", ToMember(coordinator)))
            await self.store.audit.add(tx, f"resident:{person.key}", f"followup:{answer}", handoff.id)
            await record.followup(self.store, tx, handoff, answer)
        thanks = "handoff.followup_thanks_yes" if answer == "yes" else "handoff.followup_thanks_no"
        return Answer([Reply(voice(thanks))])

    async def from_resident(self, person: Person, text: str) -> bool:
        """A resident's message for their person, when they chose messages and the handoff was accepted."""
        handoffs = [h for h in await self.store.handoffs.of_resident(person)
                    if h.status == "accepted" and Card.from_dict(h.card).by_message]
        if not handoffs:
            return False
        handoff = handoffs[-1]
        async with self.store.transaction() as tx:
            await enqueue(self.store, tx, handoff.id,
                          Outgoing("relay", ToMember(handoff.member_id), {"text": shorten(text, 3000)}))
        return True


