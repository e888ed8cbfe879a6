"""Free text → ranked life domains, a crisis verdict, and the services that fit.

Everything that can be computed once is computed when the knowledge base loads: the
compiled patterns, the vocabulary for typo correction (bucketed by length), and a
services × domains matrix, so one sentence costs a few dictionary look-ups and one small
vector product, even with 10,000 services.
"""

from __future__ import annotations

import bisect
import functools
import math
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.dictionary import Lemmas, common, common_in, real_words, warm, zipf
from knowledge.domains import DOMAIN_IDS
from knowledge.lexicon import Lexicon
from knowledge.model import KnowledgeBase, Service
from knowledge.normalize import letters_outside_latin, normal_phrase, tokens
from knowledge.patterns import Hit, PatternSet

# Which crisis lines fit which kind of danger (by the services' domains).
CRISIS_DOMAINS: dict[str, frozenset[str]] = {
    "suicide": frozenset({"mental_health"}),
    "domestic_violence": frozenset({"safety_justice", "relationships"}),
    "child_danger": frozenset({"parenting", "safety_justice"}),
    "medical": frozenset({"physical_health"}),
}
CRISIS_BOOST = 2.0  # evidence a crisis adds to its own domains
KNOWN_SHARE = 0.35  # below this share of words we know, a text is in a language we don't read
MIN_FUZZY_LENGTH = 4  # shorter words are too easily another word
LANGUAGE_MARGIN = 1.0  # a word votes for the language where it is this much more frequent (Zipf)
EVERYDAY_ZIPF = 4.0  # a word this frequent in the text's language is an everyday word of it
COMMON_ZIPF = 8.0  # information: rarity falls linearly from a word this rare ...
RARE_ZIPF = 3.0  # ... (or rarer: 1.0) to one this frequent (0.0), but never below MIN_RARITY
MIN_RARITY = 0.4
PHRASE_SHARE = 0.75  # what each further word of a phrase adds, as a share of its own information
SPREAD = 0.5  # how much a word that speaks for several domains loses: 1 / (1 + SPREAD * ln(domains))
CONTEXT = 3  # neighbouring words on each side that help read a typo
MAX_CANDIDATES = 8  # equally close words kept for the context to choose from
KEYWORD_WEIGHT = 0.5  # per service keyword the resident used (at most MAX_KEYWORD_HITS), within the found domains
MAX_KEYWORD_HITS = 3
TIE_SHARE = 0.1  # choosing a domain's service: the overall score counts this much beside the own words
PRIMARY_DOMAIN = 1.0  # a service for the most prominent domain
RANK_DECAY = 0.5  # each further domain counts half as much as the one before


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
class Crisis:
    """The crisis verdict: the first kind of acute danger found, and every kind found."""

    kind: str | None = None
    kinds: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    hint: bool = False  # no crisis pattern, but a word that often comes with danger: ask gently

    @property
    def is_crisis(self) -> bool:
        return self.kind is not None


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
    # domain -> (entry, the resident's words it matched, information weight), for the ones that counted
    counted: dict[str, tuple[tuple[str, str, float], ...]] = field(default_factory=dict)
    # domain -> the clause (from 1, as punctuation divides the text) of each counted entry; filled by explain
    clauses: dict[str, tuple[int, ...]] = field(default_factory=dict)
    starts: dict[str, tuple[int, ...]] = field(default_factory=dict)  # domain -> token position of each counted entry

    @property
    def domain_ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.domains)


