"""At-least-once intake for Telegram: every update is stored before Telegram is told it arrived.

PTB's own Updater confirms a batch (with the offset of its next getUpdates) as soon as it has
queued it, so a crash before the handlers ran loses the batch. Here our own loop over
`get_updates` writes each batch to the inbox table first; only then does the next call
confirm it. Stored updates are handled through `Application.process_update`, concurrently
for different people and in order for one person; a handled update is marked done in the
same commit as its decision, and a redelivered `update_id` is ignored. At start-up, whatever
was stored but not handled is handled first.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from datetime import timedelta

from telegram import Update
from telegram.error import InvalidToken, NetworkError
from telegram.ext import Application

from store import Store

log = logging.getLogger("wijkwijzer.intake")
POLL_TIMEOUT = 10  # seconds Telegram may hold a getUpdates call open
MAX_BACKOFF = 60
KEEP_HANDLED = timedelta(days=2)  # Telegram keeps an unconfirmed update at most 24 hours
PRUNE_EVERY = 200
GET_UPDATES = "getupdates"  # Bot API method names are case-insensitive; PTB warns on "getUpdates" (Bot has it)
READ_MARGIN = 5  # seconds beyond the long poll before the read times out (PTB's default read timeout)
PENDING_PAGE = 500
ALLOWED_UPDATES = list(Update.ALL_TYPES)


def key_of(update: Update) -> str:
    """Whose update this is: updates of one person are handled in order."""
    user, chat = update.effective_user, update.effective_chat
    if user is not None:
        return f"user:{user.id}"
    if chat is not None:
        return f"chat:{chat.id}"
    return f"update:{update.update_id}"


class Intake:
    """Polls Telegram into the inbox and hands stored updates to the Application."""

    def __init__(self, application: Application, store: Store) -> None:
        self.application, self.store = application, store
        self._tails: dict[str, asyncio.Task] = {}  # per person: the last update being handled
        self._running: set[int] = set()
        self._offset: int | None = None
        self._backlog = False  # more unhandled updates were stored than one page of dispatch_pending

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until `stop` is set; first handle what was stored before a crash."""
        await self.dispatch_pending()
        failures = 0
        while not stop.is_set():
            poll = asyncio.create_task(self.poll_once())
            stopping = asyncio.create_task(stop.wait())
            await asyncio.wait({poll, stopping}, return_when=asyncio.FIRST_COMPLETED)
            stopping.cancel()
            if not poll.done():  # stopping: a batch that was not stored is not confirmed either
                poll.cancel()
                with contextlib.suppress(asyncio.CancelledError, NetworkError):
                    await poll
                break
            try:
                fetched = poll.result()
                failures = 0
            except InvalidToken:
                raise
            except NetworkError as exc:  # Telegram unreachable for a moment: one line, then back off
                failures += 1
                wait = min(MAX_BACKOFF, 2 ** failures)
                log.warning("getUpdates failed (%s); trying again in %d s", type(exc).__name__, wait)
                await _sleep_or_stop(stop, wait)
                continue
            if self._backlog:  # more was stored before than one page: read it back page by page
                await self.dispatch_pending()
            else:  # the new updates, as they came (they are stored; nothing else is pending)
                for update_id, data in fetched:
                    self._dispatch(update_id, data)
        await self.drain()

    async def poll_once(self) -> list[tuple[int, dict]]:
        """One getUpdates call; the batch is committed to the inbox before the next call confirms it. The updates
        that are new (not stored before), in order."""
        # Raw JSON, not Bot.get_updates: PTB parses the whole batch at once, so one update it cannot read
        # (a newer Bot API, a required field it misses) would fail every poll and never be confirmed; it
        # would also log the batch, message texts included. Each update is parsed on its own when handled.
        updates = await self.application.bot.do_api_request(
            GET_UPDATES, api_kwargs={"offset": self._offset, "timeout": POLL_TIMEOUT,
                                     "allowed_updates": ALLOWED_UPDATES},
            read_timeout=POLL_TIMEOUT + READ_MARGIN)
        updates = [u for u in updates or [] if isinstance(u, dict) and isinstance(u.get("update_id"), int)]
        if not updates:
            return []
        new = await self.store.inbox.add_batch([(u["update_id"], json.dumps(u, ensure_ascii=False))
                                                for u in updates])  # one statement, committed on its own
        self._offset = updates[-1]["update_id"] + 1
        return [(u["update_id"], u) for u in updates if u["update_id"] in new]

    async def dispatch_pending(self) -> None:
        """Start handling every stored update that is not handled or being handled yet (at start-up, and while
        more was stored than one page holds)."""
        pending = await self.store.inbox.pending(limit=PENDING_PAGE)
        self._backlog = len(pending) >= PENDING_PAGE
        for update_id, payload in pending:
            if update_id not in self._running:
                self._dispatch(update_id, payload)

    def _dispatch(self, update_id: int, data: dict | str) -> None:
        """Handle one stored update: after the one before it of the same person, beside everyone else's."""
        if update_id in self._running:
            return
        try:
            update = Update.de_json(json.loads(data) if isinstance(data, str) else data, self.application.bot)
        except Exception as exc:  # noqa: BLE001 - an update this PTB cannot read is skipped, never fatal
            log.warning("update %s could not be read (%s); skipped", update_id, type(exc).__name__)
            update = None
        self._running.add(update_id)
        if update is None:
            key, work = f"update:{update_id}", self._skip(update_id)
        else:
            key = key_of(update)
            work = self._handle(self._tails.get(key), update)
        task = asyncio.create_task(work, name=f"wijkwijzer-update-{update_id}")
        self._tails[key] = task
        task.add_done_callback(lambda t, k=key: self._tails.pop(k, None) if self._tails.get(k) is t else None)

    async def _skip(self, update_id: int) -> None:
        try:
            await self._done(update_id)
        finally:
            self._running.discard(update_id)

    async def _handle(self, previous: asyncio.Task | None, update: Update) -> None:
        if previous is not None:
            await asyncio.wait({previous})  # one person's updates in order; its failure is its own
        try:
            await self.application.process_update(update)  # errors go to the Application's error handler
        except Exception:  # noqa: BLE001 - process_update already reported it
            log.warning("update %s could not be handled", update.update_id)
        finally:
            await self._done(update.update_id)
            self._running.discard(update.update_id)

    async def _done(self, update_id: int) -> None:
        """Handled (the conversation marks its own updates done in their commit; this is for the rest)."""
        if not self.store.inbox.done_in_commit(update_id):
            await self.store.inbox.mark_done(update_id)  # one statement, committed on its own
        if update_id % PRUNE_EVERY == 0:
            async with self.store.transaction() as tx:
                await self.store.inbox.prune(tx, self.store.now() - KEEP_HANDLED)

    async def drain(self) -> None:
        """Wait for the updates being handled now (at shutdown)."""
        tails = list(self._tails.values())
        if tails:
            await asyncio.wait(tails)


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)
