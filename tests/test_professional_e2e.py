"""Professionals through the real PTB stack: registration, look-ups, access rules, a warm handoff, reports."""

from __future__ import annotations

from flows.accounts import create_invite
from flows.limits import FloodGate
from knowledge.model import KnowledgeBase
from testing.fakebot import FakeUser
from tests.conftest import RunningBot
from tests.test_handoff_e2e import FATIMA, register
from tests.test_resident_e2e import say, story_until_postcode, tap, texts
from tests.test_restart_e2e import run_cli

JEROEN = 8001


async def professional(bot: RunningBot, user_id: int = JEROEN, person_id: str = "jeroen-smit") -> FakeUser:
    user = bot.fake.user(user_id, "Jeroen", language_code="nl")
    code = await create_invite(bot.store, person_id, "professional")
    welcome = texts(await say(user, f"/start {code}"))
    assert "Welkom, Jeroen Smit" in welcome and "/zoek" in welcome
    return user


async def test_lookups_with_typos_and_postcodes(bot: RunningBot) -> None:
    jeroen = await professional(bot)
    assert "Je bent Jeroen Smit, Wijkagent bij Politie" in texts(await say(jeroen, "/wiebenik"))
    found = texts(await say(jeroen, "/zoek schulden jong gezin 5341"))
    first = found.split("\n")[:3]
    assert "De juiste persoon" in first[0] and "in Noord" in first[0]
    assert "Fatima El Amrani, Wijkcoach, Wijkteam Noord" in first[1] and "06 1234 5678" in first[2]
    assert "heeft ruimte" in found and "Schuldhulpverlening" in found
    assert "Fatima El Amrani" in texts(await say(jeroen, "/zoek fatma"))
    assert "Ellen Visser, Huisarts" in texts(await say(jeroen, "/zoek huisarts"))
    assert "Jeroen Smit, Wijkagent" in texts(await say(jeroen, "/zoek wijkagnet"))
    assert "Fatima El Amrani" in texts(await say(jeroen, "/zoek wie doet opvoeding in noord"))
    assert "Wijkteam Zuid" in texts(await say(jeroen, "/wie 5343 AB")), "a PC6 wins over its PC4"
    noord = texts(await say(jeroen, "/wie 5343"))
    assert "Wijkteam Noord" in noord and "Coördinator: Sanne Bakker" in noord
    assert "Typ na /wie een postcode" in texts(await say(jeroen, "/wie"))
    bot.fake.assert_clean()


async def test_an_unregistered_user_never_sees_staff_contact_details(bot: RunningBot, sample_kb: KnowledgeBase) -> None:
    secrets = {m.phone for t in sample_kb.teams for m in t.members if m.phone}
    secrets |= {m.email for t in sample_kb.teams for m in t.members if m.email}
    secrets |= {p.phone for p in sample_kb.professionals if p.phone} | {p.email for p in sample_kb.professionals
                                                                        if p.email}
    secrets.discard("0900-8844")  # the police's public number is also a national line in services.yaml
    stranger = bot.fake.user(8999, "Onbekend", language_code="nl")
    commands = ["/start", "/zoek schulden 5341", "/zoek fatma", "/wie 5341", "/overdracht", "/mijn", "/open 1",
                "/sluit 1", "/team", "/wiebenik", "/privacy", "/taal", "/taal", "/mijngegevens", "/opnieuw", "/stop",
                "/vergeet", "/onzin"]
    for command in commands:
        answer = texts(await say(stranger, command))
        if command.split()[0] in ("/zoek", "/wie", "/overdracht"):
            assert "alleen voor geregistreerde professionals" in answer
    everything = "\n".join(m.plain for m in bot.fake.sent_to(stranger))
    leaked = sorted(s for s in secrets if s in everything)
    assert leaked == []
    assert "Schuldhulpverlening" in everything, "the public service information is shown"
    bot.fake.assert_clean()


