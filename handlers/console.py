"""The terminal as a second front end: lines in, the same flows, plain text out.

Buttons are shown as numbers; typing a number presses it. Pictures and files are saved
next to the database and their path is printed. `--as staff:<member-id>` plays the wijkteam
side; a resident console and a staff console on the same database deliver to each other
(whatever the outbox holds for this console is shown before each prompt).
"""

from __future__ import annotations

import asyncio
import html
import re
import zlib
from pathlib import Path

from config import Config
from flows.handoff import HandoffFlow
from flows.replies import Reply
from flows.resident import ResidentFlow
from flows.router import Router
from flows.texts import Texts
from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase
from store import Store

CONSOLE_USER_ID = 1
STAFF_CONSOLE_BASE = 9_000_000_000
STOP_WORDS = ("/stop", "/quit", "/exit")
_TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """Our HTML as terminal text."""
    return html.unescape(_TAG.sub("", text))


def console_user_id(as_user: str) -> int:
    """The resident's console is user 1; a staff console gets a stable id of its own."""
    if as_user == "resident":
        return CONSOLE_USER_ID
    return STAFF_CONSOLE_BASE + zlib.crc32(as_user.encode()) % 1_000_000


class Console:
    """One person talking in the terminal."""

    def __init__(self, router: Router, folder: Path, language: str, user_id: int) -> None:
        self.router, self.folder, self.language, self.user_id = router, folder, language, user_id
        self.buttons: list[str] = []
        self.files = 0

    def show(self, replies: list[Reply]) -> None:
        """Print replies; remember the newest buttons."""
        for reply in replies:
            print(plain(reply.text))
            if reply.picture:
                print(f"[plaatje: {self._save('plaatje.png', reply.picture)}]")
            if reply.document:
                print(f"[bestand: {self._save(*reply.document)}]")
            if reply.choices:
                self.buttons = [c.id for c in reply.choices]
                for number, choice in enumerate(reply.choices, start=1):
                    print(f"  [{number}] {choice.label}")
            if reply.ask_contact:
                print(f"  {plain(self.router.texts.get(self.language, 'console.contact_hint'))}")
            print()

    def _save(self, name: str, content: bytes) -> Path:
        self.files += 1
        path = self.folder / f"console-{self.user_id}-{self.files}-{name}"
        path.write_bytes(content)
        return path

    async def handle(self, line: str) -> None:
        """One line typed."""
        text = line.strip()
        if not text:
            return
        if text.isdigit() and 1 <= int(text) <= len(self.buttons):
            answer = await self.router.press(self.user_id, self.language, self.buttons[int(text) - 1])
            if answer.toast:
                print(f"({answer.toast})")
            self.show(answer.replies)
        elif text.startswith("/"):
            name, _, args = text[1:].partition(" ")
            self.show(await self.router.command(self.user_id, self.language, name, args))
        else:
            self.show(await self.router.text(self.user_id, self.language, text))

    async def deliveries(self) -> None:
        """Show what the outbox holds for this console; the rest waits for its own console or the bot."""
        handoffs: HandoffFlow = self.router.handoffs
        await handoffs.tick()
        for item in await self.router.store.outbox_due(limit=100):
            delivery = await handoffs.render(item)
            if delivery.chat_id == self.user_id:
                self.show(delivery.replies)
                await self.router.store.outbox_delivered(item.id, self.user_id, None)


def run_console(config: Config, kb: KnowledgeBase, as_user: str = "resident") -> int:
    """Chat in the terminal until /stop or Ctrl-D."""
    texts = Texts.load()
    language = kb.default_language
    staff_id = as_user.removeprefix("staff:") if as_user.startswith("staff:") else None
    if as_user != "resident" and (staff_id is None or kb.member(staff_id) is None):
        print(f"--as takes 'resident' or 'staff:<member-id>'; '{as_user}' is neither.")
        return 2
    user_id = console_user_id(as_user)
    print(plain(texts.get(language, "console.welcome")))
    with asyncio.Runner() as runner:
        store = runner.run(Store.open(config.db_path))
        try:
            handoffs = HandoffFlow(kb, store, texts, followup_days=config.followup_days)
            resident = ResidentFlow(kb, Matcher(kb), store, texts, handoffs=handoffs)
            router = Router(kb, store, texts, resident, handoffs)
            console = Console(router, config.db_path.parent, language, user_id)
            if staff_id:
                runner.run(store.link_staff(user_id, staff_id, "staff"))
                console.show(runner.run(router.command(user_id, language, "wiebenik")))
                console.show(runner.run(router.command(user_id, language, "mijn")))
            else:
                console.show(runner.run(resident.resume(user_id, language)))
            while True:
                runner.run(console.deliveries())
                try:
                    line = input("> ")
                except (EOFError, KeyboardInterrupt):
                    print()
                    break
                if line.strip().lower() in STOP_WORDS:
                    if not staff_id:
                        runner.run(resident.stop(user_id, language))
                    break
                runner.run(console.handle(line))
        finally:
            runner.run(store.close())
    print(texts.get(language, "console.bye"))
    return 0
