"""Shared fixtures: a fake Bot API, and the real PTB Application of Wijkwijzer talking to it."""

from __future__ import annotations

import asyncio
import os

os.environ.setdefault("PTB_TIMEDELTA", "1")  # PTB 22's opt-in: durations as timedelta, no deprecation warnings

import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from telegram import Update
from telegram.ext import Application

from bot import Wijkwijzer, assemble, quiet_third_party_loggers
from config import Config
from handlers.app import build_application, serve
from handlers.common import KEY
from knowledge.loader import SAMPLE, load_knowledge
from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase
from store import Store
from testing.fakebot import FakeTelegram
from tests.floor import Town, town


@pytest.fixture(scope="session")
def sample_kb() -> KnowledgeBase:
    """The shipped sample knowledge base, loaded once."""
    return load_knowledge(SAMPLE)


@pytest.fixture(scope="session")
def concepts_matcher(sample_kb: KnowledgeBase) -> Matcher:
    """The matcher with the crisis concepts alone, without the second opinions: what tests/test_crisis*.py are
    written for (tests/test_second_opinion.py and tests/test_domain_opinion.py test the models)."""
    return Matcher(sample_kb, second_opinion=False)


class Settling:
    """Knows when the in-process bot has handled every update the fake pushed, and delivered what they set off."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake
        self.handled: set[int] = set()
        self.delivering = 0
        self._pulse = asyncio.Event()

    def done(self) -> bool:
        """Every pushed update handled, and no delivery running."""
        return not self.delivering and all(i in self.handled for i in range(1, self.fake.last_update_id + 1))

    def changed(self) -> None:
        """Wake whoever waits."""
        self._pulse.set()
        self._pulse = asyncio.Event()

    async def wait(self, max_wait: float = 20.0) -> None:
        """Wait until done(); an AssertionError with the fake's diagnosis after max_wait seconds."""
        deadline = time.monotonic() + max_wait
        while not self.done():
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(self.fake.diagnose(f"the bot did not finish its updates within {max_wait}s"))
            pulse = self._pulse
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(pulse.wait(), left)

    def counted(self, deliver_due: Callable[[], Awaitable[int]]) -> Callable[[], Awaitable[int]]:
        """The worker's deliver_due, counted from the moment it is called (a kick creates it inside a handler)."""

        def call() -> Awaitable[int]:
            self.delivering += 1

            async def run() -> int:
                try:
                    return await deliver_due()
                finally:
                    self.delivering -= 1
                    self.changed()

            return run()

        return call


IN_PROCESS: dict[FakeTelegram, Settling] = {}  # the fakes an in-process bot polls right now


async def bot_settled(fake: FakeTelegram, max_wait: float = 20.0) -> bool:
    """Wait until the in-process bot behind `fake` is done; False at once when the bot is another process."""
    settling = IN_PROCESS.get(fake)
    if settling is None:
        return False
    await settling.wait(max_wait)
    return True


@dataclass
class RunningBot:
    """The Application, the fake Telegram it talks to, and its store."""

    fake: FakeTelegram
    app: Application
    store_path: Path

    @property
    def house(self) -> Wijkwijzer:
        return self.app.bot_data[KEY]

    @property
    def store(self) -> Store:
        return self.house.store

    async def settled(self, max_wait: float = 20.0) -> None:
        """Wait until the bot has handled every update the fake pushed, and delivered what they set off."""
        await IN_PROCESS[self.fake].wait(max_wait)


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """A fresh fake Bot API server."""
    async with FakeTelegram(token="123:ABC", bot_username="wijkwijzer_test_bot") as server:
        yield server


@pytest.fixture
async def bot(
    fake: FakeTelegram, tmp_path: Path, sample_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[RunningBot]:
    """Wijkwijzer's real Application, polling the fake, on a fresh database file."""
    config = Config(
        token=fake.token,
        base_url=fake.base_url,
        knowledge_dir=SAMPLE,
        db_path=tmp_path / "wijkwijzer.sqlite3",
    )
    quiet_third_party_loggers("INFO")
    app = build_application(config, lambda: assemble(config, sample_kb))
    settling = IN_PROCESS[fake] = Settling(fake)
    process_update = Application.process_update

    async def tracked(self: Application, update: object) -> None:
        """PTB's process_update, noting which update this Application has finished with."""
        try:
            await process_update(self, update)
        finally:
            if self is app and isinstance(update, Update):
                settling.handled.add(update.update_id)
                settling.changed()

    monkeypatch.setattr(Application, "process_update", tracked)  # the Application has __slots__
    stop = asyncio.Event()
    serving = asyncio.create_task(serve(app, stop))  # the same start, intake and stop as `python bot.py`
    while KEY not in app.bot_data or not app.running:
        assert not serving.done(), serving.exception()
        await asyncio.sleep(0.01)
    house = app.bot_data[KEY]
    house.worker.deliver_due = settling.counted(house.worker.deliver_due)
    try:
        yield RunningBot(fake, app, config.db_path)
    finally:
        stop.set()
        await serving
        del IN_PROCESS[fake]


@pytest.fixture
async def noord(tmp_path: Path, sample_kb: KnowledgeBase) -> AsyncIterator[Town]:
    """The sample town at the flows floor (tests/floor.py): no Telegram, a clock moved by hand."""
    async with town(tmp_path, sample_kb) as built:
        yield built
