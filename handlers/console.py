"""The terminal as a second channel: lines in, the same flows, plain text out.

Buttons are shown as numbers; typing a number presses it. Pictures and files are saved next
to the database and their path is printed. `--as staff:<member-id>` plays the wijkteam side;
a resident console and a staff console on the same database deliver to each other (the
delivery worker, with this terminal as its sender, shows what the outbox holds for it).
"""

from __future__ import annotations

import asyncio
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from flows.delivery import Delivered, Outcome
from flows.replies import Reply
from flows.voice import Voice
from store import Person

if TYPE_CHECKING:
    from bot import Wijkwijzer

CHANNEL = "console"
STOP_WORDS = ("/stop", "/quit", "/exit")


def console_person(as_user: str) -> Person:
    """The resident's console is console:1; a staff console gets a stable id of its own."""
    if as_user == "resident":
        return Person(CHANNEL, "1")
    return Person(CHANNEL, str(9_000_000_000 + zlib.crc32(as_user.encode()) % 1_000_000))


class Console:
    """One person talking in the terminal; also the delivery worker's sender for that person."""

    def __init__(self, house: Wijkwijzer, folder: Path, person: Person, staff: bool = False) -> None:
        self.house, self.folder, self.person, self.staff = house, folder, person, staff
        self.language = house.kb.default_language
        self.buttons: list[str] = []
        self.files = 0

    # -- the Sender port -------------------------------------------------------------------
    def handles(self, person: Person) -> bool:
        return person == self.person

    async def send(self, person: Person, replies: list[Reply]) -> Outcome:
        self.show(replies)
        return Delivered()

    # -- the terminal ----------------------------------------------------------------------
    def say(self, key: str, **params: object) -> str:
        """A console sentence in this person's language."""
        return str(Voice(self.house.texts, self.language)(key, **params))

    async def follow_language(self) -> None:
        """A resident's console speaks the language the resident chose (/taal, or the first one)."""
        if self.staff:
            return
        resident = await self.house.store.residents.get(self.person)
        if resident is not None:
            self.language = resident.language

    def show(self, replies: list[Reply]) -> None:
        """Print replies (bold and italic are plain text here); remember the newest buttons."""
        for reply in replies:
            if reply.removes:
                print(self.say("console.removed", id=reply.removes))
                continue
            if reply.replaces:
                print(self.say("console.replaced", id=reply.replaces))
            print(str(reply.text))
            if reply.picture:
                print(self.say("console.picture", path=str(self._save("picture.png", reply.picture))))
            if reply.document:
                print(self.say("console.file", path=str(self._save(*reply.document))))
            if reply.choices:
                self.buttons = [c.id for c in reply.choices]
                for number, choice in enumerate(reply.choices, start=1):
                    print(f"  [{number}] {choice.label}")
            if reply.ask_contact:
                print(f"  {self.say('console.contact_hint')}")
            print()

    def _save(self, name: str, content: bytes) -> Path:
        self.files += 1
        path = self.folder / f"console-{self.person.id}-{self.files}-{name}"
        path.write_bytes(content)
        return path

    async def handle(self, line: str) -> None:
        """One line typed; the replies come back through the outbox, like on any channel."""
        conversation, text = self.house.conversation, line.strip()
        if not text:
            return
        await self.follow_language()
        if text.isdigit() and 1 <= int(text) <= len(self.buttons):
            answer = await conversation.press(self.person, self.language, self.buttons[int(text) - 1])
            if answer.toast:
                print(f"({answer.toast})")
        elif text.startswith("/"):
            name, _, args = text[1:].partition(" ")
            await conversation.command(self.person, self.language, name, args)
        else:
            await conversation.text(self.person, self.language, text)
        await self.follow_language()  # /taal: from the next message on
        await self.house.worker.deliver_due()

    async def deliveries(self) -> None:
        """Do what is due, then show what the outbox holds for this terminal; keep no old files."""
        await self.house.tick()
        await self.follow_language()
        await self.house.worker.deliver_due()
        erased = not self.staff and await self.house.store.residents.get(self.person) is None
        self.forget_files(everything=erased)

    def forget_files(self, everything: bool = False) -> None:
        """The pictures and exports this terminal saved: all of them after /vergeet, else those past retention."""
        cutoff = time.time() - self.house.config.retention_days * 86_400
        for path in self.folder.glob(f"console-{self.person.id}-*"):
            if everything or path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)


def run_console(house_factory, folder: Path, as_user: str = "resident") -> int:
    """Chat in the terminal until /stop or Ctrl-D."""
    with asyncio.Runner() as runner:
        house = runner.run(house_factory())
        try:
            staff_id = as_user.removeprefix("staff:") if as_user.startswith("staff:") else None
            if as_user != "resident" and (staff_id is None or house.kb.member(staff_id) is None):
                print(f"--as takes 'resident' or 'staff:<member-id>'; '{as_user}' is neither.")
                return 2
            console = Console(house, folder, console_person(as_user), staff=staff_id is not None)
            house.worker.senders.append(console)
            runner.run(console.follow_language())
            print(console.say("console.welcome"))
            runner.run(_begin(house, console, staff_id))
            while True:
                runner.run(console.deliveries())
                try:
                    line = input("> ")
                except (EOFError, KeyboardInterrupt):
                    print()
                    break
                if line.strip().lower() in STOP_WORDS:
                    if not staff_id:
                        runner.run(house.router.resident.stop(console.person, console.language))
                    break
                runner.run(console.handle(line))
            print(console.say("console.bye"))
            return 0
        finally:
            runner.run(house.close())


async def _begin(house: Wijkwijzer, console: Console, staff_id: str | None) -> None:
    router, person, language = house.router, console.person, console.language
    if staff_id:
        async with house.store.transaction() as tx:
            await house.store.accounts.link(tx, person, staff_id, "staff")
        await house.conversation.command(person, language, "wiebenik")
        await house.conversation.command(person, language, "mijn")
    else:
        replies = await router.resident.resume(person, language)
        await house.conversation.say(person, replies)
    await house.worker.deliver_due()
