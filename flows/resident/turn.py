"""One resident's state during one message: loaded, changed, and saved once in one transaction."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flows.progress import Progress
from flows.replies import Choice
from flows.voice import Voice
from store import Resident, Tx

if TYPE_CHECKING:
    from flows.resident.flow import ResidentFlow

Effect = Callable[[Tx], Awaitable[None]]


@dataclass
class Turn:
    """The resident, their progress, the voice to speak in, and what to write with the progress."""

    flow: ResidentFlow
    resident: Resident
    progress: Progress
    voice: Voice
    effects: list[Effect] = field(default_factory=list)  # written in the same commit as the progress
    loaded_step: str | None = None  # the step when the turn began

    def choices(self, *pairs: tuple[str, str]) -> tuple[Choice, ...]:
        """Buttons for the current step (id, text key); their data carries the step's revision."""
        from knowledge.domains import DOMAIN_IDS

        return tuple(Choice(self.button(cid), self.voice.plain(key, total=len(DOMAIN_IDS))) for cid, key in pairs)

    def button(self, choice: str) -> str:
        """Button data for a choice of the current step."""
        from flows import buttons

        return buttons.encode(buttons.STEP, self.progress.rev + 1, choice)  # the revision once saved
