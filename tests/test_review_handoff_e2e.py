"""What a reviewer found trying a handoff end to end (issue 12), through the real PTB stack."""

from __future__ import annotations

from tests.conftest import RunningBot
from tests.test_handoff_e2e import FATIMA, consent, register
from tests.test_resident_e2e import say, tap, texts


async def test_a_danger_written_after_opnieuw_reaches_the_person_who_has_the_story(bot: RunningBot) -> None:
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await consent(bot, amira)
    await fatima.hears(timeout=10)
    await tap(fatima, "Ik pak dit op")
    await amira.hears(timeout=10)
    await say(amira, "/opnieuw")
    said = texts(await say(amira, "ik wil er niet meer zijn"))
    assert "113" in said and "0800-0113" in said, "the numbers first"
    assert "Ik heb Fatima laten weten dat het dringend is." in said
    handoff = await bot.store.handoffs.get(1)
    assert handoff.urgent and handoff.status == "accepted"
    card = await fatima.hears(timeout=10)
    assert "NU URGENT" in card.plain and "Gevaar: zelfdoding" in card.plain
    assert "ik wil er niet meer zijn" in card.plain
    bot.fake.assert_clean()
