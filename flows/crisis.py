"""What the bot says at once when a message signals acute danger."""

from __future__ import annotations

from flows.replies import Reply
from flows.voice import Voice


def crisis_replies(voice: Voice, kinds: tuple[str, ...] | list[str]) -> list[Reply]:
    """The right numbers for every kind of danger found, kindly, before anything else."""
    lines = [voice("crisis.intro")]
    lines += [voice(f"crisis.{kind}") for kind in kinds]
    lines.append(voice("crisis.go_on"))
    return [Reply("\n\n".join(lines))]
