"""The audit log (who did what with which handoff) and the problems reported from the bot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from store.database import Database, Tx, iso, when
from store.records import AuditEntry, Person, Report


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

    async def handoffs_with(self, action: str, since: datetime) -> list[int]:
        """Handoffs that had this action since then (e.g. 'erased'), oldest first."""
        rows = await self.db.all("SELECT DISTINCT handoff_id FROM audit_log WHERE action = ? AND at >= ? "
                                 "AND handoff_id IS NOT NULL ORDER BY handoff_id", (action, iso(since)))
        return [r[0] for r in rows]

    async def rename_actor(self, tx: Tx, old: str, new: str) -> None:
        """Replace an actor (an erased resident becomes 'resident')."""
        await tx.execute("UPDATE audit_log SET actor = ? WHERE actor = ?", (new, old))


@dataclass(frozen=True)
class Offer:
    """A list of services or people the bot showed one person, with what they reported from it."""

    id: int
    person: Person
    targets: tuple[str, ...]
    reported: tuple[str, ...]


class Reports:
    """The reports table, and the lists they may come from (report_offers)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def offer(self, tx: Tx, person: Person, targets: list[str]) -> int:
        """Remember a list shown to a person; a report must name it."""
        cursor = await tx.execute("INSERT INTO report_offers (person, targets, created_at) VALUES (?, ?, ?)",
                                  (person.key, ",".join(targets), tx.now))
        return int(cursor.lastrowid)

    async def offered(self, offer_id: int) -> Offer | None:
        """A list shown before."""
        row = await self.db.one("SELECT * FROM report_offers WHERE id = ?", (offer_id,))
        if row is None:
            return None
        return Offer(row["id"], Person.parse(row["person"]), tuple(t for t in row["targets"].split(",") if t),
                     tuple(t for t in row["reported"].split(",") if t))

    async def reported_since(self, person: Person, since: datetime) -> int:
        """How many reports a person made from lists shown since then."""
        rows = await self.db.all("SELECT reported FROM report_offers WHERE person = ? AND created_at >= ?",
                                 (person.key, iso(since)))
        return sum(len([t for t in r[0].split(",") if t]) for r in rows)

    async def mark_reported(self, tx: Tx, offer: Offer, target: str) -> None:
        """This target of the list was reported (once per list)."""
        await tx.execute("UPDATE report_offers SET reported = ? WHERE id = ?",
                         (",".join([*offer.reported, target]), offer.id))

    async def forget_offers(self, tx: Tx, person: Person) -> None:
        """The lists shown to an erased person go."""
        await tx.execute("DELETE FROM report_offers WHERE person = ?", (person.key,))

    async def prune_offers(self, tx: Tx, before: datetime) -> None:
        """Lists shown before the retention period go."""
        await tx.execute("DELETE FROM report_offers WHERE created_at < ?", (iso(before),))

    async def add(self, tx: Tx, reporter: str, target: str, kind: str) -> int:
        """Store a reported problem (reporter is a role, never a person's id or words)."""
        cursor = await tx.execute("INSERT INTO reports (at, reporter, target, kind) VALUES (?, ?, ?, ?)",
                                  (tx.now, reporter, target, kind))
        return int(cursor.lastrowid)

    async def open(self) -> list[Report]:
        """Open reports, oldest first."""
        return [report for report, handled_at in await self.listing() if handled_at is None]

    async def listing(self, *, closed_too: bool = False) -> list[tuple[Report, datetime | None]]:
        """Reports with when they were handled (None: still open), oldest first; closed ones only when asked."""
        rows = await self.db.all("SELECT id, at, reporter, target, kind, handled_at FROM reports "
                                 + ("" if closed_too else "WHERE handled_at IS NULL ") + "ORDER BY at, id")
        return [(Report(r["id"], datetime.fromisoformat(r["at"]), r["reporter"], r["target"], r["kind"]),
                 when(r["handled_at"])) for r in rows]

    async def get(self, report_id: int) -> tuple[Report, datetime | None] | None:
        """One report with when it was handled, or None."""
        return next(((r, h) for r, h in await self.listing(closed_too=True) if r.id == report_id), None)

    async def close(self, tx: Tx, report_id: int) -> bool:
        """Mark a report as handled; False when there is no such open report."""
        cursor = await tx.execute("UPDATE reports SET handled_at = ? WHERE id = ? AND handled_at IS NULL",
                                  (tx.now, report_id))
        return cursor.rowcount == 1
