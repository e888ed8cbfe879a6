"""The knowledge base as plain typed objects that the rest of the code uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from knowledge.postcode import normalize_postcode, pc4


@dataclass(frozen=True)
class Area:
    """A neighbourhood (wijk): its postcodes and the team that serves it."""

    id: str
    name: str
    postcodes: tuple[str, ...]
    team_id: str


@dataclass(frozen=True)
class Member:
    """A wijkteam member who can take handoffs."""

    id: str
    name: str
    role: str
    team_id: str
    domains: tuple[str, ...]
    languages: tuple[str, ...] = ("nl",)
    phone: str | None = None
    email: str | None = None
    telegram_user_id: int | None = None
    max_open_handoffs: int = 10
    active: bool = True

    @property
    def first_name(self) -> str:
        """The name a resident uses: 'Fatima' for 'Fatima El Amrani'."""
        return self.name.split()[0]


@dataclass(frozen=True)
class Team:
    """A wijkteam with its members; the coordinator is one of them."""

    id: str
    name: str
    coordinator_id: str
    members: tuple[Member, ...]
    phone: str | None = None
    email: str | None = None
    reaction_hours: int = 48  # working hours
    urgent_reaction_hours: int = 4  # clock hours, for a handoff with danger: danger does not wait for Monday

    @property
    def active_members(self) -> tuple[Member, ...]:
        """Members who take handoffs now."""
        return tuple(m for m in self.members if m.active)

    @property
    def coordinator(self) -> Member:
        """The member who gets what nobody else can take."""
        return next(m for m in self.members if m.id == self.coordinator_id)


@dataclass(frozen=True)
class Service:
    """A local or national service (HSDS: service)."""

    id: str
    name: str
    description: str
    domains: tuple[str, ...]
    organization: str | None = None
    descriptions: dict[str, str] = field(default_factory=dict)
    keywords: tuple[str, ...] = ()
    areas: tuple[str, ...] | None = None  # None: every area
    phone: str | None = None
    url: str | None = None
    email: str | None = None
    hours: str | None = None
    cost: str | None = None
    crisis: bool = False
    checked: date | None = None

    def description_in(self, language: str) -> str:
        """The description in that language, or the Dutch one."""
        return self.descriptions.get(language) or self.description

    def serves(self, area_id: str | None) -> bool:
        """Whether a resident of that area (None: unknown) can use this service."""
        return self.areas is None or (area_id is not None and area_id in self.areas)


@dataclass(frozen=True)
class Professional:
    """A colleague outside the wijkteams, for look-up only."""

    id: str
    name: str
    role: str
    organization: str
    areas: tuple[str, ...] | None = None
    domains: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("nl",)
    phone: str | None = None
    email: str | None = None
    telegram_user_id: int | None = None
    audience: str = "professionals"


@dataclass(frozen=True)
class Municipality:
    """Name, time zone, languages, areas and the team for unknown postcodes."""

    name: str
    timezone: str
    languages: tuple[str, ...]
    default_team_id: str
    areas: tuple[Area, ...]
    demo: bool = False  # `demo: true`: invented help and people; every welcome and card says so


@dataclass(frozen=True)
class KnowledgeBase:
    """One municipality's knowledge, validated."""

    source: Path
    municipality: Municipality
    teams: tuple[Team, ...]
    services: tuple[Service, ...]
    professionals: tuple[Professional, ...] = ()
    # language -> domain -> extra words from synonyms.yaml
    synonyms: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    _postcodes: dict[str, Area] = field(init=False, repr=False, compare=False)
    _teams: dict[str, Team] = field(init=False, repr=False, compare=False)
    _members: dict[str, Member] = field(init=False, repr=False, compare=False)
    _services: dict[str, Service] = field(init=False, repr=False, compare=False)
    _areas: dict[str, Area] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        postcodes: dict[str, Area] = {}
        for area in self.municipality.areas:
            for code in area.postcodes:
                postcodes[code] = area
        members = {m.id: m for t in self.teams for m in t.members}
        object.__setattr__(self, "_postcodes", postcodes)
        object.__setattr__(self, "_teams", {t.id: t for t in self.teams})
        object.__setattr__(self, "_members", members)
        object.__setattr__(self, "_services", {s.id: s for s in self.services})
        object.__setattr__(self, "_areas", {a.id: a for a in self.municipality.areas})

    def area_for_postcode(self, postcode: str | None) -> Area | None:
        """The area of a postcode: a PC6 entry wins over its PC4; None when unknown."""
        code = normalize_postcode(postcode or "")
        if not code:
            return None
        return self._postcodes.get(code) or self._postcodes.get(pc4(code))

    def team_for_postcode(self, postcode: str | None) -> Team:
        """The team of the postcode's area, or the default team."""
        area = self.area_for_postcode(postcode)
        return self.team(area.team_id if area else self.municipality.default_team_id)

    def area(self, area_id: str) -> Area | None:
        """An area by id."""
        return self._areas.get(area_id)

    def team(self, team_id: str) -> Team:
        """A team by id (KeyError when there is none)."""
        return self._teams[team_id]

    def member(self, member_id: str) -> Member | None:
        """A wijkteam member by id."""
        return self._members.get(member_id)

    def member_by_telegram_id(self, telegram_user_id: int) -> Member | None:
        """The member whose knowledge-base entry names this Telegram account."""
        found = (m for m in self._members.values() if m.telegram_user_id == telegram_user_id)
        return next(found, None)

    def professional(self, professional_id: str) -> Professional | None:
        """A professional by id."""
        return next((p for p in self.professionals if p.id == professional_id), None)

    def service(self, service_id: str) -> Service | None:
        """A service by id."""
        return self._services.get(service_id)

    @property
    def default_language(self) -> str:
        """The municipality's first language."""
        return self.municipality.languages[0]
