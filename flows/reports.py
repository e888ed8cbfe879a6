"""Reporting a problem with a service or a contact (wrong number, closed, moved), from any list shown."""

from __future__ import annotations

from flows import buttons
from flows.replies import Answer, Choice, Reply
from flows.texts import Texts
from flows.voice import Voice
from knowledge.model import KnowledgeBase
from store import Store

KINDS = ("wrong_number", "closed", "moved", "other")


def report_button(voice: Voice, targets: list[str]) -> Choice:
    """One button under a list: 'something wrong?', carrying the targets shown ('s:<index>' or 'p:<id>')."""
    shown = list(targets)
    while len(",".join(shown).encode()) > buttons.DATA_LIMIT - 3 and len(shown) > 1:  # keep within 64 bytes
        shown.pop()
    return Choice(buttons.encode(buttons.REPORT_PICK, ",".join(shown)), voice.plain("report.button"))


class ReportFlow:
    """Which item, what is wrong, stored and acknowledged; knowledge keepers list them with `bot.py reports`."""

    def __init__(self, kb: KnowledgeBase, store: Store, texts: Texts) -> None:
        self.kb, self.store, self.texts = kb, store, texts

    def name_of(self, target: str) -> str | None:
        """The name of a reported service ('s:<index>') or person ('p:<id>'); None when unknown."""
        kind, _, key = target.partition(":")
        if kind == "s" and key.isdigit() and int(key) < len(self.kb.services):
            return self.kb.services[int(key)].name
        if kind == "p":
            member = self.kb.member(key)
            professional = next((p for p in self.kb.professionals if p.id == key), None)
            person = member or professional
            return person.name if person else None
        return None

    def service_id(self, target: str) -> str:
        """What the knowledge keeper looks up: the service's or person's id."""
        kind, _, key = target.partition(":")
        return self.kb.services[int(key)].id if kind == "s" else key

    async def press(self, reporter: str, language: str | None, button: buttons.Button) -> Answer:
        """rp|<targets>: which one?  rk|<target>|<kind>: stored."""
        voice = Voice(self.texts, language)
        if button.kind == buttons.REPORT_PICK and len(button.parts) == 1:
            targets = [t for t in button.part(0).split(",") if self.name_of(t)]
            if not targets:
                return Answer([], toast=voice.plain("stale.toast"))
            choices = tuple(Choice(buttons.encode(buttons.REPORT_KIND, t, "_"), self.name_of(t) or "")
                            for t in targets)
            return Answer([Reply(voice("report.which"), choices)])
        target, kind = button.part(0), button.part(1)
        if button.kind == buttons.REPORT_KIND and len(button.parts) == 2 and self.name_of(target):
            if kind == "_":
                choices = tuple(Choice(buttons.encode(buttons.REPORT_KIND, target, k), voice.plain(f"report.kind.{k}"))
                                for k in KINDS)
                return Answer([Reply(voice("report.what", name=self.name_of(target) or ""), choices, columns=2)])
            if kind in KINDS:
                async with self.store.transaction() as tx:
                    await self.store.reports.add(tx, reporter, self.service_id(target), kind)
                return Answer([Reply(voice("report.thanks", name=self.name_of(target) or ""))])
        return Answer([], toast=voice.plain("stale.toast"))
