"""Dutch postcodes: PC4 (`5341`) and PC6 (`5341AB`), as residents type them."""

from __future__ import annotations

import re

_PC = re.compile(r"^\s*([1-9][0-9]{3})\s*(?:([A-Za-z]{2}))?\s*$")
_IN_TEXT = re.compile(r"(?<![0-9])([1-9][0-9]{3})(?:\s?([A-Za-z]{2}))?(?![0-9A-Za-z])")

# Letter pairs PostNL never uses in a PC6 (they read as abbreviations).
_FORBIDDEN_LETTERS = frozenset({"SA", "SD", "SS"})


def normalize_postcode(text: str) -> str | None:
    """`5341 ab` → `5341AB`, `5341` → `5341`; None when it is not a Dutch postcode."""
    match = _PC.match(text or "")
    if not match:
        return None
    digits, letters = match.group(1), (match.group(2) or "").upper()
    if letters in _FORBIDDEN_LETTERS:
        return None
    return digits + letters


def find_postcode(text: str) -> tuple[str | None, str]:
    """Find a postcode anywhere in a text; return it and the text without it."""
    for match in _IN_TEXT.finditer(text or ""):
        end = match.end()
        letters = match.group(2)
        # "5341 en ..." is a PC4 followed by a word, "5341 AB" and "5341ab" are a PC6.
        if letters and " " in match.group(0) and not letters.isupper():
            end = match.end(1)
        candidate = normalize_postcode(text[match.start() : end])
        if candidate:
            rest = (text[: match.start()] + " " + text[end:]).strip()
            return candidate, " ".join(rest.split())
    return None, text


def pc4(postcode: str) -> str:
    """The four digits of a postcode."""
    return postcode[:4]
