"""The resident's conversation as an explicit table of steps.

Each step says what to ask, what typed text does, and what a button does. The stages live
in their own modules (story, check, summary and offer, consent and contact); this table is
where a new step is added, and a test checks that every step has all three.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from flows.replies import Reply

if TYPE_CHECKING:
    from flows.resident.turn import Turn


class Step(StrEnum):
    """Where a resident is; stored by value in their progress."""

    WELCOME = "welcome"
    STORY = "story"
    STORY_CONFIRM = "story_confirm"
    STORY_FIX = "story_fix"
    STORY_MORE = "story_more"
    CHECK = "check"
    FOLLOWUP = "followup"
    GOING_WELL = "going_well"
    WOULD_HELP = "would_help"
    POSTCODE = "postcode"
    OFFER = "offer"
    PREFERENCE = "preference"
    PHONE = "phone"
    DAYPART = "daypart"
    WITHDRAW = "withdraw"  # a choice that withdraws a consented handoff, asked once more
    DONE = "done"


Ask = Callable[["Turn"], list[Reply]]
OnText = Callable[["Turn", str, Any], Awaitable[list[Reply]]]
OnChoice = Callable[["Turn", str], Awaitable[list[Reply] | None]]


@dataclass(frozen=True)
class StepSpec:
    """What a step asks, what typed text does there, and what its buttons do (None: not a button of this step)."""

    ask: Ask
    on_text: OnText
    on_choice: OnChoice


async def no_buttons(turn: Turn, choice: str) -> list[Reply] | None:
    """A step that shows no buttons of its own: any button for it is stale."""
    return None
