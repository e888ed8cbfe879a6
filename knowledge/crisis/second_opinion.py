"""The second opinion on acute danger: a small classifier learnt from labelled sentences.

The concepts (reader.py) say *why*; on sentences nobody wrote down they miss about one danger in
five, because residents describe danger in words no list foresees. This model has read a few
thousand labelled sentences (tests/eval/ tuning sets and tools/training/) and judges a
whole message on its words and the letter groups inside them, so a typo, a new verb form or a
third-person report still weighs.

Mostly it *adds* to the concepts: when the concepts find nothing, a high score is a crisis of the kind it
rates highest, a middling score asks the gentle question (only the question in a message with an idiom, an
all-clear, a joke or a topic the concepts know). It never cancels what the concepts found, but where it rates a
message almost surely calm (below VETO_AT: "I'm writing a school report about domestic violence"; in a long message
below LONG_VETO_AT, for the message and for the danger's own clause) their alarm becomes the gentle question. It
does not judge a danger the time layer already softened (past, near-miss); only a
danger lowered by an all-clear, a joke, a topic or a client ("niemand is gewond", "haha", "een cliënt") it may
restore, when it is sure.

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
# From this probability the model alone makes a crisis even in a message with an all-clear, a topic or a joke the
# concepts know: "gisteren was er niks aan de hand" before a sudden confusion and a dragging leg (0.96), "een melding"
# in a police officer's report of a man on the dike (0.93). On text it had not read (fresh51-55 with the sixteenth
# round's model, fresh46-50 with the fifteenth's) such messages from 0.93 were 4 dangers (0.93-0.98) and no everyday
# sentence (from 0.55 one: a student's essay about the past, 0.58); of the concepts' everyday twins it alarms on 1 more
# ("mijn moeder ligt op de grond te yoga'en en reageert niet", 0.94), from 0.8 on 6; from 0.9 an idiom's test ("ik ga
# dood van de hitte") fell too (a last read). The README has the runs.
SURE_AT = 0.93
# Below this probability the model calls a concept's danger unlikely, and the concept only asks the gentle question:
# "I'm writing a school report about domestic violence" (0.005), "heb gisteren een zware reanimatie gehad, de man heeft
# het gered" (0.008). Only in a message of VETO_WORDS words or more: a short one tells the model too little to overrule
# the concepts ("my finger is nearly off" 0.03, a class it had not read). Chosen on text the model had not read
# (fifteenth round, before it was trained on fresh36-40): it lowered 36 of the concepts' 69 false alarms on fresh36-40
# and 11 of 18 on leave-one-set-out folds of fresh32-35, and none of their 1,114 dangers; of the 1,793 probe dangers of
# the concepts' tests 3 were lowered to the question, of a last read's 124 none (from 0.05: 47 and 13 false alarms,
# but 1 fold danger and 8 probes; without the length rule a read's short injuries fell too). The README has the runs.
# With the sixteenth round's final model 9 of the 2,645 probe dangers get the question (tests/test_second_opinion.py).
VETO_AT = 0.03
VETO_WORDS = 12
# In a long message the model may lower an alarm up to LONG_VETO_AT, when it also rates the danger's own clause below
# that: a long story is more text for it to judge, and the clause check keeps a danger told in the middle of a story
# ("... Op dit moment staat hij ...") standing. Chosen on text the model had not read (sixteenth round): with the
# retrained model on fresh51-55 before they were read, and with the fifteenth round's model on fresh46-50 before it was
# trained on them, the concepts alarmed on 98 and 87 everyday sentences and 588 and 614 dangers; this rule lowered 15
# and 16 more false alarms than VETO_AT alone and no danger; without the clause check (0.15, 20 words) 38 and 26 more,
# but 1 and 2 dangers told in a long story; from 12 words with the clause check 17 and 18 more, but 46 more of the 2,419
# probe dangers (the concepts' tests). The README has the runs.
LONG_VETO_AT = 0.15
LONG_VETO_WORDS = 20
UNLIKELY = "tweede mening: onwaarschijnlijk"  # how a finding lowered by the model is marked


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


def unlikely(opinion: Opinion, words: int, clause_danger: float | None = None) -> bool:
    """Whether the model calls a concepts' danger unlikely: below VETO_AT, or in a message of LONG_VETO_WORDS words or
    more below LONG_VETO_AT for the message and for the danger's own clause (`clause_danger`)."""
    if opinion.danger < VETO_AT:
        return True
    return (words >= LONG_VETO_WORDS and opinion.danger < LONG_VETO_AT and clause_danger is not None
            and clause_danger < LONG_VETO_AT)


