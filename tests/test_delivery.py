"""The delivery policy at the flows floor: a scripted sender, no Telegram, a clock moved by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import assemble
from config import Config
from flows.delivery import MAX_ATTEMPTS, Delivered, RetryLater, Unreachable, next_attempt
from flows.handoff import Outgoing, enqueue
from flows.recipients import ToMember, ToPerson
from knowledge.loader import SAMPLE
from knowledge.model import KnowledgeBase
from store import Person

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
FATIMA, SANNE = Person("test", "fatima"), Person("test", "sanne")
AMIRA = Person("test", "amira")


class ScriptedSender:
    """Answers from a script, one outcome per try; records what it was asked to send."""

    def __init__(self, *script) -> None:
        self.script = list(script)
        self.sent: list[tuple[Person, list]] = []

    def handles(self, person: Person) -> bool:
        return person.channel == "test"

    async def send(self, person: Person, replies: list):
        outcome = self.script.pop(0) if self.script else Delivered((1,))
        if isinstance(outcome, Delivered):
            self.sent.append((person, replies))
        return outcome


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def house(tmp_path: Path, sample_kb: KnowledgeBase):
    config = Config(token=None, base_url=None, knowledge_dir=SAMPLE, db_path=tmp_path / "delivery.sqlite3")
    built = await assemble(config, sample_kb)
    built.store.clock = Clock()
    async with built.store.transaction() as tx:
        await built.store.accounts.link(tx, FATIMA, "fatima-el-amrani", "staff")
        await built.store.accounts.link(tx, SANNE, "sanne-bakker", "staff")
    yield built
    await built.close()


async def notice(house, to, key="staff.professional_accepted") -> None:
    async with house.store.transaction() as tx:
        await enqueue(house.store, tx, None, Outgoing("notice", to, {
            "key": key, "params": {"id": 7, "name": "Mehmet Yilmaz", "team": "Wijkteam Noord"}}))


async def test_delivered_items_are_marked_and_never_sent_again(house) -> None:
    sender = ScriptedSender()
    house.worker.senders.append(sender)
    await notice(house, ToMember("fatima-el-amrani"))
    assert await house.worker.deliver_due() == 1
    assert await house.worker.deliver_due() == 0
    [item] = await house.store.outbox.items()
    assert item.delivered_at is not None and item.chat == "test:fatima" and item.message_id == 1
    assert [person for person, _ in sender.sent] == [FATIMA]


async def test_retry_after_waits_as_long_as_the_channel_says(house) -> None:
    house.worker.senders.append(ScriptedSender(RetryLater("RetryAfter", 30.0)))
    await notice(house, ToMember("fatima-el-amrani"))
    assert await house.worker.deliver_due() == 0
    [item] = await house.store.outbox.items()
    assert item.delivered_at is None and item.attempts == 1
    assert item.next_attempt_at == NOW + timedelta(seconds=30)
    house.store.clock.now = NOW + timedelta(seconds=29)
    assert await house.worker.deliver_due() == 0, "not before the channel's time"
    house.store.clock.now = NOW + timedelta(seconds=30)
    assert await house.worker.deliver_due() == 1


def test_back_off_grows_and_is_capped() -> None:
    waits = [(next_attempt(NOW, n) - NOW).total_seconds() for n in (0, 1, 2, 3, 10, 20)]
    assert waits == [1, 2, 4, 8, 300, 300]


async def test_a_failing_channel_is_given_up_after_the_last_attempt(house) -> None:
    house.worker.senders.append(ScriptedSender(*[RetryLater("NetworkError")] * MAX_ATTEMPTS))
    await notice(house, ToMember("fatima-el-amrani"))
    for _ in range(MAX_ATTEMPTS):
        await house.worker.deliver_due()
        house.store.clock.now += timedelta(minutes=10)
    [item] = await house.store.outbox.items()
    assert item.delivered_at is not None and item.attempts == MAX_ATTEMPTS, "settled, not retried forever"


async def test_an_unreachable_member_sends_the_card_to_the_coordinator_and_the_team_phone_to_the_resident(
        house) -> None:
    sender = ScriptedSender(Unreachable("Forbidden"))
    house.worker.senders.append(sender)
    from flows.card import Card, Concern, Preference

    card = Card(concerns=(Concern("finances", 2),), story="schulden", preference=Preference("message"),
                language="nl", area_id="noord")
    async with house.store.transaction() as tx:
        await house.router.resident.handoffs.send_new(tx, resident=AMIRA, member_id="fatima-el-amrani",
                                                      team_id="wijkteam-noord", card=card, urgent=False,
                                                      actor="resident:test:amira")
    await house.worker.deliver_due()
    delivered_to = [(person, replies[0].text) for person, replies in sender.sent if replies]
    assert any(p == SANNE and "Fatima El Amrani heeft nog geen account gekoppeld" in text for p, text in delivered_to)
    assert any(p == AMIRA and "0412 123 456" in text for p, text in delivered_to)


async def test_a_broken_item_is_parked_and_the_rest_goes_on(house) -> None:
    sender = ScriptedSender()
    house.worker.senders.append(sender)
    await notice(house, ToMember("fatima-el-amrani"), key="no.such.text")
    await notice(house, ToMember("fatima-el-amrani"))
    assert await house.worker.deliver_due() == 1
    broken, good = await house.store.outbox.items()
    assert broken.delivered_at is None and broken.attempts == 1 and good.delivered_at is not None


async def test_items_for_another_channel_wait_for_it(house) -> None:
    sender = ScriptedSender()
    house.worker.senders.append(sender)
    await notice(house, ToPerson(Person("web", "abc")), key="handoff.relayed")
    await notice(house, ToMember("fatima-el-amrani"))
    assert await house.worker.deliver_due() == 1
    waiting, done = await house.store.outbox.items()
    assert waiting.delivered_at is None and waiting.attempts == 0 and done.delivered_at is not None


async def test_relayed_words_are_not_kept_after_delivery(house) -> None:
    house.worker.senders.append(ScriptedSender())
    from flows.card import Card, Preference

    async with house.store.transaction() as tx:
        handoff_id = await house.router.resident.handoffs.send_new(
            tx, resident=AMIRA, member_id="fatima-el-amrani", team_id="wijkteam-noord",
            card=Card(story="x", preference=Preference("message"), language="nl"), urgent=False, actor="r")
        await enqueue(house.store, tx, handoff_id, Outgoing("relay", ToPerson(AMIRA), {
            "text": "zal ik je morgen bellen?", "name": "Fatima", "team": "Wijkteam Noord"}))
    await house.worker.deliver_due()
    relay = [i for i in await house.store.outbox.items() if i.kind == "relay"][0]
    assert relay.delivered_at is not None and relay.payload == {}


async def test_messages_to_one_person_keep_their_order_while_the_first_waits_for_its_retry(house) -> None:
    sender = ScriptedSender(RetryLater("RetryAfter", 30.0))
    house.worker.senders.append(sender)
    for key in ("staff.professional_accepted", "handoff.relayed"):
        await notice(house, ToMember("fatima-el-amrani"), key=key)
    await notice(house, ToMember("sanne-bakker"))
    assert await house.worker.deliver_due() == 1, "the second waits behind the first in the same pass; Sanne not"
    house.store.clock.now = NOW + timedelta(seconds=10)
    await notice(house, ToMember("fatima-el-amrani"), key="staff.professional_accepted")
    assert await house.worker.deliver_due() == 0, "the first is not due yet: both newer ones wait in a later pass"
    house.store.clock.now = NOW + timedelta(seconds=30)
    assert await house.worker.deliver_due() == 3
    to_fatima = [i for i in await house.store.outbox.items() if i.chat == "test:fatima"]
    assert [i.payload["key"] for i in to_fatima] == ["staff.professional_accepted", "handoff.relayed",
                                                     "staff.professional_accepted"]
    assert [p for p, _ in sender.sent] == [SANNE, FATIMA, FATIMA, FATIMA]


async def test_a_parked_item_does_not_hold_up_newer_ones_in_a_later_pass(house) -> None:
    sender = ScriptedSender()
    house.worker.senders.append(sender)
    await notice(house, ToMember("fatima-el-amrani"), key="no.such.text")
    assert await house.worker.deliver_due() == 0
    await notice(house, ToMember("fatima-el-amrani"))
    assert await house.worker.deliver_due() == 1, "parked for a retry, but not in the way"
