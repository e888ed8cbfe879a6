"""Delivering to a webhook: once the bot called setWebhook, the fake posts each pending update to it.

Telegram posts an update to the registered HTTPS URL with the header
``X-Telegram-Bot-Api-Secret-Token`` (the ``secret_token`` of setWebhook) and keeps it until the
answer is a 2xx; otherwise it tries again later. The registered URL is the public one (behind a
reverse proxy), so a test names the local address the proxy would pass it to:
``fake.deliver_webhooks_to("http://127.0.0.1:8443/telegram")``. Updates are posted one at a time,
oldest first; ``webhook_answers`` lists the HTTP status of every post (0: no connection).
"""

from __future__ import annotations

import asyncio
import contextlib
import json

import aiohttp

from .state import State

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
RETRY_AFTER = 0.2  # seconds before a failed post is tried again (Telegram waits longer)


class WebhookDelivery(State):
    """Posts pending updates to the bot's webhook while one is set and a local target is named."""

    def _init_webhook(self) -> None:
        self.webhook_answers: list[int] = []
        self._webhook_secret: str | None = None
        self._webhook_target: str | None = None
        self._webhook_task: asyncio.Task | None = None

    def deliver_webhooks_to(self, url: str) -> None:
        """Post updates to ``url`` (where the reverse proxy would pass the registered webhook URL on)."""
        self._webhook_target = url
        if self._webhook_task is None:
            self._webhook_task = asyncio.create_task(self._deliver_webhooks(), name="fakebot-webhook")

    async def _stop_webhooks(self) -> None:
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task
            self._webhook_task = None

    async def _deliver_webhooks(self) -> None:
        async with aiohttp.ClientSession() as session:
            while not self._closing:
                if not (self._webhook_url and self._webhook_target and self._pending):
                    await self._wait_pulse(1.0)
                    continue
                update = self._pending[0]
                update.deliveries += 1
                headers = {SECRET_HEADER: self._webhook_secret} if self._webhook_secret else {}
                try:
                    async with session.post(self._webhook_target, data=json.dumps(update.payload), headers=headers,
                                            timeout=aiohttp.ClientTimeout(total=10)) as answer:
                        status = answer.status
                except (aiohttp.ClientError, TimeoutError):
                    status = 0
                self.webhook_answers.append(status)
                if 200 <= status < 300:
                    if self._pending and self._pending[0] is update:
                        self._pending.pop(0)
                    self._touch()
                else:
                    self._notify()
                    await asyncio.sleep(RETRY_AFTER)