def weigh(crisis: Crisis, opinion: Opinion, clause: str, calm: tuple[str, ...] = (), words: int = VETO_WORDS,
          now: bool = False, clause_danger: float | None = None) -> Crisis:
    """The verdict after the second opinion: the concepts' verdict, or the model's where they found nothing.

    A crisis the concepts found stands, unless the model calls it `unlikely` in a message of `words` >= VETO_WORDS
    words: then it only asks. It always stands when the message says it happens `now` ("hij heeft me net geslagen",
    "she is not breathing"), and when a finding reaches into an earlier message (the model reads this message alone). A
    danger the time layer softened stays softened, except one lowered only by an all-clear, a joke, a topic, a client
    or a child's phone taken away ("niemand is gewond", "haha", "een cliënt") that the model rates from RESTORE_AT.
    Otherwise a score from CRISIS_AT is a crisis of the model's kind, from ASK_AT the gentle question; in a message
    with an idiom, an all-clear, a joke, a topic or a taken phone the concepts know (`calm`: "ik ga dood van de
    hitte", "morgen is mijn laatste werkdag") the model alone only asks, unless it is sure (SURE_AT).
    """
    if opinion.kind is None:
        return replace(crisis, opinion=opinion)
    if crisis.is_crisis:
        if (not unlikely(opinion, words, clause_danger) or words < VETO_WORDS or now
                or not all(f.clause_index for f in crisis.findings)):
            return replace(crisis, opinion=opinion)
        lowered = tuple(replace(f, softened=f"{UNLIKELY} ({opinion.danger:.2f})") for f in crisis.findings)
        return replace(crisis, kind=None, kinds=(), findings=(), evidence=(), softened=crisis.softened + lowered,
                       hint=True, hint_words=crisis.hint_words or tuple(w for f in lowered for w in f.words),
                       opinion=opinion)
    if crisis.softened:
        cleared = [f for f in crisis.softened if f.softened.startswith(RESTORABLE)]
        if cleared and len(cleared) == len(crisis.softened) and opinion.danger >= RESTORE_AT:
            # "niemand is gewond, maar vanavond slaat hij me weer": the all-clear was about something else
            kinds = tuple(dict.fromkeys(f.kind for f in cleared))
            findings = tuple(replace(f, softened="") for f in cleared)
            return replace(crisis, kind=kinds[0], kinds=kinds, findings=findings, softened=(), hint=False,
                           evidence=tuple(f"{f.concept}: {' '.join(f.words)}" for f in findings), opinion=opinion)
        return replace(crisis, opinion=opinion)
    if opinion.danger >= CRISIS_AT and (not calm or opinion.danger >= SURE_AT):
        finding = Finding(opinion.kind, f"{OPINION_CONCEPT} (model, {opinion.danger:.2f})", opinion.words, clause, 1)
        return replace(crisis, kind=opinion.kind, kinds=(opinion.kind,), findings=(finding,),
                       evidence=(f"{OPINION_CONCEPT}: {' '.join(opinion.words)}",), hint=False, opinion=opinion)
    if opinion.danger >= ASK_AT:
        return replace(crisis, hint=True, hint_words=crisis.hint_words or opinion.words or calm, opinion=opinion)
    return replace(crisis, opinion=opinion)