class TypoCorrector:
    """Maps a word that is no real word to the lexicon word meant, when it is close enough.

    A word is real when the lexicon, the knowledge base's keywords or the dictionary of Dutch
    and English (knowledge/dictionary.py) know it; a real word is never rewritten. Otherwise
    the closest words by edit distance (one edit up to 7 letters, two from 8) compete: the
    lexicon's words and the dictionary's real words alike, so a typo of an everyday word is not
    pulled into a domain. Among equally close words the one the neighbouring words support
    (they share a domain or a phrase with it) wins, then the one with the typed first letter,
    then the more frequent one. Only a winning lexicon word is returned.
    """

    def __init__(self, vocabulary: set[str], related: Mapping[str, frozenset] | None = None,
                 dictionary: Callable[[], Mapping[str, float]] = real_words) -> None:
        self.vocabulary = frozenset(vocabulary)
        self.related = related or {}  # word -> the domains and phrase partners it goes with
        self._dictionary = dictionary
        self._buckets = _by_length(w for w in vocabulary if w.isalpha())
        self._real_buckets: dict[int, list[str]] | None = None
        self._cache: dict[str, tuple[str, ...]] = {}

    def is_real(self, word: str) -> bool:
        """A word of the lexicon, a keyword, or a real Dutch or English word."""
        return word in self.vocabulary or not word.isalpha() or word in self._dictionary()

    def candidates(self, word: str) -> tuple[str, ...]:
        """The lexicon words that are as close to a non-word as any real word is ('' first: a real word won)."""
        if word in self.vocabulary or len(word) < MIN_FUZZY_LENGTH or not word.isalpha():
            return ()
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        found: tuple[str, ...] = ()
        if word not in self._dictionary():
            limit = 1 if len(word) < 8 else 2
            lexical = _closest(word, self._buckets, limit)
            if lexical:
                distance = lexical[0][1]
                if self._real_buckets is None:
                    self._real_buckets = _by_length(w for w in self._dictionary() if w not in self.vocabulary)
                real = [w for w, d in _closest(word, self._real_buckets, distance) if d == distance]
                frequency = self._dictionary()
                lexical_words = [w for w, d in lexical if d == distance]
                # a strictly closer real word: the typo means that word, not ours
                closer_real = _closest(word, self._real_buckets, distance - 1) if distance > 1 else []
                if not closer_real:
                    ranked = sorted(lexical_words + real, key=lambda w: (w[0] != word[0], -frequency.get(w, 0.0)))
                    found = tuple(("" if w in real else w) for w in ranked[:MAX_CANDIDATES])
        if len(self._cache) > 100_000:
            self._cache.clear()
        self._cache[word] = found
        return found

    def correct(self, word: str, context: Sequence[str] = ()) -> str | None:
        """The lexicon word meant by a typo, read with the neighbouring words, or None."""
        found = self.candidates(word)
        if not found:
            return None
        if len(found) > 1 and context:
            support = {w: len(self.related.get(w, frozenset()) & self._context(context)) for w in found if w}
            best = max(support.values(), default=0)
            if best > 0:
                return next(w for w in found if w and support[w] == best)
        return found[0] or None

    def _context(self, context: Sequence[str]) -> frozenset:
        labels: set = set(context)
        for word in context:
            labels |= self.related.get(word, frozenset())
        return frozenset(labels)


def _by_length(words: Iterable[str]) -> dict[int, list[str]]:
    buckets: dict[int, list[str]] = defaultdict(list)
    for word in sorted(words):
        buckets[len(word)].append(word)
    return dict(buckets)


def _closest(word: str, buckets: Mapping[int, list[str]], limit: int) -> list[tuple[str, int]]:
    """Words within `limit` edits (a swap of two letters is one edit), closest first."""
    if limit < 1:
        return []
    pool = [w for n in range(len(word) - limit, len(word) + limit + 1) for w in buckets.get(n, ())]
    found = process.extract(word, pool, scorer=OSA.distance, score_cutoff=limit, limit=None)
    return sorted(((w, int(d)) for w, d, _ in found), key=lambda item: item[1])


