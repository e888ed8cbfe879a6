"""Reporting a problem with a service or a contact (wrong number, closed, moved), from any list shown."""

from __future__ import annotations

from datetime import timedelta

from flows import buttons
from flows.markup import Rich
from flows.replies import Answer, Choice, Reply
from flows.texts import Texts
from flows.trail import moment
from flows.voice import Voice
from knowledge.model import KnowledgeBase
from store import Person, Store

KINDS = ("wrong_number", "closed", "moved", "other")
MAX_PER_DAY = 10  # reports one person can make in a day


async def report_button(store: Store, person: Person, voice: Voice, targets: list[str]) -> Choice:
    """One button under a list: 'something wrong?'. The list is remembered for this person, and only a
    list the bot showed them can be reported from (stored in the decision's transaction)."""
    async with store.transaction() as tx:
        offer_id = await store.reports.offer(tx, person, targets)
    return Choice(buttons.encode(buttons.REPORT_PICK, offer_id), voice.plain("report.button"))


class ReportFlow:
    """Which item, what is wrong, stored and acknowledged. Knowledge keepers list and close them with
    `bot.py reports [--close ID]`; in the bot, a team's coordinator sees them with /meldingen and closes one
    with its button."""

    def __init__(self, kb: KnowledgeBase, store: Store, texts: Texts) -> None:
        self.kb, self.store, self.texts = kb, store, texts

    def name_of(self, target: str) -> str | None:
        """The name of a reported service ('s:<index>') or person ('p:<id>'); None when unknown."""
        kind, _, key = target.partition(":")
        if kind == "s" and key.isdigit() and int(key) < len(self.kb.services):
            return self.kb.services[int(key)].name
        if kind == "p":
            member = self.kb.member(key)
            professional = self.kb.professional(key)
            person = member or professional
            return person.name if person else None
        return None

    def service_id(self, target: str) -> str:
        """What the knowledge keeper looks up: the service's or person's id."""
        kind, _, key = target.partition(":")
        return self.kb.services[int(key)].id if kind == "s" else key

    async def press(self, person: Person, reporter: str, language: str | None, button: buttons.Button) -> Answer:
        """rp|<list>: which one?  rk|<list>|<n>|_: what is wrong?  rk|<list>|<n>|<kind>: stored, once."""
        voice = Voice(self.texts, language)
        stale = Answer([], toast=voice.plain("stale.toast"))
        offer = await self.store.reports.offered(button.number(0)) if button.number(0) is not None else None
        if offer is None or offer.person != person:
            return stale  # a list this person was never shown: nothing to report, no names revealed
        if button.kind == buttons.REPORT_PICK and len(button.parts) == 1:
            choices = tuple(Choice(buttons.encode(buttons.REPORT_KIND, offer.id, index, "_"), self.name_of(t) or "")
                            for index, t in enumerate(offer.targets) if self.name_of(t))
            return Answer([Reply(voice("report.which"), choices)]) if choices else stale
        index, kind = button.number(1), button.part(2)
        if button.kind != buttons.REPORT_KIND or len(button.parts) != 3 or index is None or index >= len(
                offer.targets) or not self.name_of(offer.targets[index]):
            return stale
        target = offer.targets[index]
        name = self.name_of(target) or ""
        if kind == "_":
            choices = tuple(Choice(buttons.encode(buttons.REPORT_KIND, offer.id, index, k),
                                   voice.plain(f"report.kind.{k}")) for k in KINDS)
            return Answer([Reply(voice("report.what", name=name), choices, columns=2)])
        if kind not in KINDS:
            return stale
        if target in offer.reported:
            return Answer([Reply(voice("report.thanks", name=name))])  # once per list is enough
        if await self.store.reports.reported_since(person, self.store.now() - timedelta(days=1)) >= MAX_PER_DAY:
            return Answer([Reply(voice("report.too_many"))])
        async with self.store.transaction() as tx:
            await self.store.reports.add(tx, reporter, self.service_id(target), kind)
            await self.store.reports.mark_reported(tx, offer, target)
        return Answer([Reply(voice("report.thanks", name=name))])

    def target_name(self, target: str) -> str:
        """A stored report's target (a service's or person's id) by name, or the id when it left the knowledge base."""
        service = next((s for s in self.kb.services if s.id == target), None)
        person = self.kb.member(target) or self.kb.professional(target)
        return service.name if service else person.name if person else target

    def _keeper(self, kb_id: str | None) -> bool:
        """Reports are for the knowledge keepers; in the bot, that is a team's coordinator."""
        member = self.kb.member(kb_id) if kb_id else None
        return member is not None and member.active and self.kb.team(member.team_id).coordinator_id == member.id

    async def listing(self, kb_id: str) -> list[Reply]:
        """/meldingen: the open reports, oldest first, each with a button to mark it handled."""
        voice = Voice(self.texts, self.kb.default_language)
        if not self._keeper(kb_id):
            return [Reply(voice("reports.only_coordinator"))]
        rows = await self.store.reports.open()
        if not rows:
            return [Reply(voice("reports.none"))]
        shown = rows[:MAX_LISTED]
        lines = [voice("reports.title", count=len(rows))]
        for report in shown:
            lines.append(voice("reports.line", id=report.id, name=self.target_name(report.target),
                               kind=voice.plain(f"report.kind.{report.kind}"),
                               when=moment(voice, report.at, self.kb.municipality.timezone),
                               reporter=voice.plain(f"reports.from_{report.reporter}")))
        choices = tuple(Choice(buttons.encode(buttons.REPORT_CLOSE, r.id), voice.plain("reports.close", id=r.id))
                        for r in shown)
        return [Reply(Rich.lines(lines), choices, columns=2)]

    async def close(self, kb_id: str | None, button: buttons.Button) -> Answer:
        """rc|<report>: a coordinator marks a report handled (with an audit entry); once."""
        voice = Voice(self.texts, self.kb.default_language)
        report_id = button.number(0)
        if not self._keeper(kb_id) or report_id is None:
            async with self.store.transaction() as tx:
                await self.store.audit.add(tx, f"staff:{kb_id}" if kb_id else "someone", "refused",
                                           detail="report:close")
            return Answer([], toast=voice.plain("reports.only_coordinator"))
        closed = await close_report(self.store, report_id, f"staff:{kb_id}")
        if closed is None:
            return Answer([], toast=voice.plain("stale.toast"))
        key = "reports.closed" if closed else "reports.already_closed"
        return Answer([Reply(voice(key, id=report_id))], toast=voice.plain(key, id=report_id))


MAX_LISTED = 20  # reports in one /meldingen message (buttons and Telegram's limit)


async def close_report(store: Store, report_id: int, actor: str) -> bool | None:
    """Mark a report handled, with an audit entry: True when closed now, False when it was already, None when
    there is no such report."""
    if await store.reports.get(report_id) is None:
        return None
    async with store.transaction() as tx:
        closed = await store.reports.close(tx, report_id)
        if closed:
            await store.audit.add(tx, actor, "report:closed", detail=str(report_id))
    return closed
