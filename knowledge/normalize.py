"""Turning what residents type into comparable tokens: case, accents, chat spelling, punctuation.

The same function normalises the lexicon, the synonyms, the service keywords and the
resident's text, so both sides always meet in the same form.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Chat spellings and contractions, written after accents and apostrophes are gone.
CHAT: dict[str, str] = {
    "k": "ik", "kheb": "ik heb", "kben": "ik ben", "kzie": "ik zie", "kweet": "ik weet",
    "kwil": "ik wil", "kga": "ik ga", "kan": "kan", "mn": "mijn", "zn": "zijn", "ff": "even",
    "effe": "even", "efkes": "even", "nie": "niet", "ni": "niet", "nt": "niet", "da": "dat",
    "wa": "wat", "w8": "wacht", "tog": "toch", "nix": "niks", "idd": "inderdaad",
    "iig": "in ieder geval", "mss": "misschien", "mischien": "misschien", "ofzo": "of zo",
    "t": "het", "s": "", "n": "een", "un": "een", "wrm": "waarom", "em": "hem",
    "im": "i am", "ive": "i have", "cant": "can not", "cannot": "can not", "dont": "do not",
    "doesnt": "does not", "didnt": "did not", "wont": "will not", "isnt": "is not",
    "ur": "your", "pls": "please", "plz": "please", "bc": "because", "cuz": "because",
}

_CHAT_WORDS = frozenset(CHAT.values())
_ASCII_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_APOSTROPHES = re.compile(r"['’‘`´]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_DIGIT_WORD = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")


def fold(text: str) -> str:
    """Lower case without accents or control characters: 'Één Café' → 'een cafe'."""
    if text.isascii():  # most messages: no accents to take off, only control characters to blank
        return _ASCII_CONTROL.sub(" ", text).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    kept = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category == "Mn":
            continue  # accents
        if category[0] == "C":
            kept.append(" ")  # control and format characters, right-to-left marks
            continue
        kept.append(char)
    return "".join(kept).casefold()


def tokens(text: str) -> list[str]:
    """The normalised words of a text, chat spellings expanded."""
    folded = _APOSTROPHES.sub("", fold(text or ""))
    words: list[str] = []
    for raw in _NOT_WORD.sub(" ", folded).split():
        expanded = CHAT.get(raw)
        if expanded is None:
            if raw.isalpha() or raw.isdigit() or raw in _CHAT_WORDS or not any(c.isdigit() for c in raw):
                words.append(raw)
                continue
            words.extend(_DIGIT_WORD.sub(" ", raw).split())  # '3maanden' → '3 maanden'
            continue
        words.extend(expanded.split())
    return words


_CLAUSE = re.compile(r"[.,;:!?\n]+")


def clauses(text: str) -> list[int]:
    """Per token of `tokens(text)`: the number (from 1) of the clause it stands in, as punctuation divides them."""
    numbers: list[int] = []
    for number, part in enumerate((p for p in _CLAUSE.split(text or "") if p.strip()), start=1):
        numbers.extend([number] * len(tokens(part)))
    return numbers


def letters_outside_latin(text: str) -> float:
    """Share of letters that are not Latin script (Arabic, Cyrillic, ...): 0.0 to 1.0."""
    letters = [c for c in unicodedata.normalize("NFKD", text or "") if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if not ("a" <= c.lower() <= "z")) / len(letters)


@lru_cache(maxsize=65536)
def normal_phrase(text: str) -> str:
    """The normalised words of a short text joined by spaces (cached: keywords repeat a lot)."""
    return " ".join(tokens(text))