class Matcher:
    """The matcher for one knowledge base; build it once, ask it often."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon | None = None, background: bool = True) -> None:
        self.kb = kb
        self.lexicon = lexicon or Lexicon.load(synonyms=kb.synonyms)
        # each language's entries apply to text in that language (see _domain_hits)
        self.domain_patterns = PatternSet(self.lexicon.domains, corrected_affixes=True)
        entry_languages: dict[tuple[str, str], set[str]] = defaultdict(set)
        for (source, domain), language in zip(self.lexicon.domains, self.lexicon.domain_languages, strict=False):
            entry_languages[(source, domain)].add(language)
        self.entry_languages = {entry: frozenset(langs) for entry, langs in entry_languages.items()}
        self.information, self._affix_divisors = _information(self.domain_patterns)
        self.crisis_patterns = PatternSet(self.lexicon.crisis)
        self.not_crisis_patterns = PatternSet((entry, "not") for entry in self.lexicon.not_crisis)
        self.hint_patterns = PatternSet((entry, "hint") for entry in self.lexicon.crisis_hints)
        self.services = kb.services
        self._build_service_index()
        vocabulary = (
            self.domain_patterns.words()
            | self.crisis_patterns.words()
            | self.not_crisis_patterns.words()
            | self.keyword_patterns.words()
            | {w for words in self.lexicon.common_words.values() for w in words}
        )
        self.corrector = TypoCorrector(vocabulary, _related(self.domain_patterns))
        self.common_words = frozenset(w for words in self.lexicon.common_words.values() for w in words)
        self.lemmas = Lemmas(vocabulary - self.common_words)
        # the dictionaries are read in the background: the start is not held up, the first resident seldom waits
        if background:
            threading.Thread(target=warm, args=(self.lemmas,), name="wijkwijzer-dictionaries", daemon=True).start()

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
        """Token i as typed, then its correction when it is no real word (read with its neighbours)."""
        typed = tokens(text)
        words = []
        for index, word in enumerate(typed):
            if word in self.corrector.vocabulary or len(word) < 4 or not word.isalpha():
                words.append((word,))
                continue
            if self._stem_known(word):  # a stem entry is (almost) this very word ('skeer*'): no typo
                corrected = None
            else:
                corrected = self.corrector.correct(word, typed[max(0, index - CONTEXT): index + CONTEXT + 1])
            if corrected:
                words.append((word, corrected))
            else:  # a real word the lexicon has in another form
                words.append((word, *self.lemmas.related(word)))
        return words

    def _stem_known(self, word: str) -> bool:
        return any(patterns.stem_covers(word) for patterns in (self.domain_patterns, self.crisis_patterns))

    def match(self, text: str, area_id: str | None = None, limit: int = 5) -> Match:
        """Read one text: domains, crisis, services for the area (None: the whole town)."""
        words = self._words(text)
        domain_hits = self._domain_hits(words)
        crisis = self._crisis(words)
        counted: dict[str, list[Hit]] = defaultdict(list)
        scores = _domain_scores(domain_hits, counted)
        for kind in crisis.kinds:  # acute danger is what the text is most about
            for domain in CRISIS_DOMAINS[kind]:
                raw, first = scores.get(domain, (0.0, len(words)))
                scores[domain] = (raw + CRISIS_BOOST, first)
        # the most telling evidence first; equal evidence: what the resident said first (never alphabetical)
        ranked = sorted(scores.items(), key=lambda item: (-item[1][0], item[1][1]))
        domains = tuple(DomainScore(d, round(raw / (raw + 1.0), 3)) for d, (raw, _) in ranked)
        keyword_hits = self._keywords(words)
        services = self.services_for(
            {d.id: d.score for d in domains}, area_id, crisis.kinds, limit, keywords=keyword_hits
        )
        language, unsupported = self._language(text, words, bool(domain_hits) or crisis.is_crisis)
        evidence: dict[str, tuple[str, ...]] = defaultdict(tuple)
        for hit in domain_hits:
            if hit.source not in evidence[str(hit.label)]:
                evidence[str(hit.label)] += (hit.source,)
        typed = [forms[0] for forms in words]
        why = {
            domain: tuple((h.source, " ".join(typed[h.start:h.end]), round(h.weight, 3))
                          for h in sorted(hits, key=lambda h: h.start))
            for domain, hits in counted.items()
        }
        starts = {domain: tuple(sorted(h.start for h in hits)) for domain, hits in counted.items()}
        return Match(domains, crisis, dict(evidence), tuple(services), language, unsupported, empty=not words,
                     counted=why, starts=starts)

    def main_language(self, words: Sequence[Sequence[str]]) -> str | None:
        """The language most of the text's words belong to (None when unclear or evenly mixed).

        A word votes for a language when it is one of the lexicon's everyday words of that
        language only, or clearly more frequent in it (wordfreq)."""
        languages = tuple(self.lexicon.common_words)
        votes = dict.fromkeys(languages, 0)
        frequencies = {language: common_in(language) for language in languages}
        for forms in words:
            word = forms[0]
            listed = [lang for lang in languages if word in self.lexicon.common_words[lang]]
            if len(listed) == 1:
                votes[listed[0]] += 1
                continue
            ranked = sorted(languages, key=lambda lang: -frequencies[lang].get(word, 0.0))
            if len(ranked) > 1 and (frequencies[ranked[0]].get(word, 0.0)
                                    >= frequencies[ranked[1]].get(word, 0.0) + LANGUAGE_MARGIN):
                votes[ranked[0]] += 1
        best = sorted(languages, key=lambda lang: -votes[lang])
        if not best or votes[best[0]] == 0 or (len(best) > 1 and votes[best[0]] == votes[best[1]]):
            return None
        return best[0]

    def _domain_hits(self, words: list[tuple[str, ...]]) -> list[Hit]:
        """Domain hits weighted by their information; another language's entry only on words that are
        not everyday words of the text's language ('die', 'kind', 'arm', 'door' are no domain words
        in a Dutch or English sentence of the other language), so mixed text is still read."""
        main = self.main_language(words)
        everyday = self.lexicon.common_words.get(main, frozenset()) if main else frozenset()
        frequency = common_in(main) if main else {}
        hits: list[Hit] = []
        for hit in self.domain_patterns.find(words):
            languages = self.entry_languages.get((hit.source, str(hit.label)))
            if main and languages and main not in languages and all(
                words[i][0] in everyday or frequency.get(words[i][0], 0.0) >= EVERYDAY_ZIPF
                for i in range(hit.start, hit.end)
            ):
                continue
            key = (hit.source, str(hit.label))
            weight = self.information.get(key, hit.weight)
            if key in self._affix_divisors:  # a stem or suffix: the word as used (its most frequent form)
                weight = _rarity(max(zipf(form) for form in words[hit.start])) / self._affix_divisors[key]
            hits.append(Hit(hit.label, hit.start, hit.end, weight, hit.source))
        return hits

    def keywords_in(self, text: str) -> set[str]:
        """The service keywords a text uses (to rank services by the resident's own words)."""
        return self._keywords(self._words(text))

    def _keywords(self, words: list[tuple[str, ...]]) -> set[str]:
        """Service keywords in the text, also in another form of the word ('drink' finds 'drinken')."""
        inflected = [
            forms if len(forms) > 1 or forms[0] in self.common_words else (*forms, *self.lemmas.related(forms[0]))
            for forms in words
        ]
        return {str(hit.label) for hit in self.keyword_patterns.find(inflected)}

    def _crisis(self, words: list[tuple[str, ...]]) -> Crisis:
        hits = self.crisis_patterns.find(words)
        hints = self.hint_patterns.find([forms[:1] for forms in words])  # risk words exactly as typed
        if not hits and not hints:
            return Crisis()
        harmless = self.not_crisis_patterns.find(words)
        real = [h for h in hits if not any(_overlaps(h, safe) for safe in harmless)]
        kinds = tuple(dict.fromkeys(str(h.label) for h in sorted(real, key=lambda h: h.start)))
        if kinds:
            return Crisis(kinds[0], kinds, tuple(dict.fromkeys(h.source for h in real)))
        return Crisis(hint=any(not any(_overlaps(h, safe) for safe in harmless) for h in hints))

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
        # crisis lines first; then for each domain in the order of the story the service for it that the
        # resident's own words fit best (then the best score): the list covers the whole story, most
        # prominent first; then the rest by score
        chosen = [int(i) for i in np.flatnonzero(first)]
        chosen.sort(key=lambda i: (-rank[i], self._service_ids[i]))
        for _, _, domain in ranked:
            if len(chosen) >= count:
                break
            column = self._domain_columns[DOMAIN_IDS.index(domain)]
            candidates = np.where((column > 0) & (rank > 0), own_words + TIE_SHARE * rank, -np.inf)
            candidates[chosen] = -np.inf
            best = int(np.argmax(candidates))
            if candidates[best] > 0:
                chosen.append(best)
        if len(chosen) < count:
            rest = rank.copy()
            rest[chosen] = -1.0
            more = min(count - len(chosen), int((rest > 0).sum()))
            if more:
                top = np.argpartition(-rest, more - 1)[:more] if more < len(rest) else np.arange(len(rest))
                chosen.extend(sorted((int(i) for i in top if rest[i] > 0),
                                     key=lambda i: (-rest[i], self._service_ids[i]))[:more])
        return [ServiceScore(self.services[i], round(float(score[i]), 3)) for i in chosen[:count]]


def _rarity(frequency: float, floor: float = MIN_RARITY) -> float:
    """1.0 for a rare word (Zipf RARE_ZIPF or less) down to `floor` for the most frequent ones."""
    return min(1.0, max(floor, (COMMON_ZIPF - max(frequency, RARE_ZIPF)) / (COMMON_ZIPF - RARE_ZIPF)))


def _information(patterns: PatternSet) -> tuple[dict[tuple[str, str], float], dict[tuple[str, str], float]]:
    """How telling each entry is for its domain, computed once at load: (source, domain) -> weight,
    and for a one-word stem or suffix entry its spread divisor, so the word the resident actually
    used decides (a rare 'paniekaanvallen' tells more than the stem 'paniek*' alone).

    A word informs by being rare in everyday language (wordfreq's Zipf: 'deurwaarder' more than
    'kinderen', 'man' or 'thuis') and by speaking for few domains ('schulden' for one, 'thuis'
    for many). An entry weighs what its most telling word weighs, plus a little for each further
    word: a phrase of filler words stays light however long it is.
    """
    spread: dict[str, set[str]] = defaultdict(set)
    for pattern in patterns.patterns:
        for element in pattern.elements:
            spread[element.text].add(str(pattern.label))

    everyday = _sorted_common()

    def stem_frequency(stem: str) -> float:
        start = bisect.bisect_left(everyday, stem)
        best = 0.0
        for word in everyday[start:start + 500]:
            if not word.startswith(stem):
                break
            best = max(best, zipf(word))
        return best

    def divisor(text: str) -> float:
        return 1.0 + SPREAD * math.log(len(spread[text]))

    def telling(text: str, kind: str, floor: float) -> float:
        frequency = zipf(text) if kind != "stem" else max(zipf(text), stem_frequency(text))
        return _rarity(frequency, floor) / divisor(text)

    weights: dict[tuple[str, str], float] = {}
    affixes: dict[tuple[str, str], float] = {}
    for pattern in patterns.patterns:  # the floor only for the most telling word: filler adds (almost) nothing
        values = sorted((telling(e.text, e.kind, 0.0) for e in pattern.elements), reverse=True)
        main = max(telling(e.text, e.kind, MIN_RARITY) for e in pattern.elements)
        weights[(pattern.source, str(pattern.label))] = main + PHRASE_SHARE * sum(values[1:])
        if len(pattern.elements) == 1 and pattern.elements[0].kind != "word":
            affixes[(pattern.source, str(pattern.label))] = divisor(pattern.elements[0].text)
    return weights, affixes


@functools.cache
def _sorted_common() -> list[str]:
    return sorted(common())


def _domain_scores(hits: list[Hit], counted: dict[str, list[Hit]] | None = None) -> dict[str, tuple[float, int]]:
    """Per domain: evidence (the most telling matches first, each word counted once) and first position.

    `counted`, when given, receives per domain the hits that counted."""
    claimed: dict[str, set[int]] = defaultdict(set)
    scores: dict[str, tuple[float, int]] = {}
    for hit in sorted(hits, key=lambda h: (-h.weight, -(h.end - h.start), h.start)):
        domain = str(hit.label)
        positions = set(range(hit.start, hit.end))
        if positions & claimed[domain]:
            continue
        claimed[domain] |= positions
        if counted is not None:
            counted[domain].append(hit)
        raw, first = scores.get(domain, (0.0, hit.start))
        scores[domain] = (raw + hit.weight, min(first, hit.start))
    return scores


def _related(patterns: PatternSet) -> dict[str, frozenset]:
    """Per plain word: the domains it speaks for and the words it stands in a phrase with."""
    related: dict[str, set] = defaultdict(set)
    for pattern in patterns.patterns:
        texts = [e.text for e in pattern.elements]
        for element in pattern.elements:
            if element.kind == "word":
                related[element.text].add(("domain", pattern.label))
                related[element.text].update(t for t in texts if t != element.text)
    return {word: frozenset(labels) for word, labels in related.items()}


def _overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end

