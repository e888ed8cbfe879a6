"""The services side of the matcher: a services x domains matrix, built once, and `services_for`.

Services follow the story: crisis lines first on crisis; then, for each domain in the order of
the story, the service for it that the resident's own words (service keywords) fit best; then the
rest by score. So the first service serves the most prominent domain, and the list covers the story.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from knowledge.domains import DOMAIN_IDS
from knowledge.model import KnowledgeBase, Service
from knowledge.normalize import normal_phrase
from knowledge.patterns import PatternSet

# Which crisis lines fit which kind of danger (by the services' domains).
CRISIS_DOMAINS: dict[str, frozenset[str]] = {
    "suicide": frozenset({"mental_health"}),
    "domestic_violence": frozenset({"safety_justice", "relationships"}),
    "child_danger": frozenset({"parenting", "safety_justice"}),
    "medical": frozenset({"physical_health"}),
}
KEYWORD_WEIGHT = 0.5  # per service keyword the resident used (at most MAX_KEYWORD_HITS), within the found domains
MAX_KEYWORD_HITS = 3
TIE_SHARE = 0.1  # choosing a domain's service: the overall score counts this much beside the own words
PRIMARY_DOMAIN = 1.0  # a service for the most prominent domain
RANK_DECAY = 0.5  # each further domain counts half as much as the one before


@dataclass(frozen=True)
class ServiceScore:
    """A service and how well it fits."""

    service: Service
    score: float


class ServiceIndex:
    """The knowledge base's services as matrices: domains, areas, crisis lines, keywords."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.services: Sequence[Service] = kb.services
        count = len(self.services)
        self._domain_matrix = np.zeros((count, len(DOMAIN_IDS)), dtype=np.float32)
        self._crisis_line = np.zeros(count, dtype=bool)
        everywhere = np.array([s.areas is None for s in self.services], dtype=bool)
        area_masks: dict[str | None, np.ndarray] = {None: everywhere}
        for area in kb.municipality.areas:
            area_masks[area.id] = everywhere | np.array(
                [s.areas is not None and area.id in s.areas for s in self.services], dtype=bool
            )
        self._area_masks = area_masks
        keyword_services: dict[str, list[int]] = defaultdict(list)
        for index, service in enumerate(self.services):
            for domain in service.domains:
                self._domain_matrix[index, DOMAIN_IDS.index(domain)] = 1.0
            self._crisis_line[index] = service.crisis
            for keyword in dict.fromkeys(service.keywords):
                keyword_services[normal_phrase(keyword)].append(index)
        keyword_services.pop("", None)
        self._keyword_services = {k: np.array(v, dtype=np.int64) for k, v in keyword_services.items()}
        self.keyword_patterns = PatternSet((keyword, keyword) for keyword in self._keyword_services)
        self._service_ids = np.array([s.id for s in self.services])
        self._domain_columns = [np.ascontiguousarray(self._domain_matrix[:, i]) for i in range(len(DOMAIN_IDS))]
        self._domain_rows = [np.flatnonzero(column > 0) for column in self._domain_columns]
        self._allowed = {area: mask & ~self._crisis_line for area, mask in self._area_masks.items()}  # no crisis line

    def services_for(
        self,
        domain_scores: Mapping[str, float],
        area_id: str | None,
        crisis_kinds: tuple[str, ...] = (),
        limit: int = 5,
        keywords: set | frozenset = frozenset(),
    ) -> list[ServiceScore]:
        """The best services for these domains (0..1 each) in this area; crisis lines first on crisis."""
        if not self.services:
            return []
        # The story decides the order: the most prominent domain (highest weight; the first one given
        # among equals) counts fully, each further domain less, so its services come first.
        ranked = sorted(((w, -i, d) for i, (d, w) in enumerate(domain_scores.items()) if w > 0), reverse=True)
        score = np.zeros(len(self.services), dtype=np.float32)
        for rank, (weight, _, domain) in enumerate(ranked):
            factor = PRIMARY_DOMAIN if rank == 0 else weight * RANK_DECAY**rank
            score += self._domain_columns[DOMAIN_IDS.index(domain)] * np.float32(factor)
        own_words = np.zeros(len(self.services), dtype=np.float32)
        if keywords:
            for keyword in keywords:
                own_words[self._keyword_services[keyword]] += 1.0
            own_words = KEYWORD_WEIGHT * np.minimum(own_words, MAX_KEYWORD_HITS) * (score > 0)
            score += own_words
        allowed = self._allowed.get(area_id, self._allowed[None])
        first = np.zeros(len(self.services), dtype=bool)
        if crisis_kinds:  # the crisis lines that fit this danger come first, whatever their score
            wanted = np.zeros(len(DOMAIN_IDS), dtype=np.float32)
            for kind in crisis_kinds:
                for domain in CRISIS_DOMAINS[kind]:
                    wanted[DOMAIN_IDS.index(domain)] = 1.0
            first = self._crisis_line & ((self._domain_matrix @ wanted) > 0)
        rank = np.where(first, score + 1000.0, np.where(allowed & (score > 0), score, -1.0))
        count = min(limit, int((rank > 0).sum()))
        if count == 0:
            return []
        # crisis lines first; then for each domain in the order of the story the service for it that the
        # resident's own words fit best (then the best score): the list covers the whole story, most
        # prominent first; then the rest by score
        chosen = [int(i) for i in np.flatnonzero(first)]
        chosen.sort(key=lambda i: (-rank[i], self._service_ids[i]))
        fit = np.where(rank > 0, own_words + TIE_SHARE * rank, -np.inf)
        fit[chosen] = -np.inf
        for _, _, domain in ranked:
            if len(chosen) >= count:
                break
            rows = self._domain_rows[DOMAIN_IDS.index(domain)]  # only the domain's own services are read
            if not rows.size:
                continue
            values = fit[rows]
            best = int(np.argmax(values))
            if values[best] > 0:
                chosen.append(int(rows[best]))
                fit[rows[best]] = -np.inf
        if len(chosen) < count:
            rest = rank.copy()
            rest[chosen] = -1.0
            more = min(count - len(chosen), int((rest > 0).sum()))
            if more:
                top = np.argpartition(-rest, more - 1)[:more] if more < len(rest) else np.arange(len(rest))
                chosen.extend(sorted((int(i) for i in top if rest[i] > 0),
                                     key=lambda i: (-rest[i], self._service_ids[i]))[:more])
        return [ServiceScore(self.services[i], round(float(score[i]), 3)) for i in chosen[:count]]
