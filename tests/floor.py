"""The flows floor as a channel sees it: people who talk to the router, an inbox the delivery worker fills,
and a clock moved by hand. No Telegram: `assemble` on a temp database, people on the channel "test"."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

from bot import Wijkwijzer, assemble
from config import Config
from flows.card import Card, Concern
from flows.delivery import Delivered, Outcome
from flows.replies import Answer, Choice, Reply
from knowledge.loader import SAMPLE
from knowledge.model import KnowledgeBase
from store import Handoff, Person

MONDAY_9 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 09:00 in Amsterdam
STORY = "de deurwaarder staat steeds voor de deur en mijn zoon spijbelt"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def no_picture(*args: object) -> bytes:
    """A stand-in for the spider web: its pixels are tested with the real Application."""
    return b"\x89PNG fake"


def text(replies: list[Reply] | Answer) -> str:
    """What a list of replies says, as plain text."""
    if isinstance(replies, Answer):
        replies = replies.replies
    return "\n".join(str(r.text) for r in replies)


def labels(reply: Reply) -> list[str]:
    """The labels of a reply's buttons."""
    return [c.label for c in reply.choices]


class Someone:
    """A person on the channel "test": says and taps through the router; keeps every message they got."""

    def __init__(self, town: Town, person: Person, language: str | None = "nl") -> None:
        self.town, self.person, self.language = town, person, language
        self.seen: list[Reply] = []  # direct answers and delivered messages, oldest first
        self.delivered: list[Reply] = []
        self._heard = 0

    async def says(self, words: str) -> list[Reply]:
        """A message or a /command; then the worker delivers whatever it set off."""
        router = self.town.router
        if words.startswith("/"):
            name, _, args = words[1:].partition(" ")
            replies = await router.command(self.person, self.language, name, args)
        else:
            replies = await router.text(self.person, self.language, words)
        self.seen += replies
        await self.town.deliver()
        return replies

    async def taps(self, label: str) -> Answer:
        """The newest button whose label matches (exactly, or as the one label containing it)."""
        return await self.presses(self.button(label))

    async def presses(self, data: str) -> Answer:
        """Button data, made by the bot or forged."""
        answer = await self.town.router.press(self.person, self.language, data)
        self.seen += answer.replies
        await self.town.deliver()
        return answer

    def button(self, label: str) -> str:
        """The data of the newest button that matches a label."""
        needle = label.casefold()
        for reply in reversed(self.seen):
            exact = [c for c in reply.choices if c.label.casefold() == needle]
            partial = [c for c in reply.choices if needle in c.label.casefold()]
            if exact or len(partial) == 1:
                return (exact or partial)[0].id
            if partial:
                raise AssertionError(f"{label!r} is ambiguous: {[c.label for c in partial]}")
        raise AssertionError(f"no button {label!r} in {[labels(r) for r in self.seen if r.choices][-3:]}")

    def hears(self) -> list[Reply]:
        """The messages the worker delivered since the last time the test asked."""
        new = self.delivered[self._heard:]
        self._heard = len(self.delivered)
        return new

    def newest_buttons(self) -> list[Choice]:
        """The buttons of the newest message that has some."""
        return next((list(r.choices) for r in reversed(self.seen) if r.choices), [])


class Inbox:
    """The Sender of the channel "test": every delivery succeeds and lands with the person it is for."""

    def __init__(self, town: Town) -> None:
        self.town = town
        self.sent: list[tuple[Person, list[Reply]]] = []

    def handles(self, person: Person) -> bool:
        return person.channel == "test"

    async def send(self, person: Person, replies: list[Reply]) -> Outcome:
        self.sent.append((person, replies))
        someone = self.town.people.get(person)
        if someone is not None:
            someone.seen += replies
            someone.delivered += replies
        return Delivered((len(self.sent),))


