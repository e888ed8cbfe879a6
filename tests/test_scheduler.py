"""What time brings, at the flows floor: reminders, escalation, the follow-up question and retention, on a clock
moved by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from knowledge.model import KnowledgeBase
from store import Person
from tests.floor import MONDAY_9, Town, consent, labels, text, town, waiting_for

FRIDAY_15 = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)  # 15:00 in Amsterdam


async def test_a_reminder_at_half_time_and_the_coordinator_at_the_deadline_each_once(noord: Town) -> None:
    noord.clock.now = FRIDAY_15
    fatima = await noord.staff("fatima-el-amrani")
    sanne = await noord.staff("sanne-bakker")
    await consent(noord.resident("amira"))
    fatima.hears()
    handoff = await noord.handoff(1)
    assert handoff.remind_at == datetime(2026, 11, 23, 14, 0, tzinfo=UTC), "24 working hours: Monday 15:00"
    assert handoff.deadline_at == datetime(2026, 11, 24, 14, 0, tzinfo=UTC), "48 working hours: Tuesday 15:00"

    noord.clock.now = datetime(2026, 11, 22, 20, 0, tzinfo=UTC)  # Sunday evening: the weekend does not count
    assert await noord.tick() == 0
    noord.clock.now = datetime(2026, 11, 23, 14, 1, tzinfo=UTC)  # Monday 15:01: half time
    assert await noord.tick() == 1
    [reminder] = fatima.hears()
    assert str(reminder.text) == ("⏰ Herinnering: overdracht #1 wacht op je. Nog ongeveer 24 werkuren, "
                                  "daarna gaat hij naar de coördinator.")
    assert labels(reminder)[0] == "✅ Ik pak dit op"
    assert await noord.tick() == 0, "the reminder goes once"
    assert fatima.hears() == [] and sanne.hears() == []

    noord.clock.now = datetime(2026, 11, 24, 14, 1, tzinfo=UTC)  # Tuesday 15:01: the deadline passed
    assert await noord.tick() == 1
    [card] = [r for r in sanne.hears() if r.choices]
    assert "Niet opgepakt door Fatima El Amrani binnen 48 werkuren." in str(card.text)
    assert fatima.hears() == [], "no second reminder"
    assert await noord.tick() == 0, "the escalation goes once"
    noord.clock.now += timedelta(days=7)
    assert await noord.tick() == 0 and sanne.hears() == []
    handoff = await noord.handoff(1)
    assert (handoff.status, handoff.member_id) == ("escalated", "sanne-bakker")
    assert await noord.statuses() == ["proposed", "sent", "escalated"]
    assert "Je hebt overdracht #1 opgepakt" in text(await sanne.taps("Ik pak dit op"))


async def test_an_accepted_handoff_gets_no_reminder_and_no_escalation(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    await consent(noord.resident("amira"))
    await fatima.taps("Ik pak dit op")
    fatima.hears()
    noord.clock.now = MONDAY_9 + timedelta(days=4)  # past half time and the deadline, before the follow-up
    assert await noord.tick() == 0
    assert fatima.hears() == []
    assert (await noord.handoff(1)).status == "accepted"


async def test_a_team_with_24_reaction_hours_escalates_after_one_working_day(noord: Town) -> None:
    ruud = await noord.staff("ruud-kuipers")
    await waiting_for(noord, "aylin-demir", team_id="wijkteam-zuid")
    handoff = await noord.handoff(1)
    assert handoff.deadline_at == MONDAY_9 + timedelta(hours=24)
    noord.clock.now = MONDAY_9 + timedelta(hours=12, minutes=1)
    assert await noord.tick() == 1, "the reminder (Aylin has no account: it is settled, nobody to receive it)"
    noord.clock.now = MONDAY_9 + timedelta(hours=24, minutes=1)
    assert await noord.tick() == 1
    assert "Niet opgepakt door Aylin Demir binnen 24 werkuren." in text(ruud.hears())


async def test_the_follow_up_is_asked_once_after_followup_days(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    sanne = await noord.staff("sanne-bakker")
    amira = noord.resident("amira")
    await consent(amira)
    await fatima.taps("Ik pak dit op")
    amira.hears()
    noord.clock.now = MONDAY_9 + timedelta(days=5) - timedelta(minutes=1)
    assert await noord.tick() == 0
    assert amira.hears() == []
    noord.clock.now = MONDAY_9 + timedelta(days=5)
    assert await noord.tick() == 1
    [question] = amira.hears()
    assert str(question.text) == ("Een paar dagen geleden heeft Fatima je verhaal gelezen. "
                                  "Heeft Fatima al contact met je gehad?")
    assert labels(question) == ["Ja", "Nee, nog niet"]
    assert await noord.tick() == 0, "asked once"
    assert amira.hears() == []
    assert text(await amira.taps("Ja")) == "Fijn! Dank je voor je antwoord."
    assert (await noord.handoff(1)).followup_done_at == noord.clock.now
    assert sanne.hears() == [], "yes alerts nobody"
    assert ("resident:test:amira", "followup:yes") in await noord.trail(1)
    again = await amira.presses(amira.button("Nee, nog niet"))
    assert again.toast == "Deze knop hoort bij een oudere vraag. We gaan verder waar je was." and not again.replies
    assert sanne.hears() == []


async def test_no_contact_alerts_the_coordinator(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    sanne = await noord.staff("sanne-bakker")
    amira = noord.resident("amira")
    await consent(amira)
    await fatima.taps("Ik pak dit op")
    noord.clock.now = MONDAY_9 + timedelta(days=6)
    await noord.tick()
    thanks = await amira.taps("Nee, nog niet")
    assert text(thanks) == ("Dank je. Ik geef het door aan de coördinator van het team. "
                            "Die zorgt dat er contact komt.")
    [alert] = sanne.hears()
    assert str(alert.text) == ("⚠️ De inwoner van overdracht #1 zegt dat er nog geen contact is geweest met "
                               "Fatima El Amrani. Wil je dit oppakken?")
    assert ("resident:test:amira", "followup:no") in await noord.trail(1)


async def test_the_follow_up_waits_as_many_days_as_configured(tmp_path: Path, sample_kb: KnowledgeBase) -> None:
    async with town(tmp_path, sample_kb, followup_days=2) as noord:
        fatima = await noord.staff("fatima-el-amrani")
        amira = noord.resident("amira")
        await consent(amira)
        await fatima.taps("Ik pak dit op")
        amira.hears()
        noord.clock.now = MONDAY_9 + timedelta(days=2)
        assert await noord.tick() == 1
        assert "Heeft Fatima al contact met je gehad?" in text(amira.hears())


async def test_a_professionals_handoff_has_nobody_to_ask(noord: Town) -> None:
    sanne = await noord.staff("sanne-bakker")
    await waiting_for(noord, "sanne-bakker")
    await sanne.taps("Ik pak dit op")
    noord.clock.now = MONDAY_9 + timedelta(days=5)
    assert await noord.tick() == 1
    assert [item.kind for item in await noord.store.outbox.items(1) if item.kind == "followup"] == []
    assert await noord.tick() == 0


async def test_retention_erases_quiet_residents_without_an_open_handoff(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    amira, noor, lotte = noord.resident("amira"), noord.resident("noor"), noord.resident("lotte")
    await consent(amira)
    await fatima.taps("Ik pak dit op")
    await fatima.taps("Afsluiten")
    await fatima.taps("Contact gehad")
    await consent(noor, story="ik heb een huurachterstand en mijn zoon spijbelt")  # open: kept however quiet
    await lotte.says("/start")
    noord.clock.now = MONDAY_9 + timedelta(days=89)
    await lotte.says("/start")  # Lotte came back: quiet for one day only
    assert await noord.tick() == 2, "meanwhile: Noor's escalation (no late reminder), Amira's follow-up question"
    noord.clock.now = MONDAY_9 + timedelta(days=90, seconds=1)
    assert await noord.tick() == 1
    assert await noord.store.residents.get(Person("test", "amira")) is None
    assert await noord.store.residents.get(Person("test", "noor")) is not None
    assert await noord.store.residents.get(Person("test", "lotte")) is not None
    handoff = await noord.handoff(1)
    assert (handoff.status, handoff.resident, handoff.card) == ("closed", None, {})
    everything = repr(await noord.store.table_rows())
    assert "deurwaarder" not in everything and "test:amira" not in everything
    assert ("system", "retention:forgotten") in await noord.trail(None)
    assert await noord.tick() == 0, "erased once"
