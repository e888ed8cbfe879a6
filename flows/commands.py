"""Every command the bot knows, defined once: who may use it, its other names, its menu text key."""

from __future__ import annotations

from dataclasses import dataclass

RESIDENT, STAFF, PROFESSIONAL = "resident", "staff", "professional"


@dataclass(frozen=True)
class Command:
    """A command; `menu` commands are shown in a channel's command menu (text key command.<name>)."""

    name: str
    audience: str
    aliases: tuple[str, ...] = ()
    menu: bool = False


COMMANDS: tuple[Command, ...] = (
    Command("start", RESIDENT, ("help",), menu=True),
    Command("opnieuw", RESIDENT, ("restart",), menu=True),
    Command("taal", RESIDENT, ("language",), menu=True),
    Command("privacy", RESIDENT, menu=True),
    Command("mijngegevens", RESIDENT, ("mydata",), menu=True),
    Command("vergeet", RESIDENT, ("forget",), menu=True),
    Command("stop", RESIDENT, menu=True),
    Command("mijn", STAFF),
    Command("open", STAFF),
    Command("sluit", STAFF),
    Command("team", STAFF),
    Command("wiebenik", STAFF),
    Command("cijfers", STAFF, ("figures",)),
    Command("zoek", PROFESSIONAL),
    Command("wie", PROFESSIONAL),
    Command("overdracht", PROFESSIONAL),
)
_BY_NAME = {name: c for c in COMMANDS for name in (c.name, *c.aliases)}


def canonical(name: str) -> str | None:
    """The command a typed name means (`/Help` → 'start'); None for one we do not know."""
    command = _BY_NAME.get(name.lower())
    return command.name if command else None


def names() -> tuple[str, ...]:
    """Every name and alias a channel should pass on."""
    return tuple(_BY_NAME)


def menu() -> tuple[str, ...]:
    """The commands shown in the menu, in order."""
    return tuple(c.name for c in COMMANDS if c.menu)
