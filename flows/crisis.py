"""What the bot says at once when a message signals acute danger."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from flows.markup import Rich, shorten
from flows.replies import Reply
from flows.voice import Voice
from knowledge.crisis import Crisis
from knowledge.matcher import CRISIS_DOMAINS

KINDS = ("suicide", "domestic_violence", "child_danger", "medical")
WORDS_LIMIT = 300  # the resident's words that showed a danger, as kept for the card


def crisis_replies(voice: Voice, kinds: Iterable[str]) -> list[Reply]:
    """The right numbers for every kind of danger found, kindly, before anything else."""
    lines = [voice("crisis.intro")]
    lines += [voice(f"crisis.{kind}") for kind in kinds]
    lines.append(voice("crisis.go_on"))
    return [Reply(Rich.join("\n\n", lines))]


def crisis_domains(kinds: Iterable[str]) -> frozenset[str]:
    """The life domains the kinds of danger belong to (they become acute concerns)."""
    return frozenset(d for kind in kinds for d in CRISIS_DOMAINS.get(kind, ()))


def crisis_numbers(voice: Voice, kinds: Iterable[str]) -> Rich:
    """The numbers for these kinds of danger again (all of them when no kind is known), one line each."""
    kinds = [k for k in kinds if k in KINDS] or list(KINDS)
    return Rich.lines([voice(f"crisis.{kind}") for kind in kinds])


def danger_words(crisis: Crisis, recent: Sequence[str]) -> dict[str, str]:
    """Each kind of danger found, with the resident's words that showed it: this message, or the last two
    messages when the danger was split over them. `recent` ends with this message."""
    if not crisis.is_crisis or not recent:
        return {}
    current = recent[-1]
    lowered = current.lower()
    found = {}
    for kind in crisis.kinds:
        findings = [f for f in crisis.findings if f.kind == kind]
        alone = not findings or any(all(w.lower() in lowered for w in f.words) for f in findings)
        words = current if alone or len(recent) < 2 else " … ".join(recent[-2:])
        found[kind] = shorten(words, WORDS_LIMIT)
    return found
