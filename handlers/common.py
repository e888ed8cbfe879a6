"""What every update passes: private chats only, flood control; the error handler; the wiring."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from telegram import CallbackQuery, Update
from telegram.constants import ChatType
from telegram.error import NetworkError, RetryAfter, TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from flows.limits import DROP, WARN
from handlers.send import person, send

if TYPE_CHECKING:
    from bot import Wijkwijzer

log = logging.getLogger("wijkwijzer.handlers")
KEY = "wijkwijzer"


ANSWERED = "wijkwijzer.answered"  # callback queries answered already (bounded, newest last)
REMEMBER_ANSWERED = 1000


def house(context: ContextTypes.DEFAULT_TYPE) -> Wijkwijzer:
    """Everything the composition root built, put in bot_data once in post_init."""
    return context.application.bot_data[KEY]


def house_of(application) -> Wijkwijzer:
    """The same, from the Application."""
    return application.bot_data[KEY]


async def answer_once(context: ContextTypes.DEFAULT_TYPE, query: CallbackQuery, toast: str | None = None) -> None:
    """Answer a button press exactly once (the error handler must not answer it a second time)."""
    answered: dict[str, None] = context.application.bot_data.setdefault(ANSWERED, {})
    if query.id in answered:
        return
    answered[query.id] = None
    while len(answered) > REMEMBER_ANSWERED:
        answered.pop(next(iter(answered)))
    await query.answer(toast)


async def guard(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Before anything else: groups get one polite sentence, floods are slowed down."""
    chat, user = update.effective_chat, update.effective_user
    if user is None or update.business_message or update.edited_business_message:
        raise ApplicationHandlerStop  # a customer writing to a business account is not talking to us
    if chat is None and update.callback_query is None:
        raise ApplicationHandlerStop
    resident = house(context).router.resident
    if chat is not None and chat.type != ChatType.PRIVATE:
        if update.callback_query:
            await answer_once(context, update.callback_query)
        if update.message:  # with privacy mode on, Telegram only brings what was addressed to us
            await send(context.bot, chat.id, resident.say(user.language_code, "group.only_private"))
        raise ApplicationHandlerStop  # nothing from a group is stored
    verdict = house(context).flood.check(user.id, time.monotonic())
    if verdict in (WARN, DROP):
        if update.callback_query:
            await answer_once(context, update.callback_query)
        if verdict == WARN:
            await send(context.bot, user.id, resident.say(user.language_code, "flood.slow_down"))
        raise ApplicationHandlerStop


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error (never the message text; a routine network error in one line) and say sorry once."""
    if isinstance(context.error, NetworkError | RetryAfter):  # the outbox retries, nothing is lost
        log.warning("network error while handling an update: %s", type(context.error).__name__)
    else:
        log.error("error while handling an update", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None or update.effective_user is None:
        return
    try:
        if update.callback_query:
            await answer_once(context, update.callback_query)
        if update.effective_chat.type == ChatType.PRIVATE:
            wired = house(context)
            sorry = wired.router.resident.say(update.effective_user.language_code, "error.sorry")
            await wired.conversation.say(person(update.effective_user.id), sorry)
            await wired.worker.deliver_due()
    except TelegramError as exc:
        log.warning("could not tell the user about the error: %s", type(exc).__name__)
