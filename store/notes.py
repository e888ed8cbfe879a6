"""The audit log (who did what with which handoff) and the problems reported from the bot."""

from __future__ import annotations

from datetime import datetime

from store.database import Database, Tx
from store.records import AuditEntry, Report


class Audit:
    """The audit_log table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, tx: Tx, actor: str, action: str, handoff_id: int | None = None, detail: str = "") -> None:
        """Record who did what (no message text, names or phone numbers in `detail`)."""
        await tx.execute(
            "INSERT INTO audit_log (at, actor, action, handoff_id, detail) VALUES (?, ?, ?, ?, ?)",
            (tx.now, actor, action, handoff_id, detail),
        )

    async def of_handoff(self, handoff_id: int) -> list[AuditEntry]:
        """The audit trail of one handoff, oldest first."""
        rows = await self.db.all(
            "SELECT at, actor, action, handoff_id, detail FROM audit_log WHERE handoff_id = ? ORDER BY id",
            (handoff_id,),
        )
        return [AuditEntry(datetime.fromisoformat(r["at"]), r["actor"], r["action"], r["handoff_id"], r["detail"])
                for r in rows]

    async def rename_actor(self, tx: Tx, old: str, new: str) -> None:
        """Replace an actor (an erased resident becomes 'resident')."""
        await tx.execute("UPDATE audit_log SET actor = ? WHERE actor = ?", (new, old))


class Reports:
    """The reports table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, tx: Tx, reporter: str, target: str, kind: str) -> int:
        """Store a reported problem (reporter is a role, never a person's id or words)."""
        cursor = await tx.execute("INSERT INTO reports (at, reporter, target, kind) VALUES (?, ?, ?, ?)",
                                  (tx.now, reporter, target, kind))
        return int(cursor.lastrowid)

    async def open(self) -> list[Report]:
        """Open reports, oldest first."""
        rows = await self.db.all("SELECT id, at, reporter, target, kind FROM reports WHERE handled_at IS NULL "
                                 "ORDER BY at, id")
        return [Report(r["id"], datetime.fromisoformat(r["at"]), r["reporter"], r["target"], r["kind"]) for r in rows]
