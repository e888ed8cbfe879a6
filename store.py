"""Persistence: the one module that owns all SQL (aiosqlite, WAL, numbered migrations).

Everything a resident tells the bot and every handoff is committed here before the bot
replies, so a SIGKILL loses nothing. Only parametrised queries.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite

Clock = Callable[[], datetime]

# Each migration is a list of statements, applied in one transaction; the database records
# how many it has had in PRAGMA user_version. Never edit a migration that has shipped: add one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 1: residents and the audit log
        """CREATE TABLE residents (
            user_id INTEGER PRIMARY KEY,
            language TEXT NOT NULL,
            postcode TEXT,
            progress TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            handoff_id INTEGER,
            detail TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX audit_by_handoff ON audit_log(handoff_id, id)",
    ),
    (  # 2: handoffs and their status history
        """CREATE TABLE handoffs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            resident_user_id INTEGER,
            member_id TEXT NOT NULL,
            team_id TEXT NOT NULL,
            status TEXT NOT NULL,
            urgent INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL DEFAULT 'resident',
            card TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX handoffs_by_resident ON handoffs(resident_user_id)",
        "CREATE INDEX handoffs_by_member ON handoffs(member_id, status)",
        """CREATE TABLE handoff_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            handoff_id INTEGER NOT NULL REFERENCES handoffs(id),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            from_status TEXT,
            to_status TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX events_by_handoff ON handoff_events(handoff_id, id)",
    ),
    (  # 3: staff accounts, invites, durable delivery (outbox) and deadlines
        """CREATE TABLE staff_links (
            telegram_user_id INTEGER PRIMARY KEY,
            person_id TEXT NOT NULL,
            role TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT '{}',
            linked_at TEXT NOT NULL
        )""",
        """CREATE TABLE invites (
            code_hash TEXT PRIMARY KEY,
            person_id TEXT NOT NULL,
            role TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT,
            used_by INTEGER
        )""",
        """CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            handoff_id INTEGER,
            kind TEXT NOT NULL,
            recipient TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            delivered_at TEXT,
            chat_id INTEGER,
            message_id INTEGER,
            last_error TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX outbox_due ON outbox(delivered_at, next_attempt_at)",
        "ALTER TABLE handoffs ADD COLUMN sent_at TEXT",
        "ALTER TABLE handoffs ADD COLUMN remind_at TEXT",
        "ALTER TABLE handoffs ADD COLUMN deadline_at TEXT",
        "ALTER TABLE handoffs ADD COLUMN reminded_at TEXT",
        "ALTER TABLE handoffs ADD COLUMN accepted_at TEXT",
        "ALTER TABLE handoffs ADD COLUMN followup_at TEXT",
        "ALTER TABLE handoffs ADD COLUMN followup_done_at TEXT",
    ),
    (  # 4: problems with a service or contact, reported from the bot, for the knowledge keepers
        """CREATE TABLE reports (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            reporter TEXT NOT NULL,
            target TEXT NOT NULL,
            kind TEXT NOT NULL,
            handled_at TEXT
        )""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

# A handoff's life (product.md): who may move it where.
TRANSITIONS: dict[str | None, frozenset[str]] = {
    None: frozenset({"proposed"}),
    "proposed": frozenset({"sent", "declined"}),
    "sent": frozenset({"accepted", "reassigned", "escalated", "declined", "closed"}),
    "reassigned": frozenset({"sent"}),
    "escalated": frozenset({"sent", "accepted", "reassigned", "closed"}),
    "accepted": frozenset({"closed", "reassigned"}),
    "closed": frozenset(),
    "declined": frozenset(),
}
OPEN_STATUSES = ("proposed", "sent", "reassigned", "escalated", "accepted")
HANDOFF_TIMES = ("sent_at", "remind_at", "deadline_at", "reminded_at", "accepted_at", "followup_at", "followup_done_at")


def utc_now() -> datetime:
    """The real clock."""
    return datetime.now(UTC)


@dataclass
class Resident:
    """What the bot keeps about one resident: language, postcode, and where the talk is."""

    user_id: int
    language: str
    postcode: str | None = None
    progress: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Handoff:
    """A warm handoff to one named member, with everything the card needs."""

    id: int
    resident_user_id: int | None
    member_id: str
    team_id: str
    status: str
    urgent: bool
    source: str
    card: dict[str, Any]
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None = None
    remind_at: datetime | None = None
    deadline_at: datetime | None = None
    reminded_at: datetime | None = None
    accepted_at: datetime | None = None
    followup_at: datetime | None = None
    followup_done_at: datetime | None = None


@dataclass(frozen=True)
class OutboxItem:
    """Something to deliver: stored first, sent after, marked once Telegram confirms."""

    id: int
    handoff_id: int | None
    kind: str
    recipient: str  # "member:<id>", "resident:<telegram id>", "person:<id>"
    payload: dict[str, Any]
    attempts: int
    next_attempt_at: datetime
    delivered_at: datetime | None


@dataclass(frozen=True)
class StaffLink:
    """A Telegram account linked to a wijkteam member or a professional."""

    telegram_user_id: int
    person_id: str
    role: str  # "staff" | "professional"
    state: dict[str, Any]


@dataclass(frozen=True)
class HandoffEvent:
    """One status change: when, who, from what to what."""

    at: datetime
    actor: str
    from_status: str | None
    to_status: str
    note: str


@dataclass(frozen=True)
class AuditEntry:
    """Who did what with which handoff, and when."""

    at: datetime
    actor: str
    action: str
    handoff_id: int | None
    detail: str


class TransitionError(ValueError):
    """A status change the handoff lifecycle does not allow."""


class Store:
    """The SQLite database: open with `await Store.open(path)`, close with `await store.close()`."""

    def __init__(self, db: aiosqlite.Connection, clock: Clock = utc_now) -> None:
        self._db = db
        self._lock = asyncio.Lock()
        self.clock = clock

    @classmethod
    async def open(cls, path: Path | str, clock: Clock = utc_now) -> Store:
        """Open (and create or migrate) the database file."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(path, isolation_level=None)
        db.row_factory = aiosqlite.Row
        await db.execute("PRAGMA journal_mode=WAL")
        await db.execute("PRAGMA synchronous=FULL")
        await db.execute("PRAGMA foreign_keys=ON")
        await db.execute("PRAGMA busy_timeout=5000")
        store = cls(db, clock)
        try:
            await store.migrate()
        except BaseException:
            await db.close()
            raise
        return store

    async def close(self) -> None:
        """Close the connection."""
        await self._db.close()

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """One write transaction at a time; committed before the caller goes on."""
        async with self._lock:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("COMMIT")

    async def _one(self, sql: str, params: tuple = ()) -> aiosqlite.Row | None:
        async with self._db.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def _all(self, sql: str, params: tuple = ()) -> list[aiosqlite.Row]:
        async with self._db.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    def _now(self) -> str:
        return self.clock().astimezone(UTC).isoformat()

    # -- schema ----------------------------------------------------------------------------
    async def schema_version(self) -> int:
        """How many migrations this file has had."""
        row = await self._one("PRAGMA user_version")
        return int(row[0]) if row else 0

    async def migrate(self) -> None:
        """Apply the migrations this file has not had yet, each in its own transaction."""
        current = await self.schema_version()
        if current > SCHEMA_VERSION:
            raise RuntimeError(
                f"The database has schema version {current}, newer than this program ({SCHEMA_VERSION})."
            )
        for number in range(current, SCHEMA_VERSION):
            async with self._transaction() as db:
                for statement in MIGRATIONS[number]:
                    await db.execute(statement)
                await db.execute(f"PRAGMA user_version = {number + 1}")

    async def table_rows(self) -> dict[str, list[dict[str, Any]]]:
        """Every row of every table (for privacy tests and exports)."""
        tables = await self._all("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
        result = {}
        for (name,) in tables:
            rows = await self._all(f'SELECT * FROM "{name}"')  # names come from sqlite_master
            result[name] = [dict(row) for row in rows]
        return result

    # -- residents -------------------------------------------------------------------------
    async def resident(self, user_id: int) -> Resident | None:
        """A resident's stored state, or None."""
        row = await self._one(
            "SELECT user_id, language, postcode, progress FROM residents WHERE user_id = ?", (user_id,)
        )
        if row is None:
            return None
        return Resident(row["user_id"], row["language"], row["postcode"], json.loads(row["progress"]))

    async def save_resident(self, resident: Resident) -> None:
        """Store a resident's state now (insert or update)."""
        now = self._now()
        async with self._transaction() as db:
            await db.execute(
                """INSERT INTO residents (user_id, language, postcode, progress, created_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT(user_id) DO UPDATE SET language = excluded.language,
                       postcode = excluded.postcode, progress = excluded.progress,
                       updated_at = excluded.updated_at""",
                (resident.user_id, resident.language, resident.postcode,
                 json.dumps(resident.progress, ensure_ascii=False), now, now),
            )

    async def forget_resident(self, user_id: int) -> int:
        """Erase a resident: their row, and the personal data in their handoffs.

        What stays is an anonymous record that a handoff existed and its status history.
        Returns how many handoffs were anonymised.
        """
        async with self._transaction() as db:
            await db.execute("DELETE FROM residents WHERE user_id = ?", (user_id,))
            rows = await self._all("SELECT id, status FROM handoffs WHERE resident_user_id = ?", (user_id,))
            now = self._now()
            for handoff_id, status in rows:
                await db.execute("UPDATE handoff_events SET note = '' WHERE handoff_id = ?", (handoff_id,))
                if status in OPEN_STATUSES:  # nobody works on an erased story: close it, anonymously
                    final = "declined" if status == "proposed" else "closed"
                    await db.execute("UPDATE handoffs SET status = ? WHERE id = ?", (final, handoff_id))
                    await db.execute(
                        "INSERT INTO handoff_events (handoff_id, at, actor, from_status, to_status, note) "
                        "VALUES (?, ?, 'resident', ?, ?, 'forgotten')",
                        (handoff_id, now, status, final),
                    )
                await db.execute(
                    "UPDATE handoffs SET resident_user_id = NULL, card = '{}', updated_at = ? WHERE id = ?",
                    (self._now(), handoff_id),
                )
            actor = f"resident:{user_id}"
            await db.execute("DELETE FROM outbox WHERE recipient = ? AND delivered_at IS NULL", (actor,))
            await db.execute("UPDATE outbox SET payload = '{}', chat_id = NULL WHERE recipient = ?", (actor,))
            await db.execute("UPDATE outbox SET recipient = 'resident' WHERE recipient = ?", (actor,))
            for handoff_id, _status in rows:
                await db.execute("UPDATE outbox SET payload = '{}' WHERE handoff_id = ?", (handoff_id,))
            await db.execute("UPDATE handoff_events SET actor = 'resident' WHERE actor = ?", (actor,))
            await db.execute("UPDATE audit_log SET actor = 'resident' WHERE actor = ?", (actor,))
        return len(rows)

    async def inactive_residents(self, before: datetime) -> list[int]:
        """Residents not heard from since `before` who have no open handoff (for the retention period)."""
        placeholders = ", ".join("?" for _ in OPEN_STATUSES)
        rows = await self._all(
            f"""SELECT user_id FROM residents WHERE updated_at < ? AND user_id NOT IN (
                    SELECT resident_user_id FROM handoffs
                    WHERE resident_user_id IS NOT NULL AND status IN ({placeholders}))""",
            (before.astimezone(UTC).isoformat(), *OPEN_STATUSES),
        )
        return [r[0] for r in rows]

    async def export_resident(self, user_id: int) -> dict[str, Any]:
        """Everything stored about a resident, for /mijngegevens."""
        resident = await self.resident(user_id)
        handoffs = await self.handoffs_of(user_id)
        return {
            "resident": None if resident is None else {
                "telegram_user_id": resident.user_id,
                "language": resident.language,
                "postcode": resident.postcode,
                "progress": resident.progress,
            },
            "handoffs": [
                {
                    "id": h.id,
                    "member_id": h.member_id,
                    "team_id": h.team_id,
                    "status": h.status,
                    "urgent": h.urgent,
                    "created_at": h.created_at.isoformat(),
                    "card": h.card,
                    "history": [
                        {"at": e.at.isoformat(), "status": e.to_status}
                        for e in await self.handoff_events(h.id)
                    ],
                }
                for h in handoffs
            ],
        }

    # -- handoffs --------------------------------------------------------------------------
    async def create_handoff(
        self,
        *,
        resident_user_id: int | None,
        member_id: str,
        team_id: str,
        card: dict[str, Any],
        urgent: bool,
        actor: str,
        source: str = "resident",
        status: str = "proposed",
        deliver: tuple[tuple[str, str, dict[str, Any]], ...] = (),
        then: str | None = None,
        times: dict[str, datetime | None] | None = None,
    ) -> Handoff:
        """Store a new handoff with its status events, times and what to deliver, in one commit."""
        now = self._now()
        async with self._transaction() as db:
            cursor = await db.execute(
                """INSERT INTO handoffs (resident_user_id, member_id, team_id, status, urgent, source, card,
                       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (resident_user_id, member_id, team_id, status, int(urgent), source,
                 json.dumps(card, ensure_ascii=False), now, now),
            )
            handoff_id = cursor.lastrowid
            await db.execute(
                "INSERT INTO handoff_events (handoff_id, at, actor, from_status, to_status) VALUES (?, ?, ?, NULL, ?)",
                (handoff_id, now, actor, status),
            )
            if then is not None:
                if then not in TRANSITIONS[status]:
                    raise TransitionError(f"{status} → {then} is not allowed")
                await db.execute("UPDATE handoffs SET status = ? WHERE id = ?", (then, handoff_id))
                await db.execute(
                    "INSERT INTO handoff_events (handoff_id, at, actor, from_status, to_status) VALUES (?, ?, ?, ?, ?)",
                    (handoff_id, now, actor, status, then),
                )
            await self._set_times(db, int(handoff_id), times or {})
            for kind, recipient, payload in deliver:
                await self._enqueue(db, int(handoff_id), kind, recipient, payload, now)
        handoff = await self.handoff(int(handoff_id))
        assert handoff is not None
        return handoff

    async def move_handoff(
        self,
        handoff_id: int,
        to_status: str,
        actor: str,
        note: str = "",
        *,
        member_id: str | None = None,
        times: dict[str, datetime | None] | None = None,
        deliver: tuple[tuple[str, str, dict[str, Any]], ...] = (),
    ) -> Handoff:
        """Change a handoff's status as the lifecycle allows, recorded with time and actor.

        In the same commit: a new member (reassign), deadlines, and what to deliver.
        """
        async with self._transaction() as db:
            row = await self._one("SELECT status FROM handoffs WHERE id = ?", (handoff_id,))
            if row is None:
                raise TransitionError(f"no handoff {handoff_id}")
            now = self._now()
            current = row["status"]
            for step in to_status.split(">"):  # "reassigned>sent": through reassigned, to sent
                if step not in TRANSITIONS.get(current, frozenset()):
                    raise TransitionError(f"handoff {handoff_id}: {current} → {step} is not allowed")
                await db.execute(
                    "INSERT INTO handoff_events (handoff_id, at, actor, from_status, to_status, note) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (handoff_id, now, actor, current, step, note),
                )
                current = step
            await db.execute("UPDATE handoffs SET status = ?, updated_at = ? WHERE id = ?", (current, now, handoff_id))
            if member_id is not None:
                await db.execute("UPDATE handoffs SET member_id = ? WHERE id = ?", (member_id, handoff_id))
            await self._set_times(db, handoff_id, times or {})
            for kind, recipient, payload in deliver:
                await self._enqueue(db, handoff_id, kind, recipient, payload, now)
        handoff = await self.handoff(handoff_id)
        assert handoff is not None
        return handoff

    async def mark_handoff(
        self, handoff_id: int, times: dict[str, datetime | None],
        deliver: tuple[tuple[str, str, dict[str, Any]], ...] = (),
    ) -> None:
        """Set deadline or follow-up times without a status change (a reminder sent, a follow-up asked)."""
        async with self._transaction() as db:
            await self._set_times(db, handoff_id, times)
            for kind, recipient, payload in deliver:
                await self._enqueue(db, handoff_id, kind, recipient, payload, self._now())

    async def _set_times(self, db: aiosqlite.Connection, handoff_id: int, times: dict[str, datetime | None]) -> None:
        for column, value in times.items():
            if column not in HANDOFF_TIMES:
                raise ValueError(f"not a handoff time: {column}")
            await db.execute(
                f"UPDATE handoffs SET {column} = ? WHERE id = ?",  # column names from HANDOFF_TIMES only
                (value.astimezone(UTC).isoformat() if value else None, handoff_id),
            )

    async def handoffs_where(
        self, *, member_id: str | None = None, team_id: str | None = None, statuses: tuple[str, ...] = OPEN_STATUSES
    ) -> list[Handoff]:
        """Handoffs of a member or a team in these statuses, oldest first."""
        placeholders = ", ".join("?" for _ in statuses)
        sql = f"SELECT * FROM handoffs WHERE status IN ({placeholders})"
        params: list[Any] = list(statuses)
        if member_id is not None:
            sql += " AND member_id = ?"
            params.append(member_id)
        if team_id is not None:
            sql += " AND team_id = ?"
            params.append(team_id)
        rows = await self._all(sql + " ORDER BY created_at, id", tuple(params))
        return [_handoff(r) for r in rows]

    async def handoffs_due(
        self, column: str, statuses: tuple[str, ...], done_column: str | None = None
    ) -> list[Handoff]:
        """Handoffs in these statuses whose `column` time has come (and `done_column` is still empty)."""
        if column not in HANDOFF_TIMES or (done_column and done_column not in HANDOFF_TIMES):
            raise ValueError("not a handoff time")
        placeholders = ", ".join("?" for _ in statuses)
        sql = f"SELECT * FROM handoffs WHERE status IN ({placeholders}) AND {column} IS NOT NULL AND {column} <= ?"
        if done_column:
            sql += f" AND {done_column} IS NULL"
        rows = await self._all(sql + " ORDER BY id", (*statuses, self._now()))
        return [_handoff(r) for r in rows]

    # -- outbox: durable delivery ----------------------------------------------------------
    async def _enqueue(self, db: aiosqlite.Connection, handoff_id: int | None, kind: str, recipient: str,
                       payload: dict[str, Any], now: str) -> None:
        await db.execute(
            "INSERT INTO outbox (handoff_id, kind, recipient, payload, created_at, next_attempt_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (handoff_id, kind, recipient, json.dumps(payload, ensure_ascii=False), now, now),
        )

    async def enqueue(self, kind: str, recipient: str, payload: dict[str, Any] | None = None,
                      handoff_id: int | None = None) -> None:
        """Store something to deliver; the delivery worker sends it."""
        async with self._transaction() as db:
            await self._enqueue(db, handoff_id, kind, recipient, payload or {}, self._now())

    async def outbox_due(self, limit: int = 20) -> list[OutboxItem]:
        """Undelivered items whose time has come, oldest first."""
        rows = await self._all(
            "SELECT * FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?",
            (self._now(), limit),
        )
        return [_outbox(r) for r in rows]

    async def outbox_items(self, handoff_id: int | None = None) -> list[OutboxItem]:
        """Every item (of one handoff), delivered or not."""
        if handoff_id is None:
            rows = await self._all("SELECT * FROM outbox ORDER BY id")
        else:
            rows = await self._all("SELECT * FROM outbox WHERE handoff_id = ? ORDER BY id", (handoff_id,))
        return [_outbox(r) for r in rows]

    async def outbox_delivered(self, item_id: int, chat_id: int, message_id: int | None) -> None:
        """Telegram confirmed: never send this item again. Relayed words are not kept after delivery."""
        async with self._transaction() as db:
            await db.execute(
                "UPDATE outbox SET delivered_at = ?, chat_id = ?, message_id = ?, attempts = attempts + 1, "
                "payload = CASE WHEN kind = 'relay' THEN '{}' ELSE payload END WHERE id = ?",
                (self._now(), chat_id, message_id, item_id),
            )

    async def outbox_unreachable(self, item_id: int, instead: tuple[tuple[str, str, dict[str, Any]], ...],
                                 handoff_id: int | None) -> None:
        """Nobody can receive this item: settle it, and store what goes out instead, in one commit."""
        async with self._transaction() as db:
            await db.execute(
                "UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = 'no account', "
                "payload = CASE WHEN kind = 'relay' THEN '{}' ELSE payload END WHERE id = ?",
                (self._now(), item_id),
            )
            for kind, recipient, payload in instead:
                await self._enqueue(db, handoff_id, kind, recipient, payload, self._now())

    async def outbox_retry(self, item_id: int, next_attempt_at: datetime, error: str) -> None:
        """Not delivered this time: try again later (error is a class name, never message text)."""
        async with self._transaction() as db:
            await db.execute(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
                (next_attempt_at.astimezone(UTC).isoformat(), error[:200], item_id),
            )

    # -- staff accounts and invites --------------------------------------------------------
    async def create_invite(self, code_hash: str, person_id: str, role: str, expires_at: datetime) -> None:
        """Store an invite; only the hash of its code."""
        async with self._transaction() as db:
            await db.execute(
                "INSERT INTO invites (code_hash, person_id, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                (code_hash, person_id, role, self._now(), expires_at.astimezone(UTC).isoformat()),
            )

    async def use_invite(self, code_hash: str, telegram_user_id: int) -> tuple[str, str | None, str | None]:
        """('ok' | 'unknown' | 'used' | 'expired', person id, role); on 'ok' the account is linked."""
        async with self._transaction() as db:
            row = await self._one("SELECT * FROM invites WHERE code_hash = ?", (code_hash,))
            if row is None:
                return "unknown", None, None
            if row["used_at"] is not None:
                return "used", row["person_id"], row["role"]
            now = self._now()
            if row["expires_at"] <= now:
                return "expired", row["person_id"], row["role"]
            await db.execute("UPDATE invites SET used_at = ?, used_by = ? WHERE code_hash = ?",
                              (now, telegram_user_id, code_hash))
            await db.execute(
                "INSERT INTO staff_links (telegram_user_id, person_id, role, linked_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(telegram_user_id) DO UPDATE SET person_id = excluded.person_id, role = excluded.role, "
                "state = '{}', linked_at = excluded.linked_at",
                (telegram_user_id, row["person_id"], row["role"], now),
            )
            return "ok", row["person_id"], row["role"]

    async def link_staff(self, telegram_user_id: int, person_id: str, role: str) -> None:
        """Link an account directly (console mode, or a telegram_user_id from the knowledge base)."""
        async with self._transaction() as db:
            await db.execute(
                "INSERT INTO staff_links (telegram_user_id, person_id, role, linked_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(telegram_user_id) DO UPDATE SET person_id = excluded.person_id, role = excluded.role",
                (telegram_user_id, person_id, role, self._now()),
            )

    async def staff_link(self, telegram_user_id: int) -> StaffLink | None:
        """The member or professional behind a Telegram account."""
        row = await self._one("SELECT * FROM staff_links WHERE telegram_user_id = ?", (telegram_user_id,))
        if row is None:
            return None
        return StaffLink(row["telegram_user_id"], row["person_id"], row["role"], json.loads(row["state"]))

    async def accounts_of(self, person_id: str) -> list[int]:
        """The Telegram accounts linked to a member or professional, newest first."""
        rows = await self._all(
            "SELECT telegram_user_id FROM staff_links WHERE person_id = ? ORDER BY linked_at DESC", (person_id,)
        )
        return [r[0] for r in rows]

    async def set_staff_state(self, telegram_user_id: int, state: dict[str, Any]) -> None:
        """What a staff member is in the middle of (typing a note, a message to a resident)."""
        async with self._transaction() as db:
            await db.execute("UPDATE staff_links SET state = ? WHERE telegram_user_id = ?",
                             (json.dumps(state, ensure_ascii=False), telegram_user_id))

    async def handoff(self, handoff_id: int) -> Handoff | None:
        """One handoff by id."""
        row = await self._one("SELECT * FROM handoffs WHERE id = ?", (handoff_id,))
        return _handoff(row) if row else None

    async def handoffs_of(self, resident_user_id: int) -> list[Handoff]:
        """A resident's handoffs, oldest first."""
        rows = await self._all("SELECT * FROM handoffs WHERE resident_user_id = ? ORDER BY id", (resident_user_id,))
        return [_handoff(r) for r in rows]

    async def open_counts(self) -> dict[str, int]:
        """How many open handoffs each member has (for the routing rule's capacity)."""
        placeholders = ", ".join("?" for _ in OPEN_STATUSES)
        rows = await self._all(
            f"SELECT member_id, COUNT(*) AS n FROM handoffs WHERE status IN ({placeholders}) GROUP BY member_id",
            OPEN_STATUSES,
        )
        return {row["member_id"]: row["n"] for row in rows}

    async def handoff_events(self, handoff_id: int) -> list[HandoffEvent]:
        """A handoff's status history, oldest first."""
        rows = await self._all(
            "SELECT at, actor, from_status, to_status, note FROM handoff_events WHERE handoff_id = ? ORDER BY id",
            (handoff_id,),
        )
        return [
            HandoffEvent(datetime.fromisoformat(r["at"]), r["actor"], r["from_status"], r["to_status"], r["note"])
            for r in rows
        ]

    # -- reports -----------------------------------------------------------------------------
    async def add_report(self, reporter: str, target: str, kind: str) -> int:
        """Store a reported problem (reporter is a role, never a person's id or words)."""
        async with self._transaction() as db:
            cursor = await db.execute("INSERT INTO reports (at, reporter, target, kind) VALUES (?, ?, ?, ?)",
                                      (self._now(), reporter, target, kind))
            return int(cursor.lastrowid)

    async def reports(self) -> list[dict[str, Any]]:
        """Open reports, oldest first."""
        rows = await self._all("SELECT id, at, reporter, target, kind FROM reports WHERE handled_at IS NULL "
                               "ORDER BY at, id")
        return [dict(r) for r in rows]

    # -- audit -----------------------------------------------------------------------------
    async def audit(self, actor: str, action: str, handoff_id: int | None = None, detail: str = "") -> None:
        """Record who did what (no message text, names or phone numbers in `detail`)."""
        async with self._transaction() as db:
            await db.execute(
                "INSERT INTO audit_log (at, actor, action, handoff_id, detail) VALUES (?, ?, ?, ?, ?)",
                (self._now(), actor, action, handoff_id, detail),
            )

    async def audit_of(self, handoff_id: int) -> list[AuditEntry]:
        """The audit trail of one handoff, oldest first."""
        rows = await self._all(
            "SELECT at, actor, action, handoff_id, detail FROM audit_log WHERE handoff_id = ? ORDER BY id",
            (handoff_id,),
        )
        return [
            AuditEntry(datetime.fromisoformat(r["at"]), r["actor"], r["action"], r["handoff_id"], r["detail"])
            for r in rows
        ]


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _handoff(row: aiosqlite.Row) -> Handoff:
    return Handoff(
        id=row["id"],
        resident_user_id=row["resident_user_id"],
        member_id=row["member_id"],
        team_id=row["team_id"],
        status=row["status"],
        urgent=bool(row["urgent"]),
        source=row["source"],
        card=json.loads(row["card"]),
        created_at=datetime.fromisoformat(row["created_at"]),
        updated_at=datetime.fromisoformat(row["updated_at"]),
        **{key: _when(row[key]) for key in HANDOFF_TIMES},
    )


def _outbox(row: aiosqlite.Row) -> OutboxItem:
    return OutboxItem(
        id=row["id"], handoff_id=row["handoff_id"], kind=row["kind"], recipient=row["recipient"],
        payload=json.loads(row["payload"]), attempts=row["attempts"],
        next_attempt_at=datetime.fromisoformat(row["next_attempt_at"]), delivered_at=_when(row["delivered_at"]),
    )
