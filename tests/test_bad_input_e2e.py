"""Bad input through the real PTB stack: a kind, clear answer, never a stack trace, never a lost answer."""

from __future__ import annotations

import logging

import pytest

from flows.limits import FloodGate
from handlers.send import person as tg
from tests.conftest import RunningBot
from tests.test_resident_e2e import replies, say, tap, texts


async def start_check(bot: RunningBot, user_id: int, language: str = "nl"):
    user = bot.fake.user(user_id, "Robin", language_code=language)
    await say(user, "/start")
    await tap(user, "korte check" if language == "nl" else "short check")
    return user


@pytest.mark.parametrize(
    ("send", "expected"),
    [
        ("sends_voice", "Ik kan nog geen spraakberichten lezen, wil je het typen?"),
        ("sends_sticker", "Ik kan alleen tekst lezen"),
        ("sends_photo", "Ik kan geen foto's bekijken"),
        ("sends_document", "Ik kan geen bestanden openen"),
    ],
)
async def test_media_get_a_kind_answer_and_the_question_again(bot: RunningBot, send: str, expected: str) -> None:
    user = await start_check(bot, 2001)
    await getattr(user, send)()
    answer = texts(await replies(user))
    assert expected.rstrip("?").replace(", wil", ". Wil") in answer or expected in answer
    assert "Vraag 1 van 11" in answer
    bot.fake.assert_clean()


async def test_location_and_edited_messages(bot: RunningBot) -> None:
    user = await start_check(bot, 2002)
    await user.sends_location(51.76, 5.52)
    assert "postcode is genoeg" in texts(await replies(user))
    message_id = await user.says("ja")
    await replies(user)
    await user.edits(message_id, "nee")
    assert "veranderd" in texts(await replies(user))
    progress = (await bot.store.residents.get(tg(2002))).progress
    assert progress["answers"] == {"finances": 3}, "the edit changes nothing; the first answer is kept"
    bot.fake.assert_clean()


async def test_text_where_a_button_was_expected_loses_nothing(bot: RunningBot) -> None:
    user = await start_check(bot, 2003)
    answer = texts(await say(user, "weet ik veel, misschien"))
    assert "Tik op een knop, of typ 1, 2, 3 of 4" in answer and "Vraag 1 van 11" in answer
    await say(user, "2")
    assert (await bot.store.residents.get(tg(2003))).progress["answers"] == {"finances": 4}
    bot.fake.assert_clean()


async def test_a_very_long_text_is_read_and_answered_within_limits(bot: RunningBot) -> None:
    user = bot.fake.user(2004, "Kim", language_code="nl")
    await say(user, "/start")
    await tap(user, "eigen woorden")
    story = ("Ik heb schulden en de deurwaarder komt <elke> week & ik slaap slecht. " * 60)[:4096]
    answer = await say(user, story)
    assert "Klopt dat?" in texts(answer)
    await tap(user, "Klopt")
    mine = await say(user, "/mijngegevens")
    assert "&lt;elke&gt;" in mine[0].text, "the resident's words are escaped in HTML"
    assert len(mine[0].plain) <= 4096
    bot.fake.assert_clean()


async def test_double_tap_and_stale_buttons_change_nothing(bot: RunningBot) -> None:
    user = await start_check(bot, 2005)
    question = bot.fake.newest_keyboard_message(2005)
    worried = next(b for b in question.inline_buttons() if "zorgen" in b["text"])
    await user.taps_data(worried["callback_data"], question.message_id)
    await user.callback_answered()
    await replies(user)
    await user.taps_data(worried["callback_data"], question.message_id)  # the same button again
    assert "oudere vraag" in (await user.callback_answered()).text
    await replies(user)
    progress = (await bot.store.residents.get(tg(2005))).progress
    assert progress["answers"] == {"finances": 3} and progress["step"] == "followup"
    bot.fake.assert_clean()


@pytest.mark.parametrize("data", ["999|fine", "x" * 64, "forget|maybe", "1|" + "ü" * 20, "|"])
async def test_forged_buttons_get_a_polite_answer(bot: RunningBot, data: str) -> None:
    user = await start_check(bot, 2006)
    before = (await bot.store.residents.get(tg(2006))).progress
    await user.taps_data(data)
    answer = await user.callback_answered()
    assert answer is not None
    await bot.settled()
    after = (await bot.store.residents.get(tg(2006))).progress
    assert after["answers"] == before["answers"]
    bot.fake.assert_clean()


async def test_a_button_from_someone_who_never_started(bot: RunningBot) -> None:
    user = bot.fake.user(2007, "Nina", language_code="nl")
    await user.taps_data("3|fine")
    assert "oudere vraag" in (await user.callback_answered()).text
    assert "Typ /start" in texts(await replies(user))
    assert await bot.store.residents.get(tg(2007)) is None
    bot.fake.assert_clean()


async def test_group_chats_get_one_sentence_and_nothing_is_stored(bot: RunningBot) -> None:
    group = bot.fake.group_chat(-100555, "Buurtgroep")
    user = bot.fake.user(2008, "Jan", language_code="nl")
    await user.says("/start", chat=group)
    answer = await user.hears(chat=group)
    assert "alleen één op één" in answer.plain
    assert await bot.store.residents.get(tg(2008)) is None
    assert (await bot.store.table_rows())["residents"] == []
    bot.fake.assert_clean()


async def test_a_flood_is_slowed_down_politely(bot: RunningBot) -> None:
    bot.house.flood = FloodGate(burst=3, window=60)
    user = bot.fake.user(2009, "Flo", language_code="nl")
    for _ in range(6):
        await user.says("hallo")
    heard = texts(await replies(user))
    assert heard.count("Je stuurt veel berichten snel achter elkaar") == 1
    bot.fake.assert_clean()


async def test_telegram_429_is_retried_after_retry_after(bot: RunningBot) -> None:
    user = bot.fake.user(2010, "Ali", language_code="nl")
    bot.fake.fail_next("sendMessage", "429", count=1, retry_after=1)
    await user.says("/start")
    welcome = (await user.hears(timeout=10)).plain  # the outbox sends it again after retry_after, for this chat
    assert "Wijkwijzer" in welcome
    assert [f.kind for f in bot.fake.failed_requests] == ["429"]
    bot.fake.assert_clean()


async def test_logs_carry_no_message_text_names_or_phone_numbers(
    bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)  # the production level; bot.py keeps PTB and httpx quieter still
    user = bot.fake.user(2011, "Geheimnaam", language_code="nl")
    await say(user, "/start")
    await tap(user, "eigen woorden")
    await say(user, "mijn geheime verhaal over schulden, bel 0612345678")
    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    for secret in ("geheime verhaal", "Geheimnaam", "0612345678", "123:ABC"):
        assert secret not in logged
