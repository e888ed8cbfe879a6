"""The outbox: what must reach someone, stored in the same commit as the change that causes it."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import aiosqlite

from store.database import Database, Tx, iso, when
from store.records import OutboxItem


class Outbox:
    """The outbox table; delivery decisions live in flows.delivery."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, tx: Tx, kind: str, recipient: str, payload: dict[str, Any] | None = None,
                  handoff_id: int | None = None, attachment: bytes | None = None) -> int:
        """Store something to deliver; the delivery worker sends it."""
        cursor = await tx.execute(
            "INSERT INTO outbox (handoff_id, kind, recipient, payload, created_at, next_attempt_at, attachment) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (handoff_id, kind, recipient, json.dumps(payload or {}, ensure_ascii=False), tx.now, tx.now, attachment),
        )
        return int(cursor.lastrowid)

    async def add_many(self, tx: Tx, kind: str, recipient: str,
                       items: list[tuple[dict[str, Any], bytes | None]]) -> None:
        """Store several messages for one recipient, in order, in one statement: (payload, attachment) each."""
        if not items:
            return
        values = ", ".join("(NULL, ?, ?, ?, ?, ?, ?)" for _ in items)
        params = tuple(value for payload, attachment in items
                       for value in (kind, recipient, json.dumps(payload, ensure_ascii=False), tx.now, tx.now,
                                     attachment))
        await tx.execute("INSERT INTO outbox (handoff_id, kind, recipient, payload, created_at, next_attempt_at, "
                         f"attachment) VALUES {values}", params)

    async def due(self, limit: int = 20, after_id: int = 0) -> list[tuple[OutboxItem, bool]]:
        """Undelivered items whose time has come, oldest first (from after `after_id`, page by page), each with
        whether an older item for the same recipient holds it back (messages keep their order): one still on its
        way that this page does not bring first, i.e. one waiting for its retry or one on an earlier page. A parked
        item (one that failed on our side, last_error 'parked:…') does not hold the others up. Older items on
        this page are the caller's to follow (flows.delivery). One query, not one per item."""
        now = self.db.now()
        rows = await self.db.all(
            "SELECT *, EXISTS (SELECT 1 FROM outbox AS older WHERE older.recipient = outbox.recipient "
            "AND older.delivered_at IS NULL AND older.id < outbox.id AND older.last_error NOT LIKE 'parked:%' "
            "AND (older.next_attempt_at > ? OR older.id <= ?)) AS held "
            "FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ? AND id > ? ORDER BY id LIMIT ?",
            (now, after_id, now, after_id, limit),
        )
        return [(_item(r), bool(r["held"])) for r in rows]

    async def undelivered_to(self, recipient: str) -> bool:
        """Whether something for this recipient is still on its way."""
        row = await self.db.one("SELECT 1 FROM outbox WHERE recipient = ? AND delivered_at IS NULL LIMIT 1",
                                (recipient,))
        return row is not None

    async def soonest_retry(self) -> datetime | None:
        """When the first item that waits for a retry is due (None when nothing waits for later)."""
        row = await self.db.one("SELECT MIN(next_attempt_at) FROM outbox WHERE delivered_at IS NULL AND "
                                "next_attempt_at > ?", (self.db.now(),))
        return when(row[0]) if row else None

    async def items(self, handoff_id: int | None = None) -> list[OutboxItem]:
        """Every item (of one handoff), delivered or not."""
        if handoff_id is None:
            rows = await self.db.all("SELECT * FROM outbox ORDER BY id")
        else:
            rows = await self.db.all("SELECT * FROM outbox WHERE handoff_id = ? ORDER BY id", (handoff_id,))
        return [_item(r) for r in rows]

    async def delivered(self, tx: Tx | None, item_id: int, chat: str, message_id: int | None, *,
                        keep_payload: bool = True, anonymous: str | None = None) -> None:
        """The channel confirmed: never send this item again (without `tx`: one statement, committed on its own).

        Without `keep_payload` its words go; with `anonymous` it no longer says to whom it went either.
        """
        await _write(self.db, tx,
            "UPDATE outbox SET delivered_at = ?, chat = ?, message_id = ?, attempts = attempts + 1, "
            "payload = CASE WHEN ? THEN payload ELSE '{}' END, attachment = NULL, "
            "recipient = COALESCE(?, recipient) WHERE id = ?",
            (self.db.now() if tx is None else tx.now, None if anonymous else chat, message_id, int(keep_payload),
             anonymous, item_id),
        )

    async def settle(self, tx: Tx, item_id: int, error: str, *, keep_payload: bool = True) -> None:
        """Nobody can receive this item: it is done without delivery."""
        await tx.execute(
            "UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = ?, "
            "payload = CASE WHEN ? THEN payload ELSE '{}' END, attachment = NULL WHERE id = ?",
            (tx.now, error[:200], int(keep_payload), item_id),
        )

    async def retry(self, tx: Tx | None, item_id: int, next_attempt_at: datetime, error: str) -> None:
        """Not delivered this time: try again later (error is a class name, never message text; without `tx`: one
        statement, committed on its own)."""
        await _write(self.db, tx,
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
            (iso(next_attempt_at), error[:200], item_id),
        )

    async def forget_recipient(self, tx: Tx, recipient: str, anonymous: str) -> None:
        """An erased person: nothing more goes to them, and what went keeps no words or address."""
        await tx.execute("DELETE FROM outbox WHERE recipient = ? AND delivered_at IS NULL", (recipient,))
        await tx.execute("UPDATE outbox SET payload = '{}', attachment = NULL, chat = NULL, recipient = ? "
                         "WHERE recipient = ?", (anonymous, recipient))

    async def clear_payloads(self, tx: Tx, handoff_id: int) -> None:
        """Drop the words kept for a handoff's deliveries."""
        await tx.execute("UPDATE outbox SET payload = '{}' WHERE handoff_id = ?", (handoff_id,))


async def _write(db: Database, tx: Tx | None, sql: str, params: tuple) -> None:
    if tx is None:
        await db.write(sql, params)
    else:
        await tx.execute(sql, params)


def _item(row: aiosqlite.Row) -> OutboxItem:
    return OutboxItem(
        id=row["id"], handoff_id=row["handoff_id"], kind=row["kind"], recipient=row["recipient"],
        payload=json.loads(row["payload"]), attempts=row["attempts"],
        next_attempt_at=datetime.fromisoformat(row["next_attempt_at"]), delivered_at=when(row["delivered_at"]),
        chat=row["chat"], message_id=row["message_id"], attachment=row["attachment"],
    )
