"""The staff's commands: /mijn, /team, /open, /sluit and /wiebenik (the full list: flows/commands.py)."""

from __future__ import annotations

import math
from datetime import timedelta

from flows import buttons, lifecycle
from flows.card import Card
from flows.handoff.rendering import Renderer
from flows.handoff.schedule import working_hours_between
from flows.handoff.staff_actions import StaffActions
from flows.insight.coordinator import CoordinatorFigures
from flows.markup import Rich
from flows.replies import Reply
from flows.texts import Texts
from flows.trail import erased_by_resident
from flows.voice import Voice
from knowledge.model import KnowledgeBase
from store import Account, Handoff, Store

ERASED_SHOWN = timedelta(days=14)  # how long /mijn and /team still say that a resident erased a handoff


class StaffCommands:
    """What a wijkteam member can ask the bot about their handoffs."""

    def __init__(self, kb: KnowledgeBase, store: Store, texts: Texts, renderer: Renderer,
                 actions: StaffActions) -> None:
        self.kb, self.store, self.renderer, self.actions = kb, store, renderer, actions
        self.voice = Voice(texts, kb.default_language)
        self.figures = CoordinatorFigures(kb, store, texts)  # /cijfers

    async def mine(self, kb_id: str) -> list[Reply]:
        """/mijn: my open handoffs, oldest first, with their age."""
        handoffs = await self.store.handoffs.where(lifecycle.OPEN, member_id=kb_id)
        erased = [self._erased_line(h) for h in await self._erased() if h.member_id == kb_id]
        if not handoffs and not erased:
            return [Reply(self.voice("staff.mine_none"))]
        title = self.voice("staff.mine_title" if handoffs else "staff.mine_none")
        return [Reply(Rich.lines([title] + [self._line(h) for h in handoffs] + erased))]

    async def _erased(self) -> list[Handoff]:
        """Handoffs whose resident erased everything lately: staff are told where they would look for them."""
        since = self.store.now() - ERASED_SHOWN
        found = [await self.store.handoffs.get(i) for i in await self.store.audit.handoffs_with("erased", since)]
        return [h for h in found if h is not None and erased_by_resident(h)]

    def _erased_line(self, handoff: Handoff) -> Rich:
        return self.voice("staff.erased_line", id=handoff.id)

    async def team_overview(self, kb_id: str) -> list[Reply]:
        """/team: for coordinators, every open handoff of the team and who has it."""
        voice, member = self.voice, self.kb.member(kb_id)
        if member is None or self.kb.team(member.team_id).coordinator_id != kb_id:
            return [Reply(voice("staff.team_only_coordinator"))]
        handoffs = await self.store.handoffs.where(lifecycle.OPEN, team_id=member.team_id)
        erased = [h for h in await self._erased() if h.team_id == member.team_id]
        if not handoffs and not erased:
            return [Reply(voice("staff.team_none"))]
        lines = [voice("staff.team_title", team=self.kb.team(member.team_id).name)]
        if not handoffs:
            lines.append(voice("staff.team_none"))
        for handoff in handoffs:
            owner = self.kb.member(handoff.member_id)
            lines.append(self._line(handoff) + voice("staff.team_owner", name=owner.name if owner else "?"))
        for handoff in erased:
            owner = self.kb.member(handoff.member_id)
            lines.append(self._erased_line(handoff) + voice("staff.team_owner", name=owner.name if owner else "?"))
        return [Reply(Rich.lines(lines))]

    def _line(self, handoff: Handoff) -> Rich:
        voice, now = self.voice, self.store.now()
        hours = working_hours_between(handoff.created_at, now, self.kb.municipality.timezone)
        days = (now - handoff.created_at).days
        concerns = ", ".join(voice.domain(c.domain).lower() for c in Card.from_dict(handoff.card).concerns[:3])
        age = self._urgent_age(handoff) if handoff.urgent else voice.plain("staff.age_days", days=days) if days \
            else voice.plain("staff.age_hours", hours=math.floor(hours))
        return voice("staff.line", id=handoff.id, status=voice.plain(f"status.{handoff.status}"), age=age,
                     concerns=concerns or "-", urgent=voice.plain("staff.urgent_mark") if handoff.urgent else "")

    def _urgent_age(self, handoff: Handoff) -> str:
        """An urgent handoff counts clock hours: the time left while it waits with a deadline, else its age."""
        now = self.store.now()
        if handoff.status in lifecycle.WAITING and handoff.deadline_at is not None:
            left = (handoff.deadline_at - now).total_seconds() / 3600
            if left >= 0:
                return self.voice.plain("staff.age_urgent_left", hours=math.ceil(left))
            return self.voice.plain("staff.age_urgent_late", hours=math.ceil(-left))
        return self.voice.plain("staff.age_urgent", hours=math.floor((now - handoff.created_at).total_seconds() / 3600))

    async def open(self, kb_id: str, argument: str) -> list[Reply]:
        """/open <id>: the card again (logged)."""
        handoff_id = buttons.parse_id(argument)
        handoff = await self.store.handoffs.get(handoff_id) if handoff_id else None
        if not self.actions.may_act(kb_id, handoff):
            await self.actions.audit(f"staff:{kb_id}", "refused", handoff.id if handoff else None, detail="open")
            return [Reply(self.voice("staff.not_yours"))]
        assert handoff is not None
        await self.actions.audit(f"staff:{kb_id}", "view", handoff.id)
        if erased_by_resident(handoff):
            return [Reply(self.voice("staff.erased_view", id=handoff.id))]
        return [self.renderer.card(handoff, await self.renderer.start.note_of(handoff))]

    async def close(self, account: Account, argument: str) -> list[Reply]:
        """/sluit <id>: choose the outcome."""
        handoff_id = buttons.parse_id(argument)
        handoff = await self.store.handoffs.get(handoff_id) if handoff_id else None
        if not self.actions.may_act(account.kb_id, handoff):
            return [Reply(self.voice("staff.not_yours"))]
        assert handoff is not None
        if erased_by_resident(handoff):
            return [Reply(self.voice("staff.erased_view", id=handoff.id))]
        answer = await self.actions.press(account, buttons.Button(buttons.HANDOFF, (str(handoff.id), "close")))
        return answer.replies or [Reply(self.voice("staff.close_only_accepted"))]

    def whoami(self, kb_id: str) -> list[Reply]:
        """/wiebenik: who the bot thinks you are."""
        member = self.kb.member(kb_id)
        if member is None:
            return [Reply(self.voice("staff.unknown_member"))]
        team = self.kb.team(member.team_id)
        coordinator = self.voice.plain("staff.is_coordinator") if team.coordinator_id == member.id else ""
        return [Reply(self.voice("staff.whoami", name=member.name, role=member.role, team=team.name,
                                 coordinator=coordinator))]
