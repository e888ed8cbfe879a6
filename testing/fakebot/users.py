"""The simulated people: FakeUser (who talks to the bot) and FakeChat (a private chat or a group)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .formatting import command_entities
from .media import image_size, make_png
from .records import BotMessage, CallbackAnswer
from .spec import JSON

if TYPE_CHECKING:
    from .server import FakeTelegram


@dataclass
class FakeChat:
    """A chat known to the fake: a user's private chat or a group."""

    id: int
    type: str
    title: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    username: str | None = None
    blocked: bool = False

    def to_dict(self) -> JSON:
        """Chat object as Telegram sends it."""
        payload: JSON = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name", "last_name"):
            value = getattr(self, key)
            if value is not None:
                payload[key] = value
        return payload


class FakeUser:
    """A simulated Telegram user who talks to the bot through a FakeTelegram."""

    def __init__(
        self,
        fake: FakeTelegram,
        user_id: int,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> None:
        """Create the user and their private chat (chat id == user id)."""
        self.fake = fake
        self.id = user_id
        self.first_name = first_name
        self.last_name = last_name
        self.username = username
        self.language_code = language_code
        self.chat = FakeChat(user_id, "private", None, first_name, last_name, username)
        self.queries: list[str] = []
        self._heard: dict[int, int] = {}

    def to_dict(self) -> JSON:
        """User object as Telegram sends it."""
        payload: JSON = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        extra = {
            "last_name": self.last_name,
            "username": self.username,
            "language_code": self.language_code,
        }
        payload.update({key: value for key, value in extra.items() if value is not None})
        return payload

    async def _post(self, content: JSON, chat: FakeChat | None, reply_to: int | None = None) -> int:
        message_id = self.fake.post_user_message(self, chat or self.chat, content, reply_to)
        await asyncio.sleep(0)
        return message_id

    async def says(
        self, text: str, *, chat: FakeChat | None = None, reply_to: int | None = None
    ) -> int:
        """Send a text message (commands get a bot_command entity); return its message_id."""
        content: JSON = {"text": text}
        entities = command_entities(text)
        if entities:
            content["entities"] = entities
        return await self._post(content, chat, reply_to)

    async def taps(self, label: str, *, chat: FakeChat | None = None) -> str:
        """Tap the inline button whose text matches ``label``; return the callback query id."""
        target = chat or self.chat
        message, button = self.fake.find_button(target.id, label)
        if "callback_data" not in button:
            kinds = [key for key in self.fake.spec.rules["inline_button_actions"] if key in button]
            raise AssertionError(f"button {button.get('text')!r} is a {kinds} button, not callback")
        return await self._tap(target, message, str(button["callback_data"]))

    async def taps_data(
        self, callback_data: str, message_id: int | None = None, *, chat: FakeChat | None = None
    ) -> str:
        """Send a callback query with arbitrary (possibly forged) data; return its id."""
        target = chat or self.chat
        message = self.fake.bot_message(target.id, message_id)
        return await self._tap(target, message, callback_data)

    async def _tap(self, chat: FakeChat, message: BotMessage | None, data: str) -> str:
        query_id = self.fake.post_callback_query(self, chat, data, message)
        self.queries.append(query_id)
        await asyncio.sleep(0)
        return query_id

    def buttons(self, *, chat: FakeChat | None = None) -> list[str]:
        """Labels of the newest inline keyboard in the chat (empty if there is none)."""
        message = self.fake.newest_keyboard_message((chat or self.chat).id)
        return message.button_labels() if message else []

    def reply_keyboard(self, *, chat: FakeChat | None = None) -> list[str]:
        """Labels of the reply keyboard currently shown to the user (empty if none)."""
        return self.fake.reply_keyboard_labels((chat or self.chat).id)

    async def shares_contact(
        self, phone: str, *, first_name: str | None = None, own: bool = True
    ) -> int:
        """Share a contact (their own by default, which carries user_id)."""
        contact: JSON = {"phone_number": phone, "first_name": first_name or self.first_name}
        if own:
            contact["user_id"] = self.id
            if self.last_name:
                contact["last_name"] = self.last_name
        return await self._post({"contact": contact}, None)

    async def sends_sticker(self, emoji: str = "👍", *, chat: FakeChat | None = None) -> int:
        """Send a sticker."""
        stored = self.fake.store_file(b"RIFF\x00\x00\x00\x00WEBPVP8 ", "sticker", size=(512, 512))
        sticker = {
            **stored.photo_size(),
            "type": "regular",
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return await self._post({"sticker": sticker}, chat)

    async def sends_voice(
        self,
        duration: int = 3,
        data: bytes = b"OggS\x00fake-voice",
        *,
        chat: FakeChat | None = None,
    ) -> int:
        """Send a voice message."""
        stored = self.fake.store_file(data, "voice", mime_type="audio/ogg")
        voice = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": len(data),
        }
        return await self._post({"voice": voice}, chat)

    async def sends_photo(
        self, data: bytes | None = None, *, caption: str | None = None, chat: FakeChat | None = None
    ) -> int:
        """Send a photo (a small PNG unless ``data`` is given)."""
        content = data if data is not None else make_png(64, 48)
        size = image_size(content) or (640, 480)
        stored = self.fake.store_file(content, "photo", mime_type="image/png", size=size)
        payload: JSON = {"photo": [stored.photo_size()]}
        if caption is not None:
            payload["caption"] = caption
        return await self._post(payload, chat)

    async def sends_location(
        self, latitude: float, longitude: float, *, chat: FakeChat | None = None
    ) -> int:
        """Send a location."""
        return await self._post({"location": {"latitude": latitude, "longitude": longitude}}, chat)

    async def sends_document(
        self,
        data: bytes = b"%PDF-1.4\n% fake document\n",
        filename: str = "document.pdf",
        mime_type: str = "application/pdf",
        *,
        caption: str | None = None,
        chat: FakeChat | None = None,
    ) -> int:
        """Send a document; the bot can fetch it with getFile and the file URL."""
        stored = self.fake.store_file(data, "document", filename=filename, mime_type=mime_type)
        payload: JSON = {"document": stored.document()}
        if caption is not None:
            payload["caption"] = caption
        return await self._post(payload, chat)

    async def edits(self, message_id: int, new_text: str, *, chat: FakeChat | None = None) -> None:
        """Edit one of the user's own text messages (pushes an edited_message update)."""
        self.fake.post_user_edit(self, chat or self.chat, message_id, new_text)
        await asyncio.sleep(0)

    async def blocks_bot(self) -> None:
        """Block the bot: sends to this user now get 403, and a my_chat_member update."""
        self.chat.blocked = True
        self.fake.post_membership(self, "kicked")
        await asyncio.sleep(0)

    def hears(
        self, timeout: float = 5.0, *, chat: FakeChat | None = None
    ) -> Coroutine[Any, Any, BotMessage]:
        """Await the next bot message in the chat that this user has not consumed yet."""
        return self._hears(chat or self.chat, timeout)

    async def _hears(self, chat: FakeChat, within: float) -> BotMessage:
        message = await self._next(chat.id, within)
        if message is None:
            headline = f"{self.first_name} heard nothing from the bot in chat {chat.id}"
            raise AssertionError(self.fake.diagnose(f"{headline} within {within}s"))
        return message

    def hears_all(
        self, quiet: float = 0.5, timeout: float = 5.0, *, chat: FakeChat | None = None
    ) -> Coroutine[Any, Any, list[BotMessage]]:
        """Await new bot messages until none arrives for ``quiet`` seconds (or ``timeout``)."""
        return self._hears_all((chat or self.chat).id, quiet, timeout)

    async def _hears_all(self, chat_id: int, quiet: float, within: float) -> list[BotMessage]:
        deadline = time.monotonic() + within
        collected: list[BotMessage] = []
        while (remaining := deadline - time.monotonic()) > 0:
            message = await self._next(chat_id, min(quiet, remaining))
            if message is None:
                break
            collected.append(message)
        return collected

    async def _next(self, chat_id: int, within: float) -> BotMessage | None:
        index = self._heard.get(chat_id, 0)
        message = await self.fake.wait_for_bot_message(chat_id, index, within)
        if message is not None:
            self._heard[chat_id] = index + 1
        return message

    def last_answer(self) -> str | None:
        """Text of the last answerCallbackQuery for this user's callback queries."""
        answers = [answer for answer in self.fake.answers if answer.user_id == self.id]
        return answers[-1].text if answers else None

    def callback_answered(
        self, timeout: float = 5.0, query_id: str | None = None
    ) -> Coroutine[Any, Any, CallbackAnswer]:
        """Await the answer to a callback query (default: this user's latest tap)."""
        target = query_id or (self.queries[-1] if self.queries else None)
        if target is None:
            raise AssertionError(f"{self.first_name} has not tapped any button yet")
        return self._answer_of(target, timeout)

    async def _answer_of(self, query_id: str, within: float) -> CallbackAnswer:
        answer = await self.fake.wait_for_answer(query_id, within)
        if answer is None:
            headline = f"callback query {query_id} was not answered within {within}s"
            raise AssertionError(self.fake.diagnose(headline))
        return answer
