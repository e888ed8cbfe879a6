"""When to try a failed delivery again: after Telegram's retry_after, or with growing back-off."""

from __future__ import annotations

from datetime import datetime, timedelta

MAX_BACKOFF_SECONDS = 300


def next_attempt(now: datetime, attempts: int, retry_after: float | None = None) -> datetime:
    """Telegram's retry_after when it gave one; otherwise 1, 2, 4, ... seconds, at most five minutes."""
    if retry_after is not None:
        return now + timedelta(seconds=retry_after)
    return now + timedelta(seconds=min(MAX_BACKOFF_SECONDS, 2 ** attempts))