async def test_a_professional_hands_over_warmly_and_hears_who_accepted(bot: RunningBot) -> None:
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    jeroen = await professional(bot)
    assert "Beschrijf in een paar zinnen" in texts(await say(jeroen, "/overdracht"))
    heard = texts(await say(jeroen, "jong gezin met flinke schulden, de deurwaarder komt langs"))
    assert "geld en schulden" in heard.lower()
    await tap(jeroen, "Opvoeden en kinderen")
    await tap(jeroen, "Klaar")
    assert "Hoe dringend" in texts(await say(jeroen, "5341"))
    await tap(jeroen, "Dringend")
    await tap(jeroen, "Bellen")
    await say(jeroen, "06 87654321")
    await tap(jeroen, "Ochtend")
    sent = texts(await tap(jeroen, "Ja, de inwoner is akkoord"))
    assert "Overdracht #1 is verstuurd naar Fatima El Amrani" in sent
    card = await fatima.hears(timeout=10)
    assert "Van: Jeroen Smit (Politie)" in card.plain and "URGENT" in card.plain and "06 8765 4321" in card.plain
    await tap(fatima, "Ik pak dit op")
    told = await jeroen.hears(timeout=10)
    assert "Overdracht #1 is opgepakt door Fatima El Amrani (Wijkteam Noord)" in told.plain
    handoff = await bot.store.handoffs.get(1)
    assert (handoff.source, handoff.status, handoff.urgent) == ("professional:jeroen-smit", "accepted", True)
    assert any(a.action == "consent_confirmed" for a in await bot.store.audit.of_handoff(1))
    bot.fake.assert_clean()


async def test_without_the_residents_consent_nothing_is_sent(bot: RunningBot) -> None:
    jeroen = await professional(bot)
    await say(jeroen, "/overdracht")
    await say(jeroen, "zorgen om een gezin met schulden")
    await tap(jeroen, "Klaar")
    await say(jeroen, "5341")
    await tap(jeroen, "Gewoon")
    await tap(jeroen, "De inwoner belt zelf")
    assert "Gestopt. Er is niets verstuurd." in texts(await tap(jeroen, "Nee, stoppen"))
    assert (await bot.store.table_rows())["handoffs"] == []
    bot.fake.assert_clean()


async def test_reports_from_residents_and_professionals(bot: RunningBot) -> None:
    jeroen = await professional(bot)
    await say(jeroen, "/zoek schulden 5341")
    await tap(jeroen, "Klopt er iets niet?")
    await tap(jeroen, "Fatima El Amrani")
    assert "Dank je! Je melding" in texts(await tap(jeroen, "Verkeerd nummer"))

    resident = bot.fake.user(1001, "Amira", language_code="nl")
    await story_until_postcode(resident, "ik heb schulden en de deurwaarder komt")
    await say(resident, "5341")
    await tap(resident, "Klopt er iets niet?")
    await tap(resident, "Schuldhulpverlening")
    assert "Dank je!" in texts(await tap(resident, "Bestaat niet meer"))

    reports = await bot.store.reports.open()
    assert [(r.reporter, r.kind) for r in reports] == [("professional", "wrong_number"), ("resident", "closed")]
    assert reports[1].target == "schuldhulp-voorbeeldstad"
    code, out, _ = await run_cli("reports", env={"WIJKWIJZER_DB": str(bot.store_path)})
    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith("#")]
    assert len(lines) == 2 and "schuldhulp-voorbeeldstad" in lines[1] and "closed" in lines[1]
    bot.fake.assert_clean()


async def test_reports_only_from_a_list_this_person_was_shown_and_not_without_end(bot: RunningBot) -> None:
    bot.house.flood = FloodGate(burst=1000, window=1)  # this test taps faster than any person; flooding has its test
    jeroen = await professional(bot)
    await say(jeroen, "/zoek schulden 5341")  # list 1, shown to Jeroen
    stranger = bot.fake.user(1002, "Onbekend", language_code="nl")
    await say(stranger, "/start")
    for forged in ("rk|1|0|wrong_number", "rk|1|0|_", "rp|1", "rk|p:fatima-el-amrani|_",
                   "rk|p:fatima-el-amrani|wrong_number", "rk|s:3|closed"):
        query_id = await stranger.taps_data(forged)
        await bot.fake.wait_for_answer(query_id, 5)
    assert await bot.store.reports.open() == [], "a list someone else was shown, or none at all, reports nothing"
    assert not any("Fatima" in (m.text or "") for m in bot.fake.sent_to(stranger)), "no name revealed"

    await tap(jeroen, "Klopt er iets niet?")
    await tap(jeroen, "Fatima El Amrani")
    await tap(jeroen, "Verkeerd nummer")
    again = await jeroen.taps_data("rk|1|0|wrong_number")  # the same item of the same list twice
    await bot.fake.wait_for_answer(again, 5)
    assert len(await bot.store.reports.open()) == 1, "once per list"
    for _ in range(12):  # a new list each time; at most ten reports a day
        await say(jeroen, "/zoek schulden 5341")
        await tap(jeroen, "Klopt er iets niet?")
        await tap(jeroen, "Fatima El Amrani")
        last = texts(await tap(jeroen, "Verkeerd nummer"))
    assert "Morgen kan het weer" in last
    assert len(await bot.store.reports.open()) == 10
    bot.fake.assert_clean()
