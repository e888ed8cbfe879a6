"""Professionals at the flows floor: /zoek, /wie, and the /overdracht form all the way to who accepted it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from flows.lifecycle import OPEN
from knowledge.routing import choose_contact, concerns_from_text
from tests.floor import Someone, Town, labels, text, waiting_for

STALE_TOAST = "Deze knop hoort bij een oudere vraag. We gaan verder waar je was."


async def test_zoek_puts_the_routing_rules_contact_first(noord: Town) -> None:
    jeroen = await noord.professional("jeroen-smit")
    [found] = await jeroen.says("/zoek schulden jong gezin 5341")
    lines = str(found.text).split("\n")
    assert lines[0] == "De juiste persoon voor geld en schulden en relatie en gezin in Noord:"
    assert lines[1] == "• Fatima El Amrani, Wijkcoach, Wijkteam Noord"
    assert lines[2].startswith("  📞 06 1234 5678 · ✉️ fatima.elamrani@") and "heeft ruimte (0 van 12 open)" in lines[2]
    rule = choose_contact(noord.kb, "5341", concerns_from_text(("finances", "relationships")), None)
    assert rule.member.name == "Fatima El Amrani"
    assert "Andere collega's die passen:" in lines and "• Mehmet Yilmaz, Schuldhulpverlener, Wijkteam Noord" in lines
    assert "Diensten:" in lines and "• Schuldhulpverlening (14 0412)" in lines
    assert labels(found) == ["⚠️ Klopt er iets niet?"]


async def test_zoek_follows_the_routing_rule_when_someone_is_full(noord: Town) -> None:
    jeroen = await noord.professional("jeroen-smit")
    for _ in range(12):
        await waiting_for(noord, "fatima-el-amrani")
    found = text(await jeroen.says("/zoek schulden jong gezin 5341")).split("\n")
    counts = await noord.store.handoffs.open_counts(OPEN)
    rule = choose_contact(noord.kb, "5341", concerns_from_text(("finances", "relationships")), None, open_counts=counts)
    assert rule.member.name != "Fatima El Amrani"
    assert found[1].startswith(f"• {rule.member.name}, ")
    fatima = found.index("• Fatima El Amrani, Wijkcoach, Wijkteam Noord")
    assert found[fatima + 1].endswith("· zit vol")


@pytest.mark.parametrize(("query", "first_line", "who"), [
    ("fatma", "Gevonden op naam of rol:", "• Fatima El Amrani, Wijkcoach, Wijkteam Noord"),
    ("wijkagnet", "De juiste persoon voor veiligheid, politie en justitie in de hele gemeente:",
     "• Jeroen Smit, Wijkagent, Politie"),
    ("huisarts", "De juiste persoon voor je lichaam en gezondheid in de hele gemeente:",
     "• Ellen Visser, Huisarts, Huisartsenpraktijk Noord"),
    ("wie doet opvoeding in noord", "De juiste persoon voor opvoeden en kinderen in Noord:",
     "• Fatima El Amrani, Wijkcoach, Wijkteam Noord"),
    ("5343AB schulden", "De juiste persoon voor geld en schulden in Zuid:",
     "• Aylin Demir, Schuldhulpverlener, Wijkteam Zuid"),
    ("schulden 5343 AB", "De juiste persoon voor geld en schulden in Zuid:",
     "• Aylin Demir, Schuldhulpverlener, Wijkteam Zuid"),
    ("schulden in 5343 en verder niets", "De juiste persoon voor geld en schulden in Noord:",
     "• Fatima El Amrani, Wijkcoach, Wijkteam Noord"),
])
async def test_zoek_is_fuzzy_on_names_roles_areas_and_finds_a_postcode_anywhere(
        noord: Town, query: str, first_line: str, who: str) -> None:
    jeroen = await noord.professional("jeroen-smit")
    lines = text(await jeroen.says(f"/zoek {query}")).split("\n")
    assert lines[0] == first_line
    assert who in lines


async def test_zoek_without_words_or_with_nothing_found(noord: Town) -> None:
    jeroen = await noord.professional("jeroen-smit")
    assert "Typ na /zoek wat er speelt" in text(await jeroen.says("/zoek"))
    assert text(await jeroen.says("/zoek qqqq zzzz")).startswith("Ik vond niemand en niets bij deze woorden.")


async def test_staff_may_search_too(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    assert "• Aylin Demir, Schuldhulpverlener, Wijkteam Zuid" in text(await fatima.says("/zoek schulden 5343AB"))


async def test_wie_names_the_team_its_coordinator_and_active_members(noord: Town) -> None:
    jeroen = await noord.professional("jeroen-smit")
    zuid = text(await jeroen.says("/wie 5343AB")).split("\n")
    assert zuid[:3] == ["Postcode 5343AB: Zuid", "Wijkteam Zuid: 📞 0412 123 500 · ✉️ zuid@wijkteam.voorbeeldstad.nl",
                        "Coördinator: Ruud Kuipers"], "a PC6 wins over its PC4"
    assert zuid[4] == ("• Aylin Demir, Schuldhulpverlener: geld en schulden, wonen, werk, school en dagbesteding "
                       "(📞 06 1234 5622)")
    noord_team = text(await jeroen.says("/wie 5343"))
    assert "Wijkteam Noord" in noord_team and "Coördinator: Sanne Bakker" in noord_team
    centrum = text(await jeroen.says("/wie 5211"))
    assert "Esther Mulder" in centrum and "Thomas Vermeulen" not in centrum, "members on leave are not listed"
    assert text(await jeroen.says("/wie 9999")).startswith("Postcode 9999: geen wijk, dus het standaardteam")
    assert text(await jeroen.says("/wie")) == "Typ na /wie een postcode, bijvoorbeeld: /wie 5341"
    assert text(await jeroen.says("/wie abc")) == "Typ na /wie een postcode, bijvoorbeeld: /wie 5341"


async def fill_in(jeroen: Someone, story: str = "jong gezin met flinke schulden, de deurwaarder komt langs") -> str:
    """/overdracht up to the domains: returns what the bot heard."""
    assert "Beschrijf in een paar zinnen" in text(await jeroen.says("/overdracht"))
    return text(await jeroen.says(story))


async def test_overdracht_end_to_end_marked_as_from_the_professional(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    jeroen = await noord.professional("jeroen-smit")
    heard = await fill_in(jeroen)
    assert heard.startswith("Ik hoor: geld en schulden") and heard.endswith("Tik aan wat klopt en tik op Klaar.")
    assert "✅ Geld en schulden" in labels(jeroen.seen[-1]) and "▫️ Opvoeden en kinderen" in labels(jeroen.seen[-1])
    toggled = await jeroen.taps("Opvoeden en kinderen")
    assert "✅ Opvoeden en kinderen" in labels(toggled.replies[0])
    assert text(await jeroen.taps("Klaar")).startswith("Wat is de postcode van de inwoner?")
    assert "Dat lijkt geen postcode" in text(await jeroen.says("ergens in noord"))
    assert text(await jeroen.says("5341")) == "Hoe dringend is het?"
    assert text(await jeroen.taps("Dringend")) == "Hoe wil de inwoner contact?"
    await jeroen.taps("Bellen")
    assert text(await jeroen.says("06 876")) == "Dat nummer klopt niet helemaal. Typ het zo: 06 1234 5678."
    assert text(await jeroen.says("06 87654321")).startswith("Wanneer")
    asked = await jeroen.taps("Ochtend")
    assert labels(asked.replies[0]) == ["Ja, de inwoner is akkoord", "Nee, stoppen"]
    assert (await noord.store.table_rows())["handoffs"] == [], "nothing before the resident agreed"
    sent = await jeroen.taps("Ja, de inwoner is akkoord")
    assert text(sent) == ("Overdracht #1 is verstuurd naar Fatima El Amrani (Wijkteam Noord). "
                          "Je hoort het als hij is opgepakt.")
    [card] = [r for r in fatima.hears() if r.choices]
    card_text = str(card.text)
    assert card_text.startswith("Overdracht #1 🔴 URGENT")
    assert "Van: Jeroen Smit (Politie); de inwoner heeft toestemming gegeven" in card_text
    assert "Contact: bellen op 06 8765 4321, het liefst in de ochtend." in card_text
    assert "de deurwaarder komt langs" in card_text and "Opvoeden en kinderen" in card_text
    handoff = await noord.handoff(1)
    assert (handoff.resident, handoff.source, handoff.urgent) == (None, "professional:jeroen-smit", True)
    assert handoff.card["professional"] == {"id": "jeroen-smit", "name": "Jeroen Smit", "organization": "Politie"}
    assert ("professional:jeroen-smit", "consent_confirmed") in await noord.trail(1)
    assert (await noord.store.accounts.get(jeroen.person)).state == {}, "the form is done"

    await fatima.taps("Ik pak dit op")
    assert text(jeroen.hears()) == "Overdracht #1 is opgepakt door Fatima El Amrani (Wijkteam Noord)."
    assert (await noord.handoff(1)).status == "accepted"


async def test_without_consent_nothing_is_sent(noord: Town) -> None:
    jeroen = await noord.professional("jeroen-smit")
    await fill_in(jeroen, "zorgen om een gezin met schulden")
    await jeroen.taps("Klaar")
    await jeroen.says("5341")
    forged = await jeroen.presses("o|agreed")
    assert forged.toast == STALE_TOAST and text(forged) == "Hoe dringend is het?", "consent is the last step"
    await jeroen.taps("Gewoon")
    await jeroen.taps("De inwoner belt zelf")
    assert text(await jeroen.taps("Nee, stoppen")) == "Gestopt. Er is niets verstuurd."
    assert (await noord.store.table_rows())["handoffs"] == []
    assert (await noord.store.accounts.get(jeroen.person)).state == {}
    assert (await jeroen.presses("o|agreed")).toast == STALE_TOAST, "no form any more"
    assert (await noord.store.table_rows())["handoffs"] == []


async def test_an_ordinary_handoff_the_resident_calls_about_themselves(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    jeroen = await noord.professional("jeroen-smit")
    await fill_in(jeroen, "zorgen om een gezin met schulden")
    await jeroen.taps("Klaar")
    await jeroen.says("5341")
    await jeroen.taps("Gewoon")
    assert "Heeft de inwoner ingestemd" in text(await jeroen.taps("De inwoner belt zelf")), "no phone asked"
    await jeroen.taps("Ja, de inwoner is akkoord")
    [card] = [r for r in fatima.hears() if r.choices]
    assert str(card.text).split("\n")[0] == "Overdracht #1"
    assert "Contact: de inwoner neemt zelf contact op." in str(card.text)
    assert (await noord.handoff(1)).urgent is False


async def test_a_crisis_in_the_story_makes_it_urgent_whatever_was_tapped(noord: Town) -> None:
    jeroen = await noord.professional("jeroen-smit")
    await fill_in(jeroen, "de moeder zegt dat ze niet meer wil leven, er zijn ook schulden")
    await jeroen.taps("Klaar")
    await jeroen.says("5341")
    await jeroen.taps("Gewoon")
    await jeroen.taps("De inwoner belt zelf")
    await jeroen.taps("Ja, de inwoner is akkoord")
    assert (await noord.handoff(1)).urgent is True


async def test_domains_can_be_cleared_but_klaar_needs_one(noord: Town) -> None:
    jeroen = await noord.professional("jeroen-smit")
    await fill_in(jeroen, "ik weet het ook niet precies")
    nothing = jeroen.seen[-1]
    assert str(nothing.text) == "Ik hoor: nog niets. Tik aan wat klopt en tik op Klaar."
    assert (await jeroen.taps("Klaar")).toast == STALE_TOAST
    await jeroen.taps("Wonen")
    assert text(await jeroen.taps("Klaar")).startswith("Wat is de postcode")


async def test_a_wijkteam_member_can_hand_over_with_the_form_too(noord: Town) -> None:
    mehmet = await noord.staff("mehmet-yilmaz")
    await noord.staff("fatima-el-amrani")
    await fill_in(mehmet, "een vader met schulden en een zoon die niet naar school gaat")
    await mehmet.taps("Klaar")
    await mehmet.says("5341")
    await mehmet.taps("Gewoon")
    await mehmet.taps("De inwoner belt zelf")
    sent = text(await mehmet.taps("Ja, de inwoner is akkoord"))
    assert sent.startswith("Overdracht #1 is verstuurd naar ")
    assert (await noord.handoff(1)).card["professional"]["organization"] == "Wijkteam Noord"


async def test_retention_reaches_professional_handoffs_and_forms_left_half_done(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    jeroen, ellen = await noord.professional("jeroen-smit"), await noord.professional("ellen-visser")
    await fill_in(jeroen)
    await jeroen.taps("Klaar")
    await jeroen.says("5341")
    await jeroen.taps("Gewoon")
    await jeroen.taps("Bellen")
    await jeroen.says("06 87654321")
    await jeroen.taps("Ochtend")
    await jeroen.taps("Ja, de inwoner is akkoord")
    await fatima.taps("Ik pak dit op")
    await fatima.taps("Afsluiten")
    await fatima.taps("Contact gehad")
    await fill_in(ellen, "oudere man alleen thuis, belt hem op 06 11223344")  # and then never finishes the form
    assert (await noord.store.accounts.get(ellen.person)).state != {}
    noord.clock.now += timedelta(days=8)
    await noord.tick()
    assert (await noord.store.accounts.get(ellen.person)).state == {}, "a half-done form is cleared after a week"
    assert "06 8765 4321" in repr(await noord.store.table_rows()), "a handoff within retention keeps its card"
    noord.clock.now += timedelta(days=90)
    await noord.tick()
    everything = repr(await noord.store.table_rows())
    assert "06 8765 4321" not in everything and "deurwaarder" not in everything and "11223344" not in everything
    assert (await noord.handoff(1)).status == "closed", "the record stays, anonymous"
