"""The one-person promise, through the real PTB stack: whenever the story moves to someone else, the resident hears
who has it now, by name and role, in their own language; later messages name someone they were told about."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import RunningBot
from tests.test_handoff_e2e import FATIMA, MEHMET, SANNE, Clock, consent, register
from tests.test_resident_e2e import say, story_until_postcode, tap, texts


async def test_passed_on_to_a_colleague_the_resident_hears_who_and_then_that_person_accepts(bot: RunningBot) -> None:
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    mehmet = await register(bot, MEHMET, "mehmet-yilmaz", "Mehmet Yilmaz")
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await consent(bot, amira)
    await fatima.hears(timeout=10)
    await tap(fatima, "Geef door aan collega")
    await tap(fatima, "Mehmet Yilmaz")
    told = await amira.hears(timeout=10)
    assert told.plain == ("Je verhaal is nu bij Mehmet Yilmaz, schuldhulpverlener in Wijkteam Noord. "
                          "Fatima heeft het aan Mehmet gegeven. Mehmet neemt contact met je op.")
    await mehmet.hears(timeout=10)
    await tap(mehmet, "Ik pak dit op")
    accepted = await amira.hears(timeout=10)
    assert "Mehmet heeft je verhaal gelezen" in accepted.plain
    items = [i for i in await bot.store.outbox.items(1) if i.kind == "notice"]
    assert len(items) == 2, "one message for the move, one for the accept"
    bot.fake.assert_clean()


async def test_not_for_me_the_resident_hears_the_coordinator_by_name_then_the_colleague(bot: RunningBot) -> None:
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    sanne = await register(bot, SANNE, "sanne-bakker", "Sanne Bakker")
    mehmet = await register(bot, MEHMET, "mehmet-yilmaz", "Mehmet Yilmaz")
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await consent(bot, amira)
    await fatima.hears(timeout=10)
    await tap(fatima, "Niet voor mij")
    await say(fatima, "ik ben drie weken met verlof")
    told = await amira.hears(timeout=10)
    assert "Je verhaal is nu bij Sanne Bakker, coördinator van Wijkteam Noord. Fatima kan je niet zelf helpen." \
        in told.plain
    assert "verlof" not in told.plain, "the staff member's reason stays with the staff"
    await sanne.hears(timeout=10)
    await tap(sanne, "Geef door aan collega")
    await tap(sanne, "Mehmet Yilmaz")
    again = await amira.hears(timeout=10)
    assert "Je verhaal is nu bij Mehmet Yilmaz" in again.plain and "Sanne heeft het aan Mehmet gegeven" in again.plain
    await mehmet.hears(timeout=10)
    bot.fake.assert_clean()


async def test_the_coordinator_takes_over_and_the_resident_hears_it_before_the_accept(bot: RunningBot) -> None:
    await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    sanne = await register(bot, SANNE, "sanne-bakker", "Sanne Bakker")
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await consent(bot, amira)
    await sanne.says("/open 1")
    await sanne.hears(timeout=10)
    await tap(sanne, "Ik pak dit op")
    took = await amira.hears(timeout=10)
    assert "Sanne Bakker, coördinator van Wijkteam Noord, heeft je verhaal van Fatima overgenomen." in took.plain
    accepted = await amira.hears(timeout=10)
    assert "Sanne heeft je verhaal gelezen" in accepted.plain
    bot.fake.assert_clean()


async def test_escalation_tells_the_resident_in_english(bot: RunningBot) -> None:
    clock = Clock(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    bot.store.clock = clock
    await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    sanne = await register(bot, SANNE, "sanne-bakker", "Sanne Bakker")
    john = bot.fake.user(1002, "John", language_code="en")
    await say(john, "/start")
    await tap(john, "own words")
    await say(john, "the bailiff keeps coming to the door and my son skips school")
    await tap(john, "That's right")
    await tap(john, "No, go on")
    await tap(john, "Skip")
    await tap(john, "Skip")
    offer = texts(await say(john, "5341"))
    assert "Fatima El Amrani" in offer
    await tap(john, "Yes, pass on my story")
    await tap(john, "With a message")
    clock.now = datetime(2026, 11, 25, 8, 1, tzinfo=UTC)  # Wednesday: 48 working hours passed
    assert await bot.house.scheduler.tick() >= 1
    await bot.house.worker.deliver_due()
    told = await john.hears(timeout=10)
    assert told.plain == ("Your story is now with Sanne Bakker, coördinator of Wijkteam Noord. Fatima has not "
                          "reacted yet. So Sanne now makes sure someone gets in touch.")
    assert (await bot.store.handoffs.get(1)).member_id == "sanne-bakker"
    await sanne.hears(timeout=10)
    bot.fake.assert_clean()


async def test_privacy_says_who_can_see_the_story(bot: RunningBot) -> None:
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    privacy = texts(await say(amira, "/privacy"))
    assert "Dan krijgt één persoon je verhaal; ik noem je die bij naam." in privacy
    assert "De coördinator van dat team kan je verhaal ook zien." in privacy
    assert "niet op tijd reageert" in privacy and "Dan hoor je van mij wie dat is." in privacy
    await story_until_postcode(amira, "ik heb schulden")  # the text stays true for a resident in the middle of it
    bot.fake.assert_clean()
