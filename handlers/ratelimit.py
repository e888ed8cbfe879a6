"""Pacing requests to Telegram without ever holding everyone up for one chat.

PTB's AIORateLimiter answers a 429 by pausing every request of the bot and retrying inside the
call, so one resident's burst delayed everyone's buttons past Telegram's time-out. Here the
whole bot stays under Telegram's overall rate, a 429 goes straight back to the caller (the
delivery worker then waits `retry_after` for that chat only, and keeps that chat's messages
in order), and button answers and polling are never queued behind messages.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.ext import BaseRateLimiter

OVERALL_PER_SECOND = 30  # Telegram's limit for a bot's messages across all chats
NOT_PACED = frozenset({"answerCallbackQuery", "getUpdates", "getupdates", "getMe", "setMyCommands", "deleteWebhook",
                       "setWebhook", "getWebhookInfo", "close", "logOut"})


class ChannelRateLimiter(BaseRateLimiter[int]):
    """Overall pacing for messages; no retries here (the outbox retries, per chat)."""

    def __init__(self, overall_per_second: float = OVERALL_PER_SECOND) -> None:
        self._overall = AsyncLimiter(overall_per_second, 1)

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Send now (button answers, polling) or within the overall rate; a 429 is the caller's to handle."""
        if endpoint in NOT_PACED:
            return await callback(*args, **kwargs)
        async with self._overall:
            return await callback(*args, **kwargs)
