"""The handoff card: everything the one person needs to know, as a typed record stored with the handoff."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

MESSAGE, PHONE, SELF = "message", "phone", "self"  # how the resident wants to be reached
DAYPARTS = ("morning", "afternoon", "evening", "any")


@dataclass(frozen=True)
class Preference:
    """How the resident wants to be reached: a message here, a phone call at a part of the day, or not at all."""

    kind: str | None = None  # MESSAGE | PHONE | SELF
    phone: str | None = None
    daypart: str = "any"

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Preference:
        data = data or {}
        kind = data.get("kind")
        return cls("message" if kind == "telegram" else kind, data.get("phone"), data.get("daypart") or "any")


@dataclass(frozen=True)
class Concern:
    """A concern domain with its ZRM score and the resident's own words about it."""

    domain: str
    score: int
    words: str = ""


@dataclass(frozen=True)
class Danger:
    """A kind of acute danger (suicide, domestic_violence, child_danger, medical) and what the resident said.

    `source` is "typed" for the resident's own words, "answer" for the label of the check answer they tapped.
    """

    kind: str
    words: str = ""
    source: str = "typed"


@dataclass(frozen=True)
class Referrer:
    """The professional who handed the resident over."""

    id: str
    name: str
    organization: str


@dataclass(frozen=True)
class Card:
    """What a handoff carries to the one person."""

    concerns: tuple[Concern, ...] = ()
    answers: dict[str, int | None] = field(default_factory=dict)
    heard: tuple[str, ...] = ()  # domains heard in the story (their answers are not the resident's scores)
    story: str = ""
    going_well: str = ""
    would_help: str = ""
    preference: Preference = field(default_factory=Preference)
    language: str = ""
    postcode: str | None = None
    area_id: str | None = None
    crisis: tuple[str, ...] = ()
    dangers: tuple[Danger, ...] = ()  # which danger, in the resident's words (one per kind)
    urgent: bool = False
    continuity: bool = False
    source: str | None = None
    professional: Referrer | None = None

    @property
    def empty(self) -> bool:
        """An erased resident's card keeps nothing."""
        return not (self.concerns or self.answers or self.story or self.language)

    @property
    def by_message(self) -> bool:
        """The resident chose to be reached by a message through the bot."""
        return self.preference.kind == MESSAGE

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["crisis"] = list(self.crisis)
        data["heard"] = list(self.heard)
        data["concerns"] = [asdict(c) for c in self.concerns]
        data["dangers"] = [asdict(d) for d in self.dangers]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Card:
        """A stored card (also one written before this record existed); an erased one is empty."""
        data = data or {}
        professional = data.get("professional")
        return cls(
            concerns=tuple(Concern(c["domain"], c["score"], c.get("words") or "") for c in data.get("concerns", ())),
            answers=dict(data.get("answers") or {}),
            heard=tuple(data.get("heard") or ()),
            story=data.get("story") or "",
            going_well=data.get("going_well") or "",
            would_help=data.get("would_help") or "",
            preference=Preference.from_dict(data.get("preference")),
            language=data.get("language") or "",
            postcode=data.get("postcode"),
            area_id=data.get("area_id"),
            crisis=tuple(data.get("crisis") or ()),
            dangers=tuple(Danger(d["kind"], d.get("words") or "", d.get("source") or "typed")
                          for d in data["dangers"]) if "dangers" in data
            else tuple(Danger(kind) for kind in data.get("crisis") or ()),  # a card stored before dangers had words
            urgent=bool(data.get("urgent")),
            continuity=bool(data.get("continuity")),
            source=data.get("source"),
            professional=Referrer(professional["id"], professional["name"], professional["organization"])
            if professional else None,
        )
