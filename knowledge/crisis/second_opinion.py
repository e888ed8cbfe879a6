"""The second opinion on acute danger: a small classifier learnt from labelled sentences.

The concepts (reader.py) say *why*; on sentences nobody wrote down they miss about one danger in
five, because residents describe danger in words no list foresees. This model has read a few
thousand labelled sentences (tests/eval/ tuning sets and tools/training/) and judges a
whole message on its words and the letter groups inside them, so a typo, a new verb form or a
third-person report still weighs.

It only ever *adds* to the concepts: when the concepts find nothing, a high score is a crisis of
the kind it rates highest, a middling score asks the gentle question (only the question in a message
with an idiom, an all-clear, a joke or a topic the concepts know). It never cancels what the concepts
found, and it does not judge a danger the time layer already softened (past, near-miss); only a danger
lowered by an all-clear, a joke, a topic or a client ("niemand is gewond", "haha", "een cliënt") it may restore,
when it is sure.

The weights ship inside the package (model.msgpack, written by tools/train_second_opinions.py);
nothing is downloaded. A sentence costs a few hundred dictionary look-ups.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from knowledge.classifier import Classifier, Words
from knowledge.crisis.modifiers import SOFTENERS
from knowledge.crisis.verdict import OPINION_CONCEPT, Crisis, Finding

MODEL = Path(__file__).resolve().parent / "model.msgpack"
KINDS = ("none", "suicide", "domestic_violence", "child_danger", "medical")
# The probability of any danger from which the model alone makes a crisis, chosen on leave-one-set-out folds and the
# concepts' probes (fourteenth round, with L2 1e-5; tools/train_second_opinions.py): from 0.50 the folds heard 596 of
# 640 dangers with 8 of 800 everyday sentences flagged, from 0.55 590 and 5, from 0.60 581 and 4; on the 1,108
# everyday probes it alarmed on 97, 81 and 68 (the thirteenth round's model from 0.50: 80), every probe danger heard.
CRISIS_AT = 0.55
ASK_AT = 0.5  # from here the gentle question
RESTORABLE = tuple(SOFTENERS.values())  # what lowered a concept's danger that a sure model may overrule
RESTORE_AT = 0.8  # how sure: "niemand is gewond, maar vanavond slaat hij me weer" (0.97); not
#   "er wordt niet geslagen hoor" (0.53)


@dataclass(frozen=True)
class Opinion:
    """The model's judgement of one message."""

    danger: float  # probability of any acute danger, 0..1
    kind: str | None  # the kind it rates highest (None: no danger likelier than the others)
    words: tuple[str, ...]  # the resident's words that weigh most towards that kind

    def line(self) -> str:
        text = f"tweede mening (model): kans op acuut gevaar {self.danger:.2f}"
        if self.words:
            text += f", {self.kind}; zwaarst wegen " + ", ".join(f"'{w}'" for w in self.words)
        return text


@cache
def second_opinion() -> SecondOpinion:
    """The packaged model, read once per process."""
    return SecondOpinion()


class SecondOpinion(Classifier):
    """The crisis model: none or one of the four kinds of acute danger."""

    def __init__(self, path: Path = MODEL) -> None:
        super().__init__(path, KINDS)

    def judge(self, words: Words) -> Opinion:
        """How likely this message (its token stream) tells of acute danger now, and of which kind."""
        probabilities, per_token = self.probabilities_and_rows(words)
        if probabilities is None:
            return Opinion(0.0, None, ())
        danger = 1.0 - probabilities[0]
        best = max(range(1, len(KINDS)), key=probabilities.__getitem__)
        telling = self.telling(words, per_token, best) if danger >= ASK_AT else ()
        return Opinion(round(danger, 3), KINDS[best], telling)


def weigh(crisis: Crisis, opinion: Opinion, clause: str, calm: tuple[str, ...] = ()) -> Crisis:
    """The verdict after the second opinion: the concepts' verdict, or the model's where they found nothing.

    A crisis the concepts found stands as it is. A danger the time layer softened stays softened, except
    one lowered only by an all-clear, a joke, a topic, a client or a child's phone taken away ("niemand is
    gewond", "haha", "een cliënt") that the model rates from RESTORE_AT. Otherwise a score from CRISIS_AT is a
    crisis of the model's kind, from ASK_AT the gentle question; in a message with an idiom, an all-clear, a
    joke, a topic or a taken phone the concepts know
    (`calm`: "ik ga dood van de hitte", "morgen is mijn laatste werkdag") the model alone only asks.
    """
    if crisis.is_crisis or opinion.kind is None:
        return replace(crisis, opinion=opinion)
    if crisis.softened:
        cleared = [f for f in crisis.softened if f.softened.startswith(RESTORABLE)]
        if cleared and len(cleared) == len(crisis.softened) and opinion.danger >= RESTORE_AT:
            # "niemand is gewond, maar vanavond slaat hij me weer": the all-clear was about something else
            kinds = tuple(dict.fromkeys(f.kind for f in cleared))
            findings = tuple(replace(f, softened="") for f in cleared)
            return replace(crisis, kind=kinds[0], kinds=kinds, findings=findings, softened=(), hint=False,
                           evidence=tuple(f"{f.concept}: {' '.join(f.words)}" for f in findings), opinion=opinion)
        return replace(crisis, opinion=opinion)
    if opinion.danger >= CRISIS_AT and not calm:
        finding = Finding(opinion.kind, f"{OPINION_CONCEPT} (model, {opinion.danger:.2f})", opinion.words, clause, 1)
        return replace(crisis, kind=opinion.kind, kinds=(opinion.kind,), findings=(finding,),
                       evidence=(f"{OPINION_CONCEPT}: {' '.join(opinion.words)}",), hint=False, opinion=opinion)
    if opinion.danger >= ASK_AT:
        return replace(crisis, hint=True, hint_words=crisis.hint_words or opinion.words or calm, opinion=opinion)
    return replace(crisis, opinion=opinion)
