"""Handoffs and their status history. Which changes are allowed is decided in flows.lifecycle."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import aiosqlite

from store.database import Database, Tx, iso, when
from store.records import HANDOFF_TIMES, Handoff, HandoffEvent, Person


class Handoffs:
    """The handoffs and handoff_events tables."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, tx: Tx, *, resident: Person | None, member_id: str, team_id: str, card: dict[str, Any],
                     urgent: bool, source: str, status: str, actor: str) -> int:
        """A new handoff in its first status, with that first event; returns its id."""
        cursor = await tx.execute(
            """INSERT INTO handoffs (resident, member_id, team_id, status, urgent, source, card, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (resident.key if resident else None, member_id, team_id, status, int(urgent), source,
             json.dumps(card, ensure_ascii=False), tx.now, tx.now),
        )
        handoff_id = int(cursor.lastrowid)
        await self._event(tx, handoff_id, actor, None, status, "")
        return handoff_id

    async def move(self, tx: Tx, handoff_id: int, expected: str, to_status: str, actor: str, note: str = "",
                   member_id: str | None = None) -> bool:
        """Compare and set: only when the status is still `expected`. False when someone else moved it first."""
        cursor = await tx.execute(
            "UPDATE handoffs SET status = ?, updated_at = ?, member_id = COALESCE(?, member_id) "
            "WHERE id = ? AND status = ?",
            (to_status, tx.now, member_id, handoff_id, expected),
        )
        if cursor.rowcount != 1:
            return False
        await self._event(tx, handoff_id, actor, expected, to_status, note)
        return True

    async def _event(self, tx: Tx, handoff_id: int, actor: str, from_status: str | None, to_status: str,
                     note: str) -> None:
        await tx.execute(
            "INSERT INTO handoff_events (handoff_id, at, actor, from_status, to_status, note) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (handoff_id, tx.now, actor, from_status, to_status, note),
        )

    async def set_times(self, tx: Tx, handoff_id: int, times: dict[str, datetime | None]) -> None:
        """Deadlines, reminders and follow-up moments."""
        for column, value in times.items():
            if column not in HANDOFF_TIMES:
                raise ValueError(f"not a handoff time: {column}")
            await tx.execute(f"UPDATE handoffs SET {column} = ? WHERE id = ?",  # names from HANDOFF_TIMES only
                             (iso(value), handoff_id))

    async def make_urgent(self, tx: Tx, handoff_id: int, card: dict[str, Any]) -> None:
        """Mark a handoff urgent with its card as it is now (a danger the resident wrote after consent)."""
        await tx.execute("UPDATE handoffs SET urgent = 1, card = ?, updated_at = ? WHERE id = ?",
                         (json.dumps(card, ensure_ascii=False), tx.now, handoff_id))

    async def anonymise(self, tx: Tx, handoff_id: int) -> None:
        """Keep only that the handoff existed and its status history, without notes."""
        await tx.execute("UPDATE handoffs SET resident = NULL, card = '{}', updated_at = ? WHERE id = ?",
                         (tx.now, handoff_id))
        await tx.execute("UPDATE handoff_events SET note = '' WHERE handoff_id = ?", (handoff_id,))

    async def finished_without_resident(self, statuses: tuple[str, ...], before: datetime) -> list[int]:
        """Handoffs from a professional (no resident account) in these statuses, untouched since `before`,
        whose card still holds something."""
        placeholders = ", ".join("?" for _ in statuses)
        rows = await self.db.all(
            f"SELECT id FROM handoffs WHERE resident IS NULL AND card != '{{}}' AND status IN ({placeholders}) "
            "AND updated_at < ? ORDER BY id", (*statuses, iso(before)))
        return [r[0] for r in rows]

    async def rename_actor(self, tx: Tx, old: str, new: str) -> None:
        """Replace an actor in the status history (an erased resident becomes 'resident')."""
        await tx.execute("UPDATE handoff_events SET actor = ? WHERE actor = ?", (new, old))

    async def get(self, handoff_id: int) -> Handoff | None:
        """One handoff by id."""
        row = await self.db.one("SELECT * FROM handoffs WHERE id = ?", (handoff_id,))
        return _handoff(row) if row else None

    async def of_resident(self, person: Person) -> list[Handoff]:
        """A resident's handoffs, oldest first."""
        rows = await self.db.all("SELECT * FROM handoffs WHERE resident = ? ORDER BY id", (person.key,))
        return [_handoff(r) for r in rows]

    async def where(self, statuses: tuple[str, ...], *, member_id: str | None = None,
                    team_id: str | None = None) -> list[Handoff]:
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
        rows = await self.db.all(sql + " ORDER BY created_at, id", tuple(params))
        return [_handoff(r) for r in rows]

    async def due(self, column: str, statuses: tuple[str, ...], done_column: str | None = None) -> list[Handoff]:
        """Handoffs in these statuses whose `column` time has come (and `done_column` is still empty)."""
        if column not in HANDOFF_TIMES or (done_column and done_column not in HANDOFF_TIMES):
            raise ValueError("not a handoff time")
        placeholders = ", ".join("?" for _ in statuses)
        sql = f"SELECT * FROM handoffs WHERE status IN ({placeholders}) AND {column} IS NOT NULL AND {column} <= ?"
        if done_column:
            sql += f" AND {done_column} IS NULL"
        rows = await self.db.all(sql + " ORDER BY id", (*statuses, self.db.now()))
        return [_handoff(r) for r in rows]

    async def open_counts(self, statuses: tuple[str, ...]) -> dict[str, int]:
        """How many handoffs in these statuses each member has (for the routing rule's capacity)."""
        placeholders = ", ".join("?" for _ in statuses)
        rows = await self.db.all(
            f"SELECT member_id, COUNT(*) AS n FROM handoffs WHERE status IN ({placeholders}) GROUP BY member_id",
            statuses,
        )
        return {row["member_id"]: row["n"] for row in rows}

    async def events(self, handoff_id: int) -> list[HandoffEvent]:
        """A handoff's status history, oldest first."""
        rows = await self.db.all(
            "SELECT at, actor, from_status, to_status, note FROM handoff_events WHERE handoff_id = ? ORDER BY id",
            (handoff_id,),
        )
        return [HandoffEvent(datetime.fromisoformat(r["at"]), r["actor"], r["from_status"], r["to_status"], r["note"])
                for r in rows]


def _handoff(row: aiosqlite.Row) -> Handoff:
    return Handoff(
        id=row["id"],
        resident=Person.parse(row["resident"]) if row["resident"] else None,
        member_id=row["member_id"],
        team_id=row["team_id"],
        status=row["status"],
        urgent=bool(row["urgent"]),
        source=row["source"],
        card=json.loads(row["card"]),
        created_at=datetime.fromisoformat(row["created_at"]),
        updated_at=datetime.fromisoformat(row["updated_at"]),
        **{key: when(row[key]) for key in HANDOFF_TIMES},
    )
