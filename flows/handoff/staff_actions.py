"""What the one person does with a handoff: accept, pass on, not for me, close, and write to the resident."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flows import buttons, commands, lifecycle
from flows.card import Card
from flows.handoff.rendering import Renderer
from flows.handoff.start import HandoffStart, Outgoing, enqueue
from flows.lifecycle import TransitionError
from flows.markup import shorten
from flows.recipients import ToPerson, ToProfessional
from flows.replies import Answer, Choice, Reply
from flows.texts import Texts
from flows.trail import erased_by_resident
from flows.voice import Voice
from knowledge.model import KnowledgeBase, Member, Team
from store import Account, Handoff, Store

OUTCOMES = ("contact", "passed", "unreachable", "resident_declined", "other")


class StaffActions:
    """The buttons on a card and the words a staff member types after one (a reason, a note, a message)."""

    def __init__(self, kb: KnowledgeBase, store: Store, texts: Texts, start: HandoffStart, renderer: Renderer,
                 followup_days: float) -> None:
        self.kb, self.store, self.start, self.renderer = kb, store, start, renderer
        self.voice = Voice(texts, kb.default_language)
        self.followup_days = followup_days

    def team_of(self, team_id: str) -> Team | None:
        try:
            return self.kb.team(team_id)
        except KeyError:
            return None

    def may_act(self, kb_id: str, handoff: Handoff | None) -> bool:
        """Only the assigned member and the team's coordinator see or act on a handoff."""
        member = self.kb.member(kb_id)
        if handoff is None or member is None or not member.active:
            return False  # removed or inactive in the knowledge base: no more access
        team = self.team_of(handoff.team_id)
        return team is not None and kb_id in (handoff.member_id, team.coordinator_id)

    async def audit(self, actor: str, action: str, handoff_id: int | None, detail: str = "") -> None:
        async with self.store.transaction() as tx:
            await self.store.audit.add(tx, actor, action, handoff_id, detail)

    async def press(self, account: Account, button: buttons.Button) -> Answer:
        """A staff member's button: checked against the database, whatever the button says."""
        handoff_id = button.number(0) if len(button.parts) >= 2 else None
        handoff = await self.store.handoffs.get(handoff_id) if handoff_id is not None else None
        action, argument = button.part(1), button.part(2)
        actor = f"staff:{account.kb_id}"
        if not self.may_act(account.kb_id, handoff):
            await self.audit(actor, "refused", handoff_id, detail=f"button:{action[:20]}")
            return Answer([], toast=self.voice.plain("staff.refused"))
        assert handoff is not None
        colleague = self._colleague(handoff, argument) if action == "to" else None
        await self.audit(actor, f"button:{action}", handoff.id, detail=colleague.id if colleague else argument[:40])
        if erased_by_resident(handoff):  # an old card or list, pressed after the resident erased everything
            return Answer([], toast=self.voice.plain("staff.erased_view", id=handoff.id))
        try:
            replies = await self._act(account, handoff, action, argument)
        except TransitionError:
            replies = None
        if replies is None:
            return Answer([], toast=self.voice.plain("staff.stale"))
        return Answer(replies)

    async def _act(self, account: Account, handoff: Handoff, action: str, argument: str) -> list[Reply] | None:
        voice, waiting = self.voice, handoff.status in lifecycle.WAITING
        if action == "acc" and waiting:
            return await self.accept(account.kb_id, handoff)
        if action == "pass" and waiting:
            return [await self._colleagues(handoff)]
        if action == "to" and waiting:
            return await self._reassign(account.kb_id, handoff, argument)
        if action == "no" and waiting:
            await self._set_state(account, {"reason_for": handoff.id})
            return [Reply(voice("staff.ask_reason", id=handoff.id))]
        if action == "close" and handoff.status == "accepted":
            choices = tuple(Choice(buttons.encode(buttons.HANDOFF, handoff.id, "end", o),
                                   voice.plain(f"staff.outcome.{o}")) for o in OUTCOMES)
            return [Reply(voice("staff.ask_outcome", id=handoff.id), choices)]
        if action == "end" and handoff.status == "accepted" and argument in OUTCOMES:
            if argument == "other":
                await self._set_state(account, {"note_for": handoff.id})
                return [Reply(voice("staff.ask_note", id=handoff.id))]
            await self._close(handoff, f"staff:{account.kb_id}", argument)
            return [Reply(voice("staff.closed", id=handoff.id, outcome=voice.plain(f"staff.outcome.{argument}")))]
        if action == "msg" and handoff.status == "accepted" and handoff.resident and Card.from_dict(
                handoff.card).by_message:
            await self._set_state(account, {"relay_for": handoff.id})
            return [Reply(voice("staff.ask_message", id=handoff.id))]
        return None

    async def _set_state(self, account: Account, state: dict[str, Any]) -> None:
        async with self.store.transaction() as tx:
            await self.store.accounts.set_state(tx, account.person, state)

    async def _close(self, handoff: Handoff, actor: str, note: str) -> None:
        async with self.store.transaction() as tx:
            await lifecycle.move(self.store, tx, handoff, "closed", actor, note=note)

    async def accept(self, kb_id: str, handoff: Handoff) -> list[Reply]:
        """Ik pak dit op: the resident hears it by name; a professional who sent it hears it too."""
        member = self.kb.member(kb_id)
        assert member is not None
        now, card = self.store.now(), Card.from_dict(handoff.card)
        messages: list[Outgoing] = list(self.start.tell_resident(handoff, member, "took"))  # the coordinator
        if handoff.resident:
            messages.append(Outgoing("notice", ToPerson(handoff.resident), {
                "key": f"handoff.accepted_{card.preference.kind or 'message'}",
                "params": {"first": member.first_name, "daypart": card.preference.daypart},
            }))
        if card.professional:
            messages.append(Outgoing("notice", ToProfessional(card.professional.id), {
                "key": "staff.professional_accepted",
                "params": {"id": handoff.id, "name": member.name, "team": self.kb.team(member.team_id).name}}))
        async with self.store.transaction() as tx:
            await lifecycle.move(self.store, tx, handoff, "accepted", f"staff:{kb_id}", member_id=kb_id)
            await self.store.handoffs.set_times(tx, handoff.id, {
                "accepted_at": now, "followup_at": now + timedelta(days=self.followup_days)})
            await enqueue(self.store, tx, handoff.id, *messages)
        accepted = await self.store.handoffs.get(handoff.id)
        assert accepted is not None
        return [Reply(self.voice("staff.accepted", id=handoff.id), self.renderer.card_buttons(accepted))]

    async def _colleagues(self, handoff: Handoff) -> Reply:
        """Active colleagues of the team, each with how many open handoffs they have."""
        team = self.kb.team(handoff.team_id)
        counts = await self.store.handoffs.open_counts(lifecycle.OPEN)
        colleagues = [m for m in team.active_members if m.id != handoff.member_id]
        choices = tuple(Choice(buttons.encode(buttons.HANDOFF, handoff.id, "to", i),
                               self.voice.plain("staff.colleague", name=m.name, role=m.role, open=counts.get(m.id, 0)))
                        for i, m in enumerate(colleagues))
        return Reply(self.voice("staff.choose_colleague", id=handoff.id), choices)

    def _colleague(self, handoff: Handoff, argument: str) -> Member | None:
        """The colleague a 'to' button means: the n-th active colleague, as in the list shown."""
        team = self.team_of(handoff.team_id)
        colleagues = [m for m in team.active_members if m.id != handoff.member_id] if team else []
        index = buttons.parse_id(argument)
        return colleagues[index] if index is not None and index < len(colleagues) else None

    async def _reassign(self, kb_id: str, handoff: Handoff, argument: str) -> list[Reply] | None:
        colleague = self._colleague(handoff, argument)
        if colleague is None:
            return None
        await self.start.send_to(handoff, colleague, f"staff:{kb_id}")
        return [Reply(self.voice("staff.passed_on", id=handoff.id, name=colleague.name))]

    async def text(self, account: Account, text: str) -> list[Reply]:
        """Text from a staff member: a reason, a closing note, or a message for a resident."""
        voice, state = self.voice, account.state
        await self._set_state(account, {})
        handoff_id = state.get("reason_for") or state.get("note_for") or state.get("relay_for")
        handoff = await self.store.handoffs.get(handoff_id) if isinstance(handoff_id, int) else None
        if handoff is None or not self.may_act(account.kb_id, handoff):
            return [Reply(commands.help_text(voice, commands.STAFF))]
        actor = f"staff:{account.kb_id}"
        if state.get("reason_for") and handoff.status in lifecycle.WAITING:
            coordinator = self.kb.team(handoff.team_id).coordinator
            await self.start.send_to(handoff, coordinator, actor, note=shorten(text, 300), why="coordinator")
            await self.audit(actor, "declined", handoff.id)
            return [Reply(voice("staff.back_to_coordinator", id=handoff.id, name=coordinator.name))]
        if state.get("note_for") and handoff.status == "accepted":
            await self._close(handoff, actor, "other: " + shorten(text, 300))
            return [Reply(voice("staff.closed", id=handoff.id, outcome=shorten(text, 100)))]
        if state.get("relay_for") and handoff.status == "accepted" and handoff.resident:
            member, team = self.kb.member(account.kb_id), self.kb.team(handoff.team_id)
            async with self.store.transaction() as tx:
                await enqueue(self.store, tx, handoff.id, Outgoing("relay", ToPerson(handoff.resident), {
                    "text": shorten(text, 3000), "name": member.first_name if member else "", "team": team.name}))
                await self.store.audit.add(tx, actor, "message_to_resident", handoff.id)
            return [Reply(voice("staff.message_sent", id=handoff.id))]
        return [Reply(voice("staff.stale_text"))]
