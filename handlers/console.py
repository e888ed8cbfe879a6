"""The terminal as a second front end: lines in, the same flows, plain text out.

Buttons are shown as numbers; typing a number presses it. Pictures and files are saved
next to the database and their path is printed.
"""

from __future__ import annotations

import asyncio
import html
import re
from pathlib import Path

from config import Config
from flows.replies import Reply
from flows.resident import ResidentFlow
from flows.texts import Texts
from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase
from store import Store

CONSOLE_USER_ID = 1
STOP_WORDS = ("/stop", "/quit", "/exit")
_TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """Our HTML as terminal text."""
    return html.unescape(_TAG.sub("", text))


class Console:
    """One resident talking in the terminal."""

    def __init__(self, flow: ResidentFlow, folder: Path, language: str) -> None:
        self.flow, self.folder, self.language = flow, folder, language
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
                print(f"  {plain(self.flow.texts.get(self.language, 'console.contact_hint'))}")
            print()

    def _save(self, name: str, content: bytes) -> Path:
        self.files += 1
        path = self.folder / f"console-{self.files}-{name}"
        path.write_bytes(content)
        return path

    async def handle(self, line: str) -> None:
        """One line typed by the resident."""
        text = line.strip()
        if not text:
            return
        if text.isdigit() and 1 <= int(text) <= len(self.buttons):
            answer = await self.flow.press(CONSOLE_USER_ID, self.language, self.buttons[int(text) - 1])
            if answer.toast:
                print(f"({answer.toast})")
            self.show(answer.replies)
        elif text.startswith("/"):
            name, _, args = text[1:].partition(" ")
            self.show(await self.flow.command(CONSOLE_USER_ID, self.language, name, args))
        else:
            self.show(await self.flow.text(CONSOLE_USER_ID, self.language, text))


def run_console(config: Config, kb: KnowledgeBase) -> int:
    """Chat in the terminal until /stop or Ctrl-D."""
    texts = Texts.load()
    language = kb.default_language
    print(plain(texts.get(language, "console.welcome")))
    with asyncio.Runner() as runner:
        store = runner.run(Store.open(config.db_path))
        try:
            flow = ResidentFlow(kb, Matcher(kb), store, texts)
            console = Console(flow, config.db_path.parent, language)
            console.show(runner.run(flow.command(CONSOLE_USER_ID, language, "start")))
            while True:
                try:
                    line = input("> ")
                except (EOFError, KeyboardInterrupt):
                    print()
                    break
                if line.strip().lower() in STOP_WORDS:
                    runner.run(flow.stop(CONSOLE_USER_ID, language))
                    break
                runner.run(console.handle(line))
        finally:
            runner.run(store.close())
    print(texts.get(language, "console.bye"))
    return 0
