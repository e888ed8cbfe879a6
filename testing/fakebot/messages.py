"""The bot's side of a chat: sending, editing and deleting messages, answering callback queries, files."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlsplit

from .formatting import FormattedText, check_text
from .markup import check_reply_markup, inline_markup
from .media import StoredFile, check_upload
from .records import BotMessage, CallbackAnswer, MessageVersion
from .spec import JSON, UploadedFile, bad_request
from .state import State
from .users import FakeChat

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"


class Messages(State):
    """The Bot API methods that send, change and answer things in chats."""

    async def _get_chat(self, params: JSON) -> JSON:
        chat = self._chat(params["chat_id"])
        gifts = ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription")
        return {
            **chat.to_dict(),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {**dict.fromkeys(gifts, False), "gifts_from_channels": False},
        }

    async def _send_chat_action(self, params: JSON) -> bool:
        self._sendable_chat(params)
        if params["action"] not in self.spec.rules["chat_actions"]:
            raise bad_request("wrong parameter action in request", f"got {params['action']!r}")
        return True

    # ----------------------------------------------------------------- sending

    def _check_reply_to(self, chat: FakeChat, params: JSON) -> None:
        reply = params.get("reply_parameters")
        if not isinstance(reply, dict) or reply.get("allow_sending_without_reply"):
            return
        target = self._find_chat(reply.get("chat_id", chat.id)) or chat
        if not self._message_exists((target.id, reply.get("message_id"))):
            raise bad_request("message to be replied not found")

    async def _send_message(self, params: JSON) -> JSON:
        chat = self._sendable_chat(params)
        parse_mode = params.get("parse_mode")
        formatted = check_text(
            params["text"], parse_mode, params.get("entities"), limit=self.spec.limits["text_length"], caption=False
        )
        markup = check_reply_markup(self.spec, params.get("reply_markup"), inline_only=False)
        self._check_reply_to(chat, params)
        message = self._new_message(chat, "sendMessage", "text", params, formatted, markup)
        message.text = params["text"]
        return self._publish(message)

    async def _send_photo(self, params: JSON) -> JSON:
        return self._send_media(params, "photo", "sendPhoto")

    async def _send_document(self, params: JSON) -> JSON:
        return self._send_media(params, "document", "sendDocument")

    def _send_media(self, params: JSON, kind: str, method: str) -> JSON:
        chat = self._sendable_chat(params)
        stored = self._media_input(params[kind], kind)
        caption = params.get("caption")
        formatted = check_text(
            caption or "",
            params.get("parse_mode"),
            params.get("caption_entities"),
            limit=self.spec.limits["caption_length"],
            caption=True,
        )
        markup = check_reply_markup(self.spec, params.get("reply_markup"), inline_only=False)
        self._check_reply_to(chat, params)
        message = self._new_message(chat, method, kind, params, formatted, markup)
        message.text = message.caption = caption
        message.file_id = stored.file_id
        if kind == "photo":
            message.photo = stored.content
        else:
            message.document, message.filename = stored.content, stored.filename
        return self._publish(message)

    def _media_input(self, value: Any, kind: str) -> StoredFile:
        if isinstance(value, UploadedFile):
            return self._store_upload(value, kind)
        if isinstance(value, str) and value in self._files:
            return self._files[value]
        if isinstance(value, str) and urlsplit(value).scheme in ("http", "https"):
            return self.store_file(b"", kind, url=value)
        raise bad_request(
            "wrong file identifier/HTTP URL specified", f"{kind}={value!r} is unknown to the fake"
        )

    def _store_upload(self, upload: UploadedFile, kind: str) -> StoredFile:
        size = check_upload(self.spec, upload, kind)
        return self.store_file(
            upload.content,
            kind,
            filename=upload.filename,
            mime_type=upload.content_type,
            size=size,
        )

    def _new_message(
        self,
        chat: FakeChat,
        method: str,
        kind: str,
        params: JSON,
        formatted: FormattedText,
        markup: JSON | None,
    ) -> BotMessage:
        return BotMessage(
            message_id=self._next_message_id(chat.id),
            chat_id=chat.id,
            method=method,
            kind=kind,
            date=int(time.time()),
            text=None,
            parse_mode=params.get("parse_mode"),
            reply_markup=markup,
            plain=formatted.text,
            entities=list(formatted.entities),
            params=params,
        )

    def _publish(self, message: BotMessage) -> JSON:
        self._bot_messages.setdefault(message.chat_id, []).append(message)
        self._bot_by_key[(message.chat_id, message.message_id)] = message
        markup = message.reply_markup or {}
        if "keyboard" in markup:
            self._reply_keyboards[message.chat_id] = markup
        elif markup.get("remove_keyboard"):
            self._reply_keyboards[message.chat_id] = None
        self._notify()
        return self._message_payload(message)

    # ----------------------------------------------------------------- editing, deleting

    def _editable_message(self, params: JSON) -> BotMessage:
        if params.get("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID", "inline messages are not simulated")
        if params.get("chat_id") in (None, ""):
            raise bad_request("chat_id is empty")
        chat = self._chat(params["chat_id"])
        if params.get("message_id") is None:
            raise bad_request("message identifier is not specified")
        key = (chat.id, params["message_id"])
        message = self._bot_by_key.get(key)
        if message is not None and not message.deleted:
            return message
        if self._message_exists(key):
            raise bad_request("message can't be edited", "it was sent by a user, not the bot")
        raise bad_request("message to edit not found")

    async def _edit_message_text(self, params: JSON) -> JSON:
        message = self._editable_message(params)
        if message.kind != "text":
            raise bad_request("there is no text in the message to edit")
        if params.get("text") is None:
            raise bad_request("message text is empty")
        formatted = check_text(
            params["text"],
            params.get("parse_mode"),
            params.get("entities"),
            limit=self.spec.limits["text_length"],
            caption=False,
        )
        markup = check_reply_markup(self.spec, params.get("reply_markup"), inline_only=True)
        self._apply_edit(message, params["text"], params.get("parse_mode"), formatted, markup)
        return self._message_payload(message)

    async def _edit_message_reply_markup(self, params: JSON) -> JSON:
        message = self._editable_message(params)
        markup = check_reply_markup(self.spec, params.get("reply_markup"), inline_only=True)
        current = FormattedText(message.plain, tuple(message.entities))
        self._apply_edit(message, message.text, message.parse_mode, current, markup)
        return self._message_payload(message)

    def _apply_edit(
        self,
        message: BotMessage,
        text: str | None,
        parse_mode: str | None,
        formatted: FormattedText,
        markup: JSON | None,
    ) -> None:
        """Replace content and inline keyboard (omitting reply_markup removes the keyboard)."""
        before = (message.plain, list(message.entities), inline_markup(message.reply_markup))
        if before == (formatted.text, list(formatted.entities), inline_markup(markup)):
            raise bad_request(NOT_MODIFIED)
        message.history.append(
            MessageVersion(
                message.text,
                message.plain,
                message.parse_mode,
                message.reply_markup,
                message.edit_date or message.date,
            )
        )
        message.text, message.parse_mode, message.reply_markup = text, parse_mode, markup
        message.plain, message.entities = formatted.text, list(formatted.entities)
        message.edit_date = int(time.time())
        self._notify()

    async def _delete_message(self, params: JSON) -> bool:
        chat = self._chat(params["chat_id"])
        key = (chat.id, params["message_id"])
        if not self._message_exists(key):
            raise bad_request("message to delete not found")
        self._deleted.add(key)
        message = self._bot_by_key.get(key)
        if message is not None:
            message.deleted = True
        self._notify()
        return True

    # ----------------------------------------------------------------- callbacks, files

    async def _answer_callback_query(self, params: JSON) -> bool:
        record = self._callbacks.get(str(params["callback_query_id"]))
        if record is None or record.answer is not None:
            raise bad_request(QUERY_TOO_OLD, "unknown or already answered callback_query_id")
        text = params.get("text")
        limit = self.spec.limits["callback_answer_length"]
        if text is not None and len(text) > limit:
            raise bad_request("MESSAGE_TOO_LONG", f"answer text has {len(text)} characters, limit {limit}")
        record.answer = CallbackAnswer(
            record.query_id,
            record.user_id,
            text,
            bool(params.get("show_alert")),
            params.get("url"),
        )
        self.answers.append(record.answer)
        self._notify()
        return True

    async def _get_file(self, params: JSON) -> JSON:
        stored = self._files.get(str(params["file_id"]))
        if stored is None:
            raise bad_request("invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": stored.file_path,
        }
