"""Pressing a button, by tapping it or by typing it: the same choice, the same checks.

Typed text at a question with buttons is read by flows.resident.typed against the buttons'
labels in every language the bot speaks; 'sla over' / 'skip' skips wherever a question can be
skipped (and is never kept as the resident's words). A danger in the text is read first and never
taken for a button.
"""

from __future__ import annotations

from flows.replies import Choice, Reply
from flows.resident import answers, typed, withdraw
from flows.resident.steps import Step, StepSpec
from flows.resident.turn import Turn
from flows.voice import Voice

# Questions where typed text is the answer itself: only a whole label (or 'sla over') is a button there.
FREE_TEXT = frozenset({Step.STORY, Step.FOLLOWUP, Step.GOING_WELL, Step.WOULD_HELP, Step.POSTCODE, Step.PHONE,
                       Step.DONE})
# What 'sla over' presses at each question that can be skipped.
SKIP: dict[str, str] = {
    Step.STORY: "check", Step.STORY_CONFIRM: "ok", Step.STORY_FIX: "done", Step.STORY_MORE: "no",
    Step.CHECK: "skip", Step.FOLLOWUP: "skip", Step.GOING_WELL: "skip", Step.WOULD_HELP: "skip",
    Step.POSTCODE: "none", Step.DAYPART: "any",
}
SYNONYMS: dict[str, dict[str, str]] = {
    Step.CHECK: {**{" ".join(typed.words(k)): v for k, v in answers.TYPED.items() if v != "skip"},
                 **dict.fromkeys(("geen kinderen", "ik heb geen kinderen", "no children", "i have no children",
                                  "i do not have children"), "skip")},
    Step.STORY_CONFIRM: typed.yes_no("ok", "fix"),
    Step.STORY_MORE: typed.yes_no("yes", "no"),
    Step.OFFER: typed.yes_no("yes", "no"),
    Step.WITHDRAW: typed.yes_no("yes", "no"),
    Step.POSTCODE: {"liever niet": "none", "rather not": "none", "zeg ik liever niet": "none"},
}


async def press(turn: Turn, choice: str, steps: dict[Step, StepSpec]) -> list[Reply] | None:
    """A button of the current step; None when it is not one. A withdrawing choice is asked once more."""
    step = Step(turn.progress.step)
    if withdraw.withdraws(step, choice):
        return withdraw.ask_first(turn, choice)
    return await steps[step].on_choice(turn, choice)


def options(turn: Turn, steps: dict[Step, StepSpec]) -> list[typed.Option]:
    """The buttons of the current question, with their labels in every language (the resident's first)."""
    from flows import buttons

    step = Step(turn.progress.step)
    languages = [turn.voice.language, *(lang for lang in turn.flow.texts.languages if lang != turn.voice.language)]
    found: list[typed.Option] = []
    for language in languages:
        speaker = Turn(turn.flow, turn.resident, turn.progress, Voice(turn.flow.texts, language))
        for reply in steps[step].ask(speaker):
            for button in reply.choices:
                decoded = buttons.decode(button.id)
                if decoded is not None and decoded.kind == buttons.STEP:
                    found.append(typed.Option(decoded.part(1), button.label))
    return found


def _read(turn: Turn, text: str, steps: dict[Step, StepSpec]) -> tuple[list[typed.Option], typed.Reading]:
    """The current step's buttons, and which of them the typed text names."""
    step = Step(turn.progress.step)
    found = options(turn, steps)
    return found, typed.read(text, found, partial=step not in FREE_TEXT, synonyms=SYNONYMS.get(step))


def names_an_option(turn: Turn, text: str, steps: dict[Step, StepSpec]) -> bool:
    """Whether typed text names a button of the current step's question (or 'sla over'): an answer, not a story."""
    if typed.is_skip(text):
        return True
    found, reading = _read(turn, text, steps)
    return bool(found) and bool(reading.chosen or reading.ambiguous)


async def typed_text(turn: Turn, text: str, match, steps: dict[Step, StepSpec]) -> list[Reply] | None:
    """What typed text does as a button or a skip; None: it is an answer (or nothing) for the step itself."""
    if match.crisis.is_crisis:  # a danger is read as such, never as a button
        return None
    step = Step(turn.progress.step)
    if typed.is_skip(text):
        return await skip(turn, step, steps)
    found, reading = _read(turn, text, steps)
    if reading.chosen:
        return await press(turn, reading.chosen, steps)
    if reading.ambiguous:
        own = {o.choice: o.label for o in reversed(found)}  # the resident's language wins
        return [Reply(turn.voice("typed.which"), tuple(Choice(turn.button(c), own[c]) for c in reading.choices))]
    return None


async def skip(turn: Turn, step: Step, steps: dict[Step, StepSpec]) -> list[Reply]:
    """'Sla over' at any question: the skip of that question, or a kind word where a choice is needed."""
    voice = turn.voice
    if step in SKIP:
        replies = await press(turn, SKIP[step], steps)
        if replies is not None:
            return replies
    if step == Step.PHONE:  # no number after all: choose another way to be reached
        turn.progress.step = Step.PREFERENCE
        return [Reply(voice("typed.phone_skipped"), clear_keyboard=True)] + turn.flow.ask(turn)
    if step == Step.DONE:
        return [Reply(voice("done.again"))]
    return [Reply(voice("typed.no_skip"))] + turn.flow.ask(turn)
