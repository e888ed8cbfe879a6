"""The warm handoff through the real PTB stack: a resident and wijkteam staff in one test."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from flows.accounts import create_invite
from flows.lifecycle import OPEN
from testing.fakebot import FakeUser
from tests.conftest import RunningBot
from tests.test_resident_e2e import replies, say, story_until_postcode, tap, texts

FATIMA, SANNE, MEHMET = 7001, 7002, 7003
MONDAY_9 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 09:00 in Amsterdam


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def register(bot: RunningBot, user_id: int, member_id: str, name: str) -> FakeUser:
    """A wijkteam member opens their invite link."""
    staff = bot.fake.user(user_id, name, language_code="nl")
    code = await create_invite(bot.store, member_id, "staff")
    welcome = texts(await say(staff, f"/start {code}"))
    assert f"Welkom, {name}" in welcome
    return staff


async def consent(bot: RunningBot, resident: FakeUser, preference: str = "Via een bericht") -> None:
    """A resident from Noord with money and school worries, all the way to consent."""
    await story_until_postcode(resident, "de deurwaarder staat steeds voor de deur en mijn zoon spijbelt",
                               "mijn moeder helpt", "iemand die meedenkt")
    offer = texts(await say(resident, "5341"))
    assert "Fatima El Amrani" in offer
    await tap(resident, "Ja, geef mijn verhaal door")
    await tap(resident, preference)


def cards(bot: RunningBot, user: FakeUser, handoff_id: int = 1) -> list:
    return [m for m in bot.fake.sent_to(user) if m.text and f"Overdracht #{handoff_id}</b>" in m.text]


async def test_full_lifecycle_consent_accept_message_follow_up(bot: RunningBot) -> None:
    clock = Clock(MONDAY_9)
    bot.store.clock = clock
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    sanne = await register(bot, SANNE, "sanne-bakker", "Sanne Bakker")
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await consent(bot, amira)
    card = await fatima.hears(timeout=10)
    assert "Overdracht #1" in card.plain and "de deurwaarder staat steeds voor de deur" in card.plain
    assert "Geld en schulden" in card.plain and "iemand die meedenkt" in card.plain
    assert card.button_labels() == ["✅ Ik pak dit op", "👥 Geef door aan collega", "↩️ Niet voor mij"]
    picture = await fatima.hears(timeout=10)
    assert picture.photo is not None
    assert await bot.store.handoffs.where(OPEN, member_id="fatima-el-amrani")

    await tap(fatima, "Ik pak dit op")
    told = await amira.hears(timeout=10)
    assert "Fatima heeft je verhaal gelezen" in told.plain
    handoff = await bot.store.handoffs.get(1)
    assert handoff.status == "accepted"

    await tap(fatima, "Stuur bericht aan inwoner")
    await say(fatima, "Hoi Amira, zal ik je morgen bellen?")
    relayed = await amira.hears(timeout=10)
    assert "Bericht van Fatima (Wijkteam Noord)" in relayed.plain and "morgen bellen" in relayed.plain
    assert "Doorgestuurd" in texts(await say(amira, "ja graag, na 10 uur")).replace("doorgestuurd", "Doorgestuurd")
    back = await fatima.hears(timeout=10)
    assert "Bericht van de inwoner (overdracht #1)" in back.plain and "na 10 uur" in back.plain

    clock.now = MONDAY_9 + timedelta(days=5, minutes=1)
    assert await bot.house.scheduler.tick() >= 1
    await bot.house.worker.deliver_due()
    question = await amira.hears(timeout=10)
    assert "Heeft Fatima al contact met je gehad?" in question.plain
    await tap(amira, "Nee, nog niet")
    alert = await sanne.hears(timeout=10)
    assert "nog geen contact" in alert.plain and "#1" in alert.plain
    assert await bot.house.scheduler.tick() == 0, "the follow-up is asked once"

    answer = await say(fatima, "/sluit 1")
    assert "Hoe sluit je overdracht #1 af?" in texts(answer)
    closed = texts(await tap(fatima, "Contact gehad"))
    assert "Overdracht #1 is afgesloten" in closed
    statuses = [e.to_status for e in await bot.store.handoffs.events(1)]
    assert statuses == ["proposed", "sent", "accepted", "closed"]
    assert len(cards(bot, fatima)) == 1, "the card was delivered once"
    bot.fake.assert_clean()


async def test_pass_to_a_colleague(bot: RunningBot) -> None:
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    mehmet = await register(bot, MEHMET, "mehmet-yilmaz", "Mehmet Yilmaz")
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await consent(bot, amira)
    await fatima.hears(timeout=10)
    await tap(fatima, "Geef door aan collega")
    assert any("Mehmet Yilmaz" in label and "open)" in label for label in fatima.buttons())
    assert "doorgegeven aan Mehmet Yilmaz" in texts(await tap(fatima, "Mehmet Yilmaz"))
    card = await mehmet.hears(timeout=10)
    assert "Overdracht #1" in card.plain and "Doorgegeven door Fatima El Amrani" in card.plain
    handoff = await bot.store.handoffs.get(1)
    assert (handoff.member_id, handoff.status) == ("mehmet-yilmaz", "sent")
    assert [e.to_status for e in await bot.store.handoffs.events(1)] == ["proposed", "sent", "reassigned", "sent"]
    bot.fake.assert_clean()


async def test_not_for_me_goes_back_to_the_coordinator_with_the_reason(bot: RunningBot) -> None:
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    sanne = await register(bot, SANNE, "sanne-bakker", "Sanne Bakker")
    await consent(bot, bot.fake.user(1001, "Amira", language_code="nl"))
    await fatima.hears(timeout=10)
    await tap(fatima, "Niet voor mij")
    assert "terug bij Sanne Bakker" in texts(await say(fatima, "ik ben drie weken met verlof"))
    card = await sanne.hears(timeout=10)
    assert "Reden: ik ben drie weken met verlof" in card.plain
    bot.fake.assert_clean()


async def test_reminder_at_half_time_and_escalation_at_the_deadline_once(bot: RunningBot) -> None:
    clock = Clock(datetime(2026, 11, 20, 14, 0, tzinfo=UTC))  # Friday 15:00 in Amsterdam
    bot.store.clock = clock
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    sanne = await register(bot, SANNE, "sanne-bakker", "Sanne Bakker")
    await consent(bot, bot.fake.user(1001, "Amira", language_code="nl"))
    await fatima.hears(timeout=10)
    await fatima.hears(timeout=10)  # the picture
    handoff = await bot.store.handoffs.get(1)
    assert handoff.deadline_at == datetime(2026, 11, 24, 14, 0, tzinfo=UTC), "48 working hours: Tuesday 15:00"

    clock.now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)  # Sunday: the weekend does not count
    assert await bot.house.scheduler.tick() == 0
    clock.now = datetime(2026, 11, 23, 14, 1, tzinfo=UTC)  # Monday 15:01: half time
    assert await bot.house.scheduler.tick() == 1
    await bot.house.worker.deliver_due()
    reminder = await fatima.hears(timeout=10)
    assert "Herinnering" in reminder.plain and "#1" in reminder.plain
    assert await bot.house.scheduler.tick() == 0, "the reminder goes once"

    clock.now = datetime(2026, 11, 24, 14, 1, tzinfo=UTC)  # Tuesday 15:01: the deadline passed
    assert await bot.house.scheduler.tick() == 1
    await bot.house.worker.deliver_due()
    card = await sanne.hears(timeout=10)
    assert "Niet opgepakt door Fatima El Amrani binnen 48 werkuren" in card.plain
    assert await bot.house.scheduler.tick() == 0, "the escalation goes once"
    handoff = await bot.store.handoffs.get(1)
    assert (handoff.status, handoff.member_id) == ("escalated", "sanne-bakker")
    await tap(sanne, "Ik pak dit op")
    assert (await bot.store.handoffs.get(1)).status == "accepted"
    bot.fake.assert_clean()


@pytest.mark.parametrize("fault", ["429", "502", "drop"])
async def test_the_card_is_delivered_exactly_once_through_faults(bot: RunningBot, fault: str) -> None:
    clock = Clock(datetime.now(UTC))
    bot.store.clock = clock
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    bot.fake.fail_next("sendMessage", fault, count=2, retry_after=1, chat_id=FATIMA)  # the card meets the faults
    await consent(bot, amira, preference="Bel mij")
    await amira.shares_contact("+31612345678")
    await replies(amira)
    await tap(amira, "Ochtend")
    for _ in range(40):  # back-off after a 502 or a dropped connection: 1 s, then 2 s, on a clock moved by hand
        await bot.house.worker.deliver_due()
        if cards(bot, fatima):
            break
        clock.now += timedelta(seconds=5)
    assert len(cards(bot, fatima)) == 1
    assert [f.kind for f in bot.fake.failed_requests] == [fault, fault]
    for _ in range(3):
        await bot.house.worker.deliver_due()
    assert len(cards(bot, fatima)) == 1, "never twice"
    items = await bot.store.outbox.items(1)
    assert all(item.delivered_at for item in items)
    bot.fake.assert_clean()


async def test_a_member_without_telegram_gives_the_card_to_the_coordinator(bot: RunningBot) -> None:
    sanne = await register(bot, SANNE, "sanne-bakker", "Sanne Bakker")
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await consent(bot, amira)
    card = await sanne.hears(timeout=10)
    assert "Fatima El Amrani heeft nog geen account gekoppeld" in card.plain
    await bot.fake.wait_for(lambda: any("0412 123 456" in (m.text or "") for m in bot.fake.sent_to(amira)),
                            max_wait=10, what="the team's phone number for the resident")
    notice = [m.text for m in bot.fake.sent_to(amira) if "0412 123 456" in (m.text or "")]
    assert len(notice) == 1 and "coördinator van Wijkteam Noord" in notice[0]
    bot.fake.assert_clean()


async def test_forged_and_foreign_buttons_are_refused_and_logged(bot: RunningBot) -> None:
    await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    mehmet = await register(bot, MEHMET, "mehmet-yilmaz", "Mehmet Yilmaz")
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await consent(bot, amira)
    stranger = bot.fake.user(6666, "Mallory", language_code="nl")
    for user, data in ((stranger, "h|1|acc"), (mehmet, "h|1|acc"), (amira, "h|1|acc"), (mehmet, "h|1|to|0"),
                       (mehmet, "h|99|acc"), (mehmet, "h|x|acc")):
        await user.taps_data(data)
        assert (await user.callback_answered(timeout=10)).text == "Deze overdracht is niet voor jou."
    assert (await bot.store.handoffs.get(1)).status == "sent"
    trail = await bot.store.audit.of_handoff(1)
    assert [(a.actor, a.action) for a in trail if a.action == "refused"] == [("staff:mehmet-yilmaz", "refused")] * 2
    opened = texts(await say(mehmet, "/open 1"))
    assert "bestaat niet of is niet voor jou" in opened
    bot.fake.assert_clean()


async def test_invite_codes_used_expired_and_made_up(bot: RunningBot) -> None:
    clock = Clock(MONDAY_9)
    bot.store.clock = clock
    code = await create_invite(bot.store, "fatima-el-amrani", "staff")
    fatima = bot.fake.user(FATIMA, "Fatima", language_code="nl")
    assert "Welkom, Fatima El Amrani" in texts(await say(fatima, f"/start {code}"))
    assert "Je bent Fatima El Amrani, Wijkcoach in Wijkteam Noord" in texts(await say(fatima, "/wiebenik"))
    other = bot.fake.user(7009, "Someone", language_code="nl")
    assert "al gebruikt" in texts(await say(other, f"/start {code}"))
    old = await create_invite(bot.store, "mehmet-yilmaz", "staff")
    clock.now = MONDAY_9 + timedelta(days=7, seconds=1)
    assert "verlopen" in texts(await say(other, f"/start {old}"))
    assert "ken ik niet" in texts(await say(other, "/start i-madeUpCode123"))
    assert "niet geregistreerd" in texts(await say(other, "/wiebenik"))
    rows = await bot.store.table_rows()
    assert code not in repr(rows), "only the hash of a code is stored"
    actions = [r["action"] for r in rows["audit_log"]]
    assert actions.count("invite:ok") == 1 and "invite:used" in actions and "invite:expired" in actions
    assert "invite:unknown" in actions
    bot.fake.assert_clean()


async def test_a_returning_resident_gets_the_same_person_and_the_card_says_so(bot: RunningBot) -> None:
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await consent(bot, amira)
    await fatima.hears(timeout=10)
    await tap(fatima, "Ik pak dit op")
    await say(amira, "/opnieuw")
    await story_until_postcode(amira, "ik kan mijn huur niet meer betalen", start=False)
    offer = texts(await say(amira, "5341"))
    assert "Fatima El Amrani" in offer and "al eerder gesproken" in offer
    await tap(amira, "Ja, geef mijn verhaal door")
    await tap(amira, "Via een bericht")
    second = await bot.fake.wait_for(lambda: cards(bot, fatima, 2), max_wait=10, what="the second card")
    assert "eerder door jou geholpen" in cards(bot, fatima, 2)[0].plain, second
    bot.fake.assert_clean()


async def test_vergeet_after_a_handoff_leaves_only_an_anonymous_record(bot: RunningBot) -> None:
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    amira = bot.fake.user(7654321987, "Amira", language_code="nl")  # an id no timestamp can contain by chance
    await consent(bot, amira)
    await fatima.hears(timeout=10)
    await tap(fatima, "Ik pak dit op")
    await amira.hears(timeout=10)
    await tap(fatima, "Stuur bericht aan inwoner")
    await say(fatima, "Hoi, zal ik je bellen?")
    await amira.hears(timeout=10)
    await say(amira, "graag, mijn geheime verhaal")
    await fatima.hears(timeout=10)
    await say(amira, "/vergeet")
    assert "Alles is gewist" in texts(await tap(amira, "Ja, wis alles"))
    everything = repr(await bot.store.table_rows())
    for trace in ("7654321987", "deurwaarder", "geheime verhaal", "zal ik je bellen", "mijn moeder helpt"):
        assert trace not in everything, trace
    handoff = await bot.store.handoffs.get(1)
    assert (handoff.status, handoff.resident, handoff.card) == ("closed", None, {})
    events = await bot.store.handoffs.events(1)
    assert [(e.to_status, e.note) for e in events][-1] == ("closed", "forgotten")
    assert [e.to_status for e in events] == ["proposed", "sent", "accepted", "closed"]
    bot.fake.assert_clean()


async def test_vergeet_takes_the_story_off_the_staff_screen_and_out_of_the_files(bot: RunningBot) -> None:
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    sanne = await register(bot, SANNE, "sanne-bakker", "Sanne Bakker")
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await consent(bot, amira)
    card = await fatima.hears(timeout=10)
    picture = await fatima.hears(timeout=10)
    assert "de deurwaarder staat steeds voor de deur" in card.plain and picture.photo is not None
    await say(amira, "/vergeet")
    assert "Alles is gewist" in texts(await tap(amira, "Ja, wis alles"))
    await bot.fake.wait_for(lambda: card.edited and picture.deleted, max_wait=10, what="the card taken back")
    assert "de inwoner heeft alle gegevens gewist" in card.plain and "deurwaarder" not in card.plain
    assert card.button_labels() == [], "no live buttons on an erased story"
    told = await fatima.hears(timeout=10)
    assert "heeft alle gegevens gewist met /vergeet" in told.plain and "#1" in told.plain
    coordinator = await sanne.hears(timeout=10)
    assert "overdracht #1" in coordinator.plain, "the coordinator hears it too while the handoff was open"
    assert "Er is niets meer te zien" in texts(await say(fatima, "/open 1"))
    for suffix in ("", "-wal"):  # no page of the database file or its write-ahead log keeps the story
        path = bot.store_path.with_name(bot.store_path.name + suffix)
        if path.exists():
            assert b"deurwaarder" not in path.read_bytes(), path.name
    bot.fake.assert_clean()


async def test_odd_ids_and_unknown_answers_change_nothing(bot: RunningBot) -> None:
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await consent(bot, amira)
    await fatima.hears(timeout=10)
    for data in ("h|²|acc", "h|99999999999999999999|acc", "h|1|to|²", "h|1|to|99"):
        await fatima.taps_data(data)
        assert (await fatima.callback_answered(timeout=10)).text
    for data in ("f|²|yes", "f|99999999999999999999|yes", "f|1|maybe", "f|1|no"):
        await amira.taps_data(data)
        assert "oudere vraag" in (await amira.callback_answered(timeout=10)).text
    assert "bestaat niet of is niet voor jou" in texts(await say(fatima, "/open ²"))
    handoff = await bot.store.handoffs.get(1)
    assert (handoff.status, handoff.followup_done_at) == ("sent", None)
    bot.fake.assert_clean()


async def test_a_broken_item_does_not_block_the_items_behind_it(bot: RunningBot) -> None:
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    async with bot.house.worker.busy:
        async with bot.store.transaction() as tx:
            await bot.store.outbox.add(tx, "notice", "member:fatima-el-amrani", {"key": "no.such.text"})
        async with bot.store.transaction() as tx:
            await bot.store.outbox.add(tx, "notice", "member:fatima-el-amrani",
                                       {"key": "staff.professional_accepted",
                                        "params": {"id": 7, "name": "Mehmet Yilmaz", "team": "Wijkteam Noord"}})
    await bot.house.worker.deliver_due()
    notice = await fatima.hears(timeout=10)
    assert "Overdracht #7 is opgepakt door Mehmet Yilmaz" in notice.plain
    broken, good = [i for i in await bot.store.outbox.items() if i.kind == "notice"]
    assert broken.delivered_at is None and broken.attempts == 1 and good.delivered_at is not None
    bot.fake.assert_clean()
