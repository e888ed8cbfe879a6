"""A reviewer's findings as a resident, through the real PTB stack: typed answers to the questions outside the
intake (/vergeet's confirmation, the follow-up) press their buttons before anything is relayed."""

from __future__ import annotations

from datetime import timedelta

from handlers.send import person as tg
from tests.conftest import RunningBot
from tests.test_handoff_e2e import FATIMA, MONDAY_9, SANNE, Clock, consent, register
from tests.test_resident_e2e import say, tap, texts


async def accepted_with_chat(bot: RunningBot, user_id: int, name: str, clock: Clock):
    """A resident whose story Fatima took up, reached by messages in this chat."""
    resident = bot.fake.user(user_id, name, language_code="nl")
    await consent(bot, resident)
    fatima = bot.fatima
    await fatima.hears_all(quiet=0.2, timeout=5)
    await tap(fatima, "Ik pak dit op")
    assert "heeft je verhaal gelezen" in (await resident.hears(timeout=10)).plain
    return resident


def relayed_to(bot: RunningBot, user) -> list[str]:
    return [m.plain for m in bot.fake.sent_to(user) if "Bericht van de inwoner" in (m.plain or "")]


async def staff(bot: RunningBot) -> Clock:
    clock = Clock(MONDAY_9)
    bot.store.clock = clock
    bot.fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    bot.sanne = await register(bot, SANNE, "sanne-bakker", "Sanne Bakker")
    return clock


async def test_vergeet_typed_erases_and_is_never_relayed_whatever_the_words(bot: RunningBot) -> None:
    clock = await staff(bot)
    for user_id, name, words in ((3101, "Anouk", "ja"), (3102, "Bram", "wis alles"), (3103, "Cor", "ja, wis alles")):
        resident = await accepted_with_chat(bot, user_id, name, clock)
        asked = texts(await say(resident, "/vergeet"))
        assert "Weet je het zeker?" in asked
        gone = texts(await say(resident, words))
        assert "Alles is gewist" in gone, (words, gone)
        assert await bot.store.residents.get(tg(user_id)) is None, words
    assert relayed_to(bot, bot.fatima) == [], "nothing typed at /vergeet's question went to Fatima"
    bot.fake.assert_clean()


async def test_vergeet_typed_no_keeps_everything_and_a_later_yes_is_just_a_message(bot: RunningBot) -> None:
    clock = await staff(bot)
    dirk = await accepted_with_chat(bot, 3104, "Dirk", clock)
    await say(dirk, "/vergeet")
    assert "Oké, ik wis niets." in texts(await say(dirk, "nee, toch niet"))
    assert "oorgestuurd" in texts(await say(dirk, "ja"))  # the question was answered: 'ja' is a message now
    assert await bot.store.residents.get(tg(3104)) is not None
    assert len(relayed_to(bot, bot.fatima)) == 1
    bot.fake.assert_clean()


async def test_vergeet_typed_in_the_middle_of_the_check_does_not_answer_the_check(bot: RunningBot) -> None:
    emma = bot.fake.user(3105, "Emma", language_code="en")
    await say(emma, "/start")
    assert "Question 1 of 11" in texts(await say(emma, "the short check"))
    await say(emma, "/vergeet")
    gone = texts(await say(emma, "yes, erase everything"))
    assert "erased" in gone.lower()
    assert await bot.store.residents.get(tg(3105)) is None
    bot.fake.assert_clean()


async def followup_asked(bot: RunningBot, resident, clock: Clock) -> None:
    clock.now = MONDAY_9 + timedelta(days=5, minutes=1)
    assert await bot.house.scheduler.tick() >= 1
    await bot.house.worker.deliver_due()
    question = await resident.hears(timeout=10)
    assert "al contact met je gehad?" in question.plain or "been in touch" in question.plain


async def test_followup_typed_no_alerts_the_coordinator_and_is_not_relayed(bot: RunningBot) -> None:
    clock = await staff(bot)
    fien = await accepted_with_chat(bot, 3106, "Fien", clock)
    await followup_asked(bot, fien, clock)
    thanks = texts(await say(fien, "nee"))
    assert "coördinator" in thanks
    alert = await bot.sanne.hears(timeout=10)
    assert "nog geen contact" in alert.plain and "#1" in alert.plain
    assert (await bot.store.handoffs.get(1)).followup_done_at is not None
    assert relayed_to(bot, bot.fatima) == []
    assert "oorgestuurd" in texts(await say(fien, "nee"))  # answered once: the next 'nee' is a message
    bot.fake.assert_clean()


async def test_followup_typed_yes_thanks_and_nobody_is_alerted(bot: RunningBot) -> None:
    clock = await staff(bot)
    gijs = await accepted_with_chat(bot, 3107, "Gijs", clock)
    await followup_asked(bot, gijs, clock)
    assert "Fijn!" in texts(await say(gijs, "Ja hoor"))
    handoff = await bot.store.handoffs.get(1)
    assert handoff.followup_done_at is not None
    assert ("resident:telegram:3107", "followup:yes") in [(a.actor, a.action)
                                                          for a in await bot.store.audit.of_handoff(1)]
    assert relayed_to(bot, bot.fatima) == []
    assert not [m for m in bot.fake.sent_to(bot.sanne) if "geen contact" in (m.plain or "")]
    bot.fake.assert_clean()
