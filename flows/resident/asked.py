"""Questions with buttons outside the step table: /vergeet's confirmation, the follow-up after a handoff, and
lists another flow showed (the "what is wrong?" lists of a report: `remember_choices`).

Typed text that names one of their buttons (flows.resident.typed, every language the bot speaks) counts as
pressing it, when that question is the newest one the resident got; before the step reads the text, and
before anything is relayed to their person. /vergeet's question is remembered in the progress (`asked`);
the follow-up is open while a handoff's follow-up went out and was not answered yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flows import buttons
from flows.resident import typed
from flows.resident.turn import Turn
from flows.voice import Voice

FORGET = "forget"
CHOICES = "choices"  # a question another flow asked: its buttons as they were shown (data, label)
# What people type to the follow-up 'has {first} been in touch?' besides the labels and yes / no.
FOLLOWUP_SYNONYMS = {w: "no" for w in ("nog niet", "nee nog niet", "nog geen contact", "geen contact", "not yet",
                                        "no not yet", "no contact", "no contact yet")}


@dataclass(frozen=True)
class Question:
    """A question with buttons the resident got outside the steps: when, and its buttons."""

    at: datetime | None
    buttons: tuple[tuple[str, str, str], ...]  # (choice, button data, text key of its label)
    synonyms: dict[str, str]  # typed words -> choice
    literal: bool = False  # the third field of each button is its label as shown, not a text key

    def options(self, turn: Turn) -> list[typed.Option]:
        """Its buttons' labels in every language, the resident's own first."""
        if self.literal:
            return [typed.Option(choice, label) for choice, _data, label in self.buttons]
        texts = turn.flow.texts
        languages = [turn.voice.language, *(lang for lang in texts.languages if lang != turn.voice.language)]
        return [typed.Option(choice, Voice(texts, language).plain(key))
                for language in languages for choice, _data, key in self.buttons]

    def data(self, choice: str) -> str:
        return next(data for c, data, _key in self.buttons if c == choice)


def remember_forget(turn: Turn) -> None:
    """/vergeet asked its question now."""
    turn.progress.asked = {"kind": FORGET, "at": turn.flow.store.now().isoformat()}


def remember_choices(turn: Turn, choices: list[tuple[str, str]]) -> None:
    """Another flow showed this resident a question with these buttons (data, label) now."""
    turn.progress.asked = {"kind": CHOICES, "at": turn.flow.store.now().isoformat(),
                           "choices": [list(c) for c in choices]}


def choices_question(turn: Turn) -> Question | None:
    asked = turn.progress.asked
    if not asked or asked.get("kind") != CHOICES or not asked.get("choices"):
        return None
    return Question(datetime.fromisoformat(asked["at"]) if asked.get("at") else None,
                    tuple((str(i), data, label) for i, (data, label) in enumerate(asked["choices"])), {},
                    literal=True)


def forget_question(turn: Turn) -> Question | None:
    asked = turn.progress.asked
    if not asked or asked.get("kind") != FORGET:
        return None
    return Question(datetime.fromisoformat(asked["at"]) if asked.get("at") else None,
                    (("yes", buttons.encode(buttons.FORGET, "yes"), "forget.accept"),
                     ("no", buttons.encode(buttons.FORGET, "no"), "forget.decline")),
                    typed.yes_no("yes", "no"))


async def followup_question(turn: Turn) -> Question | None:
    """The newest follow-up that went out to this resident and is not answered yet."""
    store, found = turn.flow.store, None
    for handoff in await store.handoffs.of_resident(turn.resident.person):
        if (handoff.status not in ("accepted", "closed") or handoff.followup_done_at is not None
                or handoff.followup_at is not None):
            continue
        sent = [i for i in await store.outbox.items(handoff.id) if i.kind == "followup"]
        if not sent:
            continue
        at = sent[-1].delivered_at or sent[-1].next_attempt_at
        if found is None or found.at is None or at >= found.at:
            found = Question(at, tuple((a, buttons.encode(buttons.FOLLOWUP, handoff.id, a), f"handoff.followup_{a}")
                                       for a in ("yes", "no")),
                             {**typed.yes_no("yes", "no"), **FOLLOWUP_SYNONYMS})
    return found


async def newest(turn: Turn, step_has_buttons: bool) -> Question | None:
    """The question outside the steps that the resident got last, when it came after the step's own question."""
    questions = [q for q in (forget_question(turn), choices_question(turn), await followup_question(turn))
                 if q is not None]
    if not questions:
        return None
    question = max(questions, key=lambda q: q.at.timestamp() if q.at else 0.0)
    step_at = turn.progress.step_at
    if step_has_buttons and step_at and question.at and question.at < datetime.fromisoformat(step_at):
        return None  # the step's question is newer: its buttons are the ones meant
    return question


def read(turn: Turn, question: Question, text: str) -> typed.Reading:
    """Which of the question's buttons the typed text names."""
    synonyms = {" ".join(typed.words(k)): v for k, v in question.synonyms.items()}
    return typed.read(text, question.options(turn), synonyms=synonyms)
