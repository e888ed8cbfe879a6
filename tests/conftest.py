"""Shared fixtures: a fake Bot API, and the real PTB Application of Wijkwijzer talking to it."""

from __future__ import annotations

import asyncio
import os

os.environ.setdefault("PTB_TIMEDELTA", "1")  # PTB 22's opt-in: durations as timedelta, no deprecation warnings

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from telegram.ext import Application

from bot import Wijkwijzer, assemble, quiet_third_party_loggers
from config import Config
from handlers.app import build_application, serve
from handlers.common import KEY
from knowledge.loader import SAMPLE, load_knowledge
from knowledge.model import KnowledgeBase
from store import Store
from testing.fakebot import FakeTelegram


@pytest.fixture(scope="session")
def sample_kb() -> KnowledgeBase:
    """The shipped sample knowledge base, loaded once."""
    return load_knowledge(SAMPLE)


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


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """A fresh fake Bot API server."""
    async with FakeTelegram(token="123:ABC", bot_username="wijkwijzer_test_bot") as server:
        yield server


@pytest.fixture
async def bot(
    fake: FakeTelegram, tmp_path: Path, sample_kb: KnowledgeBase
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
    stop = asyncio.Event()
    serving = asyncio.create_task(serve(app, stop))  # the same start, intake and stop as `python bot.py`
    while KEY not in app.bot_data or not app.running:
        assert not serving.done(), serving.exception()
        await asyncio.sleep(0.01)
    try:
        yield RunningBot(fake, app, config.db_path)
    finally:
        stop.set()
        await serving
