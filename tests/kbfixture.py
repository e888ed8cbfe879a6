"""A small, valid knowledge base written as text, so a test can break exactly one thing."""

from __future__ import annotations

from pathlib import Path

MUNICIPALITY = """\
name: Teststad
timezone: Europe/Amsterdam
languages: [nl, en]
default_team: team-a
areas:
  - id: oost
    name: Oost
    postcodes: ["1011", "1012", "1013AB"]
    team: team-a
  - id: west
    name: West
    postcodes: ["1013", "1014"]
    team: team-b
"""

TEAMS = """\
teams:
  - id: team-a
    name: Team A
    phone: "020 123 4567"
    email: a@team.teststad.nl
    coordinator: anna
    reaction_hours: 48
    members:
      - id: anna
        name: Anna Jansen
        role: Coördinator
        domains: [social_contacts]
      - id: bram
        name: Bram de Vries
        role: Wijkcoach
        domains: [finances, housing]
        languages: [nl, en]
        phone: "06 1234 5678"
  - id: team-b
    name: Team B
    coordinator: cem
    members:
      - id: cem
        name: Cem Yilmaz
        role: Wijkcoach
        domains: [parenting, mental_health]
        languages: [nl, tr]
"""

SERVICES = """\
services:
  - id: schuldhulp
    name: Schuldhulp
    description: Hulp bij schulden.
    domains: [finances]
    keywords: [schulden, deurwaarder]
    phone: "14 020"
    url: https://www.teststad.nl/schulden
    checked: 2026-10-01
  - id: buurthuis-oost
    name: Buurthuis Oost
    description: Koffie en activiteiten.
    domains: [social_contacts]
    areas: [oost]
    email: info@buurthuis.teststad.nl
    checked: 2026-09-01
  - id: wegwijzer
    name: Wegwijzer
    description: Voor alle vragen.
    domains: [finances, work_education, housing, relationships, parenting, mental_health,
              physical_health, substance_use, daily_living, social_contacts, safety_justice]
    phone: "020 765 4321"
    checked: 2026-11-01
"""

PROFESSIONALS = """\
professionals:
  - id: jeroen
    name: Jeroen Smit
    role: Wijkagent
    organization: Politie
    areas: [oost]
    domains: [safety_justice]
    phone: "0900-8844"
"""

SYNONYMS = """\
synonyms:
  nl:
    finances: [stadspas]
"""

FILES = {
    "municipality.yaml": MUNICIPALITY,
    "teams.yaml": TEAMS,
    "services.yaml": SERVICES,
    "professionals.yaml": PROFESSIONALS,
    "synonyms.yaml": SYNONYMS,
}


def write_kb(folder: Path, **replace: tuple[str, str]) -> Path:
    """Write the small knowledge base; `teams=("old", "new")` edits one file's text first."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        key = name.removesuffix(".yaml")
        if key in replace:
            old, new = replace[key]
            assert old in text, f"{old!r} is not in {name}"
            text = text.replace(old, new, 1)
        (folder / name).write_text(text, encoding="utf-8")
    return folder
