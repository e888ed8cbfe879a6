"""Clauses and language: where a concept may meet, and which word lists may read the text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from knowledge.normalize import tokens

_SENTENCE_END = re.compile(r"[.!?;:\n\r()\[\]]+|\s[-–—]\s")
_PIECE = re.compile(r"([.!?;:\n\r()\[\]]+|\s[-–—]\s|,)")


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


def clause_starts(words: Sequence[Sequence[str]], starts: set[int], clause_words: Iterable[str],
                  masked: set[int], commas: set[int] = frozenset(), together: Iterable[str] = ()) -> list[int]:
    """Sorted start positions of clauses: sentence starts plus clause words (dat, als, when, ...).

    A clause word written ", maar" starts a clause only after a comma; a pair in `together`
    ("voor als", "net als") does not start one.
    """
    singles = {w for w in clause_words if " " not in w and not w.startswith(",")}
    after_comma = {w[1:].strip() for w in clause_words if w.startswith(",")}
    pairs = {w for w in clause_words if " " in w and not w.startswith(",")}
    kept = set(together)
    found = set(starts) | {0}
    for i, forms in enumerate(words):
        if i in masked:
            continue
        word = forms[0]
        if i and f"{words[i - 1][0]} {word}" in kept:
            continue
        pair = f"{word} {words[i + 1][0]}" if i + 1 < len(words) else ""
        if word in singles or (i in commas and word in after_comma) or pair in pairs:
            found.add(i)
    return sorted(p for p in found if p < len(words)) or [0]


def primary_language(words: Sequence[Sequence[str]], function_words: dict[str, frozenset[str]],
                     vocabulary: dict[str, frozenset[str]]) -> str | None:
    """The language most of the everyday words belong to (then its crisis words), or None when unclear."""
    scores = {}
    for language, own in function_words.items():
        others = frozenset().union(*(w for lang, w in function_words.items() if lang != language))
        everyday = sum(1 for forms in words if forms[0] in own and forms[0] not in others)
        known = sum(1 for forms in words if forms[0] in vocabulary.get(language, ()) and forms[0] not in others)
        scores[language] = (everyday, known)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] == (0, 0) or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def foreign_positions(words: Sequence[Sequence[str]], language: str, primary: str | None,
                      function_words: dict[str, frozenset[str]]) -> set[int]:
    """Positions of everyday words of another language that must not count for `language`."""
    if primary == language:
        return set()
    own = function_words.get(language, frozenset())
    if primary is None:
        foreign = frozenset().union(*(w for lang, w in function_words.items() if lang != language))
    else:
        foreign = function_words.get(primary, frozenset())
    foreign = foreign - own
    return {i for i, forms in enumerate(words) if forms[0] in foreign}
