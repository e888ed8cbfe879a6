"""Slowing down a resident who floods the bot, politely and once."""

from __future__ import annotations

from collections import deque

OK, WARN, DROP = "ok", "warn", "drop"


class FloodGate:
    """At most `burst` messages per `window` seconds per user (on average Telegram's one message a second per
    chat, with room for a burst of taps); the first one over gets a warning."""

    def __init__(self, burst: int = 20, window: float = 20.0, max_users: int = 10_000) -> None:
        self.burst, self.window, self.max_users = burst, window, max_users
        self._seen: dict[int, deque[float]] = {}
        self._warned: dict[int, float] = {}

    def check(self, user_id: int, now: float) -> str:
        """OK to handle, WARN (say 'slow down' once, ignore this one) or DROP (ignore silently)."""
        if len(self._seen) > self.max_users:
            self.forget_idle(now)
        seen = self._seen.setdefault(user_id, deque())
        while seen and now - seen[0] > self.window:
            seen.popleft()
        if len(seen) < self.burst:
            seen.append(now)
            self._warned.pop(user_id, None)
            return OK
        if now - self._warned.get(user_id, -1e9) > self.window:
            self._warned[user_id] = now
            return WARN
        return DROP

    def forget_idle(self, now: float) -> None:
        """Drop the memory of users who have been quiet for a while."""
        for user_id in [u for u, seen in self._seen.items() if not seen or now - seen[-1] > self.window]:
            self._seen.pop(user_id, None)
            self._warned.pop(user_id, None)
