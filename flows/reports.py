"""Reporting a problem with a service or a contact (wrong number, closed, moved), from any list shown."""

from __future__ import annotations

from flows.replies import Answer, Choice, Reply
from flows.texts import Texts
from flows.voice import Voice
from knowledge.model import KnowledgeBase
from store import Store

KINDS = ("wrong_number", "closed", "moved", "other")


def report_button(voice: Voice, targets: list[str]) -> Choice:
    """One button under a list: 'something wrong?', carrying the targets shown ('s:<index>' or 'p:<id>')."""
    data = "rp|" + ",".join(targets)
    while len(data.encode()) > 64 and "," in data:  # keep within Telegram's 64 bytes
        data = data.rsplit(",", 1)[0]
    return Choice(data, voice.plain("report.button"))


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

    async def press(self, reporter: str, language: str, data: str) -> Answer:
        """rp|<targets>: which one?  rk|<target>|<kind>: stored."""
        voice = Voice(self.texts, language)
        parts = data.split("|")
        if parts[0] == "rp" and len(parts) == 2:
            targets = [t for t in parts[1].split(",") if self.name_of(t)]
            if not targets:
                return Answer([], toast=voice.plain("stale.toast"))
            choices = tuple(Choice(f"rk|{t}|_", self.name_of(t) or "") for t in targets)
            return Answer([Reply(voice("report.which"), choices)])
        if parts[0] == "rk" and len(parts) == 3 and self.name_of(parts[1]):
            if parts[2] == "_":
                choices = tuple(Choice(f"rk|{parts[1]}|{k}", voice.plain(f"report.kind.{k}")) for k in KINDS)
                return Answer([Reply(voice("report.what", name=self.name_of(parts[1]) or ""), choices, columns=2)])
            if parts[2] in KINDS:
                await self.store.add_report(reporter, self.service_id(parts[1]), parts[2])
                return Answer([Reply(voice("report.thanks", name=self.name_of(parts[1]) or ""))])
        return Answer([], toast=voice.plain("stale.toast"))
