"""A choice that withdraws a consented handoff says so plainly and is asked once more, with two buttons."""

from __future__ import annotations

from flows.card import SELF
from flows.replies import Reply
from flows.resident import contact
from flows.resident.steps import OnChoice, Step, StepSpec
from flows.resident.story import use_buttons
from flows.resident.summary import contact_of
from flows.resident.turn import Turn

# (step, choice) -> what the choice does once confirmed. 'I'll contact them myself' right after 'yes,
# pass on my story' means nothing goes to the team after all.
WITHDRAWING: dict[tuple[str, str], OnChoice] = {
    (Step.PREFERENCE, SELF): contact.choose_preference,
}


def withdraws(step: str, choice: str) -> bool:
    return (step, choice) in WITHDRAWING


def ask_first(turn: Turn, choice: str) -> list[Reply]:
    """Nothing is cancelled yet: say what the choice means and ask."""
    turn.progress.withdrawing = {"step": turn.progress.step, "choice": choice}
    turn.progress.step = Step.WITHDRAW
    return turn.flow.ask(turn)


def ask_withdraw(turn: Turn) -> list[Reply]:
    person = contact_of(turn)
    return [Reply(turn.voice("withdraw.ask", first=person.member.first_name, team=person.team.name),
                  turn.choices(("yes", "withdraw.yes"), ("no", "withdraw.no")), columns=1)]


async def choose_withdraw(turn: Turn, choice: str) -> list[Reply] | None:
    progress = turn.progress
    pending = progress.withdrawing or {"step": Step.PREFERENCE, "choice": SELF}
    if choice not in ("yes", "no"):
        return None
    progress.withdrawing = None
    progress.step = pending["step"]
    if choice == "no":
        first = contact_of(turn).member.first_name
        return [Reply(turn.voice("withdraw.kept", first=first))] + turn.flow.ask(turn)
    return await WITHDRAWING[(pending["step"], pending["choice"])](turn, pending["choice"])


STEPS = {Step.WITHDRAW: StepSpec(ask_withdraw, use_buttons, choose_withdraw)}
