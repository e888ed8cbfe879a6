"""The two ways in, and the resident's own story: heard back, corrected, and on to the check or further."""

from __future__ import annotations

from flows.crisis import crisis_domains
from flows.markup import shorten
from flows.progress import toggled
from flows.replies import Choice, Reply
from flows.resident.steps import Step, StepSpec
from flows.resident.turn import Turn
from knowledge.domains import DOMAIN_IDS

STORY_LIMIT = 4000  # characters of a resident's story kept


def ask_welcome(turn: Turn) -> list[Reply]:
    return [Reply(turn.voice("start.choose"),
                  turn.choices(("story", "start.way_story"), ("check", "start.way_check")))]


async def choose_welcome(turn: Turn, choice: str) -> list[Reply] | None:
    if choice not in ("story", "check"):
        return None
    turn.progress.way = choice
    turn.progress.step = Step.STORY if choice == "story" else Step.CHECK
    return turn.flow.ask(turn)


async def text_welcome(turn: Turn, text: str, match) -> list[Reply]:
    if match.domains or match.crisis.is_crisis:  # they started telling: take it as their story
        turn.progress.way = "story"
        return await text_story(turn, text, match)
    if match.unsupported:
        return [Reply(turn.voice("story.unsupported_language"))] + turn.flow.ask(turn)
    return [Reply(turn.voice("start.use_buttons"))] + turn.flow.ask(turn)


def ask_story(turn: Turn) -> list[Reply]:
    return [Reply(turn.voice("story.ask"))]


async def text_story(turn: Turn, text: str, match) -> list[Reply]:
    progress = turn.progress
    progress.story = shorten((progress.story + " " if progress.story else "") + text, STORY_LIMIT)
    if match.unsupported or match.empty:
        progress.step = Step.CHECK
        progress.way = "check"
        return [Reply(turn.voice("story.unsupported_language"))] + turn.flow.ask(turn)
    if not match.domains:
        return [Reply(turn.voice("story.not_understood"), turn.choices(("check", "start.way_check")))]
    progress.domains = list(match.domain_ids)  # every domain heard above the matcher's threshold, in its order
    progress.step = Step.STORY_CONFIRM
    return turn.flow.ask(turn)


async def choose_story(turn: Turn, choice: str) -> list[Reply] | None:
    if choice != "check":
        return None
    turn.progress.way = "check"
    turn.progress.step = Step.CHECK
    return turn.flow.ask(turn)


def ask_confirm(turn: Turn) -> list[Reply]:
    return [Reply(turn.voice("story.heard", domains=turn.voice.domains(turn.progress.domains)),
                  turn.choices(("ok", "story.right"), ("fix", "story.not_quite")), columns=2)]


async def choose_confirm(turn: Turn, choice: str) -> list[Reply] | None:
    if choice == "ok":
        return confirmed(turn)
    if choice == "fix":
        turn.progress.step = Step.STORY_FIX
        return turn.flow.ask(turn)
    return None


def ask_fix(turn: Turn) -> list[Reply]:
    voice, progress = turn.voice, turn.progress
    toggles = tuple(Choice(turn.button(f"t:{d}"), ("✅ " if d in progress.domains else "▫️ ") + voice.domain(d))
                    for d in DOMAIN_IDS)
    done = Choice(turn.button("done"), voice.plain("story.fix_done"))
    return [Reply(voice("story.fix"), toggles + (done,))]


async def choose_fix(turn: Turn, choice: str) -> list[Reply] | None:
    progress = turn.progress
    if choice.startswith("t:") and choice[2:] in DOMAIN_IDS:
        progress.domains = toggled(progress.domains, choice[2:])
        return turn.flow.ask(turn)
    if choice == "done":
        if not progress.domains:
            return [Reply(turn.voice("story.fix_none"))] + turn.flow.ask(turn)
        return confirmed(turn)
    return None


def confirmed(turn: Turn) -> list[Reply]:
    """The resident agreed with what we heard: the heard domains become concerns (crisis ones acute)."""
    progress = turn.progress
    acute = crisis_domains(progress.crisis)
    for rank, domain in enumerate(progress.domains):
        progress.answers[domain] = 1 if domain in acute else (2 if rank == 0 else 3)
    progress.step = Step.STORY_MORE
    return [Reply(turn.voice("story.thanks"))] + turn.flow.ask(turn)


def ask_more(turn: Turn) -> list[Reply]:
    return [Reply(turn.voice("story.more"), turn.choices(("yes", "story.more_yes"), ("no", "story.more_no")))]


async def choose_more(turn: Turn, choice: str) -> list[Reply] | None:
    from flows.resident import answers

    if choice == "yes":
        turn.progress.step = Step.CHECK if answers.next_domain(turn.progress.answers) else Step.GOING_WELL
        return turn.flow.ask(turn)
    if choice == "no":
        turn.progress.step = Step.GOING_WELL
        return turn.flow.ask(turn)
    return None


async def use_buttons(turn: Turn, text: str, match) -> list[Reply]:
    """Typed text where a button is expected."""
    if match.crisis.is_crisis:
        return turn.flow.ask(turn)
    return [Reply(turn.voice("common.use_buttons"))] + turn.flow.ask(turn)


STEPS = {
    Step.WELCOME: StepSpec(ask_welcome, text_welcome, choose_welcome),
    Step.STORY: StepSpec(ask_story, text_story, choose_story),
    Step.STORY_CONFIRM: StepSpec(ask_confirm, use_buttons, choose_confirm),
    Step.STORY_FIX: StepSpec(ask_fix, use_buttons, choose_fix),
    Step.STORY_MORE: StepSpec(ask_more, use_buttons, choose_more),
}
