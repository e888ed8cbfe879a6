"""Clauses and language: where a concept may meet, and which word lists may read the text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from knowledge.normalize import tokens

_SENTENCE_END = re.compile(r"[.!?;:\n\r()\[\]]+|\s[-–—]\s")
_PIECE = re.compile(r"([.!?;:\n\r]+|\s[-–—]\s|,)")  # a "(3 en 5)" aside stays in its clause


def sentence_starts(text: str, count: int) -> tuple[set[int], set[int]]:
    """Token positions where a new sentence begins (after . ! ? ; : or a dash), and after a comma.

    The pieces are tokenised like the whole text; when they do not add up to `count` tokens
    (a decimal point, an abbreviation the normaliser joins), no boundary is trusted.
    """
    starts: set[int] = set()
    commas: set[int] = set()
    position = 0
    pieces = _PIECE.split(text or "")
    if len(pieces) == 1:
        return starts, commas
    for n, piece in enumerate(pieces):
        if n % 2:  # a separator
            (commas if piece == "," else starts).add(position)
            continue
        position += len(tokens(piece))
    if position != count:
        return set(), set()
    return {p for p in starts if 0 < p < count}, {p for p in commas if 0 < p < count} - starts


@dataclass(frozen=True)
class ClauseWords:
    """The words that start a clause, compiled once per language."""

    singles: frozenset[str]
    after_comma: frozenset[str]
    pairs: frozenset[str]
    together: frozenset[str]
    prepositions: frozenset[str] = frozenset()

    @classmethod
    def compile(cls, clause_words: Iterable[str], together: Iterable[str] = (),
                prepositions: Iterable[str] = ()) -> ClauseWords:
        """A clause word written ", maar" starts a clause only after a comma; a pair in `together`
        ("voor als", "net als") does not start one; nor does a clause word followed by the word a pair in
        `prepositions` names ("sinds gisteren": a time, not "sinds hij weg is"; "getal" stands for a number, as in
        the markers)."""
        words = list(clause_words)
        return cls(frozenset(w for w in words if " " not in w and not w.startswith(",")),
                   frozenset(w[1:].strip() for w in words if w.startswith(",")),
                   frozenset(w for w in words if " " in w and not w.startswith(",")),
                   frozenset(together), frozenset(prepositions))


def clause_starts(words: Sequence[Sequence[str]], starts: set[int], clause_words: ClauseWords,
                  masked: set[int], commas: set[int] = frozenset()) -> list[int]:
    """Sorted start positions of clauses: sentence starts plus clause words (dat, als, when, ...)."""
    singles, after_comma, pairs, kept = (clause_words.singles, clause_words.after_comma, clause_words.pairs,
                                         clause_words.together)
    prepositions = clause_words.prepositions
    found = set(starts) | {0}
    last = len(words) - 1
    for i, forms in enumerate(words):
        if i in masked:
            continue
        word = forms[0]
        if i and f"{words[i - 1][0]} {word}" in kept:
            continue
        if not (word in singles or (i in commas and word in after_comma) or (
                i < last and f"{word} {words[i + 1][0]}" in pairs)):
            continue
        if i < last and prepositions:  # "sinds gisteren" is a time, "sinds hij weg is" a clause
            following = words[i + 1][0]
            if f"{word} {'getal' if following.isdigit() else following}" in prepositions:
                continue
        found.add(i)
    return sorted(p for p in found if p < len(words)) or [0]


def only_words(sets: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Per language: its words that no other language lists."""
    return {lang: own - frozenset().union(*(w for other, w in sets.items() if other != lang))
            for lang, own in sets.items()}


def primary_language(words: Sequence[Sequence[str]], only_everyday: dict[str, frozenset[str]],
                     only_known: dict[str, frozenset[str]]) -> str | None:
    """The language most of the everyday words belong to (then its crisis words), or None when unclear.

    `only_everyday` and `only_known`: per language, its everyday and its crisis words that no
    other language lists (see `only_words`).
    """
    scores = {}
    for language, own in only_everyday.items():
        known = only_known.get(language, frozenset())
        scores[language] = (sum(1 for forms in words if forms[0] in own),
                            sum(1 for forms in words if forms[0] in known))
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] == (0, 0) or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def foreign_words(function_words: dict[str, frozenset[str]]) -> dict[tuple[str, str | None], frozenset[str]]:
    """(language, primary language or None) -> the other languages' everyday words it must not count."""
    table: dict[tuple[str, str | None], frozenset[str]] = {}
    for language, own in function_words.items():
        others = frozenset().union(*(w for lang, w in function_words.items() if lang != language))
        table[(language, None)] = others - own
        table[(language, language)] = frozenset()
        for primary, everyday in function_words.items():
            if primary != language:
                table[(language, primary)] = everyday - own
    return table


def foreign_positions(words: Sequence[Sequence[str]], foreign: frozenset[str]) -> set[int]:
    """Positions of everyday words of another language that must not count."""
    return {i for i, forms in enumerate(words) if forms[0] in foreign} if foreign else set()
