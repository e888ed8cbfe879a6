"""Updates: what the simulated people post, and how the bot fetches and confirms it (getUpdates, webhooks)."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from .formatting import command_entities
from .records import BotMessage, CallbackRecord, PendingUpdate
from .spec import JSON, ApiError, bad_request
from .state import State
from .users import FakeChat, FakeUser

CALLBACK_ID_BASE = 4_000_000_000_000
CONFLICT_OTHER_POLL = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)


class Updates(State):
    """The update queue: pushing updates for the simulated people, and getUpdates with confirmation by offset."""

    def push_update(self, payload: JSON) -> int:
        """Queue a raw update (``update_id`` is added); return its update_id.

        A raw callback query is remembered like a tapped one: the bot may answer it, and
        ``assert_clean`` reports it when the bot never does.
        """
        query = payload.get("callback_query")
        if isinstance(query, dict) and str(query.get("id")) not in self._callbacks:
            chat = (query.get("message") or {}).get("chat") or {}
            message_id = (query.get("message") or {}).get("message_id")
            user_id = (query.get("from") or {}).get("id", 0)
            self._callbacks[str(query.get("id"))] = CallbackRecord(
                str(query.get("id")), user_id, chat.get("id", user_id), str(query.get("data", "")), message_id
            )
        update_id = self.last_update_id = next(self._update_ids)
        self._pending.append(PendingUpdate(update_id, {"update_id": update_id, **payload}))
        self._touch()
        return update_id

    def post_user_message(
        self, user: FakeUser, chat: FakeChat, content: JSON, reply_to: int | None = None
    ) -> int:
        """Store a user's message and deliver it unless group privacy mode hides it."""
        message_id = self._next_message_id(chat.id)
        message: JSON = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat.to_dict(),
            "from": user.to_dict(),
            **content,
        }
        if reply_to is not None:
            message["reply_to_message"] = self._message_for_reply(chat.id, reply_to)
        self._user_messages[(chat.id, message_id)] = message
        if self._visible_to_bot(chat, content, reply_to):
            self.push_update({"message": message})
        else:
            self.withheld.append(message)
            self._touch()
        return message_id

    def post_user_edit(self, user: FakeUser, chat: FakeChat, message_id: int, text: str) -> None:
        """Change a user's text message and deliver an edited_message update."""
        original = self._user_messages.get((chat.id, message_id))
        if original is None or original["from"]["id"] != user.id or "text" not in original:
            raise AssertionError(f"{user.first_name} has no text message {message_id} to edit")
        edited = {**original, "text": text, "edit_date": int(time.time())}
        edited.pop("entities", None)
        if command_entities(text):
            edited["entities"] = command_entities(text)
        self._user_messages[(chat.id, message_id)] = edited
        if self._visible_to_bot(chat, edited, None):
            self.push_update({"edited_message": edited})

    def post_callback_query(
        self, user: FakeUser, chat: FakeChat, data: str, message: BotMessage | None
    ) -> str:
        """Deliver a callback query for ``message`` and return its id."""
        query_id = str(CALLBACK_ID_BASE + next(self._callback_ids))
        query: JSON = {
            "id": query_id,
            "from": user.to_dict(),
            "chat_instance": str(abs(chat.id) * 7919 + 17),
            "data": data,
        }
        if message is not None:
            query["message"] = self._message_payload(message)
        message_id = message.message_id if message else None
        self._callbacks[query_id] = CallbackRecord(query_id, user.id, chat.id, data, message_id)
        self.push_update({"callback_query": query})
        return query_id

    def post_membership(self, user: FakeUser, status: str) -> None:
        """Deliver a my_chat_member update for the bot in the user's private chat."""
        old_status = "member" if status == "kicked" else "kicked"
        self.push_update(
            {
                "my_chat_member": {
                    "chat": user.chat.to_dict(),
                    "from": user.to_dict(),
                    "date": int(time.time()),
                    "old_chat_member": _member(self.bot_user, old_status),
                    "new_chat_member": _member(self.bot_user, status),
                }
            }
        )

    def _message_for_reply(self, chat_id: int, message_id: int) -> JSON:
        bot_message = self._bot_by_key.get((chat_id, message_id))
        if bot_message is not None:
            return self._message_payload(bot_message)
        message = self._user_messages.get((chat_id, message_id))
        if message is None:
            raise AssertionError(f"no message {message_id} in chat {chat_id} to reply to")
        return {key: value for key, value in message.items() if key != "reply_to_message"}

    def _visible_to_bot(self, chat: FakeChat, content: JSON, reply_to: int | None) -> bool:
        """Privacy mode: in groups the bot only gets commands and replies to its messages."""
        if chat.type == "private" or not self.privacy_mode:
            return True
        if reply_to is not None and (chat.id, reply_to) in self._bot_by_key:
            return True
        text = content.get("text", "")
        if not command_entities(text):
            return False
        _, _, addressee = text.split(maxsplit=1)[0].partition("@")
        return not addressee or addressee.lower() == self.bot_username.lower()

    # ----------------------------------------------------------------- Bot API methods

    async def _get_updates(self, params: JSON) -> list[JSON]:
        if self._webhook_url:
            raise ApiError(409, CONFLICT_WEBHOOK)
        self._confirm(int(params.get("offset") or 0))
        most = self.spec.limits["updates_per_poll"]
        limit = min(max(int(params.get("limit") or most), 1), most)
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()
        await self._wait_until(
            lambda: bool(self._pending) or generation != self._poll_generation,
            max(float(params.get("timeout") or 0), 0.0),
        )
        if generation != self._poll_generation:
            self.conflicts.append("two getUpdates requests overlapped; the older one got 409")
            raise ApiError(409, CONFLICT_OTHER_POLL)
        batch = self._pending[:limit]
        for update in batch:
            update.deliveries += 1
        if batch:
            self._touch()
        return [update.payload for update in batch]

    def _confirm(self, offset: int) -> None:
        """Forget updates confirmed by ``offset`` (negative: keep only the last -offset)."""
        before = len(self._pending)
        if offset > 0:
            self._pending = [u for u in self._pending if u.update_id >= offset]
        elif offset < 0:
            self._pending = self._pending[offset:]
        if len(self._pending) != before:
            self._notify()

    async def _delete_webhook(self, params: JSON) -> bool:
        self._webhook_url = ""
        self._webhook_secret = None
        if params.get("drop_pending_updates"):
            self._pending.clear()
        return True

    async def _set_webhook(self, params: JSON) -> bool:
        url = str(params["url"])
        if url and urlsplit(url).scheme != "https":
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self._webhook_url = url
        self._webhook_secret = params.get("secret_token") or None
        if params.get("drop_pending_updates"):
            self._pending.clear()
        return True

    async def _get_webhook_info(self, params: JSON) -> JSON:
        return {
            "url": self._webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending),
        }



def _member(user: JSON, status: str) -> JSON:
    """A ChatMember object of the given status."""
    member: JSON = {"user": user, "status": status}
    if status == "kicked":
        member["until_date"] = 0
    return member
