"""Typo correction: a word that is no real Dutch or English word, read as the lexicon word meant."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.dictionary import real_words

MIN_FUZZY_LENGTH = 4  # shorter words are too easily another word
CONTEXT = 3  # neighbouring words on each side that help read a typo
MAX_CANDIDATES = 8  # equally close words kept for the context to choose from


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
