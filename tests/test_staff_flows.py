"""The wijkteam's side of a handoff at the flows floor: the card, its buttons, the staff's commands. No Telegram."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from flows.lifecycle import OPEN
from knowledge.model import KnowledgeBase
from tests.floor import MONDAY_9, Someone, Town, consent, labels, text, town, waiting_for

WAITING_BUTTONS = ["✅ Ik pak dit op", "👥 Geef door aan collega", "↩️ Niet voor mij"]
REFUSED = "Deze overdracht is niet voor jou."
STALE = "Deze knop is niet meer geldig; de overdracht is al verder."


def card_for(member: Someone, handoff_id: int = 1) -> str:
    """The one card of a handoff the member heard, as text."""
    [card] = [r for r in member.hears() if str(r.text).startswith(f"Overdracht #{handoff_id}") and r.choices]
    return str(card.text)


async def accepted(noord: Town, preference: str = "Via een bericht") -> tuple[Someone, Someone]:
    """Amira agreed, Fatima accepted: (fatima, amira)."""
    fatima = await noord.staff("fatima-el-amrani")
    amira = noord.resident("amira")
    await consent(amira, preference)
    await fatima.taps("Ik pak dit op")
    fatima.hears()  # the card and its picture
    return fatima, amira


async def test_the_card_a_member_gets(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    await consent(noord.resident("amira"))
    [card, picture] = fatima.hears()
    assert labels(card) == WAITING_BUTTONS
    lines = str(card.text).split("\n")
    assert lines[0] == "Overdracht #1"
    assert lines[1].startswith("Contact: met een bericht via de bot")
    assert lines[2] == "Graag oppakken vóór 25-11 09:00.", "48 working hours after Monday 09:00"
    assert "Van: een inwoner, via Wijkwijzer" in lines and "Wijk: Noord (5341) · Taal: Nederlands" in lines
    assert any(line.startswith("• Geld en schulden: ") for line in lines)
    assert "Eigen woorden: " + "de deurwaarder staat steeds voor de deur en mijn zoon spijbelt" in lines
    assert "Wat goed gaat: mijn moeder helpt" in lines
    assert "Wat zou helpen (volgens de inwoner): iemand die meedenkt" in lines
    assert str(card.text) == str(noord.house.renderer.card(await noord.handoff(1)).text), "rendered by the renderer"
    assert (str(picture.text), picture.picture) == ("Het plaatje bij overdracht #1.", b"\x89PNG fake")
    assert ("staff:fatima-el-amrani", "delivered:card") in await noord.trail(1)
    assert await noord.statuses() == ["proposed", "sent"]


async def test_accept_tells_the_resident_by_name_and_sets_the_follow_up(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    amira = noord.resident("amira")
    await consent(amira, "Bel mij")
    noord.clock.now = MONDAY_9 + timedelta(hours=2)
    answer = await fatima.taps("Ik pak dit op")
    assert text(answer) == "Je hebt overdracht #1 opgepakt. De inwoner hoort het van mij."
    assert labels(answer.replies[0]) == ["Afsluiten"], "a phone call: no messages through the bot"
    told = "Fatima heeft je verhaal gelezen. Fatima belt je binnenkort, het liefst in de ochtend."
    assert text(amira.hears()) == told
    handoff = await noord.handoff(1)
    assert (handoff.status, handoff.member_id) == ("accepted", "fatima-el-amrani")
    assert handoff.accepted_at == noord.clock.now
    assert handoff.followup_at == noord.clock.now + timedelta(days=5)
    assert await noord.statuses() == ["proposed", "sent", "accepted"]
    assert ("staff:fatima-el-amrani", "button:acc") in await noord.trail(1)


async def test_accept_by_message_offers_to_write_to_the_resident(noord: Town) -> None:
    fatima, amira = await accepted(noord)
    assert labels(fatima.seen[-1]) == ["💬 Stuur bericht aan inwoner", "Afsluiten"]
    assert "Fatima stuurt je hier een bericht" in text(amira.hears())


async def test_pass_to_a_colleague_shows_open_counts_and_sends_a_fresh_card(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    mehmet = await noord.staff("mehmet-yilmaz")
    await consent(noord.resident("amira"))
    await waiting_for(noord, "mehmet-yilmaz")  # Mehmet already has one open handoff
    answer = await fatima.taps("Geef door aan collega")
    assert text(answer) == "Aan wie geef je overdracht #1 door?"
    assert labels(answer.replies[0]) == [
        "Sanne Bakker, Coördinator (0 open)", "Mehmet Yilmaz, Schuldhulpverlener (1 open)",
        "Anouk de Vries, GGZ-consulent (0 open)", "Piet Jansen, Wijkverpleegkundige (0 open)"]
    assert text(await fatima.taps("Mehmet Yilmaz")) == "Overdracht #1 is doorgegeven aan Mehmet Yilmaz."
    card = card_for(mehmet)
    assert "Doorgegeven door Fatima El Amrani." in card and "de deurwaarder" in card
    handoff = await noord.handoff(1)
    assert (handoff.member_id, handoff.status) == ("mehmet-yilmaz", "sent")
    assert await noord.statuses() == ["proposed", "sent", "reassigned", "sent"]
    old = await fatima.presses("h|1|acc")
    assert old.toast == REFUSED, "Fatima's old card no longer works"
    assert (await noord.handoff(1)).status == "sent"


async def test_not_for_me_goes_back_to_the_coordinator_with_the_reason_on_the_card(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    sanne = await noord.staff("sanne-bakker")
    await consent(noord.resident("amira"))
    asked = await fatima.taps("Niet voor mij")
    assert "Waarom is overdracht #1 niet voor jou?" in text(asked)
    assert text(await fatima.says("ik ben drie weken met verlof")) == "Overdracht #1 is terug bij Sanne Bakker."
    [card] = [r for r in sanne.hears() if r.choices]
    assert "Doorgegeven door Fatima El Amrani. Reden: ik ben drie weken met verlof" in str(card.text)
    assert labels(card) == WAITING_BUTTONS[:2], "the coordinator cannot say 'not for me'"
    assert (await noord.handoff(1)).member_id == "sanne-bakker"
    assert ("staff:fatima-el-amrani", "declined") in await noord.trail(1)
    assert text(await fatima.says("nog iets")).startswith("Wijkwijzer voor het wijkteam"), "the reason is taken once"


async def test_close_with_an_outcome(noord: Town) -> None:
    fatima, _ = await accepted(noord)
    outcomes = await fatima.taps("Afsluiten")
    assert text(outcomes) == "Hoe sluit je overdracht #1 af?"
    assert labels(outcomes.replies[0]) == ["Contact gehad", "Warm doorgegeven", "Geen contact mogelijk",
                                           "Inwoner wil geen hulp", "Anders (met notitie)"]
    assert text(await fatima.taps("Contact gehad")) == "Overdracht #1 is afgesloten: Contact gehad."
    events = await noord.store.handoffs.events(1)
    assert [(e.to_status, e.note) for e in events][-1] == ("closed", "contact")
    assert (await fatima.presses("h|1|end|contact")).toast == STALE


async def test_close_with_other_and_a_note(noord: Town) -> None:
    fatima, _ = await accepted(noord)
    await fatima.taps("Afsluiten")
    assert "Typ een korte notitie" in text(await fatima.taps("Anders"))
    assert (await noord.handoff(1)).status == "accepted", "not closed before the note"
    closed = await fatima.says("verhuisd naar een andere stad")
    assert text(closed) == "Overdracht #1 is afgesloten: verhuisd naar een andere stad."
    events = await noord.store.handoffs.events(1)
    assert [(e.to_status, e.note) for e in events][-1] == ("closed", "other: verhuisd naar een andere stad")


async def test_messages_go_both_ways_when_the_resident_chose_messages(noord: Town) -> None:
    fatima, amira = await accepted(noord)
    amira.hears()
    assert "Typ je bericht voor de inwoner" in text(await fatima.taps("Stuur bericht aan inwoner"))
    sent = await fatima.says("Hoi Amira, zal ik je morgen bellen?")
    assert text(sent) == "Je bericht voor overdracht #1 is verstuurd."
    assert text(amira.hears()) == "Bericht van Fatima (Wijkteam Noord):\nHoi Amira, zal ik je morgen bellen?"
    assert text(await amira.says("ja graag, na 10 uur")) == "Ik heb je bericht doorgestuurd."
    [back] = fatima.hears()
    assert str(back.text) == "Bericht van de inwoner (overdracht #1):\nja graag, na 10 uur"
    assert labels(back) == ["💬 Stuur bericht aan inwoner"]
    assert ("staff:fatima-el-amrani", "message_to_resident") in await noord.trail(1)
    relays = [i for i in await noord.store.outbox.items(1) if i.kind == "relay"]
    assert len(relays) == 2 and all(i.payload == {} for i in relays), "relayed words are not kept"


async def test_no_messages_when_the_resident_wants_a_call(noord: Town) -> None:
    fatima, amira = await accepted(noord, "Bel mij")
    amira.hears()
    assert (await fatima.presses("h|1|msg")).toast == STALE
    assert "doorgestuurd" not in text(await amira.says("hallo, wanneer belt u?"))
    assert fatima.hears() == [] and amira.hears() == []
    assert [i for i in await noord.store.outbox.items(1) if i.kind == "relay"] == []


async def test_no_messages_before_the_handoff_is_accepted(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    amira = noord.resident("amira")
    await consent(amira)
    fatima.hears()
    assert "doorgestuurd" not in text(await amira.says("is er al iemand?"))
    assert (await fatima.presses("h|1|msg")).toast == STALE
    assert fatima.hears() == []


async def test_forged_foreign_and_stale_buttons_are_refused_and_audited(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    mehmet = await noord.staff("mehmet-yilmaz")
    amira = noord.resident("amira")
    await consent(amira)
    stranger = noord.resident("mallory")
    for someone, data in ((stranger, "h|1|acc"), (amira, "h|1|acc"), (mehmet, "h|1|acc"), (mehmet, "h|1|to|0"),
                          (mehmet, "h|99|acc"), (mehmet, "h|x|acc"), (mehmet, "h|1")):
        answer = await someone.presses(data)
        assert (answer.toast, answer.replies) == (REFUSED, []), data
    assert (await noord.handoff(1)).status == "sent"
    assert [a for a in await noord.trail(1) if a[1] == "refused"] == [("staff:mehmet-yilmaz", "refused")] * 2
    assert [a for a in await noord.trail(99) if a[1] == "refused"] == [("staff:mehmet-yilmaz", "refused")]
    assert await noord.trail(None) == [("test:mallory", "refused"), ("test:amira", "refused"),
                                       ("staff:mehmet-yilmaz", "refused"), ("staff:mehmet-yilmaz", "refused")]

    for data in ("h|1|to|99", "h|1|to|x", "h|1|end|contact", "h|1|close", "h|1|zzz"):
        answer = await fatima.presses(data)
        assert answer.toast == STALE, data
    await fatima.taps("Ik pak dit op")
    again = await fatima.presses(fatima.button("Ik pak dit op"))
    assert again.toast == STALE
    assert await noord.statuses() == ["proposed", "sent", "accepted"], "accepted once"


async def test_the_coordinator_may_act_on_a_members_handoff(noord: Town) -> None:
    await noord.staff("fatima-el-amrani")
    sanne = await noord.staff("sanne-bakker")
    await consent(noord.resident("amira"))
    assert "Je hebt overdracht #1 opgepakt" in text(await sanne.presses("h|1|acc"))
    assert (await noord.handoff(1)).member_id == "sanne-bakker"


async def test_removed_or_inactive_members_lose_access(tmp_path: Path, sample_kb: KnowledgeBase) -> None:
    teams = tuple(replace(t, members=tuple(replace(m, active=False) if m.id == "fatima-el-amrani" else m
                                           for m in t.members)) for t in sample_kb.teams)
    async with town(tmp_path, replace(sample_kb, teams=teams)) as noord:
        assert noord.kb.member("fatima-el-amrani").active is False
        fatima = await noord.staff("fatima-el-amrani")
        ghost = await noord.staff("left-the-team")
        await waiting_for(noord, "fatima-el-amrani")  # sent to Fatima before she went on leave
        for someone in (fatima, ghost):
            assert (await someone.presses("h|1|acc")).toast == REFUSED
            assert "Overdracht" not in text(await someone.says("/open 1"))
            assert "Wijkwijzer voor het wijkteam" not in text(await someone.says("/mijn"))
            assert "niet geregistreerd" in text(await someone.says("/wiebenik"))
        assert (await noord.handoff(1)).status == "sent"
        assert noord.house.router.staff_actions.may_act("fatima-el-amrani", await noord.handoff(1)) is False


async def test_mijn_lists_my_open_handoffs_oldest_first(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    assert text(await fatima.says("/mijn")) == "Je hebt geen open overdrachten."
    await consent(noord.resident("amira"))
    noord.clock.now = MONDAY_9 + timedelta(hours=3)
    await waiting_for(noord, "fatima-el-amrani", urgent=True)
    noord.clock.now = MONDAY_9 + timedelta(hours=5)
    mine = text(await fatima.says("/mijn")).split("\n")
    assert mine[0] == "Je open overdrachten (oudste eerst)"
    assert mine[1].startswith("#1 verstuurd, 5 werkuur: ") and "geld en schulden" in mine[1]
    assert mine[2] == "#2 🔴 verstuurd, nog 2 uur (klokuren): hoe je je voelt", "urgent: clock hours"
    noord.clock.now = MONDAY_9 + timedelta(days=2)
    mine = text(await fatima.says("/mijn"))
    assert "#1 verstuurd, 2 dagen:" in mine and "(en)" not in mine
    assert "#2 🔴 verstuurd, 41 uur te laat (klokuren):" in mine, "urgent: clock hours past its deadline"


async def test_team_is_for_the_coordinator_only(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    sanne = await noord.staff("sanne-bakker")
    marco = await noord.staff("marco-de-groot")
    await consent(noord.resident("amira"))
    assert text(await fatima.says("/team")) == "/team is voor de coördinator van een team."
    overview = text(await sanne.says("/team")).split("\n")
    assert overview[0] == "Open overdrachten van Wijkteam Noord"
    assert overview[1].startswith("#1 verstuurd") and overview[1].endswith(" — bij Fatima El Amrani")
    assert text(await marco.says("/team")) == "Je team heeft geen open overdrachten."


async def test_open_shows_the_card_again_and_is_audited(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    sanne = await noord.staff("sanne-bakker")
    mehmet = await noord.staff("mehmet-yilmaz")
    await consent(noord.resident("amira"))
    [card] = await fatima.says("/open 1")
    assert str(card.text) == str(noord.house.renderer.card(await noord.handoff(1)).text)
    assert labels(card) == WAITING_BUTTONS
    assert "Overdracht #1" in text(await sanne.says("/open 1")), "the coordinator may look"
    for nope in ("/open 1", "/open 99", "/open abc", "/open"):
        assert text(await mehmet.says(nope)) == "Die overdracht bestaat niet of is niet voor jou."
    trail = await noord.trail(1)
    assert ("staff:fatima-el-amrani", "view") in trail and ("staff:sanne-bakker", "view") in trail
    assert ("staff:mehmet-yilmaz", "refused") in trail
    assert await noord.trail(None) == [("staff:mehmet-yilmaz", "refused")] * 3


async def test_sluit_asks_for_the_outcome_of_an_accepted_handoff(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    mehmet = await noord.staff("mehmet-yilmaz")
    await consent(noord.resident("amira"))
    assert text(await fatima.says("/sluit 1")) == "Je kunt alleen een overdracht afsluiten die je hebt opgepakt."
    assert text(await mehmet.says("/sluit 1")) == "Die overdracht bestaat niet of is niet voor jou."
    assert text(await fatima.says("/sluit 7")) == "Die overdracht bestaat niet of is niet voor jou."
    await fatima.taps("Ik pak dit op")
    asked = await fatima.says("/sluit 1")
    assert text(asked) == "Hoe sluit je overdracht #1 af?" and "Inwoner wil geen hulp" in labels(asked[0])
    assert text(await fatima.taps("Inwoner wil geen hulp")) == "Overdracht #1 is afgesloten: Inwoner wil geen hulp."
    assert await noord.store.handoffs.where(OPEN, member_id="fatima-el-amrani") == []
