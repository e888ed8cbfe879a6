"""`python bot.py match`: what the matcher and the routing rule make of one sentence, for knowledge keepers."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from knowledge.matcher import CRISIS_DOMAINS, Match, Matcher
from knowledge.model import KnowledgeBase
from knowledge.normalize import clauses
from knowledge.routing import Contact, choose_contact, concerns_from_text


def explain(kb: KnowledgeBase, matcher: Matcher, text: str, postcode: str | None, language: str) -> tuple[
    Match, Contact | None
]:
    """Match the text for the postcode's area and pick the one contact (None without concerns)."""
    area = kb.area_for_postcode(postcode)
    match = matcher.match(text, area.id if area else None)
    numbers = clauses(text)
    match = replace(match, clauses={
        domain: tuple(numbers[i] if i < len(numbers) else 0 for i in starts) for domain, starts in match.starts.items()
    })
    if not match.domains:
        return match, None
    crisis_domains = frozenset(d for kind in match.crisis.kinds for d in CRISIS_DOMAINS[kind])
    concerns = concerns_from_text(match.domain_ids, crisis_domains)
    return match, choose_contact(kb, postcode, concerns, language)


def as_json(match: Match, contact: Contact | None) -> dict[str, Any]:
    """The stable machine-readable form."""
    return {
        "domains": [{"id": d.id, "score": d.score} for d in match.domains],
        "why": {
            domain: [
                {"entry": entry, "words": typed, "weight": weight, "clause": clause}
                for (entry, typed, weight), clause in zip(
                    counted, match.clauses.get(domain, (None,) * len(counted)), strict=False)
            ]
            for domain, counted in match.counted.items()
        },
        "crisis": {"is_crisis": match.crisis.is_crisis, "kind": match.crisis.kind},
        "services": [{"id": s.service.id, "score": s.score} for s in match.services],
        "contact": None if contact is None else {"member_id": contact.member.id, "team_id": contact.team.id},
    }


def as_text(kb: KnowledgeBase, match: Match, contact: Contact | None, postcode: str | None) -> str:
    """A readable report that shows why: which words matched."""
    lines = ["Levensdomeinen (per domein de woorden die telden: 'getypt' via lexicon-regel (informatiegewicht, zin)):"]
    if not match.domains:
        lines.append("  (geen gevonden: voeg woorden toe in synonyms.yaml of aan de keywords van een dienst)")
    for domain in match.domains:
        counted = match.counted.get(domain.id, ())
        where = match.clauses.get(domain.id, ())
        words = ", ".join(
            f"'{typed}' via {entry} ({weight:.2f}{f', zin {where[i]}' if i < len(where) and where[i] else ''})"
            for i, (entry, typed, weight) in enumerate(counted)
        )
        if not words:
            from_crisis = any(domain.id in CRISIS_DOMAINS[kind] for kind in match.crisis.kinds)
            words = "via de crisiswoorden" if from_crisis else "alleen via de tweede mening (model)"
        lines.append(f"  {domain.id:<16} {domain.score:.3f}  ({words})")
    if match.unsupported:
        lines.append("Taal: deze tekst is in een taal die de bot niet leest.")
    if match.crisis.is_crisis:
        lines.append(f"Crisis: JA — {', '.join(match.crisis.kinds)} ({'; '.join(match.crisis.evidence)})")
    else:
        lines.append("Crisis: nee")
    lines.extend(f"  {line}" for line in match.crisis.explain())  # which concept, on which words, in which clause
    area = kb.area_for_postcode(postcode)
    where = f"wijk {area.name}" if area else "hele gemeente (geen of onbekende postcode)"
    lines.append(f"Diensten ({where}):")
    if not match.services:
        lines.append("  (geen)")
    for item in match.services:
        service = item.service
        reach = service.phone or service.url or service.email or ""
        lines.append(f"  {service.id:<32} {item.score:7.3f}  {service.name} — {reach}")
    if contact is None:
        lines.append("Contactpersoon: (geen zorgen gevonden, dus nog niemand)")
    else:
        member = contact.member
        lines.append(
            f"Contactpersoon: {member.name} ({member.id}), {member.role}, {contact.team.name} "
            f"— regel: {contact.reason}, score {contact.score}"
        )
    return "\n".join(lines)
