"""The fake's memory (chats, bot messages, updates, callback queries, files, records) and waiting for changes."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .markup import inline_markup
from .media import FILE_EXTENSIONS, StoredFile
from .records import BotMessage, CallbackAnswer, CallbackRecord, ErrorRecord, FailedRequest, Fault, PendingUpdate
from .spec import JSON, ApiError, ApiSpec, bad_request
from .users import FakeChat, FakeUser


class State:
    """What the fake knows and records; FakeTelegram's parts read and change it."""

    token: str
    bot_username: str
    bot_first_name: str
    privacy_mode: bool
    spec: ApiSpec

    def _init_state(self) -> None:
        self.requests: list[tuple[str, JSON]] = []
        self.violations: list[str] = []
        self.errors: list[ErrorRecord] = []
        self.failed_requests: list[FailedRequest] = []
        self.conflicts: list[str] = []
        self.withheld: list[JSON] = []
        self.answers: list[CallbackAnswer] = []
        self._chats: dict[int, FakeChat] = {}
        self._bot_messages: dict[int, list[BotMessage]] = {}
        self._bot_by_key: dict[tuple[int, int], BotMessage] = {}
        self._user_messages: dict[tuple[int, int], JSON] = {}
        self._deleted: set[tuple[int, int]] = set()
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._update_ids = itertools.count(1)
        self.last_update_id = 0  # the newest update pushed: a bot is done once it handled 1 .. last_update_id
        self._pending: list[PendingUpdate] = []
        self._callbacks: dict[str, CallbackRecord] = {}
        self._callback_ids = itertools.count(1)
        self._files: dict[str, StoredFile] = {}
        self._file_paths: dict[str, StoredFile] = {}
        self._file_ids = itertools.count(1)
        self._faults: dict[str, deque[Fault]] = {}
        self._commands: dict[tuple[str, str], list[JSON]] = {}
        self._reply_keyboards: dict[int, JSON | None] = {}
        self._webhook_url = ""
        self._poll_generation = 0
        self._pulse = asyncio.Event()
        self._closing = False
        self._busy = 0
        self._last_activity = time.monotonic()

    @property
    def bot_id(self) -> int:
        """The bot's user id (the number before the colon of the token)."""
        prefix = self.token.split(":", 1)[0]
        return int(prefix) if prefix.isdigit() else 123456

    @property
    def bot_user(self) -> JSON:
        """The bot as a User object (the ``from`` of its messages)."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    # ----------------------------------------------------------------- waiting

    def _notify(self) -> None:
        """Wake everything waiting for a change (long polls, hears, idle)."""
        self._pulse.set()
        self._pulse = asyncio.Event()

    def _touch(self) -> None:
        self._last_activity = time.monotonic()
        self._notify()

    async def _wait_pulse(self, within: float) -> None:
        pulse = self._pulse
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(pulse.wait(), within)

    async def _wait_until(self, predicate: Callable[[], bool], within: float) -> bool:
        """Wait until ``predicate()`` holds; False after ``within`` seconds or on shutdown."""
        deadline = time.monotonic() + within
        while not predicate():
            left = deadline - time.monotonic()
            if left <= 0 or self._closing:
                return False
            await self._wait_pulse(left)
        return True

    # ----------------------------------------------------------------- chats, messages, files

    def _find_chat(self, chat_id: Any) -> FakeChat | None:
        if isinstance(chat_id, int):
            return self._chats.get(chat_id)
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            wanted = chat_id[1:].lower()
            for chat in self._chats.values():
                if chat.type != "private" and (chat.username or "").lower() == wanted:
                    return chat
        return None

    def _chat(self, chat_id: Any) -> FakeChat:
        chat = self._find_chat(chat_id)
        if chat is None:
            raise bad_request("chat not found", f"chat_id {chat_id!r} is not a chat of the fake")
        return chat

    def _sendable_chat(self, params: JSON) -> FakeChat:
        chat = self._chat(params["chat_id"])
        if chat.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return chat

    def _message_exists(self, key: tuple[int, Any]) -> bool:
        known = key in self._bot_by_key or key in self._user_messages
        return known and key not in self._deleted

    def _next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def _message_payload(self, message: BotMessage) -> JSON:
        payload: JSON = {
            "message_id": message.message_id,
            "date": message.date,
            "chat": self._chats[message.chat_id].to_dict(),
            "from": self.bot_user,
        }
        payload.update(self._content_payload(message))
        if message.edit_date is not None:
            payload["edit_date"] = message.edit_date
        inline = inline_markup(message.reply_markup)
        if inline:
            payload["reply_markup"] = inline
        return payload

    def _content_payload(self, message: BotMessage) -> JSON:
        if message.kind == "text":
            content: JSON = {"text": message.plain}
        else:
            content = {"caption": message.plain} if message.caption is not None else {}
        if message.entities:
            content["entities" if message.kind == "text" else "caption_entities"] = list(
                message.entities
            )
        stored = self._files.get(message.file_id or "")
        if stored is not None and message.kind == "photo":
            content["photo"] = [stored.photo_size()]
        elif stored is not None and message.kind == "document":
            content["document"] = stored.document()
        return content

    def store_file(
        self,
        content: bytes,
        kind: str,
        *,
        filename: str | None = None,
        mime_type: str | None = None,
        size: tuple[int, int] = (0, 0),
        url: str | None = None,
    ) -> StoredFile:
        """Register a file so it has a file_id and can be fetched via getFile."""
        number = next(self._file_ids)
        suffix = Path(filename).suffix if filename else FILE_EXTENSIONS.get(kind, "")
        stored = StoredFile(
            file_id=f"FAKE-{kind}-{number:05d}",
            file_unique_id=f"U{number:05d}",
            content=content,
            file_path=f"{kind}s/file_{number}{suffix}",
            filename=filename,
            mime_type=mime_type,
            width=size[0],
            height=size[1],
            url=url,
        )
        self._files[stored.file_id] = stored
        self._file_paths[stored.file_path] = stored
        return stored


def chat_id_of(chat: int | FakeChat | FakeUser) -> int:
    """Chat id of an int, a FakeChat or a FakeUser (their private chat)."""
    return chat if isinstance(chat, int) else chat.id
