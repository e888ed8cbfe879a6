"""The crisis verdict and the findings behind it, readable for a knowledge keeper."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.crisis.second_opinion import Opinion

# How a kind of danger is named in the Dutch explanation lines.
KIND_NAMES = {
    "suicide": "suicide",
    "domestic_violence": "huiselijk geweld",
    "child_danger": "kind in gevaar",
    "medical": "medisch spoed",
}


OPINION_CONCEPT = "tweede mening"  # how a finding of the second opinion is named


@dataclass(frozen=True)
class Finding:
    """One concept (or strong phrase) that fired in one clause."""

    kind: str
    concept: str  # e.g. "middel + bereidheid + wanhoop", or "vaste zin “ik wil dood”" for a strong phrase
    words: tuple[str, ...]  # the resident's words that filled the roles
    clause: str  # the clause text (normalised words)
    clause_index: int  # 1-based within the current message; 0 = also an earlier message
    softened: str = ""  # why the time/hedging layer lowered it ("" = it stands)

    def line(self) -> str:
        words = ", ".join(f"'{w}'" for w in self.words)
        where = f"zin {self.clause_index}" if self.clause_index else "dit en het vorige bericht"
        text = f"{self.kind}: begrip '{self.concept}' op {words} in {where} (\u201c{self.clause}\u201d)"
        if self.softened:
            text += f" — verzwakt: {self.softened}"
        return text


@dataclass(frozen=True)
class Crisis:
    """The crisis verdict: the first kind of acute danger found, and every kind found.

    `findings` says which concept fired on which words in which clause; `softened` holds the
    findings the time/hedging layer lowered (past, near-miss); they only make a `hint`.
    """

    kind: str | None = None
    kinds: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    hint: bool = False  # no crisis, but a word or half a concept that often comes with danger: ask gently
    findings: tuple[Finding, ...] = ()
    softened: tuple[Finding, ...] = ()
    hint_words: tuple[str, ...] = ()
    opinion: Opinion | None = None  # the second opinion (second_opinion.py), when it was asked

    @property
    def is_crisis(self) -> bool:
        return self.kind is not None

    @property
    def by_opinion(self) -> bool:
        """Whether the crisis comes from the second opinion alone (no concept fired)."""
        return bool(self.findings) and self.findings[0].concept.startswith(OPINION_CONCEPT)

    @property
    def concept(self) -> str | None:
        """The concept behind the first kind found."""
        return self.findings[0].concept if self.findings else None

    @property
    def words(self) -> tuple[str, ...]:
        return self.findings[0].words if self.findings else ()

    @property
    def clause(self) -> str | None:
        return self.findings[0].clause if self.findings else None

    def explain(self) -> list[str]:
        """Readable Dutch lines: which concept fired, on which words, in which clause."""
        lines = [finding.line() for finding in self.findings]
        lines += [finding.line() for finding in self.softened]
        if self.hint and self.hint_words:
            lines.append("vraag voorzichtig: risicowoord " + ", ".join(f"'{w}'" for w in self.hint_words))
        if self.opinion is not None and self.opinion.kind is not None and not self.by_opinion:
            lines.append(self.opinion.line())
        return lines
