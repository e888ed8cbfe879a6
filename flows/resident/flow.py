"""The resident's conversation: from the first message to a consented handoff.

Every entry point takes the person and what they sent, loads their progress, decides with the
step table (flows.resident.steps), and stores the new progress together with whatever the step
wrote (a handoff, an audit entry) in one commit; only then are the replies returned.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime, timedelta

from flows import buttons, lifecycle
from flows.crisis import crisis_replies, danger_words
from flows.insight import record
from flows.markup import Rich, shorten
from flows.picture import picture as draw_picture
from flows.progress import Progress
from flows.recipients import ToPerson
from flows.replies import Answer, Choice, Reply
from flows.resident import asked, check, choosing, contact, story, summary, withdraw
from flows.resident.steps import Step, StepSpec
from flows.resident.story import STORY_LIMIT
from flows.resident.turn import Turn
from flows.texts import Texts
from flows.voice import Voice
from knowledge.crisis import Crisis
from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase
from store import Person, Resident, Store

STEPS: dict[Step, StepSpec] = {**story.STEPS, **check.STEPS, **summary.STEPS, **contact.STEPS, **withdraw.STEPS}
assert set(STEPS) == set(Step), f"steps without a table entry: {set(Step) - set(STEPS)}"
RECENT_MESSAGES = 3  # read together, so a sentence split over messages still counts
RECENT_LENGTH = 300
LATE_MARGIN = timedelta(seconds=1)  # channels give the time a message was sent to the second
LATE_SENSITIVE = frozenset({Step.CHECK, Step.FOLLOWUP, Step.GOING_WELL, Step.WOULD_HELP, Step.POSTCODE, Step.PHONE})
LATE_FIELDS = {Step.STORY: "story", Step.GOING_WELL: "going_well", Step.WOULD_HELP: "would_help"}
Press = Callable[[Person, str | None, buttons.Button], Awaitable[Answer]]


class ResidentFlow:
    """The conversation with residents; one instance serves them all."""

    def __init__(self, kb: KnowledgeBase, matcher: Matcher, store: Store, texts: Texts, handoffs, relay,
                 picture: Callable[..., bytes] = draw_picture) -> None:
        self.kb, self.matcher, self.store, self.texts = kb, matcher, store, texts
        self.handoffs, self.relay, self.picture = handoffs, relay, picture
        # buttons outside the steps a resident can get, by kind: typing their label presses them here
        # (flows.privacy adds /vergeet's)
        self.outside: dict[str, Press] = {buttons.FOLLOWUP: lambda person, hint, button: relay.followup(person, button)}

    # -- loading and saving ----------------------------------------------------------------
    async def turn(self, person: Person, language_hint: str | None) -> Turn:
        """The resident's stored state (a newcomer speaks the channel's language when we have it)."""
        resident = await self.store.residents.get(person)
        if resident is None:
            resident = Resident(person, self.texts.language(language_hint))
        progress = Progress.from_dict(resident.progress)
        return Turn(self, resident, progress, Voice(self.texts, resident.language), loaded_step=progress.step)

    async def save(self, turn: Turn, *, new_buttons: bool = True, keep_asked: bool = False) -> None:
        """One commit: what the step wrote, and the progress with a new revision (older buttons go stale).

        Without `new_buttons` the step's buttons stay valid (only a question outside the steps was asked or
        answered); without `keep_asked` a question outside the steps is no longer the one being answered.
        """
        if not keep_asked:
            turn.progress.asked = None
        async with self.store.transaction() as tx:
            for effect in turn.effects:
                await effect(tx)
            await record.finished(self.kb, self.store, tx, turn)  # the figures for the municipality
            if turn.progress.step != turn.loaded_step:
                turn.progress.previous_step, turn.progress.step_at = turn.loaded_step, self.store.now().isoformat()
                turn.loaded_step = turn.progress.step
            turn.progress.rev += 1 if new_buttons else 0
            turn.resident.progress = turn.progress.to_dict()
            await self.store.residents.save(tx, turn.resident)
        turn.effects.clear()

    def ask(self, turn: Turn) -> list[Reply]:
        """The question of the current step (with a welcome back after /stop)."""
        replies = STEPS[Step(turn.progress.step)].ask(turn)
        if turn.progress.stopped:
            return [Reply(turn.voice("stop.welcome_back"))] + replies
        return replies

    async def ask_again(self, turn: Turn) -> list[Reply]:
        """Show the current question once more; its new buttons make all older ones stale."""
        if not turn.resident.progress:
            return []  # a stranger: nothing to ask, nothing to store
        replies = self.ask(turn)
        await self.save(turn)
        return replies

    # -- entry points ----------------------------------------------------------------------
    async def start(self, person: Person, language_hint: str | None, payload: str | None = None) -> list[Reply]:
        """/start: greet, explain, and offer the two ways in."""
        turn = await self.turn(person, language_hint)
        welcome = turn.voice("start.welcome")
        if self.kb.municipality.demo:  # invented help and people: every welcome says so
            welcome = Rich.lines([welcome, Rich(), turn.voice("demo.notice")])
        replies = [Reply(welcome)]
        shared_with = await self._open_handoff_member(turn)
        if turn.progress.step == Step.DONE and shared_with is not None:  # never a second story without asking
            return replies + [Reply(turn.voice("start.already_shared", name=shared_with))]
        if turn.progress.step not in (Step.WELCOME, Step.DONE):  # in the middle: go on, lose nothing
            turn.progress.stopped = False
            replies += [Reply(turn.voice("stop.welcome_back"))] + self.ask(turn)
            await self.save(turn)
            return replies
        turn.progress = Progress(source=shorten(payload, 64) if payload else None)
        replies += self.ask(turn)
        await self.save(turn)
        return replies

    async def resume(self, person: Person, language_hint: str | None) -> list[Reply]:
        """Coming back (console start): go on where we were, or greet a newcomer."""
        turn = await self.turn(person, language_hint)
        if not turn.resident.progress:
            return await self.start(person, language_hint)
        return [Reply(turn.voice("stop.welcome_back"))] + await self.ask_again(turn)

    async def restart(self, person: Person, language_hint: str | None) -> list[Reply]:
        """/opnieuw: start over, forgetting the answers of this round."""
        turn = await self.turn(person, language_hint)
        turn.progress = Progress(step=Step.WELCOME)
        replies = [Reply(turn.voice("start.again"))] + self.ask(turn)
        await self.save(turn)
        return replies

    async def _open_handoff_member(self, turn: Turn) -> str | None:
        """The name of the person who has this resident's story now, while that handoff is open."""
        if turn.progress.handoff_id is None:
            return None
        handoff = await self.store.handoffs.get(turn.progress.handoff_id)
        if handoff is None or handoff.status not in lifecycle.OPEN:
            return None
        member = self.kb.member(handoff.member_id)
        return member.name if member else None

    async def _is_late(self, turn: Turn, sent_at: datetime | None) -> bool:
        """Typed before the current question reached the resident: it does not answer that question."""
        if turn.progress.step not in LATE_SENSITIVE:
            return False
        step_at = turn.progress.step_at
        if sent_at is not None and step_at is not None and sent_at + LATE_MARGIN < datetime.fromisoformat(step_at):
            return True
        return await self.store.outbox.undelivered_to(ToPerson(turn.resident.person).encode())

    def _late(self, turn: Turn, text: str) -> list[Reply]:
        """Keep late words with the answer they belong to, and ask the current question again."""
        progress = turn.progress
        field = LATE_FIELDS.get(progress.previous_step or "")
        if field is None:
            return [Reply(turn.voice("common.late_kept"))] + self.ask(turn)
        earlier = getattr(progress, field) or ""
        setattr(progress, field, shorten(f"{earlier} {text}".strip(), STORY_LIMIT if field == "story" else 1000))
        return [Reply(turn.voice("common.late"))] + self.ask(turn)

    async def text(self, person: Person, language_hint: str | None, text: str,
                   sent_at: datetime | None = None) -> list[Reply]:
        """Anything the resident typed that is not a command (`sent_at`: when they sent it, if the channel says)."""
        turn = await self.turn(person, language_hint)
        progress = turn.progress
        replies: list[Reply] = []
        match = self.matcher.match(text, previous=tuple(progress.recent))  # a danger split over messages counts
        if match.crisis.by_opinion and await self._names_a_button(turn, text):
            # "bel mij", "bestaat niet meer" typed at a question are its answer: the model alone judged only
            # the words of a label; a danger the concepts find still interrupts
            match = replace(match, crisis=Crisis(opinion=match.crisis.opinion))
        progress.recent = [*progress.recent, shorten(text, RECENT_LENGTH)][-RECENT_MESSAGES:]
        if match.crisis.is_crisis:  # crisis interrupts anything, before anything else
            for kind in match.crisis.kinds:
                if kind not in progress.crisis:
                    progress.crisis.append(kind)
            progress.danger_words = {**danger_words(match.crisis, progress.recent), **progress.danger_words}
            replies += crisis_replies(turn.voice, match.crisis.kinds)
            replies += await contact.urgent_after_consent(turn) if progress.step != Step.DONE else []  # fixhand
        elif match.crisis.hint and not progress.danger_asked:  # a risk word alone: ask once, gently
            progress.danger_asked = True
            replies.append(Reply(turn.voice("crisis.check")))
        progress.stopped = False
        if not match.crisis.is_crisis and (outside := await self._outside(turn, text)) is not None:
            return replies + outside  # the newest question was /vergeet's or the follow-up: its button
        if await self._is_late(turn, sent_at):
            replies += self._late(turn, text)
        elif (pressed := await choosing.typed_text(turn, text, match, STEPS)) is not None:  # a label typed
            replies += pressed
        else:
            replies += await STEPS[Step(progress.step)].on_text(turn, text, match)
        await self.save(turn)
        return replies

    async def _names_a_button(self, turn: Turn, text: str) -> bool:
        """Whether typed text names a button of the question the resident has in front of them."""
        if choosing.names_an_option(turn, text, STEPS):
            return True
        question = await asked.newest(turn, bool(choosing.options(turn, STEPS)))
        if question is None:
            return False
        reading = asked.read(turn, question, text)
        return reading.chosen is not None or bool(reading.ambiguous)

    async def _outside(self, turn: Turn, text: str) -> list[Reply] | None:
        """Typed text naming a button of the newest question outside the steps presses that button (None: it does
        not; the step reads it, or it is relayed)."""
        question = await asked.newest(turn, bool(choosing.options(turn, STEPS)))
        if question is None:
            return None
        reading = asked.read(turn, question, text)
        if reading.ambiguous:
            own = {o.choice: o.label for o in reversed(question.options(turn))}
            return [Reply(turn.voice("typed.which"), tuple(Choice(question.data(c), own[c]) for c in reading.choices))]
        if reading.chosen is None:
            return None
        button = buttons.decode(question.data(reading.chosen))
        assert button is not None
        person, language = turn.resident.person, turn.resident.language
        answer = await self.outside[button.kind](person, language, button)
        if await self.store.residents.get(person) is not None:  # not erased: keep what this message changed
            fresh = await self.turn(person, language)
            fresh.progress.recent, fresh.progress.stopped = turn.progress.recent, False
            shown = [(c.id, c.label) for reply in answer.replies for c in reply.choices]
            if shown:  # the pressed button asked a next question (a report's "what is wrong?"): typing works there too
                asked.remember_choices(fresh, shown)
            await self.save(fresh, new_buttons=False, keep_asked=bool(shown))
        return answer.replies or [Reply(turn.voice("stale.toast"))]

    async def shown_choices(self, person: Person, language_hint: str | None, replies: list[Reply]) -> None:
        """Another flow answered this resident's button with a question of its own: a typed label counts there."""
        shown = [(c.id, c.label) for reply in replies for c in reply.choices]
        if not shown or await self.store.residents.get(person) is None:
            return
        turn = await self.turn(person, language_hint)
        asked.remember_choices(turn, shown)
        await self.save(turn, new_buttons=False, keep_asked=True)

    async def choice(self, person: Person, language_hint: str | None, button: buttons.Button) -> Answer:
        """A button of a step; stale or unknown buttons change nothing and get a polite answer."""
        turn = await self.turn(person, language_hint)
        rev = button.number(0)
        if rev is None or rev != turn.progress.rev or turn.resident.progress == {}:
            if turn.progress.step == Step.DONE and (name := await self._open_handoff_member(turn)):
                return Answer([], toast=turn.voice.plain("stale.already_sent", first=name.split()[0]))
            replies = await self.ask_again(turn) if turn.resident.progress else [Reply(turn.voice("stale.unknown"))]
            return Answer(replies, toast=turn.voice.plain("stale.toast"))
        replies = await choosing.press(turn, button.part(1), STEPS)
        if replies is None:
            return Answer(await self.ask_again(turn), toast=turn.voice.plain("stale.toast"))
        turn.progress.stopped = False
        await self.save(turn)
        return Answer(replies)

    async def contact_shared(self, person: Person, language_hint: str | None, phone: str, own: bool) -> list[Reply]:
        """The resident shared a phone number with the channel's contact button."""
        turn = await self.turn(person, language_hint)
        if turn.progress.step != Step.PHONE:
            return [Reply(turn.voice("phone.not_now"), clear_keyboard=True)] + await self.ask_again(turn)
        if not own:
            return [Reply(turn.voice("phone.not_yours"))] + await self.ask_again(turn)
        replies = await contact.text_phone(turn, phone, None)
        await self.save(turn)
        return replies

    async def not_text(self, person: Person, language_hint: str | None, kind: str) -> list[Reply]:
        """A sticker, photo, voice note, location, file or edited message: say what we can read."""
        turn = await self.turn(person, language_hint)
        return [Reply(turn.voice(f"unreadable.{kind}"))] + await self.ask_again(turn)

    async def unknown_command(self, person: Person, language_hint: str | None) -> list[Reply]:
        """A command we do not know."""
        turn = await self.turn(person, language_hint)
        return [Reply(turn.voice("common.unknown_command"))] + await self.ask_again(turn)

    async def language(self, person: Person, language_hint: str | None, wanted: str | None = None) -> list[Reply]:
        """/taal: switch to the language named, or to the next one the bot speaks."""
        turn = await self.turn(person, language_hint)
        current = turn.resident.language
        choice = wanted if wanted in self.texts.languages else self.texts.next_language(current)
        turn.resident.language = choice
        turn.voice = Voice(self.texts, choice)
        replies = [Reply(turn.voice("language.switched"))] + self.ask(turn)
        await self.save(turn)
        return replies

    async def stop(self, person: Person, language_hint: str | None) -> list[Reply]:
        """/stop: pause; the answers stay until /vergeet."""
        turn = await self.turn(person, language_hint)
        if await self.store.residents.get(person) is None:
            return [Reply(turn.voice("stop.nothing"))]
        turn.progress.stopped = True
        await self.save(turn)
        return [Reply(turn.voice("stop.paused"), clear_keyboard=True)]

    def say(self, language_hint: str | None, key: str) -> list[Reply]:
        """One fixed sentence, stored nowhere (groups, floods, errors)."""
        return [Reply(Voice(self.texts, language_hint)(key))]
