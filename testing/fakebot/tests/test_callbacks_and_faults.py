"""Callback queries and their answers, and injected faults (429, 502, dropped, timed out)."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from telegram import (
    Update,
)
from telegram.error import (
    BadRequest,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    AIORateLimiter,
    CallbackQueryHandler,
    ContextTypes,
)

from testing.fakebot import FakeTelegram
from testing.fakebot.tests.helpers import (
    AMIRA,
    BOT_USERNAME,
    build_app,
    keyboard,
    polling,
)


async def test_unanswered_callback_is_reported(fake: FakeTelegram) -> None:
    amira = fake.user(AMIRA, "Amira")

    async def forgetful(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.callback_query:
            await update.callback_query.edit_message_text("Verwerkt")

    async with polling(build_app(fake, CallbackQueryHandler(forgetful))) as app:
        await app.bot.send_message(
            AMIRA, "Kies", reply_markup=keyboard(("Ja", "ja"), ("Ja, graag", "graag"))
        )
        with pytest.raises(AssertionError, match="ambiguous"):
            await amira.taps("j")
        with pytest.raises(AssertionError, match=r"available: message 1: \['Ja', 'Ja, graag'\]"):
            await amira.taps("Nee")
        query_id = await amira.taps("ja")
        await fake.idle()

    assert fake.callback(query_id).data == "ja"
    assert fake.sent_to(AMIRA)[0].plain == "Verwerkt"
    assert fake.unanswered_callbacks() == [query_id]
    assert amira.last_answer() is None
    with pytest.raises(AssertionError, match="was not answered"):
        await amira.callback_answered(timeout=0.1)
    with pytest.raises(AssertionError, match="never answered"):
        fake.assert_clean()


async def test_callback_answers_are_checked(fake: FakeTelegram) -> None:
    amira = fake.user(AMIRA, "Amira")
    async with build_app(fake) as app:
        bot = app.bot
        await bot.send_message(AMIRA, "Kies", reply_markup=keyboard(("Ja", "ja")))
        query_id = await amira.taps("Ja")
        with pytest.raises(BadRequest, match="(?i)MESSAGE_TOO_LONG"):
            await bot.answer_callback_query(query_id, text="x" * 201)
        assert await bot.answer_callback_query(query_id, text="Top") is True
        with pytest.raises(BadRequest, match="(?i)query is too old"):
            await bot.answer_callback_query(query_id)
        with pytest.raises(BadRequest, match="(?i)query is too old"):
            await bot.answer_callback_query("123")
        forged = await amira.taps_data("admin:delete_all")

    assert amira.last_answer() == "Top"
    assert fake.callback(forged).data == "admin:delete_all"
    assert fake.callback(forged).message_id == 1
    assert fake.unanswered_callbacks() == [forged]
    assert len(fake.violations) == 3


async def test_429_is_retried_by_aio_rate_limiter(
    fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PTB 22.8 warns about the int-valued RetryAfter.retry_after on every 429 unless the
    # bot opts in to the timedelta API (PTB 23 behaviour).
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    fake.user(AMIRA, "Amira")
    fake.fail_next("sendMessage", "429", retry_after=1)
    app = build_app(fake, rate_limiter=AIORateLimiter(max_retries=2))
    async with app:
        started = time.monotonic()
        message = await app.bot.send_message(AMIRA, "na de flood")
        elapsed = time.monotonic() - started

    assert message.text == "na de flood" and elapsed >= 1.0
    assert [(f.method, f.kind) for f in fake.failed_requests] == [("sendMessage", "429")]
    assert len(fake.calls("sendMessage")) == 1 and len(fake.sent_to(AMIRA)) == 1
    fake.assert_clean()


async def test_429_without_rate_limiter_surfaces_as_retry_after(
    fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    fake.user(AMIRA, "Amira")
    fake.fail_next("sendMessage", "429", retry_after=7)
    async with build_app(fake) as app:
        with pytest.raises(RetryAfter) as flood:
            await app.bot.send_message(AMIRA, "te snel")
        assert flood.value.retry_after == dt.timedelta(seconds=7)
        await app.bot.send_message(AMIRA, "handmatig opnieuw")
    assert [m.text for m in fake.sent_to(AMIRA)] == ["handmatig opnieuw"]


async def test_drop_502_and_timeout_are_recorded(fake: FakeTelegram) -> None:
    fake.user(AMIRA, "Amira")
    fake.fail_next("sendMessage", "drop")
    fake.fail_next("sendMessage", "502")
    fake.fail_next("sendMessage", "timeout", hold=2.0)
    async with build_app(fake) as app:
        bot = app.bot
        assert (await bot.get_me()).username == BOT_USERNAME
        with pytest.raises(
            NetworkError, match=r"httpx\.(RemoteProtocolError|ReadError)"
        ) as dropped:
            await bot.send_message(AMIRA, "drop")
        assert dropped.type is NetworkError
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await bot.send_message(AMIRA, "502")
        with pytest.raises(TimedOut):
            await bot.send_message(AMIRA, "timeout", read_timeout=0.3)
        sent = await bot.send_message(AMIRA, "eindelijk")

    assert [f.kind for f in fake.failed_requests] == ["drop", "502", "timeout"]
    assert [f.params["text"] for f in fake.failed_requests] == ["drop", "502", "timeout"]
    assert [m.text for m in fake.sent_to(AMIRA)] == ["eindelijk"] and sent.message_id == 1
    with pytest.raises(ValueError, match="fault kind"):
        fake.fail_next("sendMessage", "503")
    fake.assert_clean()
