"""Webhook mode: Telegram posts each update to us (behind a reverse proxy) instead of our long poll.

The same at-least-once intake as polling (handlers/intake.py): an update is committed to the inbox
BEFORE Telegram gets its 200, so Telegram keeps and re-sends whatever we did not store; stored
updates are handled by the same `Intake.dispatch_pending` (in order per person, each once), and at
start-up whatever was stored but not handled is handled first. A request without Telegram's
`X-Telegram-Bot-Api-Secret-Token` header, or with a wrong one, gets 403 and is never stored.
`GET /healthz` answers 200 with a small JSON while the database answers and the last tick is
recent, 503 otherwise. The server is aiohttp's.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import time

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from config import Config
from handlers import common
from handlers.app import StartupError
from handlers.health import HEARTBEAT, Health
from handlers.intake import Intake

log = logging.getLogger("wijkwijzer.webhook")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
HEALTH_PATH = "/healthz"
MAX_BODY = 1024 * 1024  # an update is a few kB; Telegram's own limit on a message is far below this


class Webhook:
    """Registers the webhook with Telegram, serves it, and hands what it stored to the intake."""

    def __init__(self, config: Config) -> None:
        assert config.webhook_url and config.webhook_secret, "Config checks both in webhook mode"
        self.config = config
        self._secret = config.webhook_secret.encode()
        self._arrived = asyncio.Event()
        self.application: Application | None = None

    async def hello(self, application: Application) -> None:
        """setWebhook with the secret: from now on Telegram posts every kind of update to us."""
        await application.bot.set_webhook(self.config.webhook_url, secret_token=self.config.webhook_secret,
                                          allowed_updates=list(Update.ALL_TYPES))

    def web_app(self) -> web.Application:
        """The aiohttp application: the webhook path and /healthz."""
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_post(self.config.webhook_path, self.receive)
        app.router.add_get(HEALTH_PATH, self.healthz)
        return app

    async def take_in(self, application: Application, stop: asyncio.Event) -> None:
        """Serve the webhook until `stop` is set; first handle what was stored before a crash."""
        self.application = application
        intake = Intake(application, common.house_of(application).store)
        await intake.dispatch_pending()
        runner = web.AppRunner(self.web_app(), access_log=None, handler_cancellation=False, shutdown_timeout=5.0)
        await runner.setup()
        try:
            try:
                await web.TCPSite(runner, self.config.webhook_listen, self.config.webhook_port).start()
            except OSError as exc:
                raise StartupError(f"The webhook cannot listen on {self.config.webhook_listen}:"
                                   f"{self.config.webhook_port}: {exc.strerror or exc}.") from None
            log.info("webhook: listening on %s:%d%s (and %s)", self.config.webhook_listen, self.config.webhook_port,
                     self.config.webhook_path, HEALTH_PATH)
            dispatching = asyncio.create_task(self._dispatch(intake, stop), name="wijkwijzer-webhook-dispatch")
            await stop.wait()
        finally:
            await runner.cleanup()  # nothing new comes in (Telegram keeps what it could not post)
        self._arrived.set()
        await dispatching
        await intake.drain()

    async def _dispatch(self, intake: Intake, stop: asyncio.Event) -> None:
        """One dispatcher: every stored update goes to the intake, one pass at a time."""
        while not stop.is_set():
            await self._arrived.wait()
            self._arrived.clear()
            try:
                await intake.dispatch_pending()
            except Exception:  # noqa: BLE001 - stored updates stay pending; the next arrival tries again
                log.warning("webhook: stored updates could not be handed on yet", exc_info=True)

    async def receive(self, request: web.Request) -> web.Response:
        """One update from Telegram: check the secret, store it, then say 200."""
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, self._secret):
            log.warning("webhook: a request without the right secret token was refused (403)")
            return web.Response(status=403, text="Forbidden")
        try:
            update = await request.json(loads=json.loads)
        except ValueError:
            return web.Response(status=400, text="not JSON")
        if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
            return web.Response(status=400, text="not an update")
        store = common.house_of(self.application).store
        async with store.transaction() as tx:  # committed before Telegram hears it arrived
            await store.inbox.add(tx, update["update_id"], json.dumps(update, ensure_ascii=False))
        self._arrived.set()
        return web.Response(status=200)

    async def healthz(self, request: web.Request) -> web.Response:
        """200 with a small JSON while the database answers and the last tick is recent; 503 otherwise."""
        house = common.house_of(self.application)
        database = False
        with contextlib.suppress(Exception):
            await asyncio.wait_for(house.store.db.ping(), 5)
            database = True
        last = self.application.bot_data[HEARTBEAT].last
        health = Health(database, None if last is None else time.time() - last, self.config.health_stale_seconds)
        return web.json_response(health.as_json(), status=200 if health.ok else 503)

