"""Typing instead of tapping, through the real PTB stack: labels count as buttons, 'sla over' skips anywhere,
a choice that withdraws the handoff is asked once more, and a danger is still read as a danger."""

from __future__ import annotations

from handlers.send import person as tg
from tests.conftest import RunningBot
from tests.test_resident_e2e import replies, say, tap, texts


async def progress_of(bot: RunningBot, user_id: int) -> dict:
    return (await bot.store.residents.get(tg(user_id))).progress


async def test_the_whole_check_typed_in_words_both_languages_and_with_typos(bot: RunningBot) -> None:
    ilse = bot.fake.user(2001, "Ilse", language_code="nl")
    await say(ilse, "/start")
    assert "Vraag 1 van 11" in texts(await say(ilse, "de korte check"))
    typed = [
        ("Een beetje", "Vraag 2 van 11"),  # finances: bit
        ("zwaar", "Wil je in een paar woorden"),  # work: heavy, the follow-up comes
        ("sla over", "Vraag 3 van 11"),  # the follow-up skipped, not kept as words
        ("Nee, gaat goed!", "Vraag 4 van 11"),  # housing: fine
        ("a little", "Vraag 5 van 11"),  # relationships: bit, in English
        ("overslaan", "Vraag 6 van 11"),  # parenting skipped
        ("zorgn", "Wil je in een paar woorden"),  # mental health: worry, with a typo
        ("ik slaap slecht", "Vraag 7 van 11"),  # the follow-up in own words
        ("ja, het is heel zwaar 😣", "Wil je in een paar woorden"),  # physical health: heavy, emoji and all
        ("skip", "Vraag 8 van 11"),
    ]
    for words, expected in typed:
        heard = texts(await say(ilse, words))
        assert expected in heard, (words, heard)
        assert "Tik op een knop" not in heard, words
    progress = await progress_of(bot, 2001)
    assert progress["answers"] == {"finances": 4, "work_education": 2, "housing": 5, "relationships": 4,
                                   "parenting": None, "mental_health": 3, "physical_health": 2}
    assert progress["followups"] == {"mental_health": "ik slaap slecht"}
    bot.fake.assert_clean()


async def test_sla_over_skips_free_text_questions_and_is_never_kept_as_words(bot: RunningBot) -> None:
    joost = bot.fake.user(2002, "Joost", language_code="nl")
    await say(joost, "/start")
    await tap(joost, "eigen woorden")
    await say(joost, "ik heb schulden en de deurwaarder komt steeds")
    assert "Wil je ook de korte check doen" in texts(await say(joost, "klopt"))
    assert "Wat gaat er goed" in texts(await say(joost, "nee"))
    assert "Wat zou jou nu het meest helpen" in texts(await say(joost, "Sla over."))
    after = await say(joost, "overslaan")
    assert "postcode" in texts(after).lower()
    progress = await progress_of(bot, 2002)
    assert progress["going_well"] is None and progress["would_help"] is None
    assert "Je kunt er ook" not in texts(after)
    assert "Hulp die bij je past" in texts(await say(joost, "skip"))  # the postcode skipped: whole town
    assert (await bot.store.residents.get(tg(2002))).postcode is None
    bot.fake.assert_clean()


async def story_to_the_preference(bot: RunningBot, user, story: str = "ik heb schulden en mijn zoon spijbelt"):
    await say(user, "/start")
    await say(user, "in mijn eigen woorden")
    await say(user, story)
    await say(user, "ja")  # klopt
    await say(user, "nee, ga verder")
    await say(user, "sla over")
    await say(user, "sla over")
    await say(user, "5341")
    return await say(user, "ja, geef mijn verhaal door")


async def test_contacting_them_myself_after_consenting_is_asked_once_more(bot: RunningBot) -> None:
    sara = bot.fake.user(2003, "Sara", language_code="nl")
    asked = await story_to_the_preference(bot, sara)
    assert "Hoe wil je dat" in texts(asked)
    confirm = await say(sara, "ik neem zelf contact op")
    said = texts(confirm)
    assert "niet** door" not in said and "Let op: dan geef ik je verhaal niet door aan Fatima" in said
    assert confirm[-1].button_labels() == ["Ja, ik neem zelf contact op", "Nee, geef mijn verhaal toch door"]
    assert await bot.store.handoffs.of_resident(tg(2003)) == []
    assert (await progress_of(bot, 2003))["preference"] == {}, "nothing chosen yet"
    back = texts(await tap(sara, "Nee, geef mijn verhaal toch door"))
    assert "Je verhaal blijft voor Fatima" in back and "Hoe wil je dat" in back
    assert "Op welk nummer" in texts(await say(sara, "bel mij"))  # typed, not tapped
    await sara.shares_contact("+31612345678")
    assert "Wanneer kun je het best gebeld worden" in texts(await replies(sara))
    which = await say(sara, "ochtend of middag")
    assert "Ik weet niet zeker welke je bedoelt" in texts(which)
    assert which[-1].button_labels() == ["Ochtend", "Middag"], "a kind question, never a wrong choice"
    assert await bot.store.handoffs.of_resident(tg(2003)) == []
    done = texts(await tap(sara, "Middag"))
    assert "Klaar. Fatima El Amrani krijgt je verhaal" in done and "middag" in done
    [handoff] = await bot.store.handoffs.of_resident(tg(2003))
    assert handoff.card["preference"]["daypart"] == "afternoon"
    bot.fake.assert_clean()


