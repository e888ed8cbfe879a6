"""Turning a flow's replies into Bot API calls: messages, photos, files and keyboards."""

from __future__ import annotations

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from flows.replies import Reply


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


async def send(bot: Bot, chat_id: int, replies: list[Reply]) -> list[int]:
    """Send replies in order (HTML parse mode comes from the Application's defaults); their message ids."""
    sent = []
    for reply in replies:
        keyboard = markup(reply)
        if reply.picture:
            message = await bot.send_photo(chat_id, photo=reply.picture, caption=reply.text, reply_markup=keyboard)
        elif reply.document:
            name, content = reply.document
            message = await bot.send_document(chat_id, document=InputFile(content, filename=name),
                                              caption=reply.text, reply_markup=keyboard)
        else:
            message = await bot.send_message(chat_id, reply.text, reply_markup=keyboard)
        sent.append(message.message_id)
    return sent
