"""What a reviewer found trying a handoff end to end (issue 12), at the flows floor: the urgent clock that a move
does not restart, the step after an urgent escalation, clock hours in /mijn and /team, the reason in /open."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.floor import STORY, Town, consent, text, waiting_for

FRIDAY_22 = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)  # Friday 22:00 in Amsterdam
SUICIDE = "ik wil niet meer leven en de deurwaarder staat voor de deur"


async def test_a_move_keeps_the_urgent_promise_and_a_normal_handoff_starts_afresh(noord: Town) -> None:
    noord.clock.now = FRIDAY_22
    fatima = await noord.staff("fatima-el-amrani")
    sanne = await noord.staff("sanne-bakker")
    mehmet = await noord.staff("mehmet-yilmaz")
    urgent = await waiting_for(noord, "fatima-el-amrani", urgent=True)
    normal = await waiting_for(noord, "fatima-el-amrani")
    promised = (await noord.handoff(urgent)).deadline_at
    assert promised == FRIDAY_22 + timedelta(hours=4)
    noord.clock.now = FRIDAY_22 + timedelta(hours=1)
    await fatima.presses(f"h|{urgent}|pass")
    await fatima.taps("Mehmet Yilmaz")
    moved = await noord.handoff(urgent)
    assert moved.member_id == "mehmet-yilmaz"
    assert moved.deadline_at == promised, "the resident was promised contact within 4 hours of the handoff"
    assert moved.remind_at == FRIDAY_22 + timedelta(hours=2, minutes=30), "half of what is left"
    noord.clock.now = FRIDAY_22 + timedelta(hours=2)
    await mehmet.presses(f"h|{urgent}|no")
    await mehmet.says("ik ben niet de goede persoon")
    back = await noord.handoff(urgent)
    assert back.member_id == "sanne-bakker" and back.deadline_at == promised, "not for me does not restart it"
    await fatima.presses(f"h|{normal}|pass")
    await fatima.taps("Mehmet Yilmaz")
    assert (await noord.handoff(normal)).deadline_at > (await noord.handoff(normal)).sent_at, "a fresh clock"
    assert (await noord.handoff(normal)).sent_at == FRIDAY_22 + timedelta(hours=2)
    assert sanne is not None


async def test_an_escalated_urgent_handoff_reminds_the_coordinator_and_tells_the_resident(noord: Town) -> None:
    noord.clock.now = FRIDAY_22
    anouk = await noord.staff("anouk-de-vries")
    sanne = await noord.staff("sanne-bakker")
    amira = noord.resident("amira")
    await consent(amira, story=SUICIDE)
    handoff = await noord.handoff(1)
    assert handoff.urgent and handoff.member_id == "anouk-de-vries"
    noord.clock.now = FRIDAY_22 + timedelta(hours=4, minutes=1)
    await noord.tick()  # escalated to Sanne at Saturday 02:01
    assert (await noord.handoff(1)).status == "escalated"
    sanne.hears(), amira.hears(), anouk.hears()
    noord.clock.now = FRIDAY_22 + timedelta(hours=5, minutes=59)
    assert await noord.tick() == 0, "not yet: half the urgent hours after the escalation"
    noord.clock.now = FRIDAY_22 + timedelta(hours=6, minutes=2)
    assert await noord.tick() == 1
    [reminder] = sanne.hears()
    assert "URGENT en nog niet opgepakt" in str(reminder.text) and "wacht al 6 uur" in str(reminder.text)
    assert "Bel 112" in str(reminder.text)
    assert [c.label for c in reminder.choices][:1] == ["✅ Ik pak dit op"]
    told = text(amira.hears())
    assert "Je verhaal is nog niet opgepakt." in told and "0412 123 456" in told
    assert "113" in told and "0800-0113" in told, "the numbers for this danger"
    assert anouk.hears() == []
    noord.clock.now = FRIDAY_22 + timedelta(hours=12)
    assert await noord.tick() == 0, "once"
    assert sanne.hears() == [] and amira.hears() == []


async def test_mijn_and_team_count_urgent_handoffs_in_clock_hours(noord: Town) -> None:
    noord.clock.now = FRIDAY_22
    fatima = await noord.staff("fatima-el-amrani")
    sanne = await noord.staff("sanne-bakker")
    await waiting_for(noord, "fatima-el-amrani", urgent=True)
    await waiting_for(noord, "fatima-el-amrani")
    noord.clock.now = FRIDAY_22 + timedelta(hours=1, minutes=10)
    mine = text(await fatima.says("/mijn")).split("\n")
    assert mine[1] == "#1 🔴 verstuurd, nog 3 uur (klokuren): hoe je je voelt"
    assert mine[2] == "#2 verstuurd, 1 werkuur: hoe je je voelt", "not urgent: working hours"
    team = text(await sanne.says("/team"))
    assert "#1 🔴 verstuurd, nog 3 uur (klokuren): hoe je je voelt — bij Fatima El Amrani" in team
    noord.clock.now = FRIDAY_22 + timedelta(hours=5)
    await noord.tick()  # escalated: no deadline any more, its age in clock hours
    assert "#1 🔴 bij de coördinator, 5 uur (klokuren)" in text(await sanne.says("/team"))
    assert "werkuur" not in text(await sanne.says("/team")).split("\n")[1]


async def test_the_card_shows_no_number_for_a_domain_the_resident_skipped_and_labels_the_unsafe_answer(
        noord: Town) -> None:
    resident = noord.resident("amira")
    await resident.says("/start")
    await resident.taps("korte check")
    for _ in range(20):
        asked = text(resident.seen[-1:])
        if "Voel je je onveilig" in asked:
            break
        await resident.taps("Sla over" if "partner of in je gezin" in asked else "Nee, gaat goed")
    await resident.taps("Ik voel me niet veilig")
    await resident.taps("Sla over")  # the follow-up question
    await resident.says("mijn zus")
    await resident.says("iemand die luistert")
    await resident.says("5341")
    await resident.taps("Ja, geef mijn verhaal door")
    await resident.taps("Via een bericht")
    shown = str(noord.house.renderer.card(await noord.handoff(1)).text)
    assert "Relatie en gezin: 1" not in shown, "skipped: not the resident's number"
    assert "Relatie en gezin: door het gevaar hierboven (geen score van de inwoner)" in shown
    assert "Veiligheid, politie en justitie: 1" in shown, "the answer the resident tapped"
    assert "geweld of onveiligheid thuis" not in shown, "the question was about safety at home or outside"
    assert ("Gevaar: voelt zich niet veilig (thuis of buiten). Antwoord van de inwoner op de vraag over veiligheid: "
            "“Ik voel me niet veilig”") in shown


async def test_the_not_for_me_reason_shows_in_open_and_stays_after_the_accept(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    sanne = await noord.staff("sanne-bakker")
    await consent(noord.resident("amira"))
    await fatima.taps("Niet voor mij")
    await fatima.says("ik ben drie weken met verlof")
    shown = text(await sanne.says("/open 1"))
    assert "Doorgegeven door Fatima El Amrani. Reden: ik ben drie weken met verlof" in shown
    await sanne.taps("Ik pak dit op")
    assert "Reden: ik ben drie weken met verlof" in text(await sanne.says("/open 1"))


async def test_the_phone_line_on_the_card_says_the_daypart_as_a_phrase(noord: Town) -> None:
    resident = noord.resident("amira")
    await consent(resident, "Bel mij")  # the morning
    card = str(noord.house.renderer.card(await noord.handoff(1)).text)
    assert "Contact: bellen op 06 1234 5678, het liefst in de ochtend." in card
    other = noord.resident("bram")
    await other.says("/start")
    await other.taps("eigen woorden")
    await other.says(STORY)
    await other.taps("Klopt")
    await other.taps("Nee, ga verder")
    await other.says("mijn moeder helpt")
    await other.says("iemand die meedenkt")
    await other.says("5341")
    await other.taps("Ja, geef mijn verhaal door")
    await other.taps("Bel mij")
    await other.says("06 87654321")
    await other.taps("Maakt niet uit")
    card = str(noord.house.renderer.card(await noord.handoff(2)).text)
    assert "het liefst op elk moment van de dag." in card and "in de maakt niet uit" not in card
