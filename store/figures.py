"""Anonymous figures for the municipality: counts per month, area, kind and key, and nothing else.

`figures` holds only counts and survives erasure and retention. `figure_marks` remembers which
subject (a resident's person key, or `handoff:<id>`) already added to which count, so a resident
counts once per month and kind, and /vergeet can take their contributions back out. A resident's
marks are deleted whenever the resident is erased; the counts of residents erased by retention stay.
`figure_handoffs` keeps the month and area a handoff is counted in (its later events land there too).
`figure_subscriptions` holds the coordinators who asked for the Monday summary, and when it is next due.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.database import Database, Tx


@dataclass(frozen=True)
class Figure:
    """One count."""

    month: str  # YYYY-MM in the municipality's time zone
    area: str  # area id from the knowledge base, '' when unknown
    kind: str
    key: str
    count: int


@dataclass(frozen=True)
class HandoffBucket:
    """Where a handoff's events are counted."""

    month: str
    area: str
    zone: str


class Figures:
    """The figures, figure_marks, figure_handoffs and figure_subscriptions tables."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def count(self, tx: Tx, subject: str, month: str, area: str, kind: str, key: str = "") -> bool:
        """Add one to a count, once per subject; False when this subject was counted there already."""
        cursor = await tx.execute(
            "INSERT OR IGNORE INTO figure_marks (subject, month, area, kind, key) VALUES (?, ?, ?, ?, ?)",
            (subject, month, area, kind, key))
        if cursor.rowcount != 1:
            return False
        await tx.execute(
            "INSERT INTO figures (month, area, kind, key, count) VALUES (?, ?, ?, ?, 1) "
            "ON CONFLICT(month, area, kind, key) DO UPDATE SET count = count + 1",
            (month, area, kind, key))
        return True

    async def take_back(self, tx: Tx, subjects: list[str]) -> int:
        """Subtract everything these subjects added, and forget their marks; returns how many counts moved."""
        moved = 0
        for subject in subjects:
            marks = await self.db.all("SELECT month, area, kind, key FROM figure_marks WHERE subject = ?", (subject,))
            for mark in marks:
                await tx.execute("UPDATE figures SET count = count - 1 WHERE month = ? AND area = ? AND kind = ? "
                                 "AND key = ? AND count > 0", tuple(mark))
                moved += 1
            await self.drop_marks(tx, subject)
        await tx.execute("DELETE FROM figures WHERE count <= 0")
        return moved

    async def drop_marks(self, tx: Tx, subject: str) -> None:
        """Forget which counts a subject added (the counts stay)."""
        await tx.execute("DELETE FROM figure_marks WHERE subject = ?", (subject,))

    async def set_bucket(self, tx: Tx, handoff_id: int, bucket: HandoffBucket) -> None:
        await tx.execute("INSERT OR REPLACE INTO figure_handoffs (handoff_id, month, area, zone) VALUES (?, ?, ?, ?)",
                         (handoff_id, bucket.month, bucket.area, bucket.zone))

    async def bucket(self, handoff_id: int) -> HandoffBucket | None:
        row = await self.db.one("SELECT month, area, zone FROM figure_handoffs WHERE handoff_id = ?", (handoff_id,))
        return HandoffBucket(row["month"], row["area"], row["zone"]) if row else None

    async def drop_bucket(self, tx: Tx, handoff_id: int) -> None:
        await tx.execute("DELETE FROM figure_handoffs WHERE handoff_id = ?", (handoff_id,))

    async def between(self, first_month: str, last_month: str) -> list[Figure]:
        """Every count of these months (inclusive)."""
        rows = await self.db.all(
            "SELECT month, area, kind, key, count FROM figures WHERE month >= ? AND month <= ? AND count > 0 "
            "ORDER BY month, area, kind, key", (first_month, last_month))
        return [Figure(r["month"], r["area"], r["kind"], r["key"], r["count"]) for r in rows]

    async def months(self) -> tuple[str, str] | None:
        """The first and last month with a count."""
        row = await self.db.one("SELECT MIN(month), MAX(month) FROM figures WHERE count > 0")
        return (row[0], row[1]) if row and row[0] else None

    # -- the Monday summary ---------------------------------------------------------------
    async def subscribe(self, tx: Tx, member_id: str, next_at: str) -> None:
        await tx.execute("INSERT INTO figure_subscriptions (member_id, next_at) VALUES (?, ?) "
                         "ON CONFLICT(member_id) DO NOTHING", (member_id, next_at))

    async def unsubscribe(self, tx: Tx, member_id: str) -> None:
        await tx.execute("DELETE FROM figure_subscriptions WHERE member_id = ?", (member_id,))

    async def subscribed(self, member_id: str) -> bool:
        return await self.db.one("SELECT 1 FROM figure_subscriptions WHERE member_id = ?", (member_id,)) is not None

    async def due_subscriptions(self, now: str) -> list[str]:
        rows = await self.db.all("SELECT member_id FROM figure_subscriptions WHERE next_at <= ? ORDER BY member_id",
                                 (now,))
        return [r[0] for r in rows]

    async def set_next(self, tx: Tx, member_id: str, expected: str | None, next_at: str) -> bool:
        """Move a subscription's next moment on (compare-and-set on the old one when given)."""
        if expected is None:
            cursor = await tx.execute("UPDATE figure_subscriptions SET next_at = ? WHERE member_id = ?",
                                      (next_at, member_id))
        else:
            cursor = await tx.execute(
                "UPDATE figure_subscriptions SET next_at = ? WHERE member_id = ? AND next_at <= ?",
                (next_at, member_id, expected))
        return cursor.rowcount == 1
