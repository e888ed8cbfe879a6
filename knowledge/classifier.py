"""A small text classifier shipped inside the package: softmax regression over a message's words.

Features of a message: each token's forms (as typed, and its typo correction), the letter groups inside them
(3-5 letters with the word's edges, so a typo or a new verb form still weighs), and neighbour pairs; a message's
features are scaled to length one. Trained by tools/train_second_opinions.py (numpy only); used for the crisis
second opinion (knowledge/crisis/second_opinion.py) and the domains' (knowledge/domain_opinion.py).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import msgpack
import numpy as np

CHAR_SIZES = (3, 4, 5)  # letter groups inside a word, with its edges: '<adem', 'dem>'
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


class Classifier:
    """A trained model, loaded once from the package: the crisis kinds, or the domains."""

    def __init__(self, path: Path, labels: tuple[str, ...]) -> None:
        data = msgpack.unpackb(path.read_bytes(), raw=False)
        if tuple(data["kinds"]) != labels:
            raise ValueError(f"{path}: labels {data['kinds']} are not {labels}; train the model again")
        self.labels = labels
        self.index = {feature: row for row, feature in enumerate(data["features"])}
        self.weights = np.frombuffer(data["weights"], dtype=np.float16).astype(np.float32).reshape(-1, len(labels))
        self.bias = np.asarray(data["bias"], dtype=np.float32)
        self.trained_on: dict[str, str] = data["trained_on"]
        self._token_rows: dict[tuple[str, ...], tuple[int, ...]] = {}

    def probabilities(self, words: Words) -> dict[str, float]:
        """Each label's probability for this message (empty for a message without known features)."""
        probabilities, _ = self.probabilities_and_rows(words)
        return dict(zip(self.labels, probabilities, strict=True)) if probabilities is not None else {}

    def probabilities_and_rows(self, words: Words) -> tuple[list[float] | None, list[tuple[int, ...]]]:
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

    def telling(self, words: Words, rows: list[tuple[int, ...]], kind: int) -> tuple[str, ...]:
        """The typed words whose features weigh most towards label `kind` rather than the first label."""
        weight = [(float((self.weights[list(token), kind] - self.weights[list(token), 0]).sum()), i)
                  for i, token in enumerate(rows) if token and len(words[i][0]) >= MIN_SHOWN_LENGTH]
        best = sorted((w for w in weight if w[0] > 0), reverse=True)[:SHOWN_WORDS]
        return tuple(words[i][0] for _, i in sorted(best, key=lambda w: w[1]))
