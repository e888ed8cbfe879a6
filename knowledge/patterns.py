"""Compiled word patterns: `word`, `stem*`, `*suffix`, `several words`, `words ... with a gap`.

One PatternSet maps patterns to labels (a life domain, a crisis kind, a service) and finds
them in a normalised token list with dictionary look-ups only, so a sentence costs little
however many patterns there are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from knowledge.normalize import normal_phrase

GAP = "..."
MAX_GAP = 3  # words that may stand where a pattern says "..."
MIN_AFFIX = 3  # a stem or suffix needs at least this many letters
MAX_REMEMBERED = 20_000  # tokens whose first-element patterns are remembered


@dataclass(frozen=True)
class Element:
    """One position of a pattern: a word, a stem (prefix) or a suffix."""

    kind: str  # "word" | "stem" | "suffix"
    text: str

    def matches(self, forms: Sequence[str], corrected_affixes: bool = False) -> bool:
        """`forms[0]` is the word as typed, `forms[1:]` its typo corrections.

        Stems and suffixes match the word as typed, and its corrections only with
        `corrected_affixes`: for a corrector that never rewrites a real word (so a typed
        'beroerde', a real word, never becomes the stem 'beroerte*').
        """
        if self.kind == "word":
            return self.text in forms
        candidates = forms if corrected_affixes else forms[:1]
        if self.kind == "stem":
            return any(form.startswith(self.text) for form in candidates)
        return any(form.endswith(self.text) for form in candidates)


@dataclass(frozen=True)
class Pattern:
    """A compiled pattern: elements in order, with the allowed gap before each."""

    label: Hashable
    source: str
    elements: tuple[Element, ...]
    gaps: tuple[int, ...]  # gaps[i]: words allowed between element i-1 and i
    required: frozenset[str] = frozenset()  # the plain words after the first: a text without one cannot match

    @property
    def weight(self) -> float:
        """A phrase says more than one word."""
        return 1.0 + 0.5 * (len(self.elements) - 1)


@dataclass(frozen=True)
class Hit:
    """Where a pattern was found: token positions start..end (exclusive).

    `positions`: the tokens it read when they are not all of start..end (an entry whose words stand
    apart in one clause, knowledge/evidence.py); `loose`: a single telling word, not an entry."""

    label: Hashable
    start: int
    end: int
    weight: float
    source: str
    positions: tuple[int, ...] = ()
    loose: bool = False

    def tokens(self) -> tuple[int, ...]:
        """The token positions this hit read."""
        return self.positions or tuple(range(self.start, self.end))


def compile_pattern(source: str, label: Hashable) -> Pattern | None:
    """Parse one lexicon entry; None when nothing is left after normalising."""
    parts = source.strip().split()
    elements: list[Element] = []
    gaps: list[int] = []
    gap = 0
    for part in parts:
        if part == GAP:
            gap = MAX_GAP
            continue
        stem = part.endswith("*")
        suffix = part.startswith("*")
        words = normal_phrase(part.strip("*")).split()  # cached: lexicons repeat their words
        for index, word in enumerate(words):
            kind = "word"
            if stem and index == len(words) - 1 and len(word) >= MIN_AFFIX:
                kind = "stem"
            elif suffix and index == 0 and len(word) >= MIN_AFFIX:
                kind = "suffix"
            elements.append(Element(kind, word))
            gaps.append(gap)
            gap = 0
    if not elements:
        return None
    required = frozenset(e.text for e in elements[1:] if e.kind == "word")
    return Pattern(label, source, tuple(elements), tuple(gaps), required)


class PatternSet:
    """Many patterns, indexed by how their first element can be found."""

    def __init__(self, entries: Iterable[tuple[str, Hashable]], corrected_affixes: bool = False) -> None:
        self.corrected_affixes = corrected_affixes  # stems and suffixes also match typo corrections
        self.patterns: list[Pattern] = []
        self._by_word: dict[str, list[Pattern]] = defaultdict(list)
        self._by_stem: dict[str, list[Pattern]] = defaultdict(list)
        self._by_suffix: dict[str, list[Pattern]] = defaultdict(list)
        self.stem_lengths: set[int] = set()
        self.suffix_lengths: set[int] = set()
        self._starting: dict[tuple[str, ...], tuple[Pattern, ...]] = {}
        seen: set[tuple[Hashable, tuple[Element, ...], tuple[int, ...]]] = set()
        for source, label in entries:
            pattern = compile_pattern(source, label)
            if pattern is None or (pattern.label, pattern.elements, pattern.gaps) in seen:
                continue
            seen.add((pattern.label, pattern.elements, pattern.gaps))
            self.patterns.append(pattern)
            first = pattern.elements[0]
            if first.kind == "word":
                self._by_word[first.text].append(pattern)
            elif first.kind == "stem":
                self._by_stem[first.text].append(pattern)
                self.stem_lengths.add(len(first.text))
            else:
                self._by_suffix[first.text].append(pattern)
                self.suffix_lengths.add(len(first.text))

    def stem_covers(self, word: str) -> bool:
        """Does a pattern start with a stem that is this word, or this word but its last letter?"""
        return any(word[:n] in self._by_stem for n in (len(word), len(word) - 1) if n in self.stem_lengths)

    def words(self) -> set[str]:
        """Every plain word any pattern uses (the vocabulary for typo correction)."""
        return {e.text for p in self.patterns for e in p.elements if e.kind == "word"}

    def _starting_at(self, forms: Sequence[str]) -> tuple[Pattern, ...]:
        """The patterns whose first element fits this token (remembered per token, as words repeat)."""
        key = tuple(forms)
        found = self._starting.get(key)
        if found is None:
            if len(self._starting) >= MAX_REMEMBERED:
                self._starting.clear()
            found = self._starting[key] = tuple({id(p): p for p in self._look_up(key)}.values())
        return found

    def _look_up(self, forms: Sequence[str]) -> list[Pattern]:
        found: list[Pattern] = []
        for form in forms:
            found.extend(self._by_word.get(form, ()))
        for typed in forms if self.corrected_affixes else forms[:1]:
            for length in self.stem_lengths:
                if length <= len(typed):
                    found.extend(self._by_stem.get(typed[:length], ()))
            for length in self.suffix_lengths:
                if length <= len(typed):
                    found.extend(self._by_suffix.get(typed[-length:], ()))
        return found

    def find(self, words: Sequence[Sequence[str]]) -> list[Hit]:
        """Every match in a text; `words[i]` holds token i as typed, then its corrections."""
        hits: list[Hit] = []
        present = {form for forms in words for form in forms}
        for start, forms in enumerate(words):
            for pattern in self._starting_at(forms):
                if not pattern.required <= present:
                    continue
                end = _match_rest(pattern, words, start, self.corrected_affixes)
                if end is not None:
                    hits.append(Hit(pattern.label, start, end, pattern.weight, pattern.source))
        return hits


def _match_rest(pattern: Pattern, words: Sequence[Sequence[str]], start: int, affixes: bool = False) -> int | None:
    """The end of a match of `pattern` whose first element is at `start`, or None."""
    position = start + 1
    for element, gap in zip(pattern.elements[1:], pattern.gaps[1:], strict=True):
        for offset in range(gap + 1):
            index = position + offset
            if index < len(words) and element.matches(words[index], affixes):
                position = index + 1
                break
        else:
            return None
    return position
