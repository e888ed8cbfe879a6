"""The python-telegram-bot Application: handlers registered, the composition root's parts opened and closed."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)

from config import Config
from flows import commands
from handlers import common, updates
from handlers.intake import Intake
from handlers.ratelimit import ChannelRateLimiter
from handlers.send import TelegramSender
from handlers.transport import AiohttpRequest

if TYPE_CHECKING:
    from bot import Wijkwijzer

log = logging.getLogger("wijkwijzer")

UNREADABLE = (
    (filters.VOICE | filters.AUDIO | filters.VIDEO_NOTE, "voice"),
    (filters.Sticker.ALL, "sticker"),
    (filters.PHOTO, "photo"),
    (filters.VIDEO | filters.ANIMATION, "video"),
    (filters.Document.ALL, "document"),
    (filters.LOCATION | filters.VENUE, "location"),
)


def file_url(base_url: str) -> str:
    """Telegram's file URL beside a Bot API base URL: http://host/bot → http://host/file/bot."""
    return base_url[: -len("/bot")] + "/file/bot" if base_url.endswith("/bot") else base_url


def invite_link(username: str, code: str) -> str:
    """The channel makes the invite link: a t.me deep link that sends /start <code>."""
    return f"https://t.me/{username}?start={code}"


def build_application(config: Config, assemble: Callable[[], Awaitable[Wijkwijzer]]) -> Application:
    """The Application, with every handler; the composition root runs in post_init, its parts close in post_shutdown."""

    async def post_init(application: Application) -> None:
        house = await assemble()
        house.worker.senders.append(TelegramSender(application.bot))
        application.bot_data[common.KEY] = house
        application.job_queue.run_repeating(delivery_job, interval=config.tick_seconds, first=0, name="delivery")
        application.job_queue.run_repeating(schedule_job, interval=max(config.tick_seconds, 30), first=1,
                                            name="deadlines")
        for language in house.texts.languages:
            menu = [BotCommand(name, house.texts.get(language, f"command.{name}")) for name in commands.menu()]
            default = language == house.texts.default
            await application.bot.set_my_commands(menu, language_code=None if default else language)
        log.info("Wijkwijzer started for %s", house.kb.municipality.name)

    async def post_shutdown(application: Application) -> None:
        house = application.bot_data.get(common.KEY)
        if house is not None:
            await house.close()

    builder = (
        Application.builder()
        .token(config.token or "")
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .rate_limiter(ChannelRateLimiter())
        .request(AiohttpRequest())  # a third of the CPU per Bot API call of PTB's httpx (handlers/transport.py)
        .get_updates_request(AiohttpRequest(connection_pool_size=1))
        .updater(None)  # our own intake (handlers/intake.py) stores every update before it is confirmed
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if config.base_url:
        builder = builder.base_url(config.base_url).base_file_url(file_url(config.base_url))
    application = builder.build()
    register(application)
    return application


async def serve(application: Application, stop: asyncio.Event) -> None:
    """Run the bot until `stop` is set: start, take in updates through the inbox, stop cleanly."""
    await application.initialize()
    try:
        if application.post_init:
            await application.post_init(application)
        await application.start()
        try:
            await Intake(application, common.house_of(application).store).run(stop)
        finally:
            await application.stop()
    finally:
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)


def run_polling(application: Application) -> None:
    """`python bot.py`: serve until Ctrl-C or SIGTERM."""

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        await serve(application, stop)

    asyncio.run(main())


async def delivery_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """JobQueue tick: deliver what is due (the database holds the truth)."""
    await common.house(context).worker.deliver_due()


async def schedule_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """JobQueue tick: reminders, escalations, follow-ups and retention that are due, then deliver them."""
    house = common.house(context)
    if await house.tick():
        await house.worker.deliver_due()


def register(application: Application) -> None:
    """Every handler, in the order PTB should try them."""
    application.add_handler(TypeHandler(Update, common.guard), group=-1)
    application.add_handler(CommandHandler(list(commands.names()), updates.on_command))
    application.add_handler(MessageHandler(filters.COMMAND & filters.UpdateType.MESSAGE, updates.on_command))
    application.add_handler(CallbackQueryHandler(updates.on_button))
    application.add_handler(MessageHandler(filters.UpdateType.EDITED, updates.unreadable("edited")))
    application.add_handler(MessageHandler(filters.CONTACT, updates.on_contact))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, updates.on_text))
    for message_filter, kind in UNREADABLE:
        application.add_handler(MessageHandler(message_filter, updates.unreadable(kind)))
    application.add_handler(MessageHandler(filters.ALL & filters.UpdateType.MESSAGE, updates.unreadable("other")))
    application.add_error_handler(common.on_error)
