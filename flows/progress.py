"""Where a resident is in the conversation, stored as JSON in the residents table."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


def toggled(items: list[str], item: str) -> list[str]:
    """The list with `item` removed if it was there, added at the end if it was not (a ✅ button)."""
    return [i for i in items if i != item] if item in items else [*items, item]


@dataclass
class Progress:
    """Everything the resident told us so far and the step we are at."""

    step: str = "welcome"
    rev: int = 0  # goes up with every step: buttons from an older step are stale
    way: str | None = None  # "story" or "check"
    story: str | None = None  # the resident's own words
    domains: list[str] = field(default_factory=list)  # domains heard in the story (confirmed)
    answers: dict[str, int | None] = field(default_factory=dict)  # domain -> ZRM 1-5, None skipped
    followups: dict[str, str] = field(default_factory=dict)  # domain -> own words
    pending: str | None = None  # the domain a follow-up is about
    going_well: str | None = None
    would_help: str | None = None
    crisis: list[str] = field(default_factory=list)  # crisis kinds seen: the handoff is urgent
    danger_words: dict[str, str] = field(default_factory=dict)  # crisis kind -> the words that showed it first
    danger_asked: bool = False  # asked once, gently, after a risk word without a crisis pattern
    recent: list[str] = field(default_factory=list)  # the last few messages, read together for danger
    step_at: str | None = None  # when the current step began (ISO): older messages were not written for it
    previous_step: str | None = None
    contact: dict[str, Any] | None = None  # member_id, team_id, reason
    preference: dict[str, Any] = field(default_factory=dict)  # kind, phone, daypart
    handoff_id: int | None = None
    withdrawing: dict[str, str] | None = None  # step, choice: a withdrawing choice waiting for confirmation
    asked: dict[str, str] | None = None  # kind, at: a question outside the steps (/vergeet's), until answered
    source: str | None = None  # the deep-link payload the resident came with
    stopped: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Progress:
        """Read stored progress; unknown keys (from a newer version) are ignored."""
        known = {f.name for f in fields(cls)}
        progress = cls(**{k: v for k, v in (data or {}).items() if k in known})
        from flows.resident.steps import Step

        if progress.step not in set(Step):  # written by another version: start again rather than guess
            progress.step = Step.WELCOME.value
        return progress

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def concerns(self) -> dict[str, int]:
        """Concern domains (ZRM ≤ 3) with their scores; the domains of a danger seen are acute (1), whatever was
        answered (product.md: one such sentence is enough, also when typed at a button question)."""
        from flows.crisis import crisis_domains

        found = {d: s for d, s in self.answers.items() if s is not None and s <= 3}
        return found | {d: 1 for d in crisis_domains(self.crisis)}
