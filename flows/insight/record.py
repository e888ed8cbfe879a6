"""Counting as things happen, in the transaction of the event itself (one line at each place).

Residents count once per month and kind (figure_marks); a handoff's events are counted in the
month and area of the handoff. /vergeet takes a resident's contributions back out (`forget`);
erasure by retention only forgets which counts were theirs (`unmark`), so last year's figures stay.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from knowledge.domains import DOMAIN_IDS
from knowledge.model import KnowledgeBase
from store import Handoff, Person, Store, Tx
from store.figures import HandoffBucket

if TYPE_CHECKING:
    from flows.resident.turn import Turn

UNKNOWN_AREA = ""
OUTCOMES = ("contact", "passed", "unreachable", "resident_declined", "other")  # as on the staff's close buttons
MAX_HOURS = 48  # time to accept is counted per working hour up to here, above it in one bucket
FINISH_FROM = ("would_help", "postcode")  # the steps before the picture and the offer
FINISH_TO = ("offer", "done")


def month_of(moment: str | datetime, zone: str) -> str:
    """YYYY-MM of a moment in the municipality's time zone."""
    at = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return at.astimezone(ZoneInfo(zone)).strftime("%Y-%m")


def area_of(kb: KnowledgeBase, postcode: str | None, area_id: str | None = None) -> str:
    """The area id for figures (never anything finer)."""
    if area_id and kb.area(area_id) is not None:
        return area_id
    area = kb.area_for_postcode(postcode)
    return area.id if area else UNKNOWN_AREA


def pair_key(first: str, second: str) -> str:
    """'finances+housing', in the fixed order of the domains."""
    a, b = sorted((first, second), key=DOMAIN_IDS.index)
    return f"{a}+{b}"


def concern_domains(progress: Any) -> list[str]:
    """The domains a resident answered as a concern (ZRM ≤ 3), or named in their story and did not score."""
    domains = set(progress.concerns())
    domains |= {d for d in progress.domains if progress.answers.get(d) is None and d in DOMAIN_IDS}
    return sorted(domains, key=DOMAIN_IDS.index)


async def finished(kb: KnowledgeBase, store: Store, tx: Tx, turn: Turn) -> None:
    """A resident reached the picture's end (the offer, or done without concerns): counted once per month."""
    progress = turn.progress
    if turn.loaded_step not in FINISH_FROM or progress.step not in FINISH_TO:
        return
    subject, zone = turn.resident.person.key, kb.municipality.timezone
    month, area = month_of(tx.now, zone), area_of(kb, turn.resident.postcode)
    await store.figures.count(tx, subject, month, area, "finished")
    domains = concern_domains(progress)
    for index, domain in enumerate(domains):
        await store.figures.count(tx, subject, month, area, "pair", pair_key(domain, domain))
        for other in domains[index + 1:]:
            await store.figures.count(tx, subject, month, area, "pair", pair_key(domain, other))


async def handoff_sent(kb: KnowledgeBase, store: Store, tx: Tx, handoff_id: int, card: Any, urgent: bool) -> None:
    """A new handoff went out (after consent, or from a professional)."""
    zone = kb.municipality.timezone
    bucket = HandoffBucket(month_of(tx.now, zone), area_of(kb, card.postcode, card.area_id), zone)
    await store.figures.set_bucket(tx, handoff_id, bucket)
    await _count(store, tx, handoff_id, bucket, "handoff")
    if urgent:
        await _count(store, tx, handoff_id, bucket, "urgent")


async def moved(store: Store, tx: Tx, handoff: Handoff, step: str, note: str) -> None:
    """A status change of the lifecycle: escalated, passed on, accepted (with its working hours), closed."""
    bucket = await store.figures.bucket(handoff.id)
    if bucket is None:
        return  # a handoff from before the figures were kept
    if step == "escalated":
        await _count(store, tx, handoff.id, bucket, "escalated")
    elif step == "reassigned":
        await _count(store, tx, handoff.id, bucket, "passed_on")
    elif step == "accepted" and await _count(store, tx, handoff.id, bucket, "accepted"):
        from flows.handoff.schedule import working_hours_between  # here: the handoff package imports the lifecycle

        hours = working_hours_between(handoff.created_at, datetime.fromisoformat(tx.now), bucket.zone)
        key = str(max(1, math.ceil(hours))) if hours <= MAX_HOURS else f"{MAX_HOURS + 1}+"
        await _count(store, tx, handoff.id, bucket, "accept_hours", key)
    elif step == "closed":
        outcome = note.split(":", 1)[0]
        await _count(store, tx, handoff.id, bucket, "closed", outcome if outcome in OUTCOMES else "other")


async def followup(store: Store, tx: Tx, handoff: Handoff, answer: str) -> None:
    """The resident answered 'did they contact you?' (yes or no)."""
    bucket = await store.figures.bucket(handoff.id)
    if bucket is not None:
        await _count(store, tx, handoff.id, bucket, "followup", answer)


async def forget(store: Store, tx: Tx, person: Person, handoff_ids: list[int], asked: bool) -> None:
    """An erased resident: with /vergeet (`asked`) every count still traceable to them is taken back out;
    by retention only the marks go, so the counts stay (and nothing links them to anyone any more)."""
    if asked:
        await store.figures.take_back(tx, [person.key, *(f"handoff:{i}" for i in handoff_ids)])
        for handoff_id in handoff_ids:
            await store.figures.drop_bucket(tx, handoff_id)
    else:
        await store.figures.drop_marks(tx, person.key)


async def _count(store: Store, tx: Tx, handoff_id: int, bucket: HandoffBucket, kind: str, key: str = "") -> bool:
    return await store.figures.count(tx, f"handoff:{handoff_id}", bucket.month, bucket.area, kind, key)
