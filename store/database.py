"""The SQLite connection: opening, pragmas, migrations and write transactions (aiosqlite, WAL).

Moving to another database means a new module like this one and the SQL dialect of the
repositories; the repositories only ever use `Tx.execute`, `Tx.one`, `Database.write`, `Database.one` and
`Database.all`.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite

from store.migrations import MIGRATIONS, SCHEMA_VERSION

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The real clock."""
    return datetime.now(UTC)


def iso(moment: datetime | None) -> str | None:
    """How the store writes a moment: ISO 8601 in UTC."""
    return moment.astimezone(UTC).isoformat() if moment else None


def when(value: str | None) -> datetime | None:
    """A stored moment back."""
    return datetime.fromisoformat(value) if value else None


class Tx:
    """An open write transaction; pass it to every repository call that belongs to the same decision."""

    def __init__(self, connection: aiosqlite.Connection, now: str, database: Database) -> None:
        self._connection = connection
        self.now = now  # one moment for everything the transaction writes
        self.database = database
        self.task = asyncio.current_task()
        self.open = True
        self.after_commit: list[Callable[[], Awaitable[None]]] = []  # run once the commit is done

    async def execute(self, sql: str, params: tuple = ()) -> aiosqlite.Cursor:
        return await self._connection.execute(sql, params)

    async def one(self, sql: str, params: tuple = ()) -> aiosqlite.Row | None:
        rows = await self._connection.execute_fetchall(sql, params)  # one trip to SQLite's thread, not three
        return rows[0] if rows else None


_CURRENT: ContextVar[Tx | None] = ContextVar("wijkwijzer_transaction", default=None)


async def _connect(path: Path) -> aiosqlite.Connection:
    connection = await aiosqlite.connect(path, isolation_level=None)
    connection.row_factory = aiosqlite.Row
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=5000", "secure_delete=ON"):
        await connection.execute(f"PRAGMA {pragma}")
    return connection


class Database:
    """One SQLite file; writes go one transaction at a time and are committed before the caller goes on.

    A transaction opened while the same task already has one joins it, so a whole decision (an
    update, with everything the flows write and every message they cause) is one commit. Reads
    inside a transaction see its own writes; reads elsewhere use a second connection that only
    ever sees what was committed.
    """

    def __init__(self, writer: aiosqlite.Connection, reader: aiosqlite.Connection, clock: Clock = utc_now) -> None:
        self._connection = writer
        self._reader = reader
        self._lock = asyncio.Lock()
        self.clock = clock

    @classmethod
    async def open(cls, path: Path | str, clock: Clock = utc_now) -> Database:
        """Open (and create or migrate) the database file."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        writer = await _connect(path)
        try:
            reader = await _connect(path)
        except BaseException:
            await writer.close()
            raise
        database = cls(writer, reader, clock)
        try:
            await database.migrate()
        except BaseException:
            await database.close()
            raise
        return database

    async def close(self) -> None:
        """Close both connections."""
        await self._reader.close()
        await self._connection.close()

    def _joined(self) -> Tx | None:
        """The transaction this task has open on this database, if any."""
        current = _CURRENT.get()
        if current is not None and current.open and current.database is self and current.task is asyncio.current_task():
            return current
        return None

    def now(self) -> str:
        """The clock's moment as the store writes it."""
        return iso(self.clock()) or ""

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """One write transaction: everything in it is committed together, or nothing."""
        joined = self._joined()
        if joined is not None:
            yield joined
            return
        async with self._lock:
            await self._connection.execute("BEGIN IMMEDIATE")
            tx = Tx(self._connection, self.now(), self)
            token = _CURRENT.set(tx)
            try:
                yield tx
            except BaseException:
                tx.open = False
                _CURRENT.reset(token)
                await self._connection.execute("ROLLBACK")
                raise
            tx.open = False
            _CURRENT.reset(token)
            await self._connection.execute("COMMIT")
        for action in tx.after_commit:  # outside the lock: an action may write or checkpoint
            await action()

    async def write(self, sql: str, params: tuple = ()) -> list[aiosqlite.Row]:
        """One statement that is a whole decision on its own, committed by itself in one trip to SQLite's thread
        (not three: BEGIN, the statement, COMMIT); joins the task's open transaction if there is one. Rows of
        its RETURNING clause, if any."""
        joined = self._joined()
        if joined is not None:
            return list(await joined._connection.execute_fetchall(sql, params))
        async with self._lock:  # the writer connection is in autocommit mode outside transaction(): SQLite
            return list(await self._connection.execute_fetchall(sql, params))  # commits the statement itself

    def _for_reading(self) -> aiosqlite.Connection:
        return self._connection if self._joined() is not None else self._reader

    async def one(self, sql: str, params: tuple = ()) -> aiosqlite.Row | None:
        """The first row (every caller asks for one row at most): one trip to SQLite's thread, not three."""
        rows = await self._for_reading().execute_fetchall(sql, params)
        return rows[0] if rows else None

    async def all(self, sql: str, params: tuple = ()) -> list[aiosqlite.Row]:
        return list(await self._for_reading().execute_fetchall(sql, params))

    async def schema_version(self) -> int:
        """How many migrations this file has had."""
        row = await self.one("PRAGMA user_version")
        return int(row[0]) if row else 0

    async def migrate(self) -> None:
        """Apply the migrations this file has not had yet, each in its own transaction."""
        current = await self.schema_version()
        if current > SCHEMA_VERSION:
            raise RuntimeError(
                f"The database has schema version {current}, newer than this program ({SCHEMA_VERSION})."
            )
        for number in range(current, SCHEMA_VERSION):
            async with self.transaction() as tx:
                for statement in MIGRATIONS[number]:
                    await tx.execute(statement)
                await tx.execute(f"PRAGMA user_version = {number + 1}")

    async def ping(self) -> None:
        """Ask the database one question (raises when it does not answer)."""
        await self.one("SELECT 1")

    async def checkpoint(self) -> None:
        """Write the WAL back into the file and empty it, so no old page keeps erased words."""
        async with self._lock:
            await self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            await self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the reader's last page too

    async def table_rows(self) -> dict[str, list[dict[str, Any]]]:
        """Every row of every table (for privacy tests and exports)."""
        tables = await self.all("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
        result = {}
        for (name,) in tables:
            rows = await self.all(f'SELECT * FROM "{name}"')  # names come from sqlite_master
            result[name] = [dict(row) for row in rows]
        return result


def database_answers(db_path: Path) -> bool:
    """Open the existing database read-only and ask it one question (never creates a file)."""
    if not db_path.is_file():
        return False
    try:
        connection = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return True
