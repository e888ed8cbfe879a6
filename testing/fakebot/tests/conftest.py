"""Fixtures of the fake's self-tests: a running fake and a plain HTTP client for it."""

from __future__ import annotations

import os

os.environ.setdefault("PTB_TIMEDELTA", "1")  # PTB 22's opt-in: durations as timedelta, no deprecation warnings

from collections.abc import AsyncIterator

import httpx
import pytest

from testing.fakebot import FakeTelegram
from testing.fakebot.tests.helpers import BOT_USERNAME, TOKEN


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """A running fake Telegram server."""
    async with FakeTelegram(token=TOKEN, bot_username=BOT_USERNAME) as server:
        yield server


@pytest.fixture
async def client(fake: FakeTelegram) -> AsyncIterator[httpx.AsyncClient]:
    """A plain HTTP client whose relative URLs are Bot API method names."""
    async with httpx.AsyncClient(base_url=f"{fake.base_url}{TOKEN}/", timeout=5.0) as http:
        yield http
