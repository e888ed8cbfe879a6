"""What every update passes: private chats only, flood control; the error handler; the wiring."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from flows.limits import DROP, WARN
from handlers.send import send

if TYPE_CHECKING:
    from bot import Wijkwijzer

log = logging.getLogger("wijkwijzer.handlers")
KEY = "wijkwijzer"


def house(context: ContextTypes.DEFAULT_TYPE) -> Wijkwijzer:
    """Everything the composition root built, put in bot_data once in post_init."""
    return context.application.bot_data[KEY]


async def guard(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Before anything else: groups get one polite sentence, floods are slowed down."""
    chat, user = update.effective_chat, update.effective_user
    if user is None:
        raise ApplicationHandlerStop
    if chat is None and update.callback_query is None:
        raise ApplicationHandlerStop
    resident = house(context).router.resident
    if chat is not None and chat.type != ChatType.PRIVATE:
        if update.callback_query:
            await update.callback_query.answer()
        if update.message:  # with privacy mode on, Telegram only brings what was addressed to us
            await send(context.bot, chat.id, resident.say(user.language_code, "group.only_private"))
        raise ApplicationHandlerStop  # nothing from a group is stored
    verdict = house(context).flood.check(user.id, time.monotonic())
    if verdict == WARN:
        if update.callback_query:
            await update.callback_query.answer()
        await send(context.bot, user.id, resident.say(user.language_code, "flood.slow_down"))
    if verdict in (WARN, DROP):
        if verdict == DROP and update.callback_query:
            await update.callback_query.answer()
        raise ApplicationHandlerStop


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error (never the message text) and tell the person something went wrong."""
    log.error("error while handling an update", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        if update.callback_query:
            await update.callback_query.answer()
        if update.effective_chat.type == ChatType.PRIVATE:
            language = update.effective_user.language_code if update.effective_user else None
            sorry = house(context).router.resident.say(language, "error.sorry")
            await send(context.bot, update.effective_chat.id, sorry)
    except TelegramError:
        log.warning("could not tell the user about the error", exc_info=True)
