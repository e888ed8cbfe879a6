"""Is the bot healthy? The database answers and the last tick (reminders, retention) is recent.

The running bot touches a small file beside the database after every tick (`<db>.tick`; its
modification time is the moment of the tick), so `python bot.py health` in another process (a
Docker HEALTHCHECK) can tell, and so can `/healthz` in webhook mode. Nothing personal is in it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from store.database import database_answers

HEARTBEAT = "wijkwijzer.heartbeat"  # the running bot's Heartbeat in Application.bot_data


def tick_file(db_path: Path) -> Path:
    """Where the last tick is kept: beside the database, on the same volume."""
    return db_path.with_name(db_path.name + ".tick")


class Heartbeat:
    """Kept by the running bot: the time of its last tick, in memory and in the tick file."""

    def __init__(self, db_path: Path) -> None:
        self.path = tick_file(db_path)
        self.last: float | None = None

    def beat(self) -> None:
        """A tick went through."""
        self.last = time.time()
        self.path.touch()


@dataclass(frozen=True)
class Health:
    """The answer of a health check."""

    database: bool
    tick_age: float | None  # seconds since the last tick; None: no tick yet
    stale_after: float

    @property
    def ok(self) -> bool:
        return self.database and self.tick_age is not None and self.tick_age <= self.stale_after

    def as_json(self) -> dict:
        """A small JSON object for /healthz (no personal data)."""
        return {"status": "ok" if self.ok else "unhealthy", "database": "ok" if self.database else "unavailable",
                "last_tick_seconds_ago": None if self.tick_age is None else round(self.tick_age),
                "stale_after_seconds": round(self.stale_after)}

    def sentence(self) -> str:
        """One line for the command line."""
        if not self.database:
            return "unhealthy: the database does not answer"
        if self.tick_age is None:
            return "unhealthy: the bot has not ticked yet (is it running?)"
        if not self.ok:
            return f"unhealthy: the last tick was {self.tick_age:.0f} s ago (more than {self.stale_after:.0f} s)"
        return f"ok: the database answers, the last tick was {self.tick_age:.0f} s ago"


def check(db_path: Path, stale_after: float) -> Health:
    """From another process: the database file and the tick file."""
    try:
        age = max(0.0, time.time() - tick_file(db_path).stat().st_mtime)
    except OSError:
        age = None
    return Health(database_answers(db_path), age, stale_after)
