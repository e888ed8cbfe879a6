"""/cijfers for a team's coordinator: last month's figures of the team's own areas (suppressed like the
report), and the Monday-morning summary they can switch on (`/cijfers aan`) and off (`/cijfers uit`).

The summary is driven by a row (figure_subscriptions.next_at): the scheduler's tick puts it in the
outbox once, moves next_at to the next Monday 08:00, and a restart picks up whatever became due.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flows.insight.report import area_ids, area_name
from flows.insight.tables import monthly  # the municipality's row is part of the suppression
from flows.markup import Rich
from flows.recipients import ToMember
from flows.replies import Reply
from flows.texts import Texts
from flows.voice import Voice
from knowledge.model import KnowledgeBase, Team
from store import Store, Tx
from store.database import iso

MIN_COUNT_VARIABLE = "WIJKWIJZER_INSIGHT_MIN_COUNT"
DEFAULT_MIN_COUNT = 10
SEND_AT = time(8, 0)  # Monday morning, local time


def min_count(env: Mapping[str, str] | None = None) -> int:
    """The smallest count that is shown (WIJKWIJZER_INSIGHT_MIN_COUNT, default 10, at least 2)."""
    env = os.environ if env is None else env
    raw = (env.get(MIN_COUNT_VARIABLE) or "").strip()
    try:
        value = int(raw) if raw else DEFAULT_MIN_COUNT
    except ValueError as exc:
        raise ValueError(f"{MIN_COUNT_VARIABLE} must be a whole number, got {raw!r}") from exc
    if value < 2:
        raise ValueError(f"{MIN_COUNT_VARIABLE} must be 2 or more, got {value}")
    return value


def last_month(today: date) -> str:
    first = today.replace(day=1) - timedelta(days=1)
    return first.strftime("%Y-%m")


def next_monday(now: datetime, zone: str) -> datetime:
    """The first Monday 08:00 (local) after `now`."""
    local = now.astimezone(ZoneInfo(zone))
    days = (7 - local.weekday()) % 7
    candidate = datetime.combine(local.date() + timedelta(days=days), SEND_AT, ZoneInfo(zone))
    if candidate <= local:
        candidate += timedelta(days=7)
    return candidate


class CoordinatorFigures:
    """The figures a coordinator sees in the bot."""

    def __init__(self, kb: KnowledgeBase, store: Store, texts: Texts, minimum: int | None = None) -> None:
        self.kb, self.store = kb, store
        self.voice = Voice(texts, kb.default_language)
        self.minimum = minimum if minimum is not None else min_count()

    def team_of_coordinator(self, kb_id: str) -> Team | None:
        member = self.kb.member(kb_id)
        if member is None:
            return None
        team = self.kb.team(member.team_id)
        return team if team.coordinator_id == kb_id else None

    def areas_of(self, team: Team) -> list[str]:
        """The team's areas, and the unknown one for the team that gets unknown postcodes."""
        areas = [a.id for a in self.kb.municipality.areas if a.team_id == team.id]
        if self.kb.municipality.default_team_id == team.id:
            areas.append("")
        return areas

    async def command(self, kb_id: str, argument: str) -> list[Reply]:
        """/cijfers, /cijfers aan, /cijfers uit."""
        voice, team = self.voice, self.team_of_coordinator(kb_id)
        if team is None:
            return [Reply(voice("insight.bot.only_coordinator"))]
        wanted = argument.strip().lower()
        if wanted in ("aan", "on"):
            async with self.store.transaction() as tx:
                await self.store.figures.subscribe(tx, kb_id, self._next())
            return [Reply(voice("insight.bot.switched_on"))]
        if wanted in ("uit", "off"):
            async with self.store.transaction() as tx:
                await self.store.figures.unsubscribe(tx, kb_id)
            return [Reply(voice("insight.bot.switched_off"))]
        hint = "insight.bot.hint_off" if await self.store.figures.subscribed(kb_id) else "insight.bot.hint_on"
        return [Reply(Rich.lines([await self.figures(team), voice(hint)]))]

    async def figures(self, team: Team) -> Rich:
        """Last month's figures of the team's areas, each number shown only when it is safe."""
        voice, zone = self.voice, self.kb.municipality.timezone
        month = last_month(self.store.now().astimezone(ZoneInfo(zone)).date())
        areas = area_ids(self.kb)
        grid = monthly(await self.store.figures.between(month, month), areas, [month], self.minimum)
        lines = [voice("insight.bot.title", team=team.name, month=month)]
        for area in self.areas_of(team):
            lines.append(voice(
                "insight.bot.area", area=area_name(self.kb, voice, area),
                finished=grid.show(area, month, "finished"), handoffs=grid.show(area, month, "handoffs"),
                urgent=grid.share(area, month, "urgent_share"), median=grid.median_hours(area, month),
                escalated=grid.share(area, month, "escalated_share"), passed=grid.share(area, month, "passed_on_share"),
                yes=grid.show(area, month, "followup_yes"), no=grid.show(area, month, "followup_no"),
                none=grid.show(area, month, "followup_none")))
        lines.append(voice("insight.bot.note", minimum=self.minimum))
        return Rich.lines(lines)

    def _next(self) -> str:
        return iso(next_monday(self.store.now(), self.kb.municipality.timezone)) or ""

    async def tick(self) -> int:
        """Monday summaries that are due: each into the outbox once, and its next Monday set, in one commit."""
        done = 0
        now = iso(self.store.now()) or ""
        for kb_id in await self.store.figures.due_subscriptions(now):
            team = self.team_of_coordinator(kb_id)
            async with self.store.transaction() as tx:
                if team is None:  # no longer a coordinator: no more summaries
                    await self.store.figures.unsubscribe(tx, kb_id)
                    continue
                if not await self.store.figures.set_next(tx, kb_id, now, self._next()):
                    continue
                await self._enqueue(tx, kb_id, team)
            done += 1
        return done

    async def _enqueue(self, tx: Tx, kb_id: str, team: Team) -> None:
        text = str(await self.figures(team))
        await self.store.outbox.add(tx, "notice", ToMember(kb_id).encode(),
                                    {"key": "insight.bot.weekly", "params": {"figures": text}}, None)
