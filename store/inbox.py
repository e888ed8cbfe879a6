"""The inbox: every update from a channel, stored before the channel is told it arrived."""

from __future__ import annotations

from datetime import datetime

from store.database import Database, Tx, iso

REMEMBER_DONE = 10_000


class Inbox:
    """The inbox table: at-least-once intake, each update handled once."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._committed_done: dict[int, None] = {}  # marked done in a commit that went through (newest last)

    async def add(self, tx: Tx, update_id: int, payload: str) -> bool:
        """Store an update; False when it was stored before (a redelivery)."""
        cursor = await tx.execute("INSERT OR IGNORE INTO inbox (update_id, payload, received_at) VALUES (?, ?, ?)",
                                  (update_id, payload, tx.now))
        return cursor.rowcount == 1

    async def add_batch(self, updates: list[tuple[int, str]]) -> set[int]:
        """Store a batch of (update_id, payload) in one statement, committed on its own; the ids that are new
        (a redelivered update was stored before and is left as it is)."""
        if not updates:
            return set()
        now = self.db.now()
        values = ", ".join("(?, ?, ?)" for _ in updates)
        params = tuple(value for update_id, payload in updates for value in (update_id, payload, now))
        rows = await self.db.write(f"INSERT OR IGNORE INTO inbox (update_id, payload, received_at) VALUES {values} "
                                   "RETURNING update_id", params)
        return {row[0] for row in rows}

    async def pending(self, limit: int = 500) -> list[tuple[int, str]]:
        """Stored updates not handled yet, oldest first."""
        rows = await self.db.all("SELECT update_id, payload FROM inbox WHERE done_at IS NULL ORDER BY update_id "
                                 "LIMIT ?", (limit,))
        return [(r[0], r[1]) for r in rows]

    async def is_done(self, update_id: int) -> bool:
        """Whether this update was handled already."""
        row = await self.db.one("SELECT done_at FROM inbox WHERE update_id = ?", (update_id,))
        return row is not None and row[0] is not None

    async def claim(self, tx: Tx, update_id: int) -> bool:
        """Mark an update done in this transaction (one trip, not a read and a write); False when it was handled
        before. An update that was never stored here (another channel) is claimed too."""
        if await self._mark(tx, update_id):
            return True
        return await tx.one("SELECT 1 FROM inbox WHERE update_id = ?", (update_id,)) is None

    async def done(self, tx: Tx, update_id: int) -> None:
        """Handled: never again; its content is not kept."""
        await self._mark(tx, update_id)

    async def mark_done(self, update_id: int) -> None:
        """Handled outside any decision (skipped, ignored, or its handler failed): one statement, its own commit."""
        await self.db.write("UPDATE inbox SET done_at = ?, payload = '' WHERE update_id = ? AND done_at IS NULL",
                            (self.db.now(), update_id))

    async def _mark(self, tx: Tx, update_id: int) -> bool:
        cursor = await tx.execute("UPDATE inbox SET done_at = ?, payload = '' WHERE update_id = ? AND done_at IS NULL",
                                  (tx.now, update_id))
        if cursor.rowcount != 1:
            return False

        async def committed() -> None:
            self._committed_done[update_id] = None
            while len(self._committed_done) > REMEMBER_DONE:
                self._committed_done.pop(next(iter(self._committed_done)))

        tx.after_commit.append(committed)
        return True

    def done_in_commit(self, update_id: int) -> bool:
        """Whether a commit of this process already marked the update done (asked once: then forgotten)."""
        return self._committed_done.pop(update_id, 0) is None

    async def prune(self, tx: Tx, before: datetime) -> None:
        """Forget handled updates older than a channel would ever send again."""
        await tx.execute("DELETE FROM inbox WHERE done_at IS NOT NULL AND received_at < ?", (iso(before),))
