"""The delivery worker: sends what the outbox holds, marks it once Telegram confirms, retries the rest.

Driven by rows in the database: after a crash or restart, whatever was not confirmed goes out.
"""

from __future__ import annotations

import logging

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application, ContextTypes

from flows.outbox import next_attempt
from handlers.send import send
from handlers.wiring import KEY, Wiring

log = logging.getLogger("wijkwijzer.delivery")
MAX_ATTEMPTS = 20  # then the item is settled as undeliverable (a card goes to the coordinator instead)


async def deliver_due(application: Application) -> int:
    """Send every due item once; returns how many were settled. Runs one at a time."""
    wired: Wiring = application.bot_data[KEY]
    if wired.delivering.locked():
        wired.deliver_again = True
        return 0
    settled = 0
    async with wired.delivering:
        while True:
            wired.deliver_again = False
            items = await wired.store.outbox_due()
            for item in items:
                settled += await _deliver_one(application, wired, item)
            if not items and not wired.deliver_again:
                return settled


async def _deliver_one(application: Application, wired: Wiring, item) -> int:
    """One item; whatever goes wrong, it never blocks the items behind it."""
    try:
        return await _try_one(application, wired, item)
    except Exception as exc:  # a bug or a changed knowledge base: park this item, go on with the rest
        log.error("outbox %s (%s): could not deliver", item.id, item.kind, exc_info=exc)
        if item.attempts + 1 >= MAX_ATTEMPTS:
            await wired.store.outbox_unreachable(item.id, (), item.handoff_id)
        else:
            await wired.store.outbox_retry(item.id, next_attempt(wired.store.clock(), item.attempts),
                                           type(exc).__name__)
        return 0


async def _try_one(application: Application, wired: Wiring, item) -> int:
    delivery = await wired.handoffs.render(item)
    store = wired.store
    if delivery.chat_id is None:
        await store.outbox_unreachable(item.id, await wired.handoffs.on_unreachable(item), item.handoff_id)
        log.info("outbox %s (%s): nobody to receive it; settled", item.id, item.kind)
        return 1
    try:
        message_ids = await send(application.bot, delivery.chat_id, delivery.replies)
    except RetryAfter as exc:
        seconds = exc.retry_after.total_seconds() if hasattr(exc.retry_after, "total_seconds") else exc.retry_after
        await store.outbox_retry(item.id, next_attempt(store.clock(), item.attempts, seconds), "RetryAfter")
        return 0
    except (Forbidden, BadRequest) as exc:
        if isinstance(exc, Forbidden) or "chat not found" in str(exc).lower():
            await store.outbox_unreachable(item.id, await wired.handoffs.on_unreachable(item), item.handoff_id)
            log.warning("outbox %s (%s): the recipient cannot be reached", item.id, item.kind)
            return 1
        if item.attempts + 1 >= MAX_ATTEMPTS:
            log.error("outbox %s (%s): refused by Telegram, giving up", item.id, item.kind, exc_info=exc)
            await store.outbox_unreachable(item.id, await wired.handoffs.on_unreachable(item), item.handoff_id)
            return 1
        await store.outbox_retry(item.id, next_attempt(store.clock(), item.attempts), type(exc).__name__)
        return 0
    except (TimedOut, NetworkError) as exc:
        await store.outbox_retry(item.id, next_attempt(store.clock(), item.attempts), type(exc).__name__)
        log.info("outbox %s (%s): %s, will retry", item.id, item.kind, type(exc).__name__)
        return 0
    await store.outbox_delivered(item.id, delivery.chat_id, message_ids[0] if message_ids else None)
    if item.kind in ("card", "picture") and item.handoff_id:
        await store.audit(item.recipient.replace("member:", "staff:"), f"delivered:{item.kind}", item.handoff_id)
    return 1


async def delivery_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """JobQueue tick: deliver what is due."""
    await deliver_due(context.application)


async def schedule_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """JobQueue tick: reminders, escalations and follow-ups that are due, then deliver them."""
    wired: Wiring = context.application.bot_data[KEY]
    if await wired.handoffs.tick():
        await deliver_due(context.application)


def kick(application: Application) -> None:
    """Deliver now, in the background (after a flow stored something to send)."""
    application.create_task(deliver_due(application), name="wijkwijzer-delivery")
