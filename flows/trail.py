"""A handoff's trail in plain words: who (name and role, never an internal id) did what, and when
(in the municipality's time zone). Read by `bot.py audit` and shown to the resident in /mijngegevens (NEN 7513)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from flows.voice import Voice
from knowledge.model import KnowledgeBase
from store import Handoff, Store

# what a resident is shown (mydata.seen_<key>): the moments a staff member saw or changed their handoff
SEEN = {"delivered:card": "received", "view": "viewed", "message_to_resident": "messaged"}
CHANGED = {"accepted": "accepted", "reassigned": "passed_on", "closed": "closed"}


@dataclass(frozen=True)
class Step:
    """One line of a trail."""

    at: datetime
    who: str
    what: str
    for_resident: str | None = None  # the mydata.seen_<key> a resident reads, for what staff did


def moment(voice: Voice, at: datetime, timezone: str) -> str:
    """'maandag 30 november om 14:05' in the municipality's time zone."""
    local = at.astimezone(ZoneInfo(timezone))
    weekdays, months = voice.plain("time.weekdays").split(), voice.plain("time.months").split()
    return voice.plain("time.moment", weekday=weekdays[local.weekday()], day=local.day,
                       month=months[local.month - 1], time=local.strftime("%H:%M"))


class Trail:
    """Audit entries and status changes of a handoff, told in one language."""

    def __init__(self, kb: KnowledgeBase, store: Store, voice: Voice) -> None:
        self.kb, self.store, self.voice = kb, store, voice

    def moment(self, at: datetime) -> str:
        return moment(self.voice, at, self.kb.municipality.timezone)

    def who(self, actor: str) -> str:
        """'Sanne Bakker (Coördinator)', 'de inwoner', 'het systeem'."""
        kind, _, key = actor.partition(":")
        if kind == "staff":
            member = self.kb.member(key)
            return self.voice.plain("trail.person", name=member.name, role=member.role) if member else \
                self.voice.plain("trail.former_staff")
        if kind == "professional":
            person = self.kb.professional(key) or self.kb.member(key)
            return self.voice.plain("trail.person", name=person.name, role=person.role) if person else \
                self.voice.plain("trail.former_professional")
        if kind == "system":
            return self.voice.plain("trail.system")
        return self.voice.plain("trail.resident")

    def member_named(self, member_id: str) -> str:
        member = self.kb.member(member_id)
        return self.voice.plain("trail.person", name=member.name, role=member.role) if member else \
            self.voice.plain("trail.a_colleague")

    def action(self, action: str, detail: str) -> str:
        """An audit action in words; one we have no words for stays as it was stored."""
        voice = self.voice
        if action == "button:to":
            return voice.plain("trail.action.passed_to", name=self.member_named(detail))
        if action == "button:end":
            outcome = f"staff.outcome.{detail}"
            return voice.plain("trail.action.closed_as", outcome=voice.plain(outcome) if voice.texts.has(
                voice.language, outcome) else detail)
        if action == "refused":
            return voice.plain("trail.action.refused")
        key = "trail.action." + action.replace(":", "_")
        return voice.plain(key) if voice.texts.has(voice.language, key) else f"{action} {detail}".strip()

    async def steps(self, handoff_id: int) -> list[Step]:
        """Everything known about a handoff, oldest first."""
        voice, steps = self.voice, []
        for event in await self.store.handoffs.events(handoff_id):
            what = voice.plain("trail.status", status=voice.plain(f"status.{event.to_status}"))
            if event.note and event.note in ("deadline", "forgotten"):
                what += voice.plain(f"trail.note_{event.note}")
            staff = event.actor.startswith("staff:")
            steps.append(Step(event.at, self.who(event.actor), what, CHANGED.get(event.to_status) if staff else None))
        for entry in await self.store.audit.of_handoff(handoff_id):
            staff = entry.actor.startswith("staff:")
            steps.append(Step(entry.at, self.who(entry.actor), self.action(entry.action, entry.detail),
                              SEEN.get(entry.action) if staff else None))
        return sorted(steps, key=lambda step: step.at)

    async def for_resident(self, handoff_id: int) -> list[str]:
        """/mijngegevens: who opened or changed the handoff, and when, in plain words."""
        lines = []
        for step in await self.steps(handoff_id):
            if step.for_resident:
                lines.append(self.voice.plain(f"mydata.seen_{step.for_resident}", when=self.moment(step.at),
                                              who=step.who))
        return lines


def erased_by_resident(handoff: Handoff) -> bool:
    """A resident's handoff whose resident erased everything with /vergeet (or the retention period did)."""
    return handoff.source == "resident" and handoff.resident is None and not handoff.card \
        and handoff.status in ("closed", "declined")
