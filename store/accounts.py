"""Accounts of staff and professionals on a channel, and the one-time invites that link them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from store.database import Database, Tx, iso, when
from store.records import Account, Person


@dataclass(frozen=True)
class Invite:
    """A stored invite (only the hash of its code)."""

    code_hash: str
    kb_id: str
    role: str
    expires_at: datetime
    used_at: datetime | None


class Accounts:
    """The accounts table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def link(self, tx: Tx, person: Person, kb_id: str, role: str, *, reset_state: bool = False) -> None:
        """Link an account to a member or professional."""
        await tx.execute(
            "INSERT INTO accounts (person, kb_id, role, linked_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(person) DO UPDATE SET kb_id = excluded.kb_id, role = excluded.role, "
            "state = CASE WHEN ? THEN '{}' ELSE state END, linked_at = excluded.linked_at",
            (person.key, kb_id, role, tx.now, int(reset_state)),
        )

    async def get(self, person: Person) -> Account | None:
        """The member or professional behind an account."""
        row = await self.db.one("SELECT * FROM accounts WHERE person = ?", (person.key,))
        if row is None:
            return None
        return Account(person, row["kb_id"], row["role"], json.loads(row["state"]))

    async def of(self, kb_id: str) -> list[Person]:
        """The accounts linked to a member or professional, newest first."""
        rows = await self.db.all("SELECT person FROM accounts WHERE kb_id = ? ORDER BY linked_at DESC", (kb_id,))
        return [Person.parse(r[0]) for r in rows]

    async def set_state(self, tx: Tx, person: Person, state: dict[str, Any]) -> None:
        """What a staff member is in the middle of (typing a note, a message to a resident, a form)."""
        await tx.execute("UPDATE accounts SET state = ?, state_at = ? WHERE person = ?",
                         (json.dumps(state, ensure_ascii=False), tx.now if state else None, person.key))

    async def clear_states_before(self, tx: Tx, before: datetime) -> int:
        """Half-done forms and notes left since before `before` are cleared (they may hold a resident's words)."""
        cursor = await tx.execute("UPDATE accounts SET state = '{}', state_at = NULL WHERE state_at < ?",
                                  (iso(before),))
        return cursor.rowcount


class Invites:
    """The invites table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, tx: Tx, code_hash: str, kb_id: str, role: str, expires_at: datetime) -> None:
        """Store an invite; only the hash of its code."""
        await tx.execute(
            "INSERT INTO invites (code_hash, person_id, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
            (code_hash, kb_id, role, tx.now, iso(expires_at)),
        )

    async def get(self, code_hash: str) -> Invite | None:
        """An invite by the hash of its code."""
        row = await self.db.one("SELECT * FROM invites WHERE code_hash = ?", (code_hash,))
        if row is None:
            return None
        return Invite(row["code_hash"], row["person_id"], row["role"], datetime.fromisoformat(row["expires_at"]),
                      when(row["used_at"]))

    async def use(self, tx: Tx, code_hash: str, person: Person) -> None:
        """Mark an invite as used by this account."""
        await tx.execute("UPDATE invites SET used_at = ?, used_by_person = ? WHERE code_hash = ?",
                         (tx.now, person.key, code_hash))
