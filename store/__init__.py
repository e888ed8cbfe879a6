"""Persistence: the one package that owns all SQL (aiosqlite, WAL, numbered migrations).

A resident's answers, every handoff and the messages they cause are committed here before
the bot replies, so a SIGKILL loses nothing. One repository per concern; all of them write
through a shared transaction (`async with store.transaction() as tx`), so one decision is one
commit. Only parametrised queries.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from store.accounts import Accounts, Invite, Invites
from store.database import Clock, Database, Tx, utc_now
from store.figures import Figures
from store.handoffs import Handoffs
from store.inbox import Inbox
from store.migrations import MIGRATIONS, SCHEMA_VERSION
from store.notes import Audit, Reports
from store.outbox import Outbox
from store.records import (
    HANDOFF_TIMES,
    Account,
    AuditEntry,
    Handoff,
    HandoffEvent,
    OutboxItem,
    Person,
    Report,
    Resident,
)
from store.residents import Residents

__all__ = [
    "HANDOFF_TIMES", "MIGRATIONS", "SCHEMA_VERSION", "Account", "AuditEntry", "Clock", "Handoff", "HandoffEvent",
    "Invite", "OutboxItem", "Person", "Report", "Resident", "Store", "Tx", "utc_now",
]


class Store:
    """The database and its repositories: open with `await Store.open(path)`, close with `await store.close()`."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.residents = Residents(db)
        self.handoffs = Handoffs(db)
        self.outbox = Outbox(db)
        self.accounts = Accounts(db)
        self.invites = Invites(db)
        self.audit = Audit(db)
        self.reports = Reports(db)
        self.inbox = Inbox(db)
        self.figures = Figures(db)

    @classmethod
    async def open(cls, path: Path | str, clock: Clock = utc_now) -> Store:
        """Open (and create or migrate) the database file."""
        return cls(await Database.open(path, clock))

    async def close(self) -> None:
        """Close the connection."""
        await self.db.close()

    @property
    def clock(self) -> Clock:
        """The time source of everything the store writes (tests move it by hand)."""
        return self.db.clock

    @clock.setter
    def clock(self, clock: Clock) -> None:
        self.db.clock = clock

    def now(self) -> datetime:
        """The clock's current moment."""
        return self.db.clock()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """One decision, one commit."""
        async with self.db.transaction() as tx:
            yield tx

    async def schema_version(self) -> int:
        """How many migrations this file has had."""
        return await self.db.schema_version()

    async def table_rows(self) -> dict[str, list[dict[str, Any]]]:
        """Every row of every table (for privacy tests)."""
        return await self.db.table_rows()

    async def checkpoint(self) -> None:
        """Empty the write-ahead log into the file."""
        await self.db.checkpoint()
