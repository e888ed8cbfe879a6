"""The second opinion on life domains: the same kind of classifier as the crisis one, over the 11 domains.

Trained by `tools/train_second_opinions.py --domains` on the same labelled sentences, the most prominent domain
counting three quarters and the others sharing the rest (twelfth round); shipped as knowledge/domain_model.msgpack.
The matcher blends it with the lexicon's evidence (`blend`): it reorders what the lexicon found and may add a domain
the words did not name, but it never removes one, and it adds nothing to a text in which the words found no domain
at all ("ik weet het niet").
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from knowledge.classifier import Classifier
from knowledge.domains import DOMAIN_IDS

DOMAIN_MODEL = Path(__file__).resolve().parent / "domain_model.msgpack"
LABELS = ("none", *DOMAIN_IDS)
WEIGHT = 0.6  # the model's probability counts this much beside the lexicon's score (0..1): the largest weight
# that keeps 'de deurwaarder' before 'de kinderen' (the filler-word class of issue 9) with the models trained on
# 12,648 and 14,128 sentences (ninth and tenth rounds; 0.7 did with 10,608, 0.8 with 8,668). On the eighth round's
# folds (fresh10-13 held out in turn) 0.8 and 0.7 gave the same figures (top-1 0.938 / 0.937); in the ninth round 0.7
# and 0.6 differed by 0.0003 on every set
ADD_AT = 0.2  # a domain the lexicon did not find joins from this probability, in a story of STORY_WORDS tokens or
# more. 0.2 raised top-3 on the folds (fresh10-13 held out in turn) from 0.860 to 0.869, and on the never-tuned held-out
# set from 0.949 to 0.963 (ninth round), at equal first domain. In a shorter message (a professional's search
# "wie doet opvoeding", one word) the model knows too little: there it adds from SHORT_ADD_AT, as before.
SHORT_ADD_AT = 0.3
STORY_WORDS = 6


@cache
def domain_opinion() -> Classifier:
    """The packaged domain model, read once per process."""
    return Classifier(DOMAIN_MODEL, LABELS)


def blend(scores: dict[str, float], probabilities: dict[str, float], words: int = STORY_WORDS) -> dict[str, float]:
    """Lexicon scores (0..1) and the model's probabilities as one score per domain (0..1).

    `words`: the message's length in tokens; in a short one (a search, "opvoeding") the model adds from SHORT_ADD_AT.
    """
    add_at = ADD_AT if words >= STORY_WORDS else SHORT_ADD_AT
    blended = {}
    for domain in (*scores, *(d for d in DOMAIN_IDS if d not in scores)):
        probability = probabilities.get(domain, 0.0)
        if domain in scores or (scores and probability >= add_at):  # no words for any domain: no story to add to
            blended[domain] = round((scores.get(domain, 0.0) + WEIGHT * probability) / (1.0 + WEIGHT), 3)
    return blended
