"""What residents can always ask (/privacy, /mijngegevens, /vergeet), and the erase rules.

Erasing keeps only an anonymous record that a handoff existed and its status history; an open
handoff is closed, since nobody can work on an erased story. The same rule erases residents
who have been quiet longer than the retention period and have no open handoff.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flows import buttons, lifecycle
from flows.handoff.start import Outgoing, enqueue
from flows.insight import record
from flows.markup import Rich, fit, shorten
from flows.recipients import ANONYMOUS, ToMember, ToPerson
from flows.replies import Answer, Choice, Reply
from flows.resident import ResidentFlow, asked
from flows.trail import Trail
from flows.voice import Voice
from store import Handoff, Person, Store, Tx

WORDS_SHOWN = 300  # a resident's own words quoted back in a message
FORM_DAYS = timedelta(days=7)  # a professional's form or a staff note left half-done is cleared after this


async def erase(store: Store, person: Person, coordinator_of: Callable[[str], str | None] = lambda team: None,
                *, tell: bool = True, asked: bool = True) -> int:
    """Erase a resident in one commit; returns how many handoffs were anonymised.

    The cards the staff got are replaced by a line that the resident erased everything (their
    pictures are taken away), the person who had it is told (and the coordinator, when nobody had
    taken it up yet; nobody when it was never sent), an 'erased' audit entry is written, and the
    write-ahead log is emptied after the commit so no old page keeps a word.
    """
    handoffs = await store.handoffs.of_resident(person)
    actor = f"resident:{person.key}"
    async with store.transaction() as tx:
        await store.residents.delete(tx, person)
        await record.forget(store, tx, person, [h.id for h in handoffs], asked)  # /vergeet: not counted any more
        for handoff in handoffs:
            await store.outbox.clear_payloads(tx, handoff.id)  # first: what follows needs its own payload
            await _retract_cards(store, tx, handoff)
            await store.handoffs.anonymise(tx, handoff.id)
            if handoff.status in lifecycle.OPEN:  # nobody works on an erased story: close it, anonymously
                final = "declined" if handoff.status == "proposed" else "closed"
                await store.handoffs.move(tx, handoff.id, handoff.status, final, ANONYMOUS, "forgotten")
            await store.audit.add(tx, *((ANONYMOUS, "erased") if tell else ("system", "retention:erased")), handoff.id)
            seen = handoff.status not in ("proposed", "declined")  # otherwise no staff member ever had it
            told = {handoff.member_id} if seen else set()
            waiting = handoff.status in lifecycle.WAITING  # nobody took it up yet: the coordinator hears it too
            coordinator = coordinator_of(handoff.team_id) if waiting else None
            if coordinator:
                told.add(coordinator)
            for member_id in sorted(told) if tell else ():
                await enqueue(store, tx, handoff.id, Outgoing("notice", ToMember(member_id), {
                    "key": "staff.erased_notice", "params": {"id": handoff.id}}))
        await store.outbox.forget_recipient(tx, ToPerson(person).encode(), ANONYMOUS)
        await store.reports.forget_offers(tx, person)
        for trace in (actor, person.key):  # as a resident, and as a person who pressed or typed something
            await store.handoffs.rename_actor(tx, trace, ANONYMOUS)
            await store.audit.rename_actor(tx, trace, ANONYMOUS)
        tx.after_commit.append(store.checkpoint)
    return len(handoffs)


async def _retract_cards(store: Store, tx: Tx, handoff: Handoff) -> None:
    """Every delivered card and picture of this handoff is replaced or taken away where it was shown."""
    for item in await store.outbox.items(handoff.id):
        if item.kind in ("card", "picture") and item.chat and item.message_id:
            await enqueue(store, tx, handoff.id, Outgoing("retract", ToPerson(Person.parse(item.chat)), {
                "message_id": item.message_id, "picture": item.kind == "picture"}))


async def erase_quiet(store: Store, retention_days: float,
                      coordinator_of: Callable[[str], str | None] = lambda team: None) -> int:
    """The retention period: erase residents quiet that long without an open handoff."""
    before = store.now() - timedelta(days=retention_days)
    async with store.transaction() as tx:
        await store.reports.prune_offers(tx, before)
        await store.accounts.clear_states_before(tx, store.now() - FORM_DAYS)
        for handoff_id in await store.handoffs.finished_without_resident(lifecycle.FINISHED, before):
            await store.handoffs.anonymise(tx, handoff_id)  # a professional's handoff holds a phone number
            await store.outbox.clear_payloads(tx, handoff_id)
    quiet = await store.residents.quiet_since(before, lifecycle.OPEN)
    for person in quiet:
        await erase(store, person, coordinator_of, tell=False, asked=False)  # cards go; the counts stay
        async with store.transaction() as tx:
            await store.audit.add(tx, "system", "retention:forgotten")
    return len(quiet)


def heard_as_words(progress: dict[str, Any], card: dict[str, Any], heard_label: str
                   ) -> tuple[dict[str, Any], dict[str, Any]]:
    """Copies where a domain heard in the story says so instead of a score: that score is the bot's working
    guess for routing, never the resident's answer."""
    progress, card = copy.deepcopy(progress), copy.deepcopy(card)
    answers = progress.get("answers") or {}
    for domain in progress.get("domains") or ():
        if domain in answers:
            answers[domain] = heard_label
    for concern in card.get("concerns") or ():
        if concern.get("domain") in (card.get("heard") or ()):
            concern["score"] = heard_label
    return progress, card


