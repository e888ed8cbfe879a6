"""What the bot says at once when a message signals acute danger."""

from __future__ import annotations

from collections.abc import Iterable

from flows.markup import Rich
from flows.replies import Reply
from flows.voice import Voice
from knowledge.matcher import CRISIS_DOMAINS


def crisis_replies(voice: Voice, kinds: Iterable[str]) -> list[Reply]:
    """The right numbers for every kind of danger found, kindly, before anything else."""
    lines = [voice("crisis.intro")]
    lines += [voice(f"crisis.{kind}") for kind in kinds]
    lines.append(voice("crisis.go_on"))
    return [Reply(Rich.join("\n\n", lines))]


def crisis_domains(kinds: Iterable[str]) -> frozenset[str]:
    """The life domains the kinds of danger belong to (they become acute concerns)."""
    return frozenset(d for kind in kinds for d in CRISIS_DOMAINS.get(kind, ()))
