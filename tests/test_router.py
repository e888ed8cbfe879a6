"""Who is talking, at the flows floor (residents, wijkteam staff, professionals, strangers), and which flow answers."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from flows.accounts import create_invite
from knowledge.model import KnowledgeBase
from store import Person
from tests.floor import MONDAY_9, Town, consent, text, town

NOT_FOR_STRANGERS = "alleen voor geregistreerde professionals"
STAFF_HELP = "Wijkwijzer voor het wijkteam"
PRO_HELP = "Wijkwijzer voor professionals"
STALE_TOAST = "Deze knop hoort bij een oudere vraag. We gaan verder waar je was."


def contact_details(kb: KnowledgeBase) -> set[str]:
    """Every phone number and e-mail address of a staff member or professional (the police's is public)."""
    people = [m for t in kb.teams for m in t.members] + list(kb.professionals)
    return {value for p in people for value in (p.phone, p.email) if value} - {"0900-8844"}


async def test_someone_unknown_gets_the_resident_conversation(noord: Town) -> None:
    stranger = noord.resident("amira")
    welcome = text(await stranger.says("/start"))
    assert "Wijkwijzer" in welcome and "112" in welcome
    assert STAFF_HELP not in welcome and PRO_HELP not in welcome
    assert await noord.store.residents.get(Person("test", "amira")) is not None
    assert await noord.store.accounts.get(Person("test", "amira")) is None


async def test_staff_and_professionals_never_enter_the_resident_conversation(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    jeroen = await noord.professional("jeroen-smit")
    assert STAFF_HELP in text(await fatima.says("/start"))
    assert STAFF_HELP in text(await fatima.says("ik heb schulden"))
    assert PRO_HELP in text(await jeroen.says("/start"))
    assert PRO_HELP in text(await jeroen.says("hallo"))
    assert PRO_HELP in text(await jeroen.says("/mijn")), "staff commands are not for professionals"
    assert (await noord.store.table_rows())["residents"] == []


async def test_wiebenik_for_staff_professional_and_stranger(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    sanne = await noord.staff("sanne-bakker")
    jeroen = await noord.professional("jeroen-smit")
    stranger = noord.resident("mallory")
    assert text(await fatima.says("/wiebenik")) == "Je bent Fatima El Amrani, Wijkcoach in Wijkteam Noord. "
    assert text(await sanne.says("/wiebenik")).endswith("Je bent coördinator van dit team.")
    assert text(await jeroen.says("/wiebenik")) == "Je bent Jeroen Smit, Wijkagent bij Politie."
    assert text(await stranger.says("/wiebenik")) == (
        "Je bent niet geregistreerd als medewerker. Voor hulp als inwoner: typ /start.")
    assert await noord.store.residents.get(stranger.person) is None, "nothing stored for asking"


async def test_an_invite_link_works_once(noord: Town) -> None:
    code = await create_invite(noord.store, "fatima-el-amrani", "staff")
    fatima = noord.resident("fatima")
    welcome = await fatima.says(f"/start {code}")
    assert text(welcome[:1]) == ("Welkom, Fatima El Amrani. Je account is nu gekoppeld aan Wijkwijzer. "
                                 "Je krijgt hier overdrachten van inwoners.")
    assert STAFF_HELP in text(welcome[1:])
    account = await noord.store.accounts.get(fatima.person)
    assert (account.kb_id, account.role) == ("fatima-el-amrani", "staff")
    assert "al gebruikt" in text(await noord.resident("someone").says(f"/start {code}"))
    assert "al gebruikt" in text(await fatima.says(f"/start {code}"))
    rows = await noord.store.table_rows()
    assert code not in repr(rows), "only the hash of a code is stored"
    assert ("staff:fatima-el-amrani", "invite:ok") in await noord.trail(None)
    assert ("test:someone", "invite:used") in await noord.trail(None)


async def test_a_professional_invite_gives_the_professionals_help(noord: Town) -> None:
    code = await create_invite(noord.store, "jeroen-smit", "professional")
    welcome = text(await noord.resident("jeroen").says(f"/start {code}"))
    assert "Welkom, Jeroen Smit" in welcome and PRO_HELP in welcome and "/zoek" in welcome


async def test_invites_expire_after_seven_days_and_made_up_codes_are_unknown(noord: Town) -> None:
    code = await create_invite(noord.store, "mehmet-yilmaz", "staff")
    noord.clock.now = MONDAY_9 + timedelta(days=7)
    mehmet = noord.resident("mehmet")
    assert text(await mehmet.says(f"/start {code}")) == (
        "Deze uitnodiging is verlopen. Vraag je coördinator om een nieuwe.")
    assert text(await mehmet.says("/start i-madeUpCode123")) == (
        "Deze code ken ik niet. Vraag je coördinator om een nieuwe uitnodiging.")
    assert await noord.store.accounts.get(mehmet.person) is None
    assert [action for _, action in await noord.trail(None)] == ["invite:expired", "invite:unknown"]
    fresh = await create_invite(noord.store, "mehmet-yilmaz", "staff")
    noord.clock.now += timedelta(days=7) - timedelta(seconds=1)
    assert "Welkom, Mehmet Yilmaz" in text(await mehmet.says(f"/start {fresh}")), "valid until the last second"


async def test_a_start_that_is_not_an_invite_starts_the_conversation(noord: Town) -> None:
    resident = noord.resident("amira")
    assert "Wijkwijzer" in text(await resident.says("/start flyer-bibliotheek"))
    assert (await noord.store.residents.get(resident.person)).progress["source"] == "flyer-bibliotheek"


@pytest.mark.parametrize("command", ["/zoek schulden 5341", "/zoek fatma", "/wie 5341", "/overdracht"])
async def test_professional_commands_are_refused_politely_for_strangers(
        noord: Town, sample_kb: KnowledgeBase, command: str) -> None:
    stranger = noord.resident("mallory")
    answer = text(await stranger.says(command))
    assert NOT_FOR_STRANGERS in answer
    assert sorted(s for s in contact_details(sample_kb) if s in answer) == []
    assert await noord.store.residents.get(stranger.person) is None, "nothing stored"
    assert await noord.store.accounts.get(stranger.person) is None


async def test_a_stranger_sees_public_service_information_only(noord: Town, sample_kb: KnowledgeBase) -> None:
    stranger = noord.resident("mallory")
    answer = text(await stranger.says("/zoek schulden 5341"))
    assert "Schuldhulpverlening" in answer, "the public service information is shown"
    assert "Fatima" not in answer and "Mehmet" not in answer
    for command in ("/mijn", "/open 1", "/sluit 1", "/team"):
        said = text(await stranger.says(command))
        assert STAFF_HELP not in said and not [s for s in contact_details(sample_kb) if s in said]


async def test_staff_text_goes_to_the_reason_the_bot_asked_for(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    await consent(noord.resident("amira"))
    assert STAFF_HELP in text(await fatima.says("ik ben drie weken met verlof")), "nothing asked: the help"
    await fatima.taps("Niet voor mij")
    assert (await noord.store.accounts.get(fatima.person)).state == {"reason_for": 1}
    assert "terug bij Sanne Bakker" in text(await fatima.says("ik ben drie weken met verlof"))
    assert (await noord.store.accounts.get(fatima.person)).state == {}, "the reason is taken once"


async def test_staff_text_goes_to_the_closing_note_and_the_relay(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    amira = noord.resident("amira")
    await consent(amira)
    await fatima.taps("Ik pak dit op")
    await fatima.taps("Stuur bericht aan inwoner")
    assert "verstuurd" in text(await fatima.says("ik bel je morgen"))
    assert "ik bel je morgen" in text(amira.hears())
    await fatima.taps("Afsluiten")
    await fatima.taps("Anders")
    assert "afgesloten: verhuisd" in text(await fatima.says("verhuisd"))


async def test_staff_text_for_a_handoff_that_moved_on_changes_nothing(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    sanne = await noord.staff("sanne-bakker")
    await consent(noord.resident("amira"))
    await fatima.taps("Niet voor mij")
    await fatima.taps("Ik pak dit op")  # changed her mind
    assert text(await fatima.says("ik ben met verlof")) == "Deze overdracht is al verder; ik heb niets veranderd."
    await sanne.presses("h|1|close")
    await sanne.presses("h|1|end|other")  # the coordinator was asked for a note, then closed it another way
    await sanne.presses("h|1|close")
    await sanne.presses("h|1|end|contact")
    assert text(await sanne.says("een notitie te laat")) == "Deze overdracht is al verder; ik heb niets veranderd."
    assert await noord.statuses() == ["proposed", "sent", "accepted", "closed"]


async def test_a_form_button_without_a_form_is_stale(noord: Town) -> None:
    jeroen = await noord.professional("jeroen-smit")
    fatima = await noord.staff("fatima-el-amrani")
    stranger = noord.resident("mallory")
    for someone in (jeroen, fatima, stranger):
        answer = await someone.presses("o|agreed")
        assert answer.replies == [] and answer.toast == STALE_TOAST
    assert (await noord.store.table_rows())["handoffs"] == []


async def test_buttons_nobody_made_are_stale_for_a_stranger(noord: Town) -> None:
    stranger = noord.resident("mallory")
    for data in ("x" * 64, "|", "zz|1", "3|fine"):
        answer = await stranger.presses(data)
        assert text(answer) == "Deze knop is niet meer geldig. Typ /start om te beginnen.", data
    assert await noord.store.residents.get(stranger.person) is None


async def test_a_professional_removed_from_the_knowledge_base_loses_access(
        tmp_path: Path, sample_kb: KnowledgeBase) -> None:
    without = replace(sample_kb, professionals=tuple(p for p in sample_kb.professionals if p.id != "jeroen-smit"))
    async with town(tmp_path, without) as noord:
        jeroen = await noord.professional("jeroen-smit")
        assert "niet meer in de kennisbank" in text(await jeroen.says("/wiebenik"))
        answer = text(await jeroen.says("/zoek schulden 5341"))
        assert sorted(s for s in contact_details(sample_kb) if s in answer) == []


async def test_vergeet_leaves_no_trace_of_a_residents_refused_buttons_or_invites(noord: Town) -> None:
    await noord.staff("fatima-el-amrani")
    amira = noord.resident("amira")
    await consent(amira)
    assert (await amira.presses("h|1|acc")).toast == "Deze overdracht is niet voor jou."
    await amira.says("/start i-madeUpCode123")
    await amira.says("/vergeet")
    assert "Alles is gewist" in text(await amira.taps("Ja, wis alles"))
    assert "amira" not in repr(await noord.store.table_rows())
