"""Danger changes the handoff, at the flows floor: clock hours, the honest time, which danger and in whose words."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from flows.card import Card
from flows.handoff.schedule import add_hours, hours_between
from knowledge.loader import read_knowledge
from tests.floor import Someone, Town, consent, text
from tests.kbfixture import write_kb

FRIDAY_22 = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)  # Friday 22:00 in Amsterdam
SUICIDE = "ik wil niet meer leven en de deurwaarder staat voor de deur"
VIOLENCE = "mijn vriend slaat me elke avond"


def test_clock_hours_do_not_wait_for_monday_and_working_hours_do() -> None:
    zone = "Europe/Amsterdam"
    assert add_hours(FRIDAY_22, 4, zone, urgent=True) == datetime(2026, 11, 21, 1, 0, tzinfo=UTC)  # Sat 02:00
    assert add_hours(FRIDAY_22, 4, zone, urgent=False) == datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # Mon 02:00
    saturday = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
    assert hours_between(saturday, saturday + timedelta(hours=3), zone, urgent=True) == 3
    assert hours_between(saturday, saturday + timedelta(hours=3), zone, urgent=False) == 0
    assert hours_between(saturday, saturday - timedelta(hours=3), zone, urgent=True) == 0


async def check_until_postcode(resident: Someone, first_answer: str) -> list:
    """/start, the short check: the first question gets `first_answer` (typed), every other 'Nee, gaat goed'."""
    await resident.says("/start")
    await resident.taps("korte check")
    said = await resident.says(first_answer)
    for _ in range(20):
        if "Wat gaat er goed" in text(resident.seen[-1:]) or "goed gaat" in text(resident.seen[-1:]).lower():
            break
        await resident.taps("Nee, gaat goed")
    return said


async def test_a_danger_typed_at_a_button_question_reaches_the_card_with_its_words(noord: Town) -> None:
    noord.clock.now = FRIDAY_22
    resident = noord.resident("amira")
    said = text(await check_until_postcode(resident, VIOLENCE))
    assert "Veilig Thuis: 0800-2000" in said, "the numbers at once"
    await resident.says("mijn zus")
    await resident.says("iemand die luistert")
    offer = text(await resident.says("5341"))
    assert "je kunt binnen 4 uur contact verwachten" in offer and "werkdag" not in offer, "honest before consent"
    assert "Alleen de coördinator van het team kan ook meekijken" in offer and "Niemand anders" not in offer
    await resident.taps("Ja, geef mijn verhaal door")
    done = text(await resident.taps("Via een bericht"))
    assert "binnen 4 uur" in done and "werkdag(en)" not in done
    assert "ook 's avonds en in het weekend" in done
    assert "112" in done and "Veilig Thuis: 0800-2000" in done
    handoff = await noord.handoff(1)
    assert handoff.urgent
    assert handoff.deadline_at == FRIDAY_22 + timedelta(hours=4), "clock hours: Saturday 02:00, not Monday"
    assert handoff.remind_at == FRIDAY_22 + timedelta(hours=2)
    card = Card.from_dict(handoff.card)
    assert [(d.kind, d.words, d.source) for d in card.dangers] == [("domestic_violence", VIOLENCE, "typed")]
    shown = str(noord.house.renderer.card(handoff).text)
    assert "Gevaar: geweld of onveiligheid thuis. In de woorden van de inwoner: “mijn vriend slaat me elke avond”" \
        in shown
    assert "Graag oppakken vóór 21-11 02:00." in shown
    mine = text(await resident.says("/mijngegevens"))
    assert "Wat je schreef over gevaar (je persoon ziet dit): mijn vriend slaat me elke avond" in mine


async def test_an_unsafe_answer_is_a_danger_with_the_answer_on_the_card(noord: Town) -> None:
    resident = noord.resident("amira")
    await resident.says("/start")
    await resident.taps("korte check")
    for _ in range(20):
        if "Voel je je onveilig" in text(resident.seen[-1:]):
            break
        await resident.taps("Nee, gaat goed")
    said = text(await resident.taps("Ik voel me niet veilig"))
    assert "Veilig Thuis: 0800-2000" in said
    await resident.taps("Sla over")  # the follow-up question
    await resident.says("mijn zus")
    await resident.says("iemand die luistert")
    await resident.says("5341")
    await resident.taps("Ja, geef mijn verhaal door")
    await resident.taps("Via een bericht")
    handoff = await noord.handoff(1)
    assert handoff.urgent and handoff.deadline_at == noord.clock.now + timedelta(hours=4)
    shown = str(noord.house.renderer.card(handoff).text)
    assert ("Gevaar: voelt zich niet veilig (thuis of buiten). Antwoord van de inwoner op de vraag over veiligheid: "
            "“Ik voel me niet veilig”") in shown


async def test_without_danger_the_resident_hears_working_days_and_no_danger_line(noord: Town) -> None:
    done = text(await consent(noord.resident("amira")))
    assert "binnen 2 werkdag" in done and "uur" not in done and "Veilig Thuis" not in done
    handoff = await noord.handoff(1)
    assert not handoff.urgent and "Gevaar" not in str(noord.house.renderer.card(handoff).text)


async def test_an_urgent_reminder_and_escalation_count_clock_hours_at_night(noord: Town) -> None:
    noord.clock.now = FRIDAY_22
    anouk = await noord.staff("anouk-de-vries")
    sanne = await noord.staff("sanne-bakker")
    resident = noord.resident("amira")
    await consent(resident, story=SUICIDE)
    handoff = await noord.handoff(1)
    assert (handoff.urgent, handoff.member_id) == (True, "anouk-de-vries")
    anouk.hears()
    noord.clock.now = FRIDAY_22 + timedelta(hours=1, minutes=59)
    assert await noord.tick() == 0
    noord.clock.now = FRIDAY_22 + timedelta(hours=2, minutes=1)  # Saturday 00:01
    assert await noord.tick() == 1
    [reminder] = anouk.hears()
    assert "URGENT" in str(reminder.text) and "Nog ongeveer 2 uur (klokuren" in str(reminder.text)
    noord.clock.now = FRIDAY_22 + timedelta(hours=4, minutes=1)  # Saturday 02:01
    assert await noord.tick() == 1
    [card] = [r for r in sanne.hears() if r.choices]
    assert "Niet opgepakt door Anouk de Vries binnen 4 uur (urgent, klokuren)." in str(card.text)
    assert "Gevaar: zelfdoding. In de woorden van de inwoner: “ik wil niet meer leven" in str(card.text)
    told = text(resident.hears())
    assert "Je verhaal is nu bij Sanne Bakker, coördinator van Wijkteam Noord. Anouk heeft nog niet gereageerd." \
        in told


def test_check_knowledge_validates_urgent_reaction_hours(tmp_path: Path) -> None:
    today = date(2026, 11, 23)
    kb, problems = read_knowledge(write_kb(tmp_path / "good", teams=(
        "reaction_hours: 48", "reaction_hours: 48\n    urgent_reaction_hours: 2")), today=today)
    assert kb is not None, problems
    assert kb.team("team-a").urgent_reaction_hours == 2 and kb.team("team-b").urgent_reaction_hours == 4
    for wrong, says in (("vier", "heel getal"), ("0", "minstens 1")):
        kb, problems = read_knowledge(write_kb(tmp_path / wrong, teams=(
            "reaction_hours: 48", f"reaction_hours: 48\n    urgent_reaction_hours: {wrong}")), today=today)
        [error] = [p for p in problems if p.is_error]
        assert kb is None and error.entry_id == "team-a" and says in error.message
    _, problems = read_knowledge(write_kb(tmp_path / "slow", teams=(
        "reaction_hours: 48", "reaction_hours: 48\n    urgent_reaction_hours: 48")), today=today)
    [warning] = [p for p in problems if "urgent_reaction_hours" in p.message]
    assert not warning.is_error and "meer dan een dag" in warning.message


def test_a_danger_split_over_two_messages_keeps_both_on_the_card() -> None:
    from flows.crisis import danger_words
    from knowledge.crisis import Crisis, Finding

    one = Finding("suicide", "doodswens", ("ik", "dood"), "ik wil dood", 0)
    assert danger_words(Crisis("suicide", ("suicide",), findings=(one,)), ["ik wil", "dood"]) == {
        "suicide": "ik wil … dood"}
    assert danger_words(Crisis("suicide", ("suicide",), findings=(one,)), ["hoi", "ik wil dood"]) == {
        "suicide": "ik wil dood"}
    assert danger_words(Crisis(), ["ik wil dood"]) == {}


async def test_a_danger_written_after_consent_makes_the_open_handoff_urgent(noord: Town) -> None:
    noord.clock.now = FRIDAY_22
    fatima = await noord.staff("fatima-el-amrani")
    resident = noord.resident("amira")
    await consent(resident)
    fatima.hears()
    before = await noord.handoff(1)
    assert not before.urgent and before.deadline_at > FRIDAY_22 + timedelta(days=2)
    noord.clock.now = FRIDAY_22 + timedelta(minutes=30)
    said = text(await resident.says("ik wil niet meer leven"))
    assert "113" in said and "Ik heb Fatima laten weten dat het dringend is" in said and "binnen 4 uur" in said
    handoff = await noord.handoff(1)
    assert handoff.urgent and handoff.deadline_at == noord.clock.now + timedelta(hours=4)
    [card] = [r for r in fatima.hears() if r.choices]
    assert "NU URGENT" in str(card.text) and "Gevaar: zelfdoding. In de woorden van de inwoner: “ik wil niet meer " \
        "leven”" in str(card.text)
    assert await noord.statuses() == ["proposed", "sent"], "the lifecycle is untouched"
    await fatima.taps("Ik pak dit op")
    resident.hears()
    assert text(await resident.says("ik wil niet meer leven")).count("dringend") == 1, "accepted: said again"
    heard = text(fatima.hears())
    assert "ik wil niet meer leven" in heard and "NU URGENT" not in heard, "relayed; the card is urgent already"


async def test_a_danger_after_a_closed_handoff_promises_nothing(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    resident = noord.resident("amira")
    await consent(resident)
    await fatima.taps("Ik pak dit op")
    await fatima.taps("Afsluiten")
    await fatima.taps("Contact gehad")
    fatima.hears()
    said = text(await resident.says("ik wil niet meer leven"))
    assert "113" in said and "dringend" not in said
    assert not (await noord.handoff(1)).urgent and fatima.hears() == []
