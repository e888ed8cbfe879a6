"""The routing rule (product.md): which ONE person of the wijkteam gets a resident's story.

1. Area: the postcode gives the area (a PC6 entry before its PC4), the area gives the team;
   an unknown or missing postcode gives the municipality's default team.
2. Continuity: a resident who had a handoff before gets the same person again, when that
   person is still active and in the team for this area.
3. Otherwise, among the team's active members below their `max_open_handoffs`, the highest
   score: for each concern domain (ZRM score 1-5) the member covers, 6 − score; plus 2 when
   the member speaks the resident's language. Ties: fewer open handoffs, then id A→Z.
4. Nobody available: the team's coordinator.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from knowledge.model import Area, KnowledgeBase, Member, Team

LANGUAGE_BONUS = 2

CONTINUITY = "continuity"
BEST_MATCH = "best_match"
COORDINATOR = "coordinator"


@dataclass(frozen=True)
class Contact:
    """The one person, their team, and which clause of the rule chose them."""

    member: Member
    team: Team
    area: Area | None
    reason: str  # continuity | best_match | coordinator
    score: int = 0


def member_score(member: Member, concerns: Mapping[str, int], language: str | None) -> int:
    """Clause 3: sum of (6 − score) over the concern domains the member covers, +2 for the language."""
    score = sum(6 - zrm for domain, zrm in concerns.items() if domain in member.domains)
    if language and language in member.languages:
        score += LANGUAGE_BONUS
    return score


def concerns_from_text(domain_ids: tuple[str, ...], crisis_domains: frozenset[str] = frozenset()) -> dict[str, int]:
    """ZRM-like scores for domains read from free text: crisis 1, the main domain 2, the others 3."""
    concerns = {}
    for rank, domain in enumerate(domain_ids):
        concerns[domain] = 1 if domain in crisis_domains else (2 if rank == 0 else 3)
    return concerns


def choose_contact(
    kb: KnowledgeBase,
    postcode: str | None,
    concerns: Mapping[str, int],
    language: str | None,
    previous_member_id: str | None = None,
    open_counts: Mapping[str, int] | None = None,
) -> Contact:
    """Apply the routing rule; `concerns` maps a concern domain to its ZRM score (1-3)."""
    open_counts = open_counts or {}
    area = kb.area_for_postcode(postcode)
    team = kb.team(area.team_id if area else kb.municipality.default_team_id)
    if previous_member_id:
        previous = kb.member(previous_member_id)
        if previous is not None and previous.active and previous.team_id == team.id:
            return Contact(previous, team, area, CONTINUITY, member_score(previous, concerns, language))
    available = [m for m in team.active_members if open_counts.get(m.id, 0) < m.max_open_handoffs]
    if not available:
        return Contact(team.coordinator, team, area, COORDINATOR)
    best = min(
        available,
        key=lambda m: (-member_score(m, concerns, language), open_counts.get(m.id, 0), m.id),
    )
    return Contact(best, team, area, BEST_MATCH, member_score(best, concerns, language))
