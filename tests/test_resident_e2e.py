"""A resident talks to the real PTB Application through the fake Bot API, as on Telegram."""

from __future__ import annotations

import json

from handlers.send import person as tg
from testing.fakebot import FakeUser, image_size
from tests.conftest import RunningBot, bot_settled


async def so_far(user: FakeUser) -> list:
    """The bot's messages to this user that the test has not read yet, without waiting."""
    return await user.hears_all(quiet=0, timeout=1)


async def replies(user: FakeUser) -> list:
    """Everything the bot answers: in-process, once it has handled every update; a bot process, until it is quiet."""
    if await bot_settled(user.fake):
        answered = await so_far(user)
        if not answered:
            raise AssertionError(user.fake.diagnose(f"the bot is done but said nothing to {user.first_name}"))
        return answered
    first = await user.hears(timeout=20)
    return [first, *await user.hears_all(quiet=0.25, timeout=20)]


async def say(user: FakeUser, text: str) -> list:
    await user.says(text)
    return await replies(user)


async def tap(user: FakeUser, label: str) -> list:
    await user.taps(label)
    await user.callback_answered(timeout=10)
    return await replies(user)


def texts(messages: list) -> str:
    return "\n".join(m.plain for m in messages)


async def story_until_postcode(user: FakeUser, story: str, going_well: str | None = None,
                               would_help: str | None = None, start: bool = True) -> None:
    """/start, tell the story, confirm it, skip the check, answer (or skip) the two open questions."""
    if start:
        await say(user, "/start")
    await tap(user, "eigen woorden")
    await say(user, story)
    await tap(user, "Klopt")
    await tap(user, "Nee, ga verder")
    for answer in (going_well, would_help):
        await (say(user, answer) if answer else tap(user, "Sla over"))


async def test_a_worried_resident_meets_one_named_person(bot: RunningBot) -> None:
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    welcome = texts(await say(amira, "/start"))
    assert (
        "Wijkwijzer" in welcome and "112" in welcome and "113" in welcome and "/privacy" in welcome
    )
    await tap(amira, "eigen woorden")
    heard = texts(
        await say(amira, "de deurwaarder staat steeds voor de deur en mijn zoon spijbelt")
    )
    assert "geld" in heard.lower() and "Klopt dat?" in heard
    await tap(amira, "Klopt")
    await tap(amira, "Nee, ga verder")
    await say(amira, "mijn moeder helpt met de kinderen")
    picture_and_postcode = await say(amira, "iemand die met me meedenkt over de rekeningen")
    assert "postcode" in texts(picture_and_postcode).lower()
    offer = texts(await say(amira, "5341"))
    assert "Eén persoon helpt je met alles: Fatima El Amrani, wijkcoach in Wijkteam Noord." in offer
    assert "Schuldhulpverlening" in offer
    await tap(amira, "Ja, geef mijn verhaal door")
    await tap(amira, "Bel mij")
    assert bot.fake.reply_keyboard_labels(amira) == ["📱 Deel mijn telefoonnummer"]
    await amira.shares_contact("+31612345678")
    await replies(amira)
    done = texts(await tap(amira, "Ochtend"))
    assert "Fatima El Amrani krijgt je verhaal" in done and "ochtend" in done
    [handoff] = await bot.store.handoffs.of_resident(tg(1001))
    assert (handoff.member_id, handoff.team_id, handoff.status) == (
        "fatima-el-amrani",
        "wijkteam-noord",
        "sent",
    )
    assert handoff.card["preference"] == {
        "kind": "phone",
        "phone": "06 1234 5678",
        "daypart": "morning",
    }
    assert handoff.card["would_help"] == "iemand die met me meedenkt over de rekeningen"
    assert handoff.card["going_well"] == "mijn moeder helpt met de kinderen"
    assert {c["domain"] for c in handoff.card["concerns"]} >= {"finances", "parenting"}
    assert not handoff.urgent
    bot.fake.assert_clean()


async def test_the_check_shows_the_picture(bot: RunningBot) -> None:
    sam = bot.fake.user(1002, "Sam", language_code="en")
    welcome = texts(await say(sam, "/start"))
    assert "I am not an emergency service" in welcome
    await tap(sam, "short check")
    for answer in ("No, it's fine", "No, it's fine", "Yes, I'm worried"):
        await tap(sam, answer)
    await say(sam, "the rent went up again")  # the follow-up for housing, in my own words
    for typed in ("1", "skip", "no", "a bit", "1", "1", "nee", "1"):
        await say(sam, typed)
    await tap(sam, "Skip")
    messages = await say(sam, "help with the landlord")
    [photo] = [m for m in messages if m.photo]
    assert image_size(photo.photo)[0] == 800  # the picture itself: tests/test_picture.py
    assert "Your picture" in photo.plain and "What weighs most right now: housing" in photo.plain
    progress = (await bot.store.residents.get(tg(1002))).progress
    assert progress["answers"]["housing"] == 3 and progress["answers"]["parenting"] is None
    assert progress["followups"] == {"housing": "the rent went up again"}
    bot.fake.assert_clean()


async def test_crisis_interrupts_anything_with_the_numbers_first(bot: RunningBot) -> None:
    noor = bot.fake.user(1003, "Noor", language_code="nl")
    await say(noor, "/start")
    await tap(noor, "korte check")
    messages = await say(noor, "ik wil niet meer leven")
    assert (
        "113" in messages[0].plain
        and "0800-0113" in messages[0].plain
        and "112" in messages[0].plain
    )
    assert "Vraag 1 van 11" in texts(messages[1:]), "then the resident may go on"
    assert (await bot.store.residents.get(tg(1003))).progress["crisis"] == ["suicide"]
    bot.fake.assert_clean()


async def test_a_danger_only_named_as_a_subject_gets_the_gentle_question_not_the_crisis_lines(bot: RunningBot) -> None:
    """The concepts hear "huiselijk geweld"; the second opinion rates a school report almost surely calm, so the
    resident is asked once whether anyone is in danger now, and nothing is a crisis (issue 9, fifteenth round)."""
    sem = bot.fake.user(1004, "Sem", language_code="nl")
    await say(sem, "/start")
    await tap(sem, "eigen woorden")
    story = ("Voor maatschappijleer moeten we een presentatie maken over huiselijk geweld, mag ik jullie daarvoor een "
             "paar vragen stellen over hoe de hulp in de wijk werkt?")
    said = texts(await say(sem, story))
    assert "ben jij of iemand anders nu in gevaar?" in said and "112" in said
    assert not (await bot.store.residents.get(tg(1004))).progress.get("crisis")
    bot.fake.assert_clean()


async def test_mijngegevens_and_vergeet(bot: RunningBot) -> None:
    lotte = bot.fake.user(1004, "Lotte", language_code="nl")
    await say(lotte, "/start")
    await tap(lotte, "eigen woorden")
    await say(lotte, "ik heb een huurachterstand van drie maanden")
    mine = await say(lotte, "/mijngegevens")
    assert "huurachterstand" in mine[0].plain
    exported = json.loads(mine[1].document)
    assert exported["resident"]["person"] == "telegram:1004"
    await say(lotte, "/vergeet")
    gone = texts(await tap(lotte, "Ja, wis alles"))
    assert "Alles is gewist" in gone
    everything = repr(await bot.store.table_rows())
    assert "1004" not in everything and "huurachterstand" not in everything
    bot.fake.assert_clean()
