"""Typed answers where buttons are shown: a button's label (or a clear part of it) counts as pressing it.

Pure matching, no flow: the caller gives the buttons of the current question (their choice ids and
labels in every language the bot speaks) and gets back one choice, several (ambiguous: ask kindly),
or none. Case, accents, emoji and punctuation do not matter (knowledge.normalize.tokens); a small
typo in a longer word is forgiven; words that say nothing on their own ("ik", "the") never choose.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from knowledge.normalize import tokens

# Typed instead of 'Sla over' / 'Skip', at every question.
SKIP_PHRASES = frozenset({
    "sla over", "overslaan", "sla maar over", "sla deze over", "sla het over", "sla die over", "skip",
    "skip it", "skip this", "skip this one", "skip that", "weet niet", "weet ik niet", "ik weet het niet",
    "geen idee", "i do not know", "do not know", "no idea", "volgende", "volgende vraag", "next",
    "next question", "overslaan graag", "liever overslaan", "ik sla over", "ik sla deze over",
    "ik sla deze vraag over", "sla deze vraag over", "vraag overslaan", "deze overslaan",
})
# Words that choose nothing on their own.
EMPTY_WORDS = frozenset({
    "ik", "je", "jij", "de", "het", "een", "en", "of", "me", "mij", "mijn", "is", "dat", "die", "dit", "hier",
    "maar", "wel", "dan", "i", "a", "an", "the", "to", "it", "its", "my", "in", "on", "and", "or",
    "here", "that", "this", "be", "do", "you", "your", "met", "with", "op",
})
NEGATIONS = frozenset({"niet", "geen", "not", "no", "nee", "never", "nooit"})  # never a choice alone
OR_WORDS = frozenset({"of", "or", "ofwel", "either"})
YES_WORDS = frozenset({
    "ja", "jawel", "jaa", "jep", "yes", "yep", "yeah", "ok", "oke", "okay", "okee", "klopt", "correct", "goed",
    "prima", "graag", "sure", "right", "ja graag", "ja hoor", "ja klopt", "dat klopt", "thats right",
    "that is right", "yes please",
})
NO_WORDS = frozenset({
    "nee", "neen", "nope", "no", "nah", "nee hoor", "nee dank je", "no thanks", "no thank you", "liever niet",
    "niet", "klopt niet", "not really", "not quite", "dat klopt niet", "thats not right", "that is not right",
})


@dataclass(frozen=True)
class Option:
    """A button of the current question: what pressing it means, and one of its labels."""

    choice: str
    label: str


@dataclass(frozen=True)
class Reading:
    """What typed text means at a question with buttons."""

    choices: tuple[str, ...] = ()  # one: that button; several: ambiguous; none: not a button
    skip: bool = False  # 'sla over', 'skip' and the like

    @property
    def chosen(self) -> str | None:
        return self.choices[0] if len(self.choices) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.choices) > 1


def words(text: str) -> tuple[str, ...]:
    return tuple(tokens(text))


def is_skip(text: str) -> bool:
    """'sla over', 'overslaan', 'skip' and their kin (a typo in a longer phrase is forgiven)."""
    typed = " ".join(words(text))
    if not typed:
        return False
    if typed in SKIP_PHRASES:
        return True
    return len(typed) >= 6 and any(len(p) >= 6 and OSA.distance(typed, p) <= 1 for p in SKIP_PHRASES)


def same_word(typed: str, label: str, fuzzy: bool) -> bool:
    if typed == label:
        return True
    if not fuzzy or min(len(typed), len(label)) < 4 or typed.isdigit() or label.isdigit():
        return False
    return OSA.distance(typed, label) <= (2 if min(len(typed), len(label)) >= 8 else 1)


def in_order(typed: Sequence[str], label: Sequence[str], fuzzy: bool) -> bool:
    """Every typed word appears in the label, in the same order."""
    position = 0
    for word in typed:
        while position < len(label) and not same_word(word, label[position], fuzzy):
            position += 1
        if position == len(label):
            return False
        position += 1
    return True


def read(text: str, options: Iterable[Option], *, partial: bool = True,
         synonyms: Mapping[str, str] | None = None) -> Reading:
    """Which button the typed text means.

    In order, the first rule that finds anything decides: a synonym of this question (exact),
    a whole label, a whole label with a typo, and (with `partial`) a part of one label,
    then a part with a typo. Several different choices at one rule: ambiguous.
    A lone number n is the n-th button when `partial` (buttons are numbered in the console too).
    """
    typed = words(text)
    if not typed:
        return Reading()
    options = tuple(options)
    joined = " ".join(typed)
    if synonyms and joined in synonyms:
        return Reading((synonyms[joined],))
    labels = [(o.choice, words(o.label)) for o in options]
    labels = [(c, w) for c, w in labels if w]
    rules = [lambda w: w == typed, lambda w: len(w) == len(typed) and in_order(typed, w, True)]
    if partial:
        if len(typed) == 1 and typed[0].isdigit():
            distinct = list(dict.fromkeys(o.choice for o in options))
            number = int(typed[0])
            return Reading((distinct[number - 1],)) if 1 <= number <= len(distinct) else Reading()
        if all(w in EMPTY_WORDS or w in NEGATIONS for w in typed):
            return Reading()
        rules += [lambda w: in_order(typed, w, False), lambda w: in_order(typed, w, True)]
    for rule in rules:
        found = tuple(dict.fromkeys(c for c, w in labels if rule(w)))
        if found:
            return Reading(found)
    if partial:
        return Reading(either(typed, labels, synonyms or {}))
    return Reading()


def either(typed: Sequence[str], labels: Sequence[tuple[str, tuple[str, ...]]], synonyms: Mapping[str, str]
           ) -> tuple[str, ...]:
    """'ochtend of middag': two buttons named in one text is a question, never a choice (so: at least two)."""
    named = [c for c, w in labels if len(w) <= len(typed) and in_order(w, typed, True)]
    parts: list[list[str]] = [[]]
    for word in typed:
        if word in OR_WORDS:
            parts.append([])
        else:
            parts[-1].append(word)
    if len(parts) > 1:
        for part in parts:
            reading = read(" ".join(part), [Option(c, " ".join(w)) for c, w in labels], synonyms=synonyms)
            named += reading.choices
    found = tuple(dict.fromkeys(named))
    return found if len(found) > 1 else ()


def yes_no(yes: str, no: str) -> dict[str, str]:
    """Synonyms for a question answered with yes or no."""
    return {**{w: yes for w in YES_WORDS}, **{w: no for w in NO_WORDS}}
