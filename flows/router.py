"""Who is talking (a resident, a wijkteam member, a professional), and which flow answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flows import buttons, commands
from flows.accounts import INVITE_PREFIX, Accounts
from flows.handoff import Relay, StaffActions, StaffCommands
from flows.markup import Rich
from flows.privacy import PrivacyFlow
from flows.professional import HandoffForm, Lookup
from flows.replies import Answer, Reply
from flows.reports import ReportFlow
from flows.resident import ResidentFlow
from flows.texts import Texts
from flows.voice import Voice
from knowledge.model import KnowledgeBase
from store import Account, Person


@dataclass
class Router:
    """Sends each message to the resident conversation, the staff side or the professionals' tools."""

    kb: KnowledgeBase
    texts: Texts
    accounts: Accounts
    resident: ResidentFlow
    privacy: PrivacyFlow
    staff_actions: StaffActions
    staff_commands: StaffCommands
    relay: Relay
    lookup: Lookup
    form: HandoffForm
    reports: ReportFlow

    def voice(self, language_hint: str | None = None) -> Voice:
        return Voice(self.texts, language_hint)

    async def command(self, person: Person, language_hint: str | None, name: str, args: str = "") -> list[Reply]:
        """A command from anyone."""
        command = commands.canonical(name)
        args = args.strip()
        if command == "start" and args.startswith(INVITE_PREFIX):
            return await self.accounts.register(person, args)
        account = await self.accounts.of(person)
        if command in ("zoek", "wie", "overdracht"):
            if account is None:
                return await self._not_registered(language_hint, command, args)
            if command == "zoek":
                return await self.lookup.search(person, args)
            if command == "wie":
                return self.lookup.who(args)
            return await self.form.begin(account)
        if account is not None:
            return await self._account_command(account, command, args)
        if command == "wiebenik":
            key = "staff.unknown_member" if await self.accounts.orphaned(person) else "staff.not_registered"
            return [Reply(self.voice(language_hint)(key))]
        return await self._resident_command(person, language_hint, command, args)

    async def _resident_command(self, person: Person, hint: str | None, command: str | None,
                                args: str) -> list[Reply]:
        resident, privacy = self.resident, self.privacy
        if command == "start":
            return await resident.start(person, hint, args or None)
        if command == "opnieuw":
            return await resident.restart(person, hint)
        if command == "taal":
            return await resident.language(person, hint, args.lower() or None)
        if command == "privacy":
            return await privacy.privacy(person, hint)
        if command == "mijngegevens":
            return await privacy.my_data(person, hint)
        if command == "vergeet":
            return await privacy.forget_asked(person, hint)
        if command == "stop":
            return await resident.stop(person, hint)
        return await resident.unknown_command(person, hint)

    async def _account_command(self, account: Account, command: str | None, args: str) -> list[Reply]:
        voice = self.voice(self.kb.default_language)
        if account.role == "professional":
            if command == "wiebenik":
                person = self.kb.professional(account.kb_id) or self.kb.member(account.kb_id)
                if person is None:
                    return [Reply(voice("staff.unknown_member"))]
                organization = getattr(person, "organization", None) or self.kb.team(person.team_id).name
                return [Reply(voice("pro.whoami", name=person.name, role=person.role, organization=organization))]
            return [Reply(commands.help_text(voice, account.role))]
        staff = self.staff_commands
        if command == "mijn":
            return await staff.mine(account.kb_id)
        if command == "open":
            return await staff.open(account.kb_id, args)
        if command == "sluit":
            return await staff.close(account, args)
        if command == "team":
            return await staff.team_overview(account.kb_id)
        if command == "wiebenik":
            return staff.whoami(account.kb_id)
        if command == "meldingen":
            return await self.reports.listing(account.kb_id)
        if command == "cijfers":
            return await staff.figures.command(account.kb_id, args)
        return [Reply(commands.help_text(voice, account.role))]

    async def _not_registered(self, language_hint: str | None, command: str, args: str) -> list[Reply]:
        """Someone not registered tries a professional command: a polite no, and public information only."""
        voice = self.voice(language_hint)
        replies = [Reply(voice("pro.not_registered"))]
        if command == "zoek" and args:
            match = self.resident.matcher.match(args)
            if match.services:
                lines = [voice("services.title")] + [
                    voice("pro.service", name=s.service.name, phone=s.service.phone or s.service.url or "-")
                    for s in match.services[:3]]
                replies.append(Reply(Rich.lines(lines)))
        return replies

    async def text(self, person: Person, language_hint: str | None, text: str,
                   sent_at: datetime | None = None) -> list[Reply]:
        """Typed text from anyone (`sent_at`: when it was sent, if the channel says)."""
        account = await self.accounts.of(person)
        if account is not None:
            if "form" in account.state:
                return await self.form.text(account, account.state["form"], text)
            if account.state and account.role == "staff":
                return await self.staff_actions.text(account, text)
            voice = self.voice(self.kb.default_language)
            return [Reply(commands.help_text(voice, account.role))]
        return await self.resident.text(person, language_hint, text, sent_at)

    async def press(self, person: Person, language_hint: str | None, data: str) -> Answer:
        """A button from anyone; every staff button is checked against the database."""
        button = buttons.decode(data)
        stale = Answer([], toast=self.voice(language_hint).plain("stale.toast"))
        if button is None:
            return await self.resident.choice(person, language_hint, buttons.Button(buttons.STEP, ("x",)))
        if button.kind == buttons.HANDOFF:
            account = await self.accounts.of(person)
            if account is None or account.role != "staff":
                await self.staff_actions.audit(person.key, "refused", None, detail="staff button, not staff")
                return Answer([], toast=self.voice(language_hint).plain("staff.refused"))
            return await self.staff_actions.press(account, button)
        if button.kind == buttons.FOLLOWUP:
            return await self.relay.followup(person, button)
        if button.kind == buttons.REPORT_CLOSE:
            account = await self.accounts.of(person)
            return await self.reports.close(account.kb_id if account and account.role == "staff" else None, button)
        if button.kind in (buttons.REPORT_PICK, buttons.REPORT_KIND):
            account = await self.accounts.of(person)
            answer = await self.reports.press(person, account.role if account else "resident", language_hint, button)
            if account is None:  # a resident: typing a name or a kind from that list works like tapping it
                await self.resident.shown_choices(person, language_hint, answer.replies)
            return answer
        if button.kind == buttons.FORM:
            account = await self.accounts.of(person)
            if account is None or "form" not in account.state:
                return stale
            return await self.form.press(account, account.state["form"], button.part(0))
        if button.kind == buttons.FORGET:
            return await self.privacy.forget(person, language_hint, button.part(0) == "yes")
        return await self.resident.choice(person, language_hint, button)

    async def contact_shared(self, person: Person, language_hint: str | None, phone: str, own: bool) -> list[Reply]:
        """A phone number shared with the channel's contact button."""
        return await self.resident.contact_shared(person, language_hint, phone, own)

    async def not_text(self, person: Person, language_hint: str | None, kind: str) -> list[Reply]:
        """Something we cannot read."""
        return await self.resident.not_text(person, language_hint, kind)