class Town:
    """The assembled bot, the people who talk to it, the inbox its worker delivers to, and the clock."""

    def __init__(self, house: Wijkwijzer) -> None:
        self.house, self.store, self.router, self.kb = house, house.store, house.router, house.kb
        self.clock = Clock(MONDAY_9)
        house.store.clock = self.clock
        house.router.resident.picture = no_picture
        house.renderer.picture = no_picture
        self.people: dict[Person, Someone] = {}
        self.inbox = Inbox(self)
        house.worker.senders.append(self.inbox)

    def resident(self, name: str, language: str | None = "nl") -> Someone:
        """Someone the bot does not know."""
        someone = self.people[Person("test", name)] = Someone(self, Person("test", name), language)
        return someone

    async def staff(self, member_id: str) -> Someone:
        """A wijkteam member with a linked account."""
        return await self._linked(member_id, "staff")

    async def professional(self, kb_id: str) -> Someone:
        """A professional with a linked account."""
        return await self._linked(kb_id, "professional")

    async def _linked(self, kb_id: str, role: str) -> Someone:
        someone = self.resident(kb_id.split("-")[0])
        async with self.store.transaction() as tx:
            await self.store.accounts.link(tx, someone.person, kb_id, role)
        return someone

    async def deliver(self) -> int:
        """What a channel's kick does after every update: deliver what is due."""
        return await self.house.worker.deliver_due()

    async def tick(self) -> int:
        """What the scheduler's job does: reminders, escalations, follow-ups, retention; then deliver."""
        done = await self.house.tick()
        await self.deliver()
        return done

    async def handoff(self, handoff_id: int = 1) -> Handoff:
        handoff = await self.store.handoffs.get(handoff_id)
        assert handoff is not None, f"no handoff {handoff_id}"
        return handoff

    async def statuses(self, handoff_id: int = 1) -> list[str]:
        """The status history of a handoff."""
        return [e.to_status for e in await self.store.handoffs.events(handoff_id)]

    async def trail(self, handoff_id: int | None = 1) -> list[tuple[str, str]]:
        """Who did what with a handoff (or with no handoff), from the audit log."""
        if handoff_id is None:
            rows = (await self.store.table_rows())["audit_log"]
            return [(r["actor"], r["action"]) for r in rows if r["handoff_id"] is None]
        return [(a.actor, a.action) for a in await self.store.audit.of_handoff(handoff_id)]


async def consent(resident: Someone, preference: str = "Via een bericht", story: str = STORY,
                  postcode: str = "5341") -> list[Reply]:
    """A resident tells their story, skips the check, answers the open questions and agrees to a handoff."""
    await resident.says("/start")
    await resident.taps("eigen woorden")
    await resident.says(story)
    await resident.taps("Klopt")
    await resident.taps("Nee, ga verder")
    await resident.says("mijn moeder helpt")
    await resident.says("iemand die meedenkt")
    await resident.says(postcode)
    await resident.taps("Ja, geef mijn verhaal door")
    if preference == "Bel mij":
        await resident.taps("Bel mij")
        await resident.says("06 12345678")
        return (await resident.taps("Ochtend")).replies
    return (await resident.taps(preference)).replies


async def waiting_for(town: Town, member_id: str, team_id: str = "wijkteam-noord", urgent: bool = False) -> int:
    """A handoff sent to a member without a conversation before it, its card delivered; returns its id."""
    card = Card(concerns=(Concern("mental_health", 1),), story="slaapt niet meer", urgent=urgent)
    async with town.store.transaction() as tx:
        handoff_id = await town.house.router.resident.handoffs.send_new(
            tx, resident=None, member_id=member_id, team_id=team_id, card=card, urgent=urgent, actor="test")
    await town.deliver()
    return handoff_id


@asynccontextmanager
async def town(tmp_path: Path, kb: KnowledgeBase, **settings: float) -> AsyncIterator[Town]:
    """The bot assembled on a fresh database file, with the test channel's inbox."""
    config = Config(token=None, base_url=None, knowledge_dir=SAMPLE, db_path=tmp_path / "floor.sqlite3", **settings)
    house = await assemble(config, kb)
    try:
        yield Town(house)
    finally:
        await house.close()
