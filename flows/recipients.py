"""Who an outbox item goes to, typed: a person on a channel, a wijkteam member, or a professional.

Members and professionals are named by their knowledge-base id and found at delivery time
(the account they linked most recently), so a card waits for a member who registers later.
"""

from __future__ import annotations

from dataclasses import dataclass

from store import Person

ANONYMOUS = "resident"  # what an erased resident's deliveries keep as recipient


@dataclass(frozen=True)
class ToPerson:
    """A person on a channel (a resident, or anyone answered directly)."""

    person: Person

    def encode(self) -> str:
        return f"person:{self.person.key}"


@dataclass(frozen=True)
class ToMember:
    """A wijkteam member, by knowledge-base id."""

    member_id: str

    def encode(self) -> str:
        return f"member:{self.member_id}"


@dataclass(frozen=True)
class ToProfessional:
    """A professional outside the wijkteams, by knowledge-base id."""

    kb_id: str

    def encode(self) -> str:
        return f"professional:{self.kb_id}"


Recipient = ToPerson | ToMember | ToProfessional


def decode(text: str) -> Recipient | None:
    """A stored recipient back; None for an erased one."""
    kind, _, rest = text.partition(":")
    if kind == "person" and ":" in rest:
        return ToPerson(Person.parse(rest))
    if kind == "member" and rest:
        return ToMember(rest)
    if kind == "professional" and rest:
        return ToProfessional(rest)
    return None