async def export(store: Store, person: Person, heard_label: str = "heard in the story") -> dict[str, Any]:
    """Everything stored about a resident, for /mijngegevens (story domains as `heard_label`, not as a score)."""
    resident = await store.residents.get(person)
    handoffs = []
    for h in await store.handoffs.of_resident(person):
        events = await store.handoffs.events(h.id)
        handoffs.append({
            "id": h.id, "member_id": h.member_id, "team_id": h.team_id, "status": h.status, "urgent": h.urgent,
            "created_at": h.created_at.isoformat(), "card": heard_as_words({}, h.card or {}, heard_label)[1],
            "history": [{"at": e.at.isoformat(), "status": e.to_status} for e in events],
        })
    return {
        "resident": None if resident is None else {
            "person": person.key, "language": resident.language, "postcode": resident.postcode,
            "progress": heard_as_words(resident.progress, {}, heard_label)[0],
        },
        "handoffs": handoffs,
    }


class PrivacyFlow:
    """The resident's privacy commands."""

    def __init__(self, residents: ResidentFlow, retention_days: float = 90.0) -> None:
        self.residents, self.retention_days = residents, retention_days
        self.store, self.kb, self.texts = residents.store, residents.kb, residents.texts
        residents.outside[buttons.FORGET] = self._typed_forget  # 'ja, wis alles' typed answers /vergeet too

    async def _typed_forget(self, person: Person, language_hint: str | None, button: buttons.Button) -> Answer:
        return await self.forget(person, language_hint, button.part(0) == "yes")

    async def privacy(self, person: Person, language_hint: str | None) -> list[Reply]:
        """/privacy: what we keep, who sees it, how to see and erase it."""
        turn = await self.residents.turn(person, language_hint)
        return [Reply(turn.voice("privacy.text", days=max(1, round(self.retention_days))))]

    async def my_data(self, person: Person, language_hint: str | None) -> list[Reply]:
        """/mijngegevens: everything stored about me, readable and as a JSON file."""
        turn = await self.residents.turn(person, language_hint)
        exported = await export(self.store, person, turn.voice.plain("picture.heard"))
        if exported["resident"] is None and not exported["handoffs"]:
            return [Reply(turn.voice("mydata.nothing"))]
        voice, progress = turn.voice, turn.progress
        lines = [voice("mydata.intro"),
                 voice("mydata.language", language=voice.plain(f"language.{turn.resident.language}"))]
        if turn.resident.postcode:
            lines.append(voice("mydata.postcode", postcode=turn.resident.postcode))
        if progress.story:
            lines.append(voice("mydata.story", words=shorten(progress.story, WORDS_SHOWN)))
        heard = {d for d in progress.domains if d in progress.answers}
        for domain, score in progress.answers.items():  # a story's domain was heard, never scored by the resident
            answer = voice.plain("picture.heard") if domain in heard else \
                voice.plain("mydata.skipped") if score is None else self._tapped(turn, domain, score)
            lines.append(voice("mydata.answer", domain=voice.domain(domain), answer=answer))
        for domain, words in progress.followups.items():
            lines.append(voice("mydata.followup", domain=voice.domain(domain), words=shorten(words, WORDS_SHOWN)))
        for words in dict.fromkeys(progress.danger_words.values()):  # kept for the card: which danger, in your words
            lines.append(voice("mydata.danger", words=shorten(words, WORDS_SHOWN)))
        for key in ("going_well", "would_help"):
            if getattr(progress, key):
                lines.append(voice(f"mydata.{key}", words=shorten(getattr(progress, key), WORDS_SHOWN)))
        trail = Trail(self.kb, self.store, voice)
        for handoff in exported["handoffs"]:
            member = self.kb.member(handoff["member_id"])
            lines.append(voice("mydata.handoff", name=member.name if member else handoff["member_id"],
                               status=voice.plain(f"status.{handoff['status']}")))
            seen = await trail.for_resident(handoff["id"])
            handoff["seen_by"] = seen  # NEN 7513: who opened or changed it, and when; in the file too
            if seen:
                lines += [voice("mydata.seen_title"), *seen]
        lines.append(voice("mydata.file"))
        content = json.dumps(exported, ensure_ascii=False, indent=2).encode()
        return [Reply(fit(Rich.lines(lines))), Reply(voice("mydata.caption"), document=("mijngegevens.json", content))]

    @staticmethod
    def _tapped(turn, domain: str, score: int) -> str:
        """A check answer as the label the resident tapped ('Een beetje'), not as a number."""
        from flows.resident import answers, check

        answer = answers.answer_of(domain, score)
        return turn.voice.plain(check.answer_key(turn, domain, answer)) if answer else str(score)

    async def forget_asked(self, person: Person, language_hint: str | None) -> list[Reply]:
        """/vergeet: ask for confirmation first."""
        turn = await self.residents.turn(person, language_hint)
        voice = turn.voice
        if await self.store.residents.get(person) is not None:  # typing 'ja, wis alles' answers it too
            asked.remember_forget(turn)
            await self.residents.save(turn, new_buttons=False, keep_asked=True)
        choices = (Choice(buttons.encode(buttons.FORGET, "yes"), voice.plain("forget.accept")),
                   Choice(buttons.encode(buttons.FORGET, "no"), voice.plain("forget.decline")))
        return [Reply(voice("forget.ask"), choices=choices, columns=2)]

    async def forget(self, person: Person, language_hint: str | None, confirmed: bool) -> Answer:
        """The answer to /vergeet's question."""
        turn = await self.residents.turn(person, language_hint)
        voice = Voice(self.texts, turn.resident.language)
        if not confirmed:
            if turn.progress.asked:  # answered: a later 'ja' is not a yes to this question any more
                await self.residents.save(turn, new_buttons=False)
            return Answer([Reply(voice("forget.kept"))])
        await erase(self.store, person, self.coordinator_of)
        return Answer([Reply(voice("forget.done"), clear_keyboard=True)])

    def coordinator_of(self, team_id: str) -> str | None:
        """The coordinator of a team (None for a team that left the knowledge base)."""
        team = next((t for t in self.kb.teams if t.id == team_id), None)
        return team.coordinator_id if team else None
