"""Residents: language, postcode and where their conversation is (progress as JSON)."""

from __future__ import annotations

import json
from datetime import datetime

from store.database import Database, Tx, iso
from store.records import Person, Resident


class Residents:
    """The residents table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, person: Person) -> Resident | None:
        """A resident's stored state, or None."""
        row = await self.db.one("SELECT language, postcode, progress FROM residents WHERE person = ?", (person.key,))
        if row is None:
            return None
        return Resident(person, row["language"], row["postcode"], json.loads(row["progress"]))

    async def save(self, tx: Tx, resident: Resident) -> None:
        """Store a resident's state (insert or update)."""
        await tx.execute(
            """INSERT INTO residents (person, language, postcode, progress, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT(person) DO UPDATE SET language = excluded.language,
                   postcode = excluded.postcode, progress = excluded.progress,
                   updated_at = excluded.updated_at""",
            (resident.person.key, resident.language, resident.postcode,
             json.dumps(resident.progress, ensure_ascii=False), tx.now, tx.now),
        )

    async def delete(self, tx: Tx, person: Person) -> None:
        """Remove a resident's row."""
        await tx.execute("DELETE FROM residents WHERE person = ?", (person.key,))

    async def quiet_since(self, before: datetime, open_statuses: tuple[str, ...]) -> list[Person]:
        """Residents not heard from since `before` who have no handoff in one of `open_statuses`."""
        placeholders = ", ".join("?" for _ in open_statuses)
        rows = await self.db.all(
            f"""SELECT person FROM residents WHERE updated_at < ? AND person NOT IN (
                    SELECT resident FROM handoffs WHERE resident IS NOT NULL AND status IN ({placeholders}))""",
            (iso(before), *open_statuses),
        )
        return [Person.parse(r[0]) for r in rows]
