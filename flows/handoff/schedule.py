"""Deadlines in working hours: the hours of working days (Monday to Friday) in the municipality's time zone.

A team's `reaction_hours: 48` is two working days (product.md: the field's norm is two working
days at most): a handoff sent on Friday at 15:00 is due on Tuesday at 15:00. Weekends do not count.
An urgent handoff (danger) counts clock hours instead (`urgent_reaction_hours`, product.md: danger does
not wait for Monday): sent on Friday at 23:00 with 4 hours, it is due on Saturday at 03:00.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

WORKING_DAYS = frozenset({0, 1, 2, 3, 4})  # Monday .. Friday


def add_working_hours(start: datetime, hours: float, timezone: str) -> datetime:
    """The moment `hours` working hours after `start` (aware), counted in the local calendar."""
    zone = ZoneInfo(timezone)
    current = start.astimezone(zone)
    remaining = timedelta(hours=hours)
    while True:
        midnight = datetime.combine(current.date() + timedelta(days=1), datetime.min.time(), zone)
        if current.weekday() not in WORKING_DAYS:
            current = midnight
            continue
        available = midnight - current
        if remaining <= available:
            return current + remaining
        remaining -= available
        current = midnight


def reaction_hours(team, urgent: bool) -> int:
    """The team's reaction time for this handoff: clock hours when urgent, working hours otherwise."""
    return team.urgent_reaction_hours if urgent else team.reaction_hours


def add_hours(start: datetime, hours: float, timezone: str, urgent: bool) -> datetime:
    """`hours` after `start`: clock hours when urgent, working hours otherwise."""
    return start + timedelta(hours=hours) if urgent else add_working_hours(start, hours, timezone)


def hours_between(start: datetime, end: datetime, timezone: str, urgent: bool) -> float:
    """Hours from `start` to `end` (0 when end is earlier): clock hours when urgent, working hours otherwise."""
    if urgent:
        return max(0.0, (end - start).total_seconds() / 3600)
    return working_hours_between(start, end, timezone)


def working_hours_between(start: datetime, end: datetime, timezone: str) -> float:
    """Working hours from `start` to `end` (0 when end is earlier)."""
    zone = ZoneInfo(timezone)
    current, end = start.astimezone(zone), end.astimezone(zone)
    total = timedelta()
    while current < end:
        midnight = datetime.combine(current.date() + timedelta(days=1), datetime.min.time(), zone)
        stop = min(midnight, end)
        if current.weekday() in WORKING_DAYS:
            total += stop - current
        current = stop
    return total.total_seconds() / 3600
