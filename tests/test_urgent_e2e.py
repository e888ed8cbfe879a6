"""Danger changes the handoff, through the real PTB stack: a resident in danger on a Friday night, the wijkteam,
and a clock moved by hand over the night (urgent handoffs count clock hours, not working hours)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from testing.fakebot import FakeUser
from tests.conftest import RunningBot
from tests.test_handoff_e2e import Clock, cards, register
from tests.test_resident_e2e import say, story_until_postcode, tap, texts

FATIMA, SANNE, ANOUK = 7001, 7002, 7004
FRIDAY_22 = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)  # Friday 22:00 in Amsterdam
VIOLENCE = "mijn vriend slaat me elke avond"
SUICIDE = "ik wil niet meer leven en de deurwaarder staat voor de deur"


async def consent_urgent(resident: FakeUser) -> str:
    """From the postcode on: yes, by message; returns what the resident is told at the end."""
    offer = texts(await say(resident, "5341"))
    assert "Mag ik je verhaal" in offer
    await tap(resident, "Ja, geef mijn verhaal door")
    return texts(await tap(resident, "Via een bericht"))


async def test_a_danger_typed_at_a_button_question_makes_an_urgent_card_with_the_words(bot: RunningBot) -> None:
    clock = Clock(FRIDAY_22)
    bot.store.clock = clock
    staff = {member: await register(bot, user_id, member, name) for user_id, member, name in (
        (FATIMA, "fatima-el-amrani", "Fatima El Amrani"), (SANNE, "sanne-bakker", "Sanne Bakker"),
        (ANOUK, "anouk-de-vries", "Anouk de Vries"))}
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await say(amira, "/start")
    await tap(amira, "eigen woorden")
    heard = texts(await say(amira, "de deurwaarder staat steeds voor de deur en mijn zoon spijbelt"))
    assert "Klopt dat?" in heard
    numbers = texts(await say(amira, VIOLENCE))  # typed where the bot waits for a button
    assert "Veilig Thuis: 0800-2000" in numbers and "112" in numbers
    await tap(amira, "Klopt")
    await tap(amira, "Nee, ga verder")
    await tap(amira, "Sla over")
    await tap(amira, "Sla over")
    done = await consent_urgent(amira)
    assert "binnen 4 uur contact verwachten, ook 's avonds en in het weekend" in done
    assert "werkdag" not in done.replace("niet tot een werkdag", "")
    assert "Is het nu gevaarlijk? Wacht dan niet." in done
    assert "Veilig Thuis: 0800-2000" in done and "Bel 112" in done

    handoff = await bot.store.handoffs.get(1)
    assert handoff.urgent and handoff.deadline_at == FRIDAY_22 + timedelta(hours=4), "Saturday 02:00, clock hours"
    member = staff[handoff.member_id]
    card = await member.hears(timeout=10)
    assert "Overdracht #1 🔴 URGENT" in card.plain
    assert "Gevaar: geweld of onveiligheid thuis. In de woorden van de inwoner: “mijn vriend slaat me elke avond”" \
        in card.plain
    assert "Graag oppakken vóór 21-11 02:00." in card.plain
    assert "<b>Gevaar: geweld of onveiligheid thuis.</b>" in card.text, "as rendered for Telegram (HTML)"
    bot.fake.assert_clean()


async def test_danger_in_the_story_reminds_and_escalates_in_clock_hours_over_the_night(bot: RunningBot) -> None:
    clock = Clock(FRIDAY_22)
    bot.store.clock = clock
    anouk = await register(bot, ANOUK, "anouk-de-vries", "Anouk de Vries")
    sanne = await register(bot, SANNE, "sanne-bakker", "Sanne Bakker")
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await story_until_postcode(amira, SUICIDE, "mijn moeder helpt", "iemand die luistert")
    done = await consent_urgent(amira)
    assert "binnen 4 uur" in done and "113" in done and "0800-0113" in done
    card = await anouk.hears(timeout=10)
    assert "Gevaar: zelfdoding. In de woorden van de inwoner: “ik wil niet meer leven" in card.plain

    clock.now = FRIDAY_22 + timedelta(hours=1, minutes=59)
    assert await bot.house.scheduler.tick() == 0
    clock.now = FRIDAY_22 + timedelta(hours=2, minutes=1)  # Saturday 00:01: half of 4 clock hours
    assert await bot.house.scheduler.tick() == 1
    await bot.house.worker.deliver_due()
    reminder = await anouk.hears(timeout=10)
    assert "URGENT" in reminder.plain and "Nog ongeveer 2 uur (klokuren" in reminder.plain

    clock.now = FRIDAY_22 + timedelta(hours=4, minutes=1)  # Saturday 02:01: nobody reacted
    assert await bot.house.scheduler.tick() == 1
    await bot.house.worker.deliver_due()
    escalated = await sanne.hears(timeout=10)
    assert "Niet opgepakt door Anouk de Vries binnen 4 uur (urgent, klokuren)." in escalated.plain
    assert "Gevaar: zelfdoding" in escalated.plain
    told = await amira.hears(timeout=10)
    assert "Je verhaal is nu bij Sanne Bakker, coördinator van Wijkteam Noord." in told.plain
    assert "Anouk heeft nog niet gereageerd" in told.plain
    assert await bot.house.scheduler.tick() == 0, "escalated once"
    await tap(sanne, "Ik pak dit op")
    accepted = await amira.hears(timeout=10)
    assert "Sanne heeft je verhaal gelezen" in accepted.plain, "a name the resident was told about"
    assert len(cards(bot, sanne)) == 1
    bot.fake.assert_clean()
