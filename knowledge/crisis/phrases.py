"""Strong crisis phrases, found fast: patterns indexed by their first two words.

The crisis lists hold thousands of phrases, many starting with the same everyday word
("ik", "mijn", "i"); indexing them by the first two words (when the second follows the first
directly) means a sentence only tries the phrases that can still match.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence

from knowledge.patterns import Hit, Pattern, PatternSet, _match_rest

CACHE = 100_000  # token pairs whose candidate patterns are remembered (words repeat a lot)


class PhraseSet:
    """The same patterns and answers as PatternSet, with a two-word index."""

    def __init__(self, entries: Iterable[tuple[str, Hashable]]) -> None:
        self.base = PatternSet(entries)
        self.patterns = self.base.patterns
        self._pairs: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        self._firsts: dict[str, list[Pattern]] = defaultdict(list)
        for pattern in self.patterns:
            first = pattern.elements[0]
            if first.kind != "word":
                continue
            if len(pattern.elements) > 1 and pattern.elements[1].kind == "word" and pattern.gaps[1] == 0:
                self._pairs[(first.text, pattern.elements[1].text)].append(pattern)
            else:
                self._firsts[first.text].append(pattern)
        self._stems = self.base._by_stem
        self._suffixes = self.base._by_suffix
        self._stem_lengths = sorted(self.base.stem_lengths)
        self._suffix_lengths = sorted(self.base.suffix_lengths)
        self._cache: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[Pattern, ...]] = {}

    def words(self) -> set[str]:
        return self.base.words()

    def _candidates(self, forms: Sequence[str], following: Sequence[str]) -> tuple[Pattern, ...]:
        """The patterns that may start at a token, given the token after it."""
        candidates: dict[int, Pattern] = {}
        for form in forms:
            for pattern in self._firsts.get(form, ()):
                candidates[id(pattern)] = pattern
            for second in following:
                for pattern in self._pairs.get((form, second), ()):
                    candidates[id(pattern)] = pattern
        typed = forms[0]
        for length in self._stem_lengths:
            if length > len(typed):
                break
            for pattern in self._stems.get(typed[:length], ()):
                candidates[id(pattern)] = pattern
        for length in self._suffix_lengths:
            if length > len(typed):
                break
            for pattern in self._suffixes.get(typed[-length:], ()):
                candidates[id(pattern)] = pattern
        return tuple(candidates.values())

    def find(self, words: Sequence[Sequence[str]]) -> list[Hit]:
        """Every match in a text; `words[i]` holds token i as typed, then its corrections."""
        hits: list[Hit] = []
        last = len(words) - 1
        for start, forms in enumerate(words):
            following = words[start + 1] if start < last else ()
            key = (tuple(forms), tuple(following))
            candidates = self._cache.get(key)
            if candidates is None:
                candidates = self._candidates(forms, following)
                if len(self._cache) > CACHE:
                    self._cache.clear()
                self._cache[key] = candidates
            for pattern in candidates:
                end = _match_rest(pattern, words, start)
                if end is not None:
                    hits.append(Hit(pattern.label, start, end, pattern.weight, pattern.source))
        return hits
