"""Ranking by information: how telling each lexicon entry is, and the evidence per domain.

A word informs by being rare in everyday language (wordfreq's Zipf: 'deurwaarder' more than
'kinderen', 'man' or 'thuis') and by speaking for few domains ('schulden' for one, 'thuis' for
many). An entry weighs what its most telling word weighs, plus a little for each further word.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from knowledge.dictionary import common, zipf
from knowledge.patterns import Hit, PatternSet

COMMON_ZIPF = 8.0  # information: rarity falls linearly from a word this rare ...
RARE_ZIPF = 3.0  # ... (or rarer: 1.0) to one this frequent (0.0), but never below MIN_RARITY
MIN_RARITY = 0.4
PHRASE_SHARE = 0.75  # what each further word of a phrase adds, as a share of its own information
SPREAD = 0.5  # how much a word that speaks for several domains loses: 1 / (1 + SPREAD * ln(domains))
OTHER_CLAUSE = 0.5  # a loose word in a clause without other evidence for its domain adds this share


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


def _domain_scores(hits: list[Hit], counted: dict[str, list[Hit]] | None = None,
                   clause_of: Sequence[int] = ()) -> dict[str, tuple[float, int]]:
    """Per domain: evidence (the most telling matches first, each word counted once) and first position.

    A loose word (a single telling word, no entry) in a clause where its domain has no evidence yet
    adds only OTHER_CLAUSE of its weight once the domain has evidence elsewhere: words scattered
    over a story say less than words that stand together. `counted`, when given, receives per
    domain the hits that counted."""
    claimed: dict[str, set[int]] = defaultdict(set)
    clauses: dict[str, set[int]] = defaultdict(set)
    scores: dict[str, tuple[float, int]] = {}
    for hit in sorted(hits, key=lambda h: (-h.weight, -(h.end - h.start), h.start, h.source, h.loose)):
        domain = str(hit.label)
        positions = set(hit.tokens())
        if positions & claimed[domain]:
            continue
        claimed[domain] |= positions
        weight = hit.weight
        here = {clause_of[i] for i in positions if i < len(clause_of)}
        if hit.loose and clauses[domain] and not here & clauses[domain]:
            weight *= OTHER_CLAUSE
            hit = replace(hit, weight=weight)
        clauses[domain] |= here
        if counted is not None:
            counted[domain].append(hit)
        raw, first = scores.get(domain, (0.0, hit.start))
        scores[domain] = (raw + weight, min(first, hit.start))
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
