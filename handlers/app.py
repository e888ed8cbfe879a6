"""The python-telegram-bot Application: handlers registered, resources opened and closed."""

from __future__ import annotations

import logging

from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)

from config import Config
from flows.handoff import HandoffFlow
from flows.limits import FloodGate
from flows.resident import ResidentFlow
from flows.router import Router
from flows.texts import Texts
from handlers import common, delivery, updates
from handlers.wiring import KEY, Wiring
from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase
from store import Store

log = logging.getLogger("wijkwijzer")

RESIDENT_COMMANDS = ("start", "opnieuw", "taal", "privacy", "mijngegevens", "vergeet", "stop")
STAFF_COMMANDS = ("mijn", "open", "sluit", "team", "wiebenik", "zoek", "wie", "overdracht")
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


def build_application(config: Config, kb: KnowledgeBase) -> Application:
    """The Application, with every handler; the store opens in post_init."""
    texts = Texts.load(default=kb.default_language)

    async def post_init(application: Application) -> None:
        store = await Store.open(config.db_path)
        handoffs = HandoffFlow(kb, store, texts, followup_days=config.followup_days,
                               retention_days=config.retention_days)
        resident = ResidentFlow(kb, Matcher(kb), store, texts, handoffs=handoffs)
        application.bot_data[KEY] = Wiring(Router(kb, store, texts, resident, handoffs), store, FloodGate())
        application.job_queue.run_repeating(delivery.delivery_job, interval=config.tick_seconds, first=0,
                                            name="delivery")
        application.job_queue.run_repeating(delivery.schedule_job, interval=max(config.tick_seconds, 30), first=1,
                                            name="deadlines")
        for language in texts.languages:
            commands = [BotCommand(name, texts.get(language, f"command.{name}")) for name in RESIDENT_COMMANDS]
            await application.bot.set_my_commands(commands, language_code=None if language == "nl" else language)
        log.info("Wijkwijzer started for %s", kb.municipality.name)

    async def post_shutdown(application: Application) -> None:
        wired = application.bot_data.get(KEY)
        if wired is not None:
            await wired.store.close()

    builder = (
        Application.builder()
        .token(config.token or "")
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .rate_limiter(AIORateLimiter(max_retries=5))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if config.base_url:
        builder = builder.base_url(config.base_url).base_file_url(file_url(config.base_url))
    application = builder.build()
    register(application)
    return application


def register(application: Application) -> None:
    """Every handler, in the order PTB should try them."""
    application.add_handler(TypeHandler(Update, common.guard), group=-1)
    application.add_handler(CommandHandler(list(RESIDENT_COMMANDS + STAFF_COMMANDS), updates.on_command))
    application.add_handler(MessageHandler(filters.COMMAND & filters.UpdateType.MESSAGE, updates.on_command))
    application.add_handler(CallbackQueryHandler(updates.on_button))
    application.add_handler(MessageHandler(filters.UpdateType.EDITED, updates.unreadable("edited")))
    application.add_handler(MessageHandler(filters.CONTACT, updates.on_contact))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, updates.on_text))
    for message_filter, kind in UNREADABLE:
        application.add_handler(MessageHandler(message_filter, updates.unreadable(kind)))
    application.add_handler(MessageHandler(filters.ALL & filters.UpdateType.MESSAGE, updates.unreadable("other")))
    application.add_error_handler(common.on_error)
