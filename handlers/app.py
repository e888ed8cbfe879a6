"""The python-telegram-bot Application: handlers registered, the composition root's parts opened and closed."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError
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
from handlers.health import HEARTBEAT, Heartbeat
from handlers.intake import Intake
from handlers.ratelimit import ChannelRateLimiter
from handlers.send import TelegramSender
from handlers.transport import AiohttpRequest

if TYPE_CHECKING:
    from bot import Wijkwijzer

log = logging.getLogger("wijkwijzer")
MAX_BACKOFF = 60  # seconds between attempts to reach an unreachable Bot API, at most
TakeIn = Callable[[Application, asyncio.Event], Awaitable[None]]  # how updates come in until stop is set


class StartupError(RuntimeError):
    """Telegram refused something the bot needs to start; the message is one sentence for the operator."""

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
        application.job_queue.run_repeating(schedule_job, interval=config.schedule_seconds, first=1,
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
    application.bot_data[HEARTBEAT] = Heartbeat(config.db_path)
    register(application)
    return application


async def poll(application: Application, stop: asyncio.Event) -> None:
    """Long polling (the default): our own getUpdates loop into the inbox."""
    await Intake(application, common.house_of(application).store).run(stop)


async def no_webhook(application: Application) -> None:
    """Before polling: a webhook left from an earlier run would make getUpdates fail."""
    await application.bot.delete_webhook(drop_pending_updates=False)


async def connect(application: Application, stop: asyncio.Event,
                  hello: Callable[[Application], Awaitable[None]] = no_webhook) -> bool:
    """Reach Telegram (getMe, then `hello`): a refused token goes up as InvalidToken, an unreachable Bot API is
    tried again with back-off, one log line per attempt. False when `stop` was set while waiting."""
    attempt = 0
    while True:
        try:
            await application.initialize()
            await hello(application)
            return True
        except InvalidToken:
            await application.bot.shutdown()
            raise
        except BadRequest as exc:  # e.g. a webhook address Telegram does not accept: trying again does not help
            await application.bot.shutdown()
            raise StartupError(f"Telegram refused to start the bot: {exc.message}") from None
        except NetworkError as exc:
            attempt += 1
            wait = min(MAX_BACKOFF, 2 ** (attempt - 1))
            reason = str(exc).replace(application.bot.token, "<token>")
            log.warning("Telegram's Bot API cannot be reached (attempt %d: %s); trying again in %d s",
                        attempt, reason, wait)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=wait)
            if stop.is_set():
                await application.bot.shutdown()
                return False


async def serve(application: Application, stop: asyncio.Event, take_in: TakeIn = poll,
                hello: Callable[[Application], Awaitable[None]] = no_webhook) -> None:
    """Run the bot until `stop` is set: reach Telegram, start, take in updates through the inbox, stop cleanly."""
    if not await connect(application, stop, hello):
        return
    try:
        if application.post_init:
            await application.post_init(application)
        await application.start()
        try:
            await take_in(application, stop)
        finally:
            await application.stop()
    finally:
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)


def run(application: Application, config: Config) -> None:
    """`python bot.py`: serve until Ctrl-C or SIGTERM, by long polling or (WIJKWIJZER_WEBHOOK_URL) a webhook."""

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        if config.webhook_url:
            from handlers.webhook import Webhook

            webhook = Webhook(config)
            await serve(application, stop, webhook.take_in, webhook.hello)
        else:
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
    context.application.bot_data[HEARTBEAT].beat()  # for the health check: the database and the tick work


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
