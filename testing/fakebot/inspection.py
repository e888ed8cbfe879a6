"""What the tests ask the fake: the bot's messages, calls, pending updates, callback answers, and waiting."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from .records import BotMessage, CallbackAnswer, CallbackRecord
from .spec import JSON, summarize
from .state import State, chat_id_of
from .users import FakeChat, FakeUser


class Inspection(State):
    """Read-only questions about the fake's state, assertions with diagnostics, and waits for the bot."""

    def sent_to(self, chat: int | FakeChat | FakeUser) -> list[BotMessage]:
        """The bot's messages in a chat, in sending order (deleted ones are flagged)."""
        return list(self._bot_messages.get(chat_id_of(chat), []))

    def calls(self, method: str) -> list[JSON]:
        """Parameters of every processed call of ``method`` (case-insensitive)."""
        return [params for name, params in self.requests if name.lower() == method.lower()]

    def pending_updates(self) -> list[JSON]:
        """Updates pushed but not yet confirmed by the bot (with an offset)."""
        return [update.payload for update in self._pending]

    def unanswered_callbacks(self) -> list[str]:
        """Ids of callback queries the bot never answered."""
        return [query_id for query_id, q in self._callbacks.items() if q.answer is None]

    def callback(self, query_id: str) -> CallbackRecord:
        """The record of a callback query pushed by a simulated user."""
        return self._callbacks[query_id]

    def commands(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """Commands the bot registered with setMyCommands for a scope and language."""
        return list(self._commands.get(scope_key(scope, language_code), []))

    def reply_keyboard_labels(self, chat: int | FakeChat | FakeUser) -> list[str]:
        """Labels of the reply keyboard the bot currently shows in a chat."""
        markup = self._reply_keyboards.get(chat_id_of(chat)) or {}
        rows = markup.get("keyboard") or []
        return [b.get("text", "") if isinstance(b, dict) else str(b) for row in rows for b in row]

    def bot_message(self, chat_id: int, message_id: int | None) -> BotMessage | None:
        """A bot message by id, or (id None) the newest with an inline keyboard or newest."""
        if message_id is not None:
            message = self._bot_by_key.get((chat_id, message_id))
            if message is None:
                raise AssertionError(f"the bot sent no message {message_id} in chat {chat_id}")
            return message
        messages = [m for m in self._bot_messages.get(chat_id, []) if not m.deleted]
        return self.newest_keyboard_message(chat_id) or (messages[-1] if messages else None)

    def newest_keyboard_message(self, chat_id: int) -> BotMessage | None:
        """The newest undeleted bot message in a chat that has an inline keyboard."""
        for message in reversed(self._bot_messages.get(chat_id, [])):
            if not message.deleted and message.inline_buttons():
                return message
        return None

    def find_button(self, chat_id: int, label: str) -> tuple[BotMessage, JSON]:
        """Find the button a user means by ``label`` (newest message first, exact preferred)."""
        needle = label.casefold()
        keyboards = [m for m in reversed(self._bot_messages.get(chat_id, [])) if not m.deleted]
        keyboards = [m for m in keyboards if m.inline_buttons()]
        for message in keyboards:
            buttons = message.inline_buttons()
            exact = [b for b in buttons if str(b.get("text", "")).casefold() == needle]
            partial = [b for b in buttons if needle in str(b.get("text", "")).casefold()]
            if exact or len(partial) == 1:
                return message, (exact or partial)[0]
            if partial:
                labels = [b.get("text") for b in partial]
                raise AssertionError(
                    f"{label!r} is ambiguous in message {message.message_id}: {labels}"
                )
        available = "; ".join(f"message {m.message_id}: {m.button_labels()}" for m in keyboards[:5])
        raise AssertionError(
            f"no inline button matching {label!r} in chat {chat_id}; "
            f"available: {available or 'no inline keyboards'}"
        )

    def assert_clean(self) -> None:
        """Raise AssertionError listing violations and unanswered callback queries."""
        problems = [f"violation: {violation}" for violation in self.violations]
        problems += [
            f"callback query {query_id} (data {self._callbacks[query_id].data!r}) never answered"
            for query_id in self.unanswered_callbacks()
        ]
        if problems:
            listing = "\n".join(f"  - {problem}" for problem in problems)
            raise AssertionError(f"fake Telegram saw problems:\n{listing}")

    def diagnose(self, headline: str) -> str:
        """``headline`` plus hints about the fake's state, for assertion messages."""
        lines = [headline]
        undelivered = sum(1 for update in self._pending if update.deliveries == 0)
        if undelivered:
            lines.append(f"{undelivered} update(s) not fetched yet: is the bot polling this fake?")
        if self.withheld:
            lines.append(
                f"{len(self.withheld)} group message(s) withheld by privacy mode "
                "(only commands and replies to the bot reach it)"
            )
        lines += [f"violation: {violation}" for violation in self.violations[-5:]]
        lines += [f"injected {f.kind} on {f.method}" for f in self.failed_requests[-5:]]
        recent = [f"{m}({summarize(p)})" for m, p in self.requests if m != "getUpdates"][-8:]
        lines.append("recent requests: " + ("; ".join(recent) if recent else "none"))
        return "\n  ".join(lines)

    # ----------------------------------------------------------------- waiting

    async def idle(self, quiet: float = 0.3, max_wait: float = 10.0) -> None:
        """Wait until all updates were fetched and no request came in for ``quiet`` seconds.

        Raises AssertionError (with diagnostics) if that does not happen within ``max_wait``.
        """
        deadline = time.monotonic() + max_wait
        while (remaining := self._quiet_remaining(quiet)) > 0:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(self.diagnose(f"fake Telegram not idle after {max_wait}s"))
            await self._wait_pulse(min(remaining, left))

    async def all_confirmed(self, max_wait: float = 5.0) -> None:
        """Wait until the bot has confirmed (with a getUpdates offset) every update."""
        await self.wait_for(lambda: not self._pending, max_wait, "all updates confirmed")

    async def wait_for(
        self, predicate: Callable[[], object], max_wait: float = 5.0, what: str = "condition"
    ) -> None:
        """Wait until ``predicate()`` is truthy; it is re-checked whenever the fake changes.

        The fake changes on every request, fault, update, answer and bot message, so e.g.
        ``await fake.wait_for(lambda: fake.failed_requests)`` waits for an injected fault.
        """
        if not await self._wait_until(lambda: bool(predicate()), max_wait):
            raise AssertionError(self.diagnose(f"{what} did not happen within {max_wait}s"))

    def _quiet_remaining(self, quiet: float) -> float:
        if self._busy or any(update.deliveries == 0 for update in self._pending):
            return quiet
        return quiet - (time.monotonic() - self._last_activity)

    async def wait_for_bot_message(
        self, chat_id: int, index: int, within: float
    ) -> BotMessage | None:
        """The bot's ``index``-th message in a chat, waiting up to ``within`` seconds."""
        messages = self._bot_messages.setdefault(chat_id, [])
        if await self._wait_until(lambda: len(messages) > index, within):
            return messages[index]
        return None

    async def wait_for_answer(self, query_id: str, within: float) -> CallbackAnswer | None:
        """The answer to a callback query, waiting up to ``within`` seconds."""
        record = self._callbacks[query_id]
        await self._wait_until(lambda: record.answer is not None, within)
        return record.answer



def scope_key(scope: JSON | None, language_code: str) -> tuple[str, str]:
    """Storage key for commands of a BotCommandScope and language."""
    return json.dumps(scope or {"type": "default"}, sort_keys=True), language_code
