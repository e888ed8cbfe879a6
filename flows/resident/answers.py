"""The short life-domain check: one plain question per domain, four answers with faces.

Answers map to the ZRM scale (1 acute, 2 not self-reliant, 3 limited, 4 sufficient,
5 fully self-reliant); a domain is a concern at 3 or lower (product.md).
"""

from __future__ import annotations

from knowledge.domains import DOMAIN_IDS

# (answer id, ZRM score, face) in the order the buttons show. Safety's worst answer is acute.
ANSWERS: tuple[tuple[str, int, str], ...] = (
    ("fine", 5, "😀"),
    ("bit", 4, "🙂"),
    ("worry", 3, "😟"),
    ("heavy", 2, "😣"),
)
UNSAFE_SCORE = 1
GOING_WELL_SCORE = 5  # 'Nee, gaat goed': the only answer that says a domain goes well
CONCERN_AT_MOST = 3

# What people type instead of tapping (after lower-casing).
TYPED: dict[str, str] = {
    "1": "fine", "2": "bit", "3": "worry", "4": "heavy",
    "nee": "fine", "no": "fine", "goed": "fine", "prima": "fine", "good": "fine", "fine": "fine",
    "niet": "fine", "geen": "fine", "gaat goed": "fine", "nope": "fine",
    "beetje": "bit", "een beetje": "bit", "bit": "bit", "a bit": "bit", "soms": "bit", "a little": "bit",
    "ja": "worry", "yes": "worry", "jawel": "worry", "zorgen": "worry", "yeah": "worry",
    "zwaar": "heavy", "heel zwaar": "heavy", "heel erg": "heavy", "erg": "heavy", "slecht": "heavy",
    "heavy": "heavy", "very": "heavy", "bad": "heavy", "really bad": "heavy",
    "sla over": "skip", "overslaan": "skip", "skip": "skip", "weet niet": "skip", "geen idee": "skip",
}


def score_of(domain: str, answer_id: str) -> int | None:
    """The ZRM score of an answer; None for 'skip'."""
    for answer, score, _face in ANSWERS:
        if answer == answer_id:
            if domain == "safety_justice" and answer == "heavy":
                return UNSAFE_SCORE
            return score
    return None


def answer_of(domain: str, score: int) -> str | None:
    """The answer id that gave this score (the button the resident tapped)."""
    return next((a for a, _s, _f in ANSWERS if score_of(domain, a) == score), None)


def typed_answer(text: str) -> str | None:
    """A typed answer as an answer id, or None when it is not one."""
    cleaned = " ".join(text.lower().strip(" .!?").split())
    return TYPED.get(cleaned)


def is_concern(score: int | None) -> bool:
    """ZRM 3 or lower."""
    return score is not None and score <= CONCERN_AT_MOST


def next_domain(answers: dict[str, int | None]) -> str | None:
    """The first domain not asked yet, in the fixed order."""
    return next((d for d in DOMAIN_IDS if d not in answers), None)
