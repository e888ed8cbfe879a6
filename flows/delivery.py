"""The delivery worker: sends what the outbox holds, marks it once the channel confirms, retries the rest.

The policy lives here (what to send, when to retry, when to give up); a channel only provides a
`Sender` that tries once and answers Delivered, RetryLater or Unreachable. Driven by rows in
the database: after a crash or restart, whatever was not confirmed goes out.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from flows.handoff.rendering import Renderer
from flows.handoff.start import enqueue
from flows.recipients import ANONYMOUS, ToMember, decode
from flows.replies import Reply
from store import OutboxItem, Person, Store

log = logging.getLogger("wijkwijzer.delivery")
MAX_ATTEMPTS = 20  # then the item is settled as undeliverable (a card goes to the coordinator instead)
MAX_BACKOFF_SECONDS = 300
PAGE = 50


@dataclass(frozen=True)
class Delivered:
    """The channel confirmed; the ids of the messages it made."""

    message_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class RetryLater:
    """Not now: after `seconds` when the channel said so, else with growing back-off."""

    error: str
    seconds: float | None = None


@dataclass(frozen=True)
class Unreachable:
    """Nobody can receive it there (blocked, unknown chat)."""

    reason: str


Outcome = Delivered | RetryLater | Unreachable


class Sender(Protocol):
    """A channel's way to send a flow's replies to one person."""

    def handles(self, person: Person) -> bool:
        """Whether this sender reaches the person (their channel, their terminal)."""

    async def send(self, person: Person, replies: list[Reply]) -> Outcome:
        """Try once."""


def next_attempt(now: datetime, attempts: int, retry_after: float | None = None) -> datetime:
    """The channel's retry_after when it gave one; otherwise 1, 2, 4, ... seconds, at most five minutes."""
    if retry_after is not None:
        return now + timedelta(seconds=retry_after)
    return now + timedelta(seconds=min(MAX_BACKOFF_SECONDS, 2 ** attempts))


class DeliveryWorker:
    """Delivers due outbox items one at a time; a second call while busy makes the running one look again."""

    def __init__(self, store: Store, renderer: Renderer, senders: list[Sender]) -> None:
        self.store, self.renderer, self.senders = store, renderer, senders
        self.busy = asyncio.Lock()
        self._again = False
        self._wake: asyncio.TimerHandle | None = None

    def sender_for(self, person: Person) -> Sender | None:
        return next((s for s in self.senders if s.handles(person)), None)

    async def deliver_due(self) -> int:
        """Send every due item once; returns how many were settled."""
        if self.busy.locked():
            self._again = True
            return 0
        settled = 0
        async with self.busy:
            while True:
                self._again = False
                this_pass, after = 0, 0
                waiting: set[str] = set()  # recipients with an older item still on its way after this pass
                while items := await self.store.outbox.due(limit=PAGE, after_id=after):
                    for item, held in items:
                        this_pass += await self._deliver_one(item, held or item.recipient in waiting, waiting)
                    if len(items) < PAGE:
                        break  # the last page (anything stored since: the next pass, or the call that stored it)
                    after = items[-1][0].id
                settled += this_pass
                if not this_pass and not self._again:
                    await self._wake_for_retries()
                    return settled  # what is left is for later, or for another channel

    async def _wake_for_retries(self) -> None:
        """Come back when the first retry is due (a 429's retry_after), not only at the next tick."""
        soonest = await self.store.outbox.soonest_retry()
        if soonest is None:
            return
        delay = min(MAX_BACKOFF_SECONDS, max(0.05, (soonest - self.store.now()).total_seconds()))
        if self._wake is not None:
            self._wake.cancel()
        loop = asyncio.get_running_loop()
        self._wake = loop.call_later(delay, lambda: loop.create_task(self.deliver_due(), name="wijkwijzer-retry"))

    async def _deliver_one(self, item: OutboxItem, held: bool, waiting: set[str]) -> int:
        """One item; whatever goes wrong, it never blocks the items behind it. An item that stays on its way
        (held back, for later, for another channel) holds back the newer ones to the same recipient."""
        try:
            settled = await self._try_one(item, held)
            if not settled:
                waiting.add(item.recipient)
            return settled
        except Exception as exc:  # a bug or a changed knowledge base: park this item, go on with the rest
            log.error("outbox %s (%s): could not deliver", item.id, item.kind, exc_info=exc)
            async with self.store.transaction() as tx:
                if item.attempts + 1 >= MAX_ATTEMPTS:
                    await self.store.outbox.settle(tx, item.id, type(exc).__name__, keep_payload=False)
                else:
                    await self.store.outbox.retry(tx, item.id, next_attempt(self.store.now(), item.attempts),
                                                  f"parked:{type(exc).__name__}")
            return 0

    async def _try_one(self, item: OutboxItem, held: bool) -> int:
        if held:
            return 0  # an older message to the same person goes first
        delivery = await self.renderer.render(item)
        if delivery.to is None:
            await self._unreachable(item, "no account")
            log.info("outbox %s (%s): nobody to receive it; settled", item.id, item.kind)
            return 1
        sender = self.sender_for(delivery.to)
        if sender is None:
            return 0  # another channel or terminal delivers this one
        outcome = await sender.send(delivery.to, delivery.replies) if delivery.replies else Delivered()
        keep = item.kind not in ("relay", "reply")  # words are not kept after delivery
        if isinstance(outcome, Delivered):
            first = outcome.message_ids[0] if outcome.message_ids else None
            anonymous = ANONYMOUS if item.kind == "reply" else None
            to = decode(item.recipient)
            if not (item.kind in ("card", "picture") and item.handoff_id and isinstance(to, ToMember)):
                await self.store.outbox.delivered(None, item.id, delivery.to.key, first, keep_payload=keep,
                                                  anonymous=anonymous)  # one statement, its own commit
                return 1
            async with self.store.transaction() as tx:
                await self.store.outbox.delivered(tx, item.id, delivery.to.key, first, keep_payload=keep,
                                                  anonymous=anonymous)
                await self.store.audit.add(tx, f"staff:{to.member_id}", f"delivered:{item.kind}", item.handoff_id)
            return 1
        if isinstance(outcome, Unreachable) or item.attempts + 1 >= MAX_ATTEMPTS:
            reason = outcome.reason if isinstance(outcome, Unreachable) else outcome.error
            await self._unreachable(item, reason)
            log.warning("outbox %s (%s): the recipient cannot be reached (%s)", item.id, item.kind, reason)
            return 1
        await self.store.outbox.retry(None, item.id, next_attempt(self.store.now(), item.attempts, outcome.seconds),
                                      outcome.error)
        log.info("outbox %s (%s): %s, will retry", item.id, item.kind, outcome.error)
        return 0

    async def _unreachable(self, item: OutboxItem, reason: str) -> None:
        """Settle the item, and store what goes out instead, in one commit."""
        instead = await self.renderer.instead(item)
        async with self.store.transaction() as tx:
            await self.store.outbox.settle(tx, item.id, reason, keep_payload=item.kind not in ("relay", "reply"))
            await enqueue(self.store, tx, item.handoff_id, *instead)
