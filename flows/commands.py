"""Every command the bot knows, defined once: who may use it, its other names, its menu text key.

The help for staff and professionals is made from this table (texts help.command.<name> and
help.args.<name>), so a command cannot exist without being in the help.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.markup import Rich
from flows.voice import Voice

RESIDENT, STAFF, PROFESSIONAL = "resident", "staff", "professional"


@dataclass(frozen=True)
class Command:
    """A command; `menu` commands are shown in a channel's command menu (text key command.<name>)."""

    name: str
    audience: str
    aliases: tuple[str, ...] = ()
    menu: bool = False
    args: bool = False  # takes an argument (named by help.args.<name>)


COMMANDS: tuple[Command, ...] = (
    Command("start", RESIDENT, ("help",), menu=True),
    Command("opnieuw", RESIDENT, ("restart",), menu=True),
    Command("taal", RESIDENT, ("language",), menu=True),
    Command("privacy", RESIDENT, menu=True),
    Command("mijngegevens", RESIDENT, ("mydata",), menu=True),
    Command("vergeet", RESIDENT, ("forget",), menu=True),
    Command("stop", RESIDENT, menu=True),
    Command("mijn", STAFF),
    Command("open", STAFF, args=True),
    Command("sluit", STAFF, args=True),
    Command("team", STAFF),
    Command("meldingen", STAFF),
    Command("cijfers", STAFF, ("figures",), args=True),
    Command("zoek", PROFESSIONAL, args=True),
    Command("wie", PROFESSIONAL, args=True),
    Command("overdracht", PROFESSIONAL),
    Command("wiebenik", PROFESSIONAL),  # staff and professionals alike
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


def for_role(role: str) -> tuple[Command, ...]:
    """The commands an account may use: staff have theirs and the professionals' tools; professionals theirs."""
    audiences = (STAFF, PROFESSIONAL) if role == STAFF else (PROFESSIONAL,)
    return tuple(c for c in COMMANDS if c.audience in audiences)


def help_text(voice: Voice, role: str) -> Rich:
    """The help for a staff member or a professional: every command they may use, from the table above."""
    lines = [voice("help.title_staff" if role == STAFF else "help.title_professional")]
    for command in for_role(role):
        usage = f"/{command.name}" + (f" {voice.plain(f'help.args.{command.name}')}" if command.args else "")
        lines.append(voice("help.line", usage=usage, what=voice.plain(f"help.command.{command.name}")))
    return Rich.lines(lines)
