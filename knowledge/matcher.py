"""Free text → ranked life domains, a crisis verdict, and the services that fit.

Everything that can be computed once is computed when the knowledge base loads: the
compiled patterns, the vocabulary for typo correction (bucketed by length), and a
services × domains matrix, so one sentence costs a few dictionary look-ups and one small
vector product, even with 10,000 services.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from knowledge.crisis import Crisis, CrisisReader
from knowledge.domains import DOMAIN_IDS
from knowledge.lexicon import Lexicon
from knowledge.model import KnowledgeBase, Service
from knowledge.normalize import letters_outside_latin, normal_phrase, tokens
from knowledge.patterns import Hit, PatternSet

__all__ = ["CRISIS_DOMAINS", "Crisis", "DomainScore", "Match", "Matcher", "ServiceScore", "TypoCorrector"]

# Which crisis lines fit which kind of danger (by the services' domains).
CRISIS_DOMAINS: dict[str, frozenset[str]] = {
    "suicide": frozenset({"mental_health"}),
    "domestic_violence": frozenset({"safety_justice", "relationships"}),
    "child_danger": frozenset({"parenting", "safety_justice"}),
    "medical": frozenset({"physical_health"}),
}
CRISIS_BOOST = 2.0  # evidence a crisis adds to its own domains
KNOWN_SHARE = 0.35  # below this share of words we know, a text is in a language we don't read
MIN_FUZZY_LENGTH = 5  # shorter words are too easily another word
KEYWORD_WEIGHT = 0.5
MAX_KEYWORD_HITS = 3
MAX_PREVIOUS = 3  # earlier messages of the same resident read together with a new one


@dataclass(frozen=True)
class DomainScore:
    """A life domain and how strongly the text speaks of it (0 to 1)."""

    id: str
    score: float


@dataclass(frozen=True)
class ServiceScore:
    """A service and how well it fits."""

    service: Service
    score: float


@dataclass(frozen=True)
class Match:
    """What the matcher makes of one text."""

    domains: tuple[DomainScore, ...]
    crisis: Crisis
    evidence: dict[str, tuple[str, ...]]  # domain or crisis kind -> the lexicon entries that matched
    services: tuple[ServiceScore, ...]
    language: str | None  # the language the text is most likely in, when we speak it
    unsupported: bool  # written in a language we cannot read
    empty: bool  # no words at all (only emoji, spaces, punctuation)

    @property
    def domain_ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.domains)


class TypoCorrector:
    """Maps a word that is not in the vocabulary to the closest one, when it is close enough."""

    def __init__(self, vocabulary: set[str]) -> None:
        self.vocabulary = frozenset(vocabulary)
        buckets: dict[int, list[str]] = defaultdict(list)
        for word in sorted(vocabulary):
            if word.isalpha():
                buckets[len(word)].append(word)
        self._buckets = dict(buckets)
        self._cache: dict[str, str | None] = {}

    def correct(self, word: str) -> str | None:
        """The vocabulary word meant by a typo, or None."""
        if word in self.vocabulary or len(word) < MIN_FUZZY_LENGTH or not word.isalpha():
            return None
        if word in self._cache:
            return self._cache[word]
        spread = 1 if len(word) < 8 else 2
        candidates = [w for n in range(len(word) - spread, len(word) + spread + 1) for w in self._buckets.get(n, ())]
        cutoff = 85 if len(word) < 8 else 80
        best = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=cutoff)
        corrected = best[0] if best else None
        if len(self._cache) > 100_000:
            self._cache.clear()
        self._cache[word] = corrected
        return corrected


class Matcher:
    """The matcher for one knowledge base; build it once, ask it often."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon | None = None) -> None:
        self.kb = kb
        self.lexicon = lexicon or Lexicon.load(synonyms=kb.synonyms)
        self.domain_patterns = PatternSet(self.lexicon.domains)
        self.crisis_reader = CrisisReader()
        self.services = kb.services
        self._build_service_index()
        vocabulary = (
            self.domain_patterns.words()
            | self.crisis_reader.words()
            | self.keyword_patterns.words()
            | {w for words in self.lexicon.common_words.values() for w in words}
        )
        self.corrector = TypoCorrector(vocabulary)

    def _build_service_index(self) -> None:
        count = len(self.services)
        self._domain_matrix = np.zeros((count, len(DOMAIN_IDS)), dtype=np.float32)
        self._crisis_line = np.zeros(count, dtype=bool)
        area_masks: dict[str | None, np.ndarray] = {}
        everywhere = np.array([s.areas is None for s in self.services], dtype=bool)
        area_masks[None] = everywhere
        for area in self.kb.municipality.areas:
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

    # -- the text --------------------------------------------------------------------------
    def _words(self, text: str) -> list[tuple[str, ...]]:
        words = []
        for word in tokens(text):
            corrected = self.corrector.correct(word)
            words.append((word, corrected) if corrected else (word,))
        return words

    def match(self, text: str, area_id: str | None = None, limit: int = 5, *, previous: Sequence[str] = ()) -> Match:
        """Read one text: domains, crisis, services for the area (None: the whole town).

        `previous`: the resident's last few messages before this one (oldest first); a danger
        split over them and this text counts, one entirely in them is not reported again.
        """
        words = self._words(text)
        domain_hits = self.domain_patterns.find(words)
        crisis = self._crisis(text, words, previous)
        scores = _domain_scores(domain_hits)
        for kind in crisis.kinds:  # acute danger is what the text is most about
            for domain in CRISIS_DOMAINS[kind]:
                raw, first = scores.get(domain, (0.0, len(words)))
                scores[domain] = (raw + CRISIS_BOOST, first)
        ranked = sorted(scores.items(), key=lambda item: (-item[1][0], item[1][1], item[0]))
        domains = tuple(DomainScore(d, round(raw / (raw + 1.0), 3)) for d, (raw, _) in ranked)
        keyword_hits = {hit.label for hit in self.keyword_patterns.find(words)}
        services = self.services_for(
            {d.id: d.score for d in domains}, area_id, crisis.kinds, limit, keywords=keyword_hits
        )
        language, unsupported = self._language(text, words, bool(domain_hits) or crisis.is_crisis)
        evidence: dict[str, tuple[str, ...]] = defaultdict(tuple)
        for hit in domain_hits:
            if hit.source not in evidence[str(hit.label)]:
                evidence[str(hit.label)] += (hit.source,)
        return Match(domains, crisis, dict(evidence), tuple(services), language, unsupported, empty=not words)

    def keywords_in(self, text: str) -> set[str]:
        """The service keywords a text uses (to rank services by the resident's own words)."""
        return {str(hit.label) for hit in self.keyword_patterns.find(self._words(text))}

    def _crisis(self, text: str, words: list[tuple[str, ...]], previous: Sequence[str] = ()) -> Crisis:
        before = [(p, self._words(p)) for p in list(previous)[-MAX_PREVIOUS:]]
        return self.crisis_reader.read(text, words, before)

    def _language(self, text: str, words: list[tuple[str, ...]], understood: bool) -> tuple[str | None, bool]:
        if letters_outside_latin(text) > 0.5:
            return None, True
        counts = {
            language: sum(1 for forms in words if forms[0] in common)
            for language, common in self.lexicon.common_words.items()
        }
        alphabetic = [forms for forms in words if forms[0].isalpha()]
        best = max(counts, key=lambda lang: (counts[lang], lang == "nl"), default=None)
        if best is not None and counts[best] > 0 and counts[best] >= 0.2 * len(alphabetic):
            return best, False
        known = sum(1 for forms in alphabetic if forms[0] in self.corrector.vocabulary)
        return None, (len(alphabetic) >= 3 and known < KNOWN_SHARE * len(alphabetic) and not understood)

    # -- services --------------------------------------------------------------------------
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
        best = np.zeros(len(self.services), dtype=np.float32)
        total = np.zeros(len(self.services), dtype=np.float32)
        for domain, weight in domain_scores.items():
            column = self._domain_columns[DOMAIN_IDS.index(domain)] * np.float32(weight)
            np.maximum(best, column, out=best)
            total += column
        score = best + 0.3 * (total - best)
        if keywords:
            hits = np.zeros(len(self.services), dtype=np.float32)
            for keyword in keywords:
                hits[self._keyword_services[keyword]] += 1.0
            score += KEYWORD_WEIGHT * np.minimum(hits, MAX_KEYWORD_HITS)
        allowed = self._area_masks.get(area_id, self._area_masks[None]) & ~self._crisis_line
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
        top = np.argpartition(-rank, count - 1)[:count] if count < len(rank) else np.arange(len(rank))
        order = sorted(top, key=lambda i: (-rank[i], self._service_ids[i]))[:count]
        return [ServiceScore(self.services[i], round(float(score[i]), 3)) for i in order]


def _domain_scores(hits: list[Hit]) -> dict[str, tuple[float, int]]:
    """Per domain: evidence (longer matches first, each word counted once) and first position."""
    claimed: dict[str, set[int]] = defaultdict(set)
    scores: dict[str, tuple[float, int]] = {}
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), -h.weight, h.start)):
        domain = str(hit.label)
        positions = set(range(hit.start, hit.end))
        if positions & claimed[domain]:
            continue
        claimed[domain] |= positions
        raw, first = scores.get(domain, (0.0, hit.start))
        scores[domain] = (raw + hit.weight, min(first, hit.start))
    return scores
