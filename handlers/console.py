"""The terminal as a second front end: lines in, the same flows, plain text out."""

from __future__ import annotations

import asyncio

from config import Config
from flows.texts import Texts
from knowledge.model import KnowledgeBase

STOP_WORDS = ("/stop", "/quit", "/exit")


def run_console(config: Config, kb: KnowledgeBase, as_user: str = "resident") -> int:
    """Chat in the terminal until /stop or Ctrl-D."""
    texts = Texts.load()
    language = kb.default_language
    print(texts.get(language, "console.welcome"))
    with asyncio.Runner():
        while True:
            try:
                line = input("> ")
            except (EOFError, KeyboardInterrupt):
                print()
                break
            if line.strip().lower() in STOP_WORDS:
                break
            print(texts.get(language, "console.echo", length=len(line)))
    print(texts.get(language, "console.bye"))
    return 0
