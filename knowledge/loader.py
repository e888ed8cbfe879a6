"""Load a municipality's knowledge-base folder into typed objects, reporting every problem."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from knowledge.domains import BOT_LANGUAGES, DOMAIN_IDS
from knowledge.fields import Entry
from knowledge.model import (
    Area,
    KnowledgeBase,
    Member,
    Municipality,
    Professional,
    Service,
    Team,
)
from knowledge.postcode import normalize_postcode
from knowledge.problems import ERROR, WARNING, KnowledgeError, Problem
from knowledge.schema import (
    AREA_FIELDS,
    MEMBER_FIELDS,
    MUNICIPALITY_FIELDS,
    PROFESSIONAL_FIELDS,
    SERVICE_FIELDS,
    TEAM_FIELDS,
)
from knowledge.source import YamlSyntaxError, read_yaml, written_twice
from knowledge.synonyms_file import read_synonyms

SAMPLE = Path(__file__).resolve().parent / "voorbeeldstad"
STALE_AFTER_DAYS = 183  # six months

class _Reading:
    """One pass over a knowledge-base folder; collects problems as it goes."""

    def __init__(self, folder: Path, today: date) -> None:
        self.folder, self.today = folder, today
        self.problems: list[Problem] = []
        self.ids: dict[str, tuple[str, int | None]] = {}

    def problem(self, severity: str, file: str, line: int | None, entry_id: str | None, msg: str) -> None:
        self.problems.append(Problem(severity, file, line, entry_id, msg))

    # -- files -----------------------------------------------------------------------------
    def document(self, name: str, required: bool) -> tuple[Any, str]:
        """The parsed top level of one file, or None (with a problem when it matters)."""
        path = self.folder / name
        rel = name
        if not path.exists():
            if required:
                self.problem(ERROR, rel, None, None, f"Het bestand {name} ontbreekt in {self.folder}.")
            return None, rel
        try:
            data = read_yaml(path)
        except YamlSyntaxError as exc:
            self.problem(ERROR, rel, exc.line, None, f"Dit is geen geldige YAML: {exc.reason}.")
            return None, rel
        if data is None:
            if required:
                self.problem(ERROR, rel, None, None, f"Het bestand {name} is leeg.")
            return None, rel
        if not isinstance(data, dict):
            self.problem(ERROR, rel, getattr(data, "line", 1), None,
                         f"{name} moet beginnen met velden (naam: waarde), niet met een lijst.")
            return None, rel
        for mapping, key, first, again in written_twice(data):
            entry = mapping.get("id")
            self.problem(WARNING, rel, again, entry if isinstance(entry, str) else None,
                         f"Het veld '{key}' staat hier voor de tweede keer (eerst op regel {first}). Alleen deze "
                         "laatste waarde telt; haal er een weg.")
        return data, rel

    def entries(self, data: Any, key: str, file: str, required: bool) -> list[Any]:
        """The list under a top-level key."""
        if data is None:
            return []
        value = data.get(key)
        if value is None:
            if required:
                self.problem(ERROR, file, None, None, f"De lijst '{key}:' ontbreekt in {file}.")
            return []
        if not isinstance(value, list):
            line = data.key_lines.get(key) if hasattr(data, "key_lines") else None
            self.problem(ERROR, file, line, None, f"'{key}' moet een lijst zijn (regels die met '- ' beginnen).")
            return []
        return value

    def claim_id(self, entry: Entry) -> bool:
        """Register an id; every id is unique across all files."""
        if entry.id is None:
            return False
        if entry.id in self.ids:
            other_file, other_line = self.ids[entry.id]
            where = f"{other_file}:{other_line}" if other_line else other_file
            entry.error("id", f"Het id '{entry.id}' komt twee keer voor (ook in {where}). Elk id moet uniek zijn.")
            return False
        self.ids[entry.id] = (entry.file, entry.line("id"))
        return True

    # -- municipality ----------------------------------------------------------------------
    def municipality(self) -> tuple[Municipality | None, dict[str, tuple[str, int | None]]]:
        data, file = self.document("municipality.yaml", required=True)
        team_refs: dict[str, tuple[str, int | None]] = {}
        if data is None:
            return None, team_refs
        top = Entry(data, file, "gemeente", MUNICIPALITY_FIELDS, self.problems)
        name = top.text("name", required=True)
        timezone = top.text("timezone", required=True)
        if timezone:
            try:
                ZoneInfo(timezone)
            except (ZoneInfoNotFoundError, ValueError):
                top.error("timezone", f"Onbekende tijdzone '{timezone}'. Gebruik bijvoorbeeld Europe/Amsterdam.")
                timezone = None
        languages = top.languages("languages", default=())
        if "languages" not in data:
            top.error(None, "Het verplichte veld 'languages' ontbreekt bij deze gemeente.")
        for lang in languages:
            if lang not in BOT_LANGUAGES:
                top.warn("languages", f"De bot heeft nog geen teksten in '{lang}'; hij spreekt "
                         f"{', '.join(BOT_LANGUAGES)}.")
        default_team = top.text("default_team", required=True)
        if default_team:
            team_refs["default_team"] = (default_team, top.line("default_team"))
        areas = []
        seen_codes: dict[str, str] = {}
        for raw in self.entries(data, "areas", file, required=True):
            area = self.area(raw, file, seen_codes, team_refs)
            if area:
                areas.append(area)
        if not (name and timezone and languages and default_team):
            return None, team_refs
        demo = top.flag("demo", default=False)
        return Municipality(name, timezone, languages, default_team, tuple(areas), demo), team_refs

    def area(self, raw: Any, file: str, seen: dict[str, str], team_refs: dict) -> Area | None:
        entry = Entry(raw, file, "wijk", AREA_FIELDS, self.problems)
        if not entry.ok:
            return None
        self.claim_id(entry)
        area_id, name = entry.text("id", required=True), entry.text("name", required=True)
        team_id = entry.text("team", required=True)
        codes = []
        for code in entry.texts("postcodes", required=True) or ():
            normal = normalize_postcode(code)
            if normal is None or normal != code.replace(" ", "").upper():
                entry.error("postcodes", f"Postcode '{code}' klopt niet. Schrijf vier cijfers (5341) "
                            "of vier cijfers en twee hoofdletters (5341AB).")
                continue
            if normal in seen:
                entry.error("postcodes", f"Postcode {normal} staat al bij wijk '{seen[normal]}'. "
                            "Een postcode hoort bij één wijk.")
                continue
            seen[normal] = area_id or "?"
            codes.append(normal)
        if team_id:
            team_refs[f"area:{area_id}"] = (team_id, entry.line("team"))
        if not (area_id and name and team_id):
            return None
        return Area(area_id, name, tuple(codes), team_id)

    # -- teams -----------------------------------------------------------------------------
    def teams(self) -> list[Team]:
        data, file = self.document("teams.yaml", required=True)
        teams = []
        for raw in self.entries(data, "teams", file, required=True):
            team = self.team(raw, file)
            if team:
                teams.append(team)
        return teams

    def team(self, raw: Any, file: str) -> Team | None:
        entry = Entry(raw, file, "team", TEAM_FIELDS, self.problems)
        if not entry.ok:
            return None
        self.claim_id(entry)
        team_id, name = entry.text("id", required=True), entry.text("name", required=True)
        coordinator = entry.text("coordinator", required=True)
        phone, email = entry.phone(), entry.email()
        reaction_hours = entry.number("reaction_hours", default=48)
        urgent_hours = entry.number("urgent_reaction_hours", default=4)
        if urgent_hours > 24:
            entry.warn("urgent_reaction_hours", f"'urgent_reaction_hours' is {urgent_hours} klokuren. Bij gevaar "
                       "wacht een inwoner dan meer dan een dag; is dat echt de bedoeling?")
        members = []
        raw_members = entry.raw.get("members")
        if raw_members is None:
            entry.error(None, "Het verplichte veld 'members' ontbreekt bij dit team.")
        elif not isinstance(raw_members, list):
            entry.error("members", "'members' moet een lijst van mensen zijn.")
        else:
            for raw_member in raw_members:
                member = self.member(raw_member, file, team_id or "?")
                if member:
                    members.append(member)
        if not (team_id and name and coordinator):
            return None
        member_ids = {m.id for m in members}
        if coordinator not in member_ids:
            entry.error("coordinator", f"Coördinator '{coordinator}' is geen lid van dit team. "
                        "Zet de coördinator ook onder 'members'.")
        if not any(m.active for m in members):
            entry.error("members", "Dit team heeft geen actieve leden; niemand kan overdrachten aannemen.")
        elif coordinator in member_ids and not next(m for m in members if m.id == coordinator).active:
            entry.warn("coordinator", f"Coördinator '{coordinator}' staat op active: false.")
        return Team(team_id, name, coordinator, tuple(members), phone, email, reaction_hours, urgent_hours)

    def member(self, raw: Any, file: str, team_id: str) -> Member | None:
        entry = Entry(raw, file, "teamlid", MEMBER_FIELDS, self.problems)
        if not entry.ok:
            return None
        self.claim_id(entry)
        member_id, name = entry.text("id", required=True), entry.text("name", required=True)
        role = entry.text("role", required=True)
        domains = entry.domains(required=True)
        member = Member(
            id=member_id or "?",
            name=name or "?",
            role=role or "?",
            team_id=team_id,
            domains=domains,
            languages=entry.languages(),
            phone=entry.phone(),
            email=entry.email(),
            telegram_user_id=entry.telegram_id("telegram_user_id"),
            max_open_handoffs=entry.number("max_open_handoffs", default=10),
            active=entry.flag("active", default=True),
        )
        return member if (member_id and name and role and "domains" in entry.raw) else None

    # -- services --------------------------------------------------------------------------
    def services(self, area_ids: set[str]) -> list[Service]:
        files: list[str] = []
        if (self.folder / "services.yaml").exists():
            files.append("services.yaml")
        folder = self.folder / "services"
        if folder.is_dir():
            files.extend(f"services/{p.name}" for p in sorted(folder.glob("*.yaml")))
        if not files:
            self.problem(ERROR, "services.yaml", None, None,
                         f"Er zijn geen diensten: services.yaml (of een map services/) ontbreekt in {self.folder}.")
        services = []
        for name in files:
            data, file = self.document(name, required=True)
            for raw in self.entries(data, "services", file, required=True):
                service = self.service(raw, file, area_ids)
                if service:
                    services.append(service)
        covered = {d for s in services for d in s.domains}
        missing = [d for d in DOMAIN_IDS if d not in covered]
        if services and missing:
            self.problem(WARNING, files[0], None, None,
                         f"Geen enkele dienst hoort bij deze levensdomeinen: {', '.join(missing)}.")
        return services

    def service(self, raw: Any, file: str, area_ids: set[str]) -> Service | None:
        entry = Entry(raw, file, "dienst", SERVICE_FIELDS, self.problems)
        if not entry.ok:
            return None
        self.claim_id(entry)
        service_id, name = entry.text("id", required=True), entry.text("name", required=True)
        description = entry.text("description", required=True)
        domains = entry.domains(required=True)
        descriptions = {
            lang: text
            for lang in BOT_LANGUAGES
            if lang != "nl" and (text := entry.text(f"description_{lang}"))
        }
        areas = self.area_list(entry, area_ids)
        checked = entry.day("checked")
        if checked is None and "checked" not in entry.raw:
            entry.warn(None, "Er staat niet bij wanneer deze gegevens zijn gecontroleerd (veld 'checked').")
        elif checked and (self.today - checked).days > STALE_AFTER_DAYS:
            entry.warn("checked", f"Deze gegevens zijn voor het laatst gecontroleerd op {checked.isoformat()}, "
                       "meer dan zes maanden geleden. Controleer ze opnieuw.")
        service = Service(
            id=service_id or "?",
            name=name or "?",
            description=description or "",
            domains=domains,
            organization=entry.text("organization"),
            descriptions=descriptions,
            keywords=tuple(k.lower() for k in entry.texts("keywords") or ()),
            areas=areas,
            phone=entry.phone(),
            url=entry.url(),
            email=entry.email(),
            hours=entry.text("hours"),
            cost=entry.text("cost"),
            crisis=entry.flag("crisis", default=False),
            checked=checked,
        )
        if not (service.phone or service.url or service.email):
            entry.warn(None, "Deze dienst heeft geen telefoonnummer, webadres of e-mail; "
                       "een inwoner kan er niets mee.")
        return service if (service_id and name and description and "domains" in entry.raw) else None

    def area_list(self, entry: Entry, area_ids: set[str]) -> tuple[str, ...] | None:
        """`areas: all` or a list of known area ids."""
        value = entry.raw.get("areas")
        if value is None or value == "all":
            return None
        values = entry.texts("areas") or ()
        for area_id in values:
            if area_id not in area_ids:
                entry.error("areas", f"Onbekende wijk '{area_id}'. Bekende wijken: "
                            f"{', '.join(sorted(area_ids)) or 'geen'}; of schrijf 'areas: all'.")
        return tuple(a for a in values if a in area_ids)

    # -- professionals and synonyms --------------------------------------------------------
    def professionals(self, area_ids: set[str]) -> list[Professional]:
        data, file = self.document("professionals.yaml", required=False)
        result = []
        for raw in self.entries(data, "professionals", file, required=True):
            entry = Entry(raw, file, "professional", PROFESSIONAL_FIELDS, self.problems)
            if not entry.ok:
                continue
            self.claim_id(entry)
            values = {k: entry.text(k, required=True) for k in ("id", "name", "role", "organization")}
            audience = entry.text("audience") or "professionals"
            if audience not in ("professionals", "public"):
                entry.error("audience", "'audience' moet 'professionals' of 'public' zijn.")
            professional = Professional(
                id=values["id"] or "?", name=values["name"] or "?", role=values["role"] or "?",
                organization=values["organization"] or "?", areas=self.area_list(entry, area_ids),
                domains=entry.domains(), languages=entry.languages(), phone=entry.phone(),
                email=entry.email(), telegram_user_id=entry.telegram_id("telegram_user_id"),
                audience=audience,
            )
            if all(values.values()):
                result.append(professional)
        return result

    def synonyms(self) -> dict[str, dict[str, tuple[str, ...]]]:
        data, file = self.document("synonyms.yaml", required=False)
        return {} if data is None else read_synonyms(data, file, self.problems)

    # -- cross-file checks -----------------------------------------------------------------
    def check_team_refs(self, refs: dict[str, tuple[str, int | None]], team_ids: set[str]) -> None:
        for who, (team_id, line) in refs.items():
            if team_id not in team_ids:
                entry_id = who.split(":", 1)[1] if ":" in who else None
                self.problem(ERROR, "municipality.yaml", line, entry_id,
                             f"Team '{team_id}' bestaat niet in teams.yaml. Bekende teams: "
                             f"{', '.join(sorted(team_ids)) or 'geen'}.")


def read_knowledge(folder: Path, today: date | None = None) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Read and check a knowledge-base folder; the knowledge base is None when there are errors."""
    folder = Path(folder)
    reading = _Reading(folder, today or date.today())
    if not folder.is_dir():
        reading.problem(ERROR, str(folder), None, None, "Deze map bestaat niet.")
        return None, reading.problems
    municipality, team_refs = reading.municipality()
    teams = reading.teams()
    area_ids = {a.id for a in municipality.areas} if municipality else set()
    services = reading.services(area_ids)
    professionals = reading.professionals(area_ids)
    synonyms = reading.synonyms()
    reading.check_team_refs(team_refs, {t.id for t in teams})
    problems = reading.problems
    if municipality is None or any(p.is_error for p in problems):
        return None, problems
    kb = KnowledgeBase(
        source=folder,
        municipality=municipality,
        teams=tuple(teams),
        services=tuple(services),
        professionals=tuple(professionals),
        synonyms=synonyms,
    )
    return kb, problems


def load_knowledge(folder: Path, today: date | None = None) -> KnowledgeBase:
    """The knowledge base, or KnowledgeError with every problem when it has errors."""
    kb, problems = read_knowledge(folder, today)
    if kb is None:
        raise KnowledgeError(problems)
    return kb
