"""The second opinion on acute danger: a small classifier learnt from labelled sentences.

The concepts (reader.py) say *why*; on sentences nobody wrote down they miss about one danger in
five, because residents describe danger in words no list foresees. This model has read a few
thousand labelled sentences (tests/eval/ tuning sets and knowledge/crisis/training/) and judges a
whole message on its words and the letter groups inside them, so a typo, a new verb form or a
third-person report still weighs.

It only ever *adds* to the concepts: when the concepts find nothing, a high score is a crisis of
the kind it rates highest, a middling score asks the gentle question. It never cancels what the
concepts found, and it does not judge a danger the time layer already softened (past, near-miss).

The weights ship inside the package (model.msgpack, written by tools/train_crisis_model.py);
nothing is downloaded. A sentence costs a few hundred dictionary look-ups.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import msgpack
import numpy as np

from knowledge.crisis.verdict import OPINION_CONCEPT, Crisis, Finding

MODEL = Path(__file__).resolve().parent / "model.msgpack"
KINDS = ("none", "suicide", "domestic_violence", "child_danger", "medical")
CHAR_SIZES = (3, 4, 5)  # letter groups inside a word, with its edges: '<adem', 'dem>'
CRISIS_AT = 0.6  # probability of any danger from which the model alone makes a crisis (chosen on the folds)
ASK_AT = 0.5  # from here the gentle question (on the folds it asks about 1-3% of everyday sentences)
MAX_REMEMBERED = 50_000  # tokens whose rows are remembered (a few MB)
SHOWN_WORDS = 4  # words named in an explanation
MIN_SHOWN_LENGTH = 4  # 'hij', 'van', 'al' weigh too, but say nothing to a reader

Words = Sequence[Sequence[str]]


def word_features(forms: Sequence[str]) -> list[str]:
    """The features one token brings: each form (as typed, corrected) and its letter groups."""
    found = []
    for form in forms:
        found.append("w:" + form)
        edged = f"<{form}>"
        for size in CHAR_SIZES:
            found.extend(f"c{size}:" + edged[i: i + size] for i in range(len(edged) - size + 1))
    return found


def features(words: Words) -> list[list[str]]:
    """Per token its features; a pair of neighbours counts with the first of the two."""
    per_token = [word_features(forms) for forms in words]
    for i in range(len(words) - 1):
        per_token[i].append(f"b:{words[i][-1]}_{words[i + 1][-1]}")
    return per_token


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


class SecondOpinion:
    """The classifier, loaded once from the package (the crisis kinds; knowledge/domain_opinion.py: the domains)."""

    def __init__(self, path: Path = MODEL, labels: tuple[str, ...] = KINDS) -> None:
        data = msgpack.unpackb(path.read_bytes(), raw=False)
        if tuple(data["kinds"]) != labels:
            raise ValueError(f"{path}: labels {data['kinds']} are not {labels}; train the model again")
        self.labels = labels
        self.index = {feature: row for row, feature in enumerate(data["features"])}
        self.weights = np.frombuffer(data["weights"], dtype=np.float16).astype(np.float32).reshape(-1, len(labels))
        self.bias = np.asarray(data["bias"], dtype=np.float32)
        self.trained_on: dict[str, str] = data["trained_on"]
        self._token_rows: dict[tuple[str, ...], tuple[int, ...]] = {}

    def judge(self, words: Words) -> Opinion:
        """How likely this message (its token stream) tells of acute danger now, and of which kind."""
        probabilities, per_token = self._probabilities(words)
        if probabilities is None:
            return Opinion(0.0, None, ())
        danger = 1.0 - probabilities[0]
        best = max(range(1, len(KINDS)), key=probabilities.__getitem__)
        telling = self._telling(words, per_token, best) if danger >= ASK_AT else ()
        return Opinion(round(danger, 3), KINDS[best], telling)

    def probabilities(self, words: Words) -> dict[str, float]:
        """Each label's probability for this message (empty for a message without known features)."""
        probabilities, _ = self._probabilities(words)
        return dict(zip(self.labels, probabilities, strict=True)) if probabilities is not None else {}

    def _probabilities(self, words: Words) -> tuple[list[float] | None, list[tuple[int, ...]]]:
        per_token = [self._rows(tuple(forms)) for forms in words]
        every = {row for token in per_token for row in token}
        for i in range(len(words) - 1):
            pair = self.index.get(f"b:{words[i][-1]}_{words[i + 1][-1]}")
            if pair is not None:
                every.add(pair)
        if not every:
            return None, per_token
        scores = (self.bias + self.weights[list(every)].sum(axis=0) / math.sqrt(len(every))).tolist()
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        return [e / total for e in exps], per_token

    def _rows(self, forms: tuple[str, ...]) -> tuple[int, ...]:
        """The model's rows for one token's features; remembered, as words repeat."""
        rows = self._token_rows.get(forms)
        if rows is None:
            if len(self._token_rows) >= MAX_REMEMBERED:
                self._token_rows.clear()
            rows = tuple(self.index[f] for f in word_features(forms) if f in self.index)
            self._token_rows[forms] = rows
        return rows

    def _telling(self, words: Words, rows: list[tuple[int, ...]], kind: int) -> tuple[str, ...]:
        """The typed words whose features weigh most towards `kind` rather than no danger."""
        weight = [(float((self.weights[list(token), kind] - self.weights[list(token), 0]).sum()), i)
                  for i, token in enumerate(rows) if token and len(words[i][0]) >= MIN_SHOWN_LENGTH]
        best = sorted((w for w in weight if w[0] > 0), reverse=True)[:SHOWN_WORDS]
        return tuple(words[i][0] for _, i in sorted(best, key=lambda w: w[1]))


def weigh(crisis: Crisis, opinion: Opinion, clause: str) -> Crisis:
    """The verdict after the second opinion: the concepts' verdict, or the model's where they found nothing.

    A crisis the concepts found stands as it is. A danger the time layer softened stays softened.
    Otherwise a score from CRISIS_AT is a crisis of the model's kind, from ASK_AT the gentle question.
    """
    if crisis.is_crisis or crisis.softened or opinion.kind is None:
        return replace(crisis, opinion=opinion)
    if opinion.danger >= CRISIS_AT:
        finding = Finding(opinion.kind, f"{OPINION_CONCEPT} (model, {opinion.danger:.2f})", opinion.words, clause, 1)
        return replace(crisis, kind=opinion.kind, kinds=(opinion.kind,), findings=(finding,),
                       evidence=(f"{OPINION_CONCEPT}: {' '.join(opinion.words)}",), hint=False, opinion=opinion)
    if opinion.danger >= ASK_AT:
        return replace(crisis, hint=True, hint_words=crisis.hint_words or opinion.words, opinion=opinion)
    return replace(crisis, opinion=opinion)
