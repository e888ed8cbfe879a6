"""One message or button press from anyone, handled as one decision in one transaction.

Whatever the flows change (a resident's progress, a handoff, an audit entry) and every reply
they give are committed together; the replies then leave through the outbox, in order, retried
until the channel confirms. A crash before the commit loses nothing (the channel brings the
message again) and a crash after it loses nothing either (the outbox still holds the replies).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from flows.recipients import ToPerson
from flows.replies import Answer, Reply
from flows.router import Router
from store import Person, Store, Tx


async def post(store: Store, tx: Tx, person: Person, replies: list[Reply]) -> None:
    """Store replies for a person in the outbox, in order, in this transaction (one statement)."""
    await store.outbox.add_many(tx, "reply", ToPerson(person).encode(),
                                [({"reply": reply.to_json()}, reply.attachment) for reply in replies])


class Conversation:
    """The entry point every channel calls: the router's answer, committed with its replies."""

    def __init__(self, store: Store, router: Router) -> None:
        self.store, self.router = store, router

    async def _decide(self, person: Person, work: Callable[[], Awaitable[Answer | list[Reply]]],
                      update_id: int | None) -> Answer:
        async with self.store.transaction() as tx:
            if update_id is not None and not await self.store.inbox.claim(tx, update_id):  # done in this commit
                return Answer([])  # handled before a crash or a redelivery: once is enough
            result = await work()
            answer = result if isinstance(result, Answer) else Answer(result)
            await post(self.store, tx, person, answer.replies)
        return answer

    async def command(self, person: Person, language_hint: str | None, name: str, args: str = "",
                      update_id: int | None = None) -> Answer:
        """A command."""
        return await self._decide(person, lambda: self.router.command(person, language_hint, name, args), update_id)

    async def text(self, person: Person, language_hint: str | None, text: str, update_id: int | None = None,
                   sent_at: datetime | None = None) -> Answer:
        """Typed text (`sent_at`: when the person sent it, as the channel says)."""
        return await self._decide(person, lambda: self.router.text(person, language_hint, text, sent_at), update_id)

    async def press(self, person: Person, language_hint: str | None, data: str,
                    update_id: int | None = None) -> Answer:
        """A button; the answer's toast goes on the button at once, its replies through the outbox."""
        return await self._decide(person, lambda: self.router.press(person, language_hint, data), update_id)

    async def contact_shared(self, person: Person, language_hint: str | None, phone: str, own: bool,
                             update_id: int | None = None) -> Answer:
        """A phone number shared with the channel's contact button."""
        return await self._decide(person, lambda: self.router.contact_shared(person, language_hint, phone, own),
                                  update_id)

    async def not_text(self, person: Person, language_hint: str | None, kind: str,
                       update_id: int | None = None) -> Answer:
        """Something we cannot read."""
        return await self._decide(person, lambda: self.router.not_text(person, language_hint, kind), update_id)

    async def say(self, person: Person, replies: list[Reply]) -> None:
        """Fixed sentences (a 'sorry' after an error) through the outbox, on their own."""
        async with self.store.transaction() as tx:
            await post(self.store, tx, person, replies)
