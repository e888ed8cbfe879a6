"""Every update becomes one call into flows.router (residents and staff alike), each reply a Bot API call."""

from __future__ import annotations

import contextlib

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from handlers.delivery import kick
from handlers.send import send
from handlers.wiring import wiring


def _who(update: Update) -> tuple[int, str | None]:
    user = update.effective_user
    assert user is not None
    return user.id, user.language_code


async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any command: the resident's (/start, /opnieuw, ...) and the staff's (/mijn, /open, ...)."""
    user_id, language = _who(update)
    text = update.effective_message.text or ""
    name, _, args = text[1:].partition(" ")
    name = name.split("@", 1)[0]  # /start@wijkwijzer_bot
    replies = await wiring(context).router.command(user_id, language, name, args.strip())
    await send(context.bot, update.effective_chat.id, replies)
    kick(context.application)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Anything the resident typed."""
    user_id, language = _who(update)
    replies = await wiring(context).router.text(user_id, language, update.effective_message.text or "")
    await send(context.bot, update.effective_chat.id, replies)
    kick(context.application)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A tap on one of our buttons; stale or forged ones get a polite answer and change nothing."""
    query = update.callback_query
    user_id, language = _who(update)
    answer = await wiring(context).router.press(user_id, language, query.data or "")
    await query.answer(answer.toast)
    if answer.toast is None and query.message is not None:
        with contextlib.suppress(BadRequest):  # too old to edit, or already bare: nothing is lost
            await query.edit_message_reply_markup(reply_markup=None)  # pressed: the old buttons go
    await send(context.bot, user_id, answer.replies)  # buttons live in the private chat: its id is the user's
    kick(context.application)


async def on_contact(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A phone number shared with Telegram's contact button."""
    user_id, language = _who(update)
    contact = update.effective_message.contact
    own = contact.user_id == user_id
    replies = await wiring(context).router.contact_shared(user_id, language, contact.phone_number, own)
    await send(context.bot, update.effective_chat.id, replies)
    kick(context.application)


def unreadable(kind: str):
    """A handler for messages we cannot read (voice, sticker, photo, ...)."""

    async def on_unreadable(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Say kindly what we can read."""
        user_id, language = _who(update)
        replies = await wiring(context).router.not_text(user_id, language, kind)
        await send(context.bot, update.effective_chat.id, replies)

    return on_unreadable
