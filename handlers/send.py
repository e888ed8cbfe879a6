"""Telegram's side of sending: a flow's replies as Bot API calls (HTML, keyboards, photos, files), and the
Sender the delivery worker uses, which turns PTB's answers into Delivered, RetryLater or Unreachable."""

from __future__ import annotations

import html

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from flows.delivery import Delivered, Outcome, RetryLater, Unreachable
from flows.markup import BOLD, ITALIC, Rich
from flows.replies import Reply
from store import Person

CHANNEL = "telegram"
TAGS = {BOLD: "b", ITALIC: "i"}
# Text messages go out as raw calls: we need only the new message's id, and PTB would build a whole Message
# from Telegram's answer first (a tenth of a call's CPU). Lower case because PTB's do_api_request warns on
# the names Bot has a method for; Telegram's method names are case-insensitive (as GET_UPDATES in intake.py).
SEND_MESSAGE = "sendmessage"
EDIT_REPLY_MARKUP = "editmessagereplymarkup"


def person(user_id: int) -> Person:
    """A Telegram user as a person."""
    return Person(CHANNEL, str(user_id))


def to_html(text: str) -> str:
    """Rich text as Telegram HTML; everything from residents or the knowledge base is escaped."""
    parts = []
    for span in Rich.of(text).spans:
        escaped = html.escape(span.text, quote=False)
        tag = TAGS.get(span.style)
        parts.append(f"<{tag}>{escaped}</{tag}>" if tag else escaped)
    return "".join(parts)


def markup(reply: Reply) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None:
    """The one keyboard a message carries."""
    if reply.choices:
        buttons = [InlineKeyboardButton(c.label, callback_data=c.id) for c in reply.choices]
        rows = [buttons[i : i + reply.columns] for i in range(0, len(buttons), reply.columns)]
        return InlineKeyboardMarkup(rows)
    if reply.ask_contact:
        return ReplyKeyboardMarkup(
            [[KeyboardButton(reply.ask_contact, request_contact=True)]], resize_keyboard=True, one_time_keyboard=True
        )
    if reply.clear_keyboard:
        return ReplyKeyboardRemove()
    return None


GONE = ("message is not modified", "message to edit not found", "message can't be edited",
        "message to delete not found", "message can't be deleted")


async def change(bot: Bot, chat_id: int, reply: Reply) -> None:
    """Replace or take away a message sent before; one that is gone or too old is not an error."""
    try:
        if reply.replaces:
            await bot.edit_message_text(to_html(reply.text), chat_id=chat_id, message_id=reply.replaces)
        elif reply.removes:
            await bot.delete_message(chat_id, reply.removes)
    except BadRequest as exc:
        if not any(reason in str(exc).lower() for reason in GONE):
            raise


async def send(bot: Bot, chat_id: int, replies: list[Reply]) -> list[int]:
    """Send replies in order (HTML parse mode comes from the Application's defaults); their message ids."""
    sent = []
    for reply in replies:
        keyboard, text = markup(reply), to_html(reply.text)
        if reply.replaces or reply.removes:
            await change(bot, chat_id, reply)
            continue
        if reply.picture:
            message = await bot.send_photo(chat_id, photo=reply.picture, caption=text, reply_markup=keyboard)
        elif reply.document:
            name, content = reply.document
            message = await bot.send_document(chat_id, document=InputFile(content, filename=name),
                                              caption=text, reply_markup=keyboard)
        else:
            sent.append(await send_text(bot, chat_id, text, keyboard))
            continue
        sent.append(message.message_id)
    return sent


async def send_text(bot: Bot, chat_id: int, html_text: str, keyboard=None) -> int:
    """One text message (Telegram HTML); its message id."""
    params = {"chat_id": chat_id, "text": html_text, "parse_mode": ParseMode.HTML}
    if keyboard is not None:
        params["reply_markup"] = keyboard
    result = await bot.do_api_request(SEND_MESSAGE, api_kwargs=params)
    return int(result["message_id"])


async def remove_keyboard(bot: Bot, chat_id: int, message_id: int) -> None:
    """Take the buttons off a message (without reading back the whole edited message)."""
    await bot.do_api_request(EDIT_REPLY_MARKUP, api_kwargs={"chat_id": chat_id, "message_id": message_id})


class TelegramSender:
    """Tries once to send to a Telegram user, and says how it went."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    def handles(self, to: Person) -> bool:
        return to.channel == CHANNEL and to.id.lstrip("-").isdigit()

    async def send(self, to: Person, replies: list[Reply]) -> Outcome:
        try:
            return Delivered(tuple(await send(self.bot, int(to.id), replies)))
        except RetryAfter as exc:
            seconds = exc.retry_after.total_seconds() if hasattr(exc.retry_after, "total_seconds") else exc.retry_after
            return RetryLater("RetryAfter", float(seconds))
        except Forbidden:
            return Unreachable("Forbidden")
        except BadRequest as exc:
            if "chat not found" in str(exc).lower():
                return Unreachable("chat not found")
            return RetryLater("BadRequest")
        except (TimedOut, NetworkError) as exc:
            return RetryLater(type(exc).__name__)
