"""Every update becomes one call into flows.router (residents and staff alike), each reply a Bot API call."""

from __future__ import annotations

import contextlib

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from handlers.common import answer_once, house
from handlers.send import person, remove_keyboard
from store import Person


def _who(update: Update) -> tuple[Person, str | None]:
    user = update.effective_user
    assert user is not None
    return person(user.id), user.language_code


def kick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Deliver now, in the background (a flow stored something to send)."""
    context.application.create_task(house(context).worker.deliver_due(), name="wijkwijzer-delivery")


async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any command: the resident's (/start, /opnieuw, ...) and the staff's (/mijn, /open, ...)."""
    who, language = _who(update)
    text = update.effective_message.text or ""
    name, _, args = text[1:].partition(" ")
    name = name.split("@", 1)[0]  # /start@wijkwijzer_bot
    await house(context).conversation.command(who, language, name, args.strip(), update.update_id)
    kick(context)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Anything typed."""
    who, language = _who(update)
    message = update.effective_message
    await house(context).conversation.text(who, language, message.text or "", update.update_id, message.date)
    kick(context)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A tap on one of our buttons; stale or forged ones get a polite answer and change nothing."""
    query = update.callback_query
    who, language = _who(update)
    answer = await house(context).conversation.press(who, language, query.data or "", update.update_id)
    await answer_once(context, query, answer.toast)  # at once: the replies wait in the outbox
    kick(context)
    if answer.toast is None and query.message is not None and getattr(query.message, "reply_markup", None):
        with contextlib.suppress(BadRequest):  # too old to edit, or already bare: nothing is lost
            await remove_keyboard(context.bot, query.message.chat.id, query.message.message_id)  # pressed: they go


async def on_contact(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A phone number shared with Telegram's contact button."""
    who, language = _who(update)
    contact = update.effective_message.contact
    own = contact.user_id == update.effective_user.id
    await house(context).conversation.contact_shared(who, language, contact.phone_number, own,
                                                     update.update_id)
    kick(context)


def unreadable(kind: str):
    """A handler for messages we cannot read (voice, sticker, photo, ...)."""

    async def on_unreadable(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Say kindly what we can read."""
        who, language = _who(update)
        await house(context).conversation.not_text(who, language, kind, update.update_id)
        kick(context)

    return on_unreadable
