"""The staff side through the real PTB stack: erasing is told everywhere, the resident sees who opened their
handoff (NEN 7513), reports are closed by a coordinator, the full staff help, the audit in names and local time,
plurals, and descriptions cut at a word."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from flows import commands
from knowledge.loader import SAMPLE
from tests.conftest import RunningBot
from tests.test_handoff_e2e import FATIMA, MEHMET, SANNE, Clock, consent, register
from tests.test_professional_e2e import professional
from tests.test_resident_e2e import say, story_until_postcode, tap, texts
from tests.test_restart_e2e import run_cli

MONDAY_1405 = datetime(2026, 11, 23, 13, 5, tzinfo=UTC)  # maandag 23 november, 14:05 in Amsterdam (in the past:
# the fake stamps messages with the real time, and a message older than its question is taken as an old one)


async def test_erasing_is_told_in_every_view_of_the_handoff(bot: RunningBot) -> None:
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    sanne = await register(bot, SANNE, "sanne-bakker", "Sanne Bakker")
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await consent(bot, amira)
    card = await fatima.hears(timeout=10)
    await fatima.hears(timeout=10)  # the picture
    await tap(fatima, "Ik pak dit op")
    await amira.hears(timeout=10)
    await say(amira, "/vergeet")
    assert "Alles is gewist" in texts(await tap(amira, "Ja, wis alles"))

    told = await fatima.hears(timeout=10)
    assert "heeft alle gegevens gewist met /vergeet" in told.plain and "#1" in told.plain
    mine = texts(await say(fatima, "/mijn"))
    assert "#1: de inwoner heeft alles gewist met /vergeet" in mine and "Je hebt geen open overdrachten" in mine
    team = texts(await say(sanne, "/team"))
    assert "#1: de inwoner heeft alles gewist" in team and "bij Fatima El Amrani" in team
    assert "Er is niets meer te zien" in texts(await say(fatima, "/open 1"))
    assert "Er is niets meer te zien" in texts(await say(fatima, "/sluit 1"))
    for data in ("h|1|close", "h|1|msg", "h|1|acc"):  # an old card's buttons, pressed after the erasure
        await fatima.taps_data(data, card.message_id)
        assert "gewist" in (await fatima.callback_answered(timeout=10)).text
    code, out, _ = await run_cli("audit", "1", env={"WIJKWIJZER_DB": str(bot.store_path)})
    assert code == 0 and "de inwoner" in out and "wiste alles met /vergeet" in out, out
    assert "(de inwoner heeft alles gewist)" in out
    assert not await sanne.hears_all(quiet=0.3, timeout=1), "an accepted handoff: the coordinator is not needed"
    bot.fake.assert_clean()


async def test_the_coordinator_is_told_when_an_open_handoff_is_erased_and_nobody_for_an_unsent_one(
        bot: RunningBot) -> None:
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    sanne = await register(bot, SANNE, "sanne-bakker", "Sanne Bakker")
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await consent(bot, amira)
    await fatima.hears(timeout=10)
    await say(amira, "/vergeet")
    await tap(amira, "Ja, wis alles")
    assert "#1" in (await sanne.hears(timeout=10)).plain, "not yet accepted: the coordinator hears it too"
    assert "#1: de inwoner heeft alles gewist" in texts(await say(sanne, "/team"))

    lotte = bot.fake.user(1002, "Lotte", language_code="nl")  # offered, never consented: nobody ever saw it
    await story_until_postcode(lotte, "ik heb schulden en de deurwaarder komt")
    await say(lotte, "5341")
    await tap(lotte, "Nee, liever niet")
    await say(lotte, "/vergeet")
    await tap(lotte, "Ja, wis alles")
    heard = [m.plain for m in await fatima.hears_all(quiet=0.5, timeout=2)]
    assert not [m for m in heard if "#2" in m], heard
    bot.fake.assert_clean()


async def test_mijngegevens_shows_who_opened_and_changed_the_handoff_and_when(bot: RunningBot) -> None:
    bot.store.clock = Clock(MONDAY_1405)
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    mehmet = await register(bot, MEHMET, "mehmet-yilmaz", "Mehmet Yilmaz")
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await consent(bot, amira)
    await fatima.hears(timeout=10)
    await say(fatima, "/open 1")
    await tap(fatima, "Geef door aan collega")
    await tap(fatima, "Mehmet Yilmaz")
    await mehmet.hears(timeout=10)
    await tap(mehmet, "Ik pak dit op")
    await amira.hears(timeout=10)

    shown = texts(await say(amira, "/mijngegevens"))
    at = "maandag 23 november om 14:05"
    assert "Wie van het wijkteam je verhaal zag of veranderde" in shown
    for line in (f"{at}: Fatima El Amrani (Wijkcoach) kreeg je verhaal",
                 f"{at}: Fatima El Amrani (Wijkcoach) bekeek je verhaal",
                 f"{at}: Fatima El Amrani (Wijkcoach) gaf je verhaal door",
                 f"{at}: Mehmet Yilmaz (Schuldhulpverlener) kreeg je verhaal",
                 f"{at}: Mehmet Yilmaz (Schuldhulpverlener) pakte je verhaal op"):
        assert line in shown, line
    for internal in ("fatima-el-amrani", "staff:", "UTC", "13:05"):
        assert internal not in shown, internal

    await say(amira, "/taal en")
    assert "Monday 23 November at 14:05: Fatima El Amrani (Wijkcoach) looked at your story" in texts(
        await say(amira, "/mydata"))
    bot.fake.assert_clean()


async def test_a_team_member_can_be_invited_as_a_professional(bot: RunningBot) -> None:
    env = {"WIJKWIJZER_DB": str(bot.store_path), "WIJKWIJZER_BOT_USERNAME": "wijkwijzer_test_bot"}
    code, link, err = await run_cli("invite", "mehmet-yilmaz", "--role", "professional", env=env)
    assert code == 0 and "start=i-" in link, err
    code, _, err = await run_cli("invite", "nobody-here", "--role", "professional", env=env)
    assert code == 1 and "not a professional or a member of a team" in err
    mehmet = bot.fake.user(MEHMET, "Mehmet", language_code="nl")
    welcome = texts(await say(mehmet, "/start " + link.strip().split("start=")[1]))
    assert "Welkom, Mehmet Yilmaz" in welcome and "/zoek" in welcome and "/mijn" not in welcome
    assert "Je bent Mehmet Yilmaz, Schuldhulpverlener bij Wijkteam Noord" in texts(await say(mehmet, "/wiebenik"))
    assert "De juiste persoon" in texts(await say(mehmet, "/zoek schulden 5341"))
    bot.fake.assert_clean()


async def test_the_staff_help_lists_every_staff_command_there_is(bot: RunningBot) -> None:
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    shown = texts(await say(fatima, "/help"))
    staff_commands = [c.name for c in commands.COMMANDS if c.audience in (commands.STAFF, commands.PROFESSIONAL)]
    assert {"zoek", "wie", "overdracht", "mijn", "open", "sluit", "team", "wiebenik", "meldingen"} <= set(
        staff_commands)
    for name in staff_commands:
        assert re.search(rf"^/{name}\b", shown, re.M), name
    registered = set(commands.names())  # what the PTB CommandHandler listens to
    assert set(staff_commands) <= registered
    jeroen = await professional(bot)
    pro = texts(await say(jeroen, "/help"))
    for name in ("zoek", "wie", "overdracht", "wiebenik"):
        assert f"/{name}" in pro
    assert "/mijn" not in pro and "/meldingen" not in pro
    bot.fake.assert_clean()


async def test_reports_are_closed_by_the_coordinator_and_on_the_command_line(bot: RunningBot) -> None:
    env = {"WIJKWIJZER_DB": str(bot.store_path)}
    resident = bot.fake.user(1001, "Amira", language_code="nl")
    await story_until_postcode(resident, "ik heb schulden en de deurwaarder komt")
    await say(resident, "5341")
    await tap(resident, "Klopt er iets niet?")
    await tap(resident, "Schuldhulpverlening")
    await tap(resident, "Bestaat niet meer")
    jeroen = await professional(bot)
    await say(jeroen, "/zoek schulden 5341")
    await tap(jeroen, "Klopt er iets niet?")
    await tap(jeroen, "Fatima El Amrani")
    await tap(jeroen, "Verkeerd nummer")

    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    assert "voor de coördinator" in texts(await say(fatima, "/meldingen"))
    await fatima.taps_data("rc|1")
    assert "coördinator" in (await fatima.callback_answered(timeout=10)).text
    sanne = await register(bot, SANNE, "sanne-bakker", "Sanne Bakker")
    listed = texts(await say(sanne, "/meldingen"))
    assert "Open meldingen (2 meldingen" in listed
    assert "#1 Schuldhulpverlening: Bestaat niet meer" in listed and "van een inwoner" in listed
    assert "#2 Fatima El Amrani: Verkeerd nummer" in listed
    assert sanne.buttons() == ["✅ #1 afgehandeld", "✅ #2 afgehandeld"]
    assert "Melding #1 is afgehandeld" in texts(await tap(sanne, "#1 afgehandeld"))
    assert "Melding #1 was al afgehandeld" in texts(await tap(sanne, "#1 afgehandeld"))
    listed = texts(await say(sanne, "/meldingen"))
    assert "(1 melding," in listed and "#1 " not in listed

    code, out, _ = await run_cli("reports", env=env)
    assert code == 0 and "#2" in out and "#1" not in out
    code, out, _ = await run_cli("reports", "--close", "2", env=env)
    assert code == 0 and "Report #2 is now closed" in out
    code, out, _ = await run_cli("reports", env=env)
    assert "No open reports." in out
    code, out, _ = await run_cli("reports", "--all", env=env)
    lines = [line for line in out.splitlines() if line.startswith("#")]
    assert len(lines) == 2 and all(" closed " in line for line in lines), out
    code, _, err = await run_cli("reports", "--close", "99", env=env)
    assert code == 1 and "No report #99" in err
    assert "geen open meldingen" in texts(await say(sanne, "/meldingen"))
    audit = [(r["actor"], r["action"], r["detail"]) for r in (await bot.store.table_rows())["audit_log"]]
    assert ("staff:sanne-bakker", "report:closed", "1") in audit and ("cli", "report:closed", "2") in audit
    assert ("staff:fatima-el-amrani", "refused", "report:close") in audit
    bot.fake.assert_clean()


async def test_the_audit_speaks_in_names_and_the_municipalitys_time(bot: RunningBot) -> None:
    bot.store.clock = Clock(MONDAY_1405)
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    await register(bot, MEHMET, "mehmet-yilmaz", "Mehmet Yilmaz")
    await consent(bot, bot.fake.user(1001, "Amira", language_code="nl"))
    await fatima.hears(timeout=10)
    await tap(fatima, "Geef door aan collega")
    await tap(fatima, "Mehmet Yilmaz")
    code, out, err = await run_cli("audit", "1", env={"WIJKWIJZER_DB": str(bot.store_path)})
    assert code == 0, err
    assert "doorgegeven aan Mehmet Yilmaz (Schuldhulpverlener)" in out
    assert "Fatima El Amrani (Wijkcoach)" in out and "kreeg de overdracht" in out
    assert "2026-11-23 14:05:00" in out and "13:05" not in out and "+00:00" not in out
    for internal in ("button:to", "staff:", "mehmet-yilmaz", "1001"):
        assert internal not in out, internal
    bot.fake.assert_clean()


async def test_counts_have_proper_plurals_and_descriptions_end_on_a_word(bot: RunningBot) -> None:
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    await story_until_postcode(amira, "ik snap een brief van de overheid niet en ik heb schulden")
    shown = texts(await say(amira, "5341"))
    assert "binnen 2 werkdagen contact" in shown and "(en)" not in shown
    services = [line for line in shown.splitlines() if line.startswith("• ")]
    cut = [line for line in services if "…" in line]
    assert cut, services
    descriptions = [s.description for s in bot.house.kb.services]
    for line in cut:
        kept = line.split(": ", 1)[1].split("…")[0]
        full = next(d for d in descriptions if d.startswith(kept))
        assert full[len(kept)] == " ", f"cut inside a word: {kept!r}"
    assert SAMPLE.exists()
    bot.fake.assert_clean()
