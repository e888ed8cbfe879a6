"""A handoff's life (product.md): which status changes are allowed, made with compare-and-set.

proposed → sent (consent) → accepted → closed; declined by the resident; reassigned to a
colleague (who gets it as sent); escalated to the coordinator at the deadline.
"""

from __future__ import annotations

from flows.insight import record
from store import Handoff, Store, Tx

TRANSITIONS: dict[str | None, frozenset[str]] = {
    None: frozenset({"proposed"}),
    "proposed": frozenset({"sent", "declined"}),
    "sent": frozenset({"accepted", "reassigned", "escalated", "declined", "closed"}),
    "reassigned": frozenset({"sent"}),
    "escalated": frozenset({"sent", "accepted", "reassigned", "closed"}),
    "accepted": frozenset({"closed", "reassigned"}),
    "closed": frozenset(),
    "declined": frozenset(),
}
OPEN = ("proposed", "sent", "reassigned", "escalated", "accepted")
WAITING = ("sent", "escalated", "reassigned")  # waiting for someone to pick it up
FINISHED = ("closed", "declined")
PASSED_ON = ("reassigned", "sent")  # the path of a handoff that goes to a colleague


class TransitionError(ValueError):
    """A status change the lifecycle does not allow, or that someone else made first."""


def check(current: str | None, path: tuple[str, ...]) -> None:
    """Raise when the path of status changes is not allowed from `current`."""
    for step in path:
        if step not in TRANSITIONS.get(current, frozenset()):
            raise TransitionError(f"{current} → {step} is not allowed")
        current = step


async def move(store: Store, tx: Tx, handoff: Handoff, path: tuple[str, ...] | str, actor: str, note: str = "",
               member_id: str | None = None) -> None:
    """Move a handoff along `path` in this transaction; TransitionError when not allowed or moved meanwhile."""
    path = (path,) if isinstance(path, str) else path
    check(handoff.status, path)
    current = handoff.status
    for step in path:
        if not await store.handoffs.move(tx, handoff.id, current, step, actor, note, member_id):
            raise TransitionError(f"handoff {handoff.id} was moved by someone else")
        await record.moved(store, tx, handoff, step, note)  # the figures for the municipality
        current = step
