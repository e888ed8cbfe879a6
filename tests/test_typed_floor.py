"""Typed answers at the flows floor: every button question, danger first, withdrawal confirmed, old buttons stale."""

from __future__ import annotations

from tests.floor import STORY, Town, text


async def to_the_offer(town: Town, name: str):
    amira = town.resident(name)
    await amira.says("/start")
    await amira.says("eigen woorden")
    await amira.says(STORY)
    await amira.says("klopt")
    await amira.says("nee ga verder")
    await amira.says("sla over")
    await amira.says("skip")
    offer = text(await amira.says("5341"))
    assert "Mag ik je verhaal aan Fatima geven?" in offer
    return amira


async def test_a_danger_at_the_offer_is_read_as_danger_and_nothing_is_chosen(noord: Town) -> None:
    amira = await to_the_offer(noord, "a1")
    said = text(await amira.says("ja, geef het maar door, ik wil niet meer leven"))
    assert "113" in said and "Mag ik je verhaal aan Fatima geven?" in said
    resident = await noord.store.residents.get(amira.person)
    assert resident.progress["step"] == "offer" and resident.progress["crisis"] == ["suicide"]


async def test_no_at_the_offer_typed_declines_and_nothing_is_shared(noord: Town) -> None:
    amira = await to_the_offer(noord, "a2")
    said = text(await amira.says("Nee, liever niet."))
    assert "Er gaat niets naar het wijkteam" in said
    assert await noord.store.handoffs.of_resident(amira.person) == []


async def test_withdrawing_asks_first_and_the_old_preference_buttons_go_stale(noord: Town) -> None:
    amira = await to_the_offer(noord, "a3")
    await amira.says("ja")
    old_self = amira.button("zelf contact")
    asked = text(await amira.taps("zelf contact"))
    assert "niet door aan Fatima" in asked and "Weet je het zeker?" in asked
    stale = await amira.presses(old_self)  # the same old button again: asks the current question once more
    assert "Weet je het zeker?" in text(stale)
    kept = text(await amira.says("nee"))
    assert "Je verhaal blijft voor Fatima" in kept and "Hoe wil je dat" in kept
    done = text(await amira.says("via een bericht"))
    assert "Klaar. Fatima El Amrani krijgt je verhaal" in done
    assert len(await noord.store.handoffs.of_resident(amira.person)) == 1


async def test_skip_at_the_phone_question_goes_back_to_the_choice_of_contact(noord: Town) -> None:
    amira = await to_the_offer(noord, "a4")
    await amira.says("ja")
    assert "Op welk nummer" in text(await amira.says("bel mij"))
    back = await amira.says("sla over")
    assert "dan geen telefoonnummer" in text(back) and back[0].clear_keyboard
    assert "Hoe wil je dat" in text(back)
    assert (await noord.store.residents.get(amira.person)).progress["preference"] == {}


async def test_after_the_handoff_sla_over_is_not_relayed(noord: Town) -> None:
    amira = await to_the_offer(noord, "a5")
    await amira.says("ja")
    await amira.says("bericht")
    relay = noord.router.resident.relay
    passed_on: list[str] = []
    original = relay.from_resident

    async def recording(person, words):
        passed_on.append(words)
        return await original(person, words)

    relay.from_resident = recording
    said = text(await amira.says("sla over"))
    assert "We zijn klaar met dit gesprek" in said and passed_on == []
    await amira.says("de deurwaarder was er weer")  # real words after the handoff are offered to Fatima
    assert passed_on == ["de deurwaarder was er weer"]


class _SureOfDanger:
    """A second opinion that reads acute danger in every message (to test what the flow does with it)."""

    def judge(self, words):
        from knowledge.crisis.second_opinion import Opinion

        return Opinion(0.99, "suicide", tuple(forms[0] for forms in words[:2]))


async def test_a_typed_button_label_is_an_answer_even_when_the_model_alone_reads_danger(
    noord: Town, monkeypatch
) -> None:
    """'bel mij' or 'ja' typed at a question is its answer; the model alone judged only a label's words.
    Words that are no label still get the crisis answer, and the concepts' dangers always do."""
    import knowledge.matcher

    amira = await to_the_offer(noord, "a5")
    monkeypatch.setattr(knowledge.matcher, "second_opinion", lambda: _SureOfDanger())
    said = text(await amira.says("ja"))
    assert "113" not in said and "Hoe wil je dat" in said
    said = text(await amira.says("ik weet echt niet meer hoe het verder moet"))
    assert "113" in said
    resident = await noord.store.residents.get(amira.person)
    assert resident.progress["crisis"] == ["suicide"]
