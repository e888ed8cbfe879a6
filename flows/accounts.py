"""Staff and professionals on a channel: one-time invites, and who is behind an account."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flows import commands
from flows.replies import Reply
from flows.texts import Texts
from flows.voice import Voice
from knowledge.model import KnowledgeBase
from store import Account, Person, Store

INVITE_PREFIX = "i-"
INVITE_DAYS = 7


def invite_hash(code: str) -> str:
    """Only the hash of an invite code is stored."""
    return hashlib.sha256(code.encode()).hexdigest()


def new_invite_code() -> str:
    """A one-time code for an invite link (fits Telegram's 64-character start parameter)."""
    return INVITE_PREFIX + secrets.token_urlsafe(16)


async def create_invite(store: Store, kb_id: str, role: str) -> str:
    """Make and store an invite; returns the code (shown once, never stored)."""
    code = new_invite_code()
    async with store.transaction() as tx:
        await store.invites.add(tx, invite_hash(code), kb_id, role, store.now() + timedelta(days=INVITE_DAYS))
    return code


class Accounts:
    """Who an account belongs to, and linking one with an invite."""

    def __init__(self, kb: KnowledgeBase, store: Store, texts: Texts) -> None:
        self.kb, self.store = kb, store
        self.voice = Voice(texts, kb.default_language)

    async def of(self, person: Person) -> Account | None:
        """The staff or professional account behind a person: linked by invite, or named in the knowledge base."""
        account = await self.store.accounts.get(person)
        if account is not None:
            member = self.kb.member(account.kb_id)
            if account.role == "staff" and (member is None or not member.active):
                return None  # left the team or inactive: no staff access any more
            known = member is not None or self.kb.professional(account.kb_id) is not None
            if account.role == "professional" and not known:
                return None  # taken out of the knowledge base: no access any more
            return account
        member = self.kb.member_by_telegram_id(int(person.id)) \
            if person.channel == "telegram" and person.id.isdigit() else None
        if member is not None:
            async with self.store.transaction() as tx:
                await self.store.accounts.link(tx, person, member.id, "staff")
            return await self.store.accounts.get(person)
        return None

    async def orphaned(self, person: Person) -> bool:
        """A professional's account linked to someone the knowledge base no longer has."""
        account = await self.store.accounts.get(person)
        return account is not None and account.role == "professional" and await self.of(person) is None

    async def register(self, person: Person, code: str) -> list[Reply]:
        """/start <invite code>: link this account, once."""
        code_hash = invite_hash(code)
        async with self.store.transaction() as tx:  # read and use under one lock: an invite works once
            invite = await self.store.invites.get(code_hash)
            if invite is None:
                status = "unknown"
            elif invite.used_at is not None:
                status = "used"
            elif invite.expires_at <= self.store.now():
                status = "expired"
            else:
                status = "ok"
                await self.store.invites.use(tx, code_hash, person)
                await self.store.accounts.link(tx, person, invite.kb_id, invite.role, reset_state=True)
            actor = f"staff:{invite.kb_id}" if status == "ok" and invite else person.key
            await self.store.audit.add(tx, actor, f"invite:{status}")
        if status != "ok" or invite is None:
            return [Reply(self.voice(f"staff.invite_{status}"))]
        person_entry = self.kb.member(invite.kb_id) or self.kb.professional(invite.kb_id)
        return [Reply(self.voice("staff.welcome", name=person_entry.name if person_entry else invite.kb_id)),
                Reply(commands.help_text(self.voice, invite.role))]