async def test_confirming_the_withdrawal_in_english_shares_nothing(bot: RunningBot) -> None:
    tom = bot.fake.user(2004, "Tom", language_code="en")
    await say(tom, "/start")
    await say(tom, "my own words")
    await say(tom, "I have debts and the bailiff keeps coming")
    await say(tom, "yes")
    await say(tom, "no, go on")
    await say(tom, "skip")
    await say(tom, "skip")
    await say(tom, "5341")
    assert "How would you like" in texts(await say(tom, "yes, pass on my story"))
    confirm = texts(await say(tom, "I'll contact them myself"))
    assert "then I will not pass your story on to Fatima" in confirm and "Are you sure?" in confirm
    done = texts(await say(tom, "yes"))
    assert "Nothing goes to the neighbourhood team" in done or "Nothing goes to" in done
    assert await bot.store.handoffs.of_resident(tg(2004)) == []
    assert (await progress_of(bot, 2004))["preference"] == {"kind": "self"}
    bot.fake.assert_clean()


async def test_a_danger_typed_at_a_button_question_is_read_as_danger_not_as_a_label(bot: RunningBot) -> None:
    noor = bot.fake.user(2005, "Noor", language_code="nl")
    await say(noor, "/start")
    await say(noor, "korte check")
    messages = await say(noor, "ja, heel zwaar, ik wil niet meer leven")
    said = texts(messages)
    assert "113" in messages[0].plain and "Vraag 1 van 11" in said
    progress = await progress_of(bot, 2005)
    assert progress["answers"] == {}, "the danger is not taken for the button 'Ja, het is heel zwaar'"
    assert progress["crisis"] == ["suicide"]
    assert "Vraag 2 van 11" in texts(await say(noor, "nee"))  # and the check goes on as before
    bot.fake.assert_clean()


async def test_a_question_that_needs_a_choice_says_so_kindly(bot: RunningBot) -> None:
    eva = bot.fake.user(2006, "Eva", language_code="nl")
    await say(eva, "/start")
    said = texts(await say(eva, "sla over"))
    assert "Deze vraag kun je niet overslaan" in said and "Hoe wil je beginnen?" in said
    assert "Vertel maar wat er speelt" in texts(await say(eva, "eigen woorden"))
    assert "Vraag 1 van 11" in texts(await say(eva, "sla over")), "skipping the story: the check instead"
    assert (await progress_of(bot, 2006))["story"] is None
    bot.fake.assert_clean()


async def test_a_reports_lists_are_answered_by_typing_a_name_and_a_kind(bot: RunningBot) -> None:
    """The 'which one is wrong?' and 'what is wrong?' lists of a report take typed labels like every question."""
    from tests.test_resident_e2e import story_until_postcode

    resident = bot.fake.user(4455, "Amira", language_code="nl")
    await story_until_postcode(resident, "ik heb schulden en de deurwaarder komt")
    await say(resident, "5341")
    await tap(resident, "Klopt er iets niet?")
    asked = texts(await say(resident, "schuldhulpverlening"))  # typed instead of tapping the service
    assert "Wat klopt er niet" in asked, asked
    assert "Dank je!" in texts(await say(resident, "bestaat niet meer")), "the typed kind is the report"
    reports = await bot.store.reports.open()
    assert [(r.reporter, r.kind, r.target) for r in reports] == [("resident", "closed", "schuldhulp-voorbeeldstad")]
    again = texts(await say(resident, "bestaat niet meer"))  # that list was answered: the offer's question is next
    assert "Dank je!" not in again and "Mag ik je verhaal aan Fatima geven?" in again
    assert len(await bot.store.reports.open()) == 1
    bot.fake.assert_clean()
