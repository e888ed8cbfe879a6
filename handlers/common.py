"""What every update passes: private chats only, flood control, and the error handler."""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from flows.limits import DROP, WARN
from handlers.send import send
from handlers.wiring import wiring

log = logging.getLogger("wijkwijzer.handlers")


async def guard(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Before anything else: groups get one polite sentence, floods are slowed down."""
    chat, user = update.effective_chat, update.effective_user
    if user is None:
        raise ApplicationHandlerStop
    if chat is None and update.callback_query is None:
        raise ApplicationHandlerStop
    flow = wiring(context).resident
    if chat is not None and chat.type != ChatType.PRIVATE:
        if update.callback_query:
            await update.callback_query.answer()
        if update.message:  # with privacy mode on, Telegram only brings what was addressed to us
            await send(context.bot, chat.id, flow.group_chat(user.language_code))
        raise ApplicationHandlerStop  # nothing from a group is stored
    verdict = wiring(context).flood.check(user.id, time.monotonic())
    if verdict == WARN:
        if update.callback_query:
            await update.callback_query.answer()
        await send(context.bot, user.id, flow.slow_down(user.language_code))
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
            await send(context.bot, update.effective_chat.id, wiring(context).resident.sorry(language))
    except TelegramError:
        log.warning("could not tell the user about the error", exc_info=True)
