"""Helpers of the fake's self-tests: small PTB Applications that talk to the fake, and a bot process."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from testing.fakebot import FakeTelegram

TOKEN = "123:ABC"
BOT_USERNAME = "wijkwijzer_test_bot"
AMIRA = 1001

BOT_PROCESS = """
import sys
from telegram.ext import ApplicationBuilder, MessageHandler, filters

token, base_url, base_file_url, label = sys.argv[1:5]

async def reply(update, context):
    await update.effective_message.reply_text(f"{label}: {update.effective_message.text}")

app = ApplicationBuilder().token(token).base_url(base_url).base_file_url(base_file_url).build()
app.add_handler(MessageHandler(filters.TEXT, reply))
app.run_polling(poll_interval=0, timeout=10)
"""


def build_app(
    fake: FakeTelegram, *handlers: BaseHandler, rate_limiter: AIORateLimiter | None = None
) -> Application:
    """A fresh PTB Application talking to the fake."""
    builder = (
        ApplicationBuilder()
        .token(fake.token)
        .base_url(fake.base_url)
        .base_file_url(fake.base_file_url)
    )
    if rate_limiter is not None:
        builder = builder.rate_limiter(rate_limiter)
    app = builder.build()
    for handler in handlers:
        app.add_handler(handler)
    return app


@contextlib.asynccontextmanager
async def polling(app: Application) -> AsyncIterator[Application]:
    """Run ``app`` with long polling for the duration of the block, then stop it cleanly."""
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()


def keyboard(*buttons: tuple[str, str]) -> InlineKeyboardMarkup:
    """One row of callback buttons from (label, callback_data) pairs."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=d) for t, d in buttons]])


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start: an HTML welcome."""
    if update.effective_message:
        await update.effective_message.reply_text(
            "<b>Welkom</b> bij Wijkwijzer &amp; co", parse_mode="HTML"
        )


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Echo text with an inline callback button and a URL button."""
    message = update.effective_message
    if message and message.text:
        markup = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton("Nog eens", callback_data="again"),
                    InlineKeyboardButton("Website", url="https://example.org/wijk"),
                ]
            ]
        )
        await message.reply_text(f"Echo: {message.text}", reply_markup=markup)


async def again(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the callback query and replace the message (dropping its keyboard)."""
    if update.callback_query:
        await update.callback_query.answer("Gedaan")
        await update.callback_query.edit_message_text("Klaar")


def echo_app(fake: FakeTelegram) -> Application:
    """The small echo bot used by the round-trip test."""
    return build_app(
        fake,
        CommandHandler("start", start),
        MessageHandler(filters.TEXT & ~filters.COMMAND, echo),
        CallbackQueryHandler(again, pattern="^again$"),
    )


def recording_app(fake: FakeTelegram, seen: list[str]) -> Application:
    """A bot that records every text it gets and confirms it to the user."""

    async def record(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message and message.text:
            seen.append(message.text)
            await message.reply_text(f"Gezien: {message.text}")

    return build_app(fake, MessageHandler(filters.TEXT, record))


async def spawn_bot(fake: FakeTelegram, label: str) -> asyncio.subprocess.Process:
    """Start a separate bot process (PTB run_polling) that answers "<label>: <text>"."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        BOT_PROCESS,
        fake.token,
        fake.base_url,
        fake.base_file_url,
        label,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
