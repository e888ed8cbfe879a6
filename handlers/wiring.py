"""What bot.py wires together once, reachable from every handler through bot_data."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from telegram.ext import ContextTypes

from flows.handoff import HandoffFlow
from flows.limits import FloodGate
from flows.resident import ResidentFlow
from flows.router import Router
from store import Store

KEY = "wijkwijzer"


@dataclass
class Wiring:
    """The flows and the store, built in post_init and closed in post_shutdown."""

    router: Router
    store: Store
    flood: FloodGate
    delivering: asyncio.Lock = field(default_factory=asyncio.Lock)
    deliver_again: bool = False

    @property
    def resident(self) -> ResidentFlow:
        return self.router.resident

    @property
    def handoffs(self) -> HandoffFlow:
        return self.router.handoffs


def wiring(context: ContextTypes.DEFAULT_TYPE) -> Wiring:
    """The wiring of this Application."""
    return context.application.bot_data[KEY]
