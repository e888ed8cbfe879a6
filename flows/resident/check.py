"""The short check: one plain question per life domain, a follow-up on each concern."""

from __future__ import annotations

from flows.crisis import crisis_replies
from flows.markup import shorten
from flows.progress import Progress
from flows.replies import Choice, Reply
from flows.resident import answers
from flows.resident.steps import Step, StepSpec
from flows.resident.turn import Turn
from knowledge.domains import DOMAIN_IDS

WORDS_IN_CARD = 1000  # a resident's own words kept per answer


def ask_question(turn: Turn) -> list[Reply]:
    voice, progress = turn.voice, turn.progress
    domain = answers.next_domain(progress.answers)
    number, total = position(progress)
    faces = tuple(Choice(turn.button(aid), f"{face} {voice.plain(answer_key(turn, domain, aid))}")
                  for aid, _score, face in answers.ANSWERS)
    skip = Choice(turn.button("skip"), voice.plain("common.skip"))
    question = voice(f"check.question.{domain}")
    return [Reply(voice("check.frame", number=number, total=total, question=question), faces + (skip,))]


def position(progress: Progress) -> tuple[int, int]:
    """This question's number and how many this resident is asked: the domains heard in the story are not."""
    heard = {d for d in progress.domains if d in progress.answers}
    asked = sum(1 for d in progress.answers if d not in heard)
    return asked + 1, len(DOMAIN_IDS) - len(heard)


def answer_key(turn: Turn, domain: str, answer: str) -> str:
    """A domain may word an answer its own way (check.answer.<domain>.<answer>)."""
    specific = f"check.answer.{domain}.{answer}"
    return specific if turn.flow.texts.has(turn.voice.language, specific) else f"check.answer.{answer}"


async def choose_answer(turn: Turn, choice: str) -> list[Reply] | None:
    if choice not in {a for a, _, _ in answers.ANSWERS} | {"skip"}:
        return None
    return record(turn, choice)


async def text_answer(turn: Turn, text: str, match) -> list[Reply]:
    answer = answers.typed_answer(text)
    if answer is None:
        if match.crisis.is_crisis:
            return turn.flow.ask(turn)
        return [Reply(turn.voice("check.use_buttons"))] + turn.flow.ask(turn)
    return record(turn, answer)


def record(turn: Turn, answer: str) -> list[Reply]:
    """Store one answer; a concern gets a follow-up question, an unsafe home the numbers at once."""
    progress = turn.progress
    domain = answers.next_domain(progress.answers)
    if domain is None:
        progress.step = Step.GOING_WELL
        return turn.flow.ask(turn)
    score = answers.score_of(domain, answer)
    progress.answers[domain] = score
    replies: list[Reply] = []
    if score == answers.UNSAFE_SCORE:  # one 'unsafe' answer is enough: the numbers at once
        if "domestic_violence" not in progress.crisis:
            progress.crisis.append("domestic_violence")
        replies += crisis_replies(turn.voice, ("domestic_violence",))
    if answers.is_concern(score):
        progress.pending = domain
        progress.step = Step.FOLLOWUP
    else:
        after_answer(progress)
    return replies + turn.flow.ask(turn)


def after_answer(progress: Progress) -> None:
    progress.pending = None
    progress.step = Step.CHECK if answers.next_domain(progress.answers) else Step.GOING_WELL


def ask_followup(turn: Turn) -> list[Reply]:
    return [Reply(turn.voice("check.followup", domain=turn.voice.domain(turn.progress.pending or "")),
                  turn.choices(("skip", "common.skip")))]


async def choose_followup(turn: Turn, choice: str) -> list[Reply] | None:
    if choice != "skip":
        return None
    after_answer(turn.progress)
    return turn.flow.ask(turn)


async def text_followup(turn: Turn, text: str, match) -> list[Reply]:
    progress = turn.progress
    if progress.pending:
        progress.followups[progress.pending] = shorten(text, WORDS_IN_CARD)
    after_answer(progress)
    return [Reply(turn.voice("common.noted"))] + turn.flow.ask(turn)


STEPS = {
    Step.CHECK: StepSpec(ask_question, text_answer, choose_answer),
    Step.FOLLOWUP: StepSpec(ask_followup, text_followup, choose_followup),
}
