"""What bot.py wires together once, reachable from every handler through bot_data."""

from __future__ import annotations

from dataclasses import dataclass

from telegram.ext import ContextTypes

from flows.limits import FloodGate
from flows.resident import ResidentFlow
from store import Store

KEY = "wijkwijzer"


@dataclass
class Wiring:
    """The flows and the store, built in post_init and closed in post_shutdown."""

    resident: ResidentFlow
    store: Store
    flood: FloodGate


def wiring(context: ContextTypes.DEFAULT_TYPE) -> Wiring:
    """The wiring of this Application."""
    return context.application.bot_data[KEY]
