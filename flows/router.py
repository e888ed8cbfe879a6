"""Who is talking: a registered staff member or professional, or a resident; and where it goes."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from flows.handoff import HandoffFlow
from flows.professional import ProfessionalFlow
from flows.replies import Answer, Reply
from flows.reports import ReportFlow
from flows.resident import ResidentFlow
from flows.texts import Texts
from flows.voice import Markup, Voice
from knowledge.model import KnowledgeBase
from store import StaffLink, Store

INVITE_PREFIX = "i-"
INVITE_DAYS = 7
STAFF_COMMANDS = ("mijn", "open", "sluit", "team", "wiebenik")
PROFESSIONAL_COMMANDS = ("zoek", "wie", "overdracht")


def invite_hash(code: str) -> str:
    """Only the hash of an invite code is stored."""
    return hashlib.sha256(code.encode()).hexdigest()


def new_invite_code() -> str:
    """A one-time code for a t.me/<bot>?start=<code> link (fits Telegram's 64-character start parameter)."""
    return INVITE_PREFIX + secrets.token_urlsafe(16)


async def create_invite(store: Store, person_id: str, role: str, now: datetime) -> str:
    """Make and store an invite; returns the code (shown once, never stored)."""
    code = new_invite_code()
    await store.create_invite(invite_hash(code), person_id, role, now + timedelta(days=INVITE_DAYS))
    return code


class Router:
    """Sends each message to the resident conversation or the staff side."""

    def __init__(self, kb: KnowledgeBase, store: Store, texts: Texts, resident: ResidentFlow,
                 handoffs: HandoffFlow) -> None:
        self.kb, self.store, self.texts = kb, store, texts
        self.resident, self.handoffs = resident, handoffs
        self.professional = ProfessionalFlow(kb, resident.matcher, store, texts, handoffs)
        self.reports = ReportFlow(kb, store, texts)

    async def staff(self, user_id: int) -> StaffLink | None:
        """The staff account behind a Telegram user: linked by invite, or named in the knowledge base."""
        link = await self.store.staff_link(user_id)
        if link is not None:
            member = self.kb.member(link.person_id)
            if link.role == "staff" and (member is None or not member.active):
                return None  # left the team or inactive: no staff access any more
            return link
        member = self.kb.member_by_telegram_id(user_id)
        if member is not None:
            await self.store.link_staff(user_id, member.id, "staff")
            return await self.store.staff_link(user_id)
        return None

    async def command(self, user_id: int, language: str | None, name: str, args: str = "") -> list[Reply]:
        """A command from anyone."""
        name = name.lower()
        if name == "start" and args.startswith(INVITE_PREFIX):
            return await self.register(user_id, args.strip())
        link = await self.staff(user_id)
        if name in PROFESSIONAL_COMMANDS:
            if link is None:
                return await self._not_registered(language, name, args)
            if name == "zoek":
                return await self.professional.search(args)
            if name == "wie":
                return self.professional.who(args)
            return await self.professional.start_handoff(user_id)
        if link is not None and link.role == "staff":
            return await self._staff_command(user_id, link, name, args.strip())
        if link is not None and link.role == "professional":
            return await self._professional_command(link, name)
        if name == "wiebenik":
            return [Reply(Voice(self.texts, language or "nl")("staff.not_registered"))]
        return await self.resident.command(user_id, language, name, args)

    async def _not_registered(self, language: str | None, name: str, args: str) -> list[Reply]:
        """Someone not registered tries a professional command: a polite no, and public information only."""
        voice = Voice(self.texts, language or "nl")
        replies = [Reply(voice("pro.not_registered"))]
        if name == "zoek" and args.strip():
            match = self.resident.matcher.match(args)
            if match.services:
                lines = [voice("services.title")] + [
                    voice("pro.service", name=s.service.name, phone=s.service.phone or s.service.url or "-")
                    for s in match.services[:3]]
                replies.append(Reply(Markup("\n".join(lines))))
        return replies

    async def _professional_command(self, link: StaffLink, name: str) -> list[Reply]:
        voice = Voice(self.texts, "nl")
        if name == "wiebenik":
            person = next((p for p in self.kb.professionals if p.id == link.person_id), None)
            if person is None:
                return [Reply(voice("staff.unknown_member"))]
            return [Reply(voice("pro.whoami", name=person.name, role=person.role,
                                organization=person.organization))]
        return [Reply(voice("pro.help"))]

    async def _staff_command(self, user_id: int, link: StaffLink, name: str, args: str) -> list[Reply]:
        voice = Voice(self.texts, "nl")
        if name == "mijn":
            return await self.handoffs.mine(link.person_id)
        if name == "open":
            return await self.handoffs.open(link.person_id, args)
        if name == "sluit":
            return await self.handoffs.close(user_id, link.person_id, args)
        if name == "team":
            return await self.handoffs.team_overview(link.person_id)
        if name == "wiebenik":
            member = self.kb.member(link.person_id)
            if member is None:
                return [Reply(voice("staff.unknown_member"))]
            team = self.kb.team(member.team_id)
            coordinator = voice.plain("staff.is_coordinator") if team.coordinator_id == member.id else ""
            return [Reply(voice("staff.whoami", name=member.name, role=member.role, team=team.name,
                                coordinator=coordinator))]
        return [Reply(voice("staff.help"))]

    async def register(self, user_id: int, code: str) -> list[Reply]:
        """/start <invite code>: link this Telegram account, once."""
        status, person_id, role = await self.store.use_invite(invite_hash(code), user_id)
        voice = Voice(self.texts, "nl")
        await self.store.audit(f"telegram:{user_id}" if status != "ok" else f"staff:{person_id}",
                               f"invite:{status}")
        if status != "ok":
            return [Reply(voice(f"staff.invite_{status}"))]
        member = self.kb.member(person_id or "")
        professional = next((p for p in self.kb.professionals if p.id == person_id), None)
        name = (member or professional).name if (member or professional) else person_id
        help_key = "pro.help" if role == "professional" else "staff.help"
        return [Reply(voice("staff.welcome", name=name or "")), Reply(voice(help_key))]

    async def text(self, user_id: int, language: str | None, text: str) -> list[Reply]:
        """Typed text from anyone."""
        link = await self.staff(user_id)
        if link is not None:
            if "form" in link.state:
                return await self.professional.form_text(user_id, link.person_id, link.state["form"], text)
            if link.state and link.role == "staff":
                return await self.handoffs.text(user_id, link.person_id, link.state, text)
            return [Reply(Voice(self.texts, "nl")("staff.help" if link.role == "staff" else "pro.help"))]
        return await self.resident.text(user_id, language, text)

    async def press(self, user_id: int, language: str | None, data: str) -> Answer:
        """A button from anyone; every staff button is checked against the database."""
        if data.startswith("h|"):
            link = await self.staff(user_id)
            if link is None or link.role != "staff":
                await self.store.audit(f"telegram:{user_id}", "refused", None, detail="staff button, not staff")
                return Answer([], toast=Voice(self.texts, language or "nl").plain("staff.refused"))
            return await self.handoffs.press(user_id, link.person_id, data)
        if data.startswith("f|"):
            return await self.handoffs.resident_followup(user_id, data)
        if data.startswith(("rp|", "rk|")):
            link = await self.staff(user_id)
            return await self.reports.press(link.role if link else "resident", language or "nl", data)
        if data.startswith("o|"):
            link = await self.staff(user_id)
            if link is None or "form" not in link.state:
                return Answer([], toast=Voice(self.texts, language or "nl").plain("stale.toast"))
            return await self.professional.form_press(user_id, link.person_id, link.state["form"], data[2:])
        return await self.resident.press(user_id, language, data)

    async def contact_shared(self, user_id: int, language: str | None, phone: str, own: bool) -> list[Reply]:
        return await self.resident.contact_shared(user_id, language, phone, own)

    async def not_text(self, user_id: int, language: str | None, kind: str) -> list[Reply]:
        return await self.resident.not_text(user_id, language, kind)
