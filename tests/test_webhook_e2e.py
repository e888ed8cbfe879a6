"""Webhook mode: the fake Bot API posts updates to the bot's webhook, as Telegram does behind a reverse proxy."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from telegram.ext import Application

from bot import assemble
from config import Config, ConfigError
from handlers.app import build_application, serve
from handlers.common import KEY
from handlers.health import HEARTBEAT
from handlers.intake import Intake
from handlers.webhook import Webhook
from knowledge.loader import SAMPLE
from knowledge.model import KnowledgeBase
from testing.fakebot import FakeTelegram
from tests.test_ops_e2e import ROOT, clean_env, free_port, run, wait_for
from tests.test_resident_e2e import say, tap, texts

SECRET = "geheim_van-de-gemeente_42"
PUBLIC = "https://wijkwijzer.voorbeeldstad.test/telegram/hook"
HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookBot:
    """Wijkwijzer's real Application in webhook mode, in this process, on a database file."""

    def __init__(self, fake: FakeTelegram, db: Path, kb: KnowledgeBase, port: int) -> None:
        self.fake, self.port = fake, port
        self.config = Config(token=fake.token, base_url=fake.base_url, knowledge_dir=SAMPLE, db_path=db,
                             webhook_url=PUBLIC, webhook_secret=SECRET, webhook_listen="127.0.0.1", webhook_port=port)
        self.app: Application = build_application(self.config, lambda: assemble(self.config, kb))
        self.stop = asyncio.Event()
        self.task: asyncio.Task | None = None

    @property
    def local(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def __aenter__(self) -> WebhookBot:
        webhook = Webhook(self.config)
        self.task = asyncio.create_task(serve(self.app, self.stop, webhook.take_in, webhook.hello))
        async with aiohttp.ClientSession() as session:
            while True:  # until the server answers /healthz (503 before the first tick is fine)
                assert not self.task.done(), self.task.exception()
                with contextlib.suppress(aiohttp.ClientError):
                    async with session.get(self.local + "/healthz"):
                        break
                await asyncio.sleep(0.05)
        self.fake.deliver_webhooks_to(self.local + "/telegram/hook")  # what nginx or Caddy would do
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.stop.set()
        await self.task


@pytest.fixture
async def hooked(fake: FakeTelegram, tmp_path: Path, sample_kb: KnowledgeBase) -> AsyncIterator[WebhookBot]:
    async with WebhookBot(fake, tmp_path / "wijkwijzer.sqlite3", sample_kb, free_port()) as bot:
        yield bot


async def post(url: str, body: str = '{"update_id": 999999}', secret: str | None = None) -> tuple[int, str]:
    headers = {HEADER: secret} if secret is not None else {}
    async with aiohttp.ClientSession() as session, session.post(url, data=body, headers=headers) as answer:
        return answer.status, await answer.text()


async def test_a_resident_talks_to_the_bot_through_the_webhook(hooked: WebhookBot) -> None:
    fake = hooked.fake
    (registered,) = fake.calls("setWebhook")
    assert registered["url"] == PUBLIC and registered["secret_token"] == SECRET
    amira = fake.user(1001, "Amira", language_code="nl")
    assert "Wijkwijzer" in texts(await say(amira, "/start"))
    await tap(amira, "eigen woorden")
    heard = texts(await say(amira, "de deurwaarder staat steeds voor de deur en mijn zoon spijbelt"))
    assert "Klopt dat?" in heard
    await tap(amira, "Klopt")
    assert not fake.calls("getUpdates"), "no long polling in webhook mode"
    assert fake.webhook_answers and set(fake.webhook_answers) == {200}
    assert not fake.pending_updates(), "Telegram has nothing left to post"
    fake.assert_clean()


async def test_a_forged_request_gets_403_and_is_never_stored(hooked: WebhookBot) -> None:
    hook = hooked.local + "/telegram/hook"
    store = hooked.app.bot_data[KEY].store
    before = await store.db.one("SELECT count(*) FROM inbox")
    assert (await post(hook))[0] == 403
    assert (await post(hook, secret="raden"))[0] == 403
    assert (await post(hook, secret=SECRET[:-1]))[0] == 403
    assert (await post(hook, secret=SECRET, body="geen json"))[0] == 400
    assert await store.db.one("SELECT count(*) FROM inbox") == before
    assert (await post(hooked.local + "/anders", secret=SECRET))[0] == 404


async def test_healthz_answers_200_while_fine_and_503_when_the_tick_is_old(hooked: WebhookBot) -> None:
    heartbeat = hooked.app.bot_data[HEARTBEAT]
    await wait_for(lambda: heartbeat.last is not None, "the first tick", 20)
    async with aiohttp.ClientSession() as session:
        async with session.get(hooked.local + "/healthz") as answer:
            assert answer.status == 200
            body = await answer.json()
        assert body["status"] == "ok" and body["database"] == "ok" and body["last_tick_seconds_ago"] <= 5
        heartbeat.last = time.time() - 1000
        async with session.get(hooked.local + "/healthz") as answer:
            assert answer.status == 503
            assert (await answer.json())["status"] == "unhealthy"


async def test_an_update_stored_but_not_handled_before_a_crash_is_handled_after_the_restart(
    fake: FakeTelegram, tmp_path: Path, sample_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, port = tmp_path / "wijkwijzer.sqlite3", free_port()

    async def crashed_before_handling(self: Intake) -> None:
        """The process dies right after the commit and the 200: nothing is handed on."""

    monkeypatch.setattr(Intake, "dispatch_pending", crashed_before_handling)
    amira = fake.user(1001, "Amira", language_code="nl")
    async with WebhookBot(fake, db, sample_kb, port) as first:
        await amira.says("/start")
        await wait_for(lambda: 200 in fake.webhook_answers, "Telegram's post answered with 200")
        assert await first.app.bot_data[KEY].store.inbox.pending() != []
    assert not fake.sent_to(amira), "nothing was handled"
    assert not fake.pending_updates(), "Telegram forgot it: it is ours now"

    monkeypatch.undo()
    async with WebhookBot(fake, db, sample_kb, port):
        welcome = await amira.hears(timeout=20)
        assert "Wijkwijzer" in welcome.plain
        await asyncio.sleep(0.5)
        assert sum(1 for m in fake.sent_to(amira) if "Wijkwijzer" in m.plain) == 1, "once"


async def test_python_bot_py_webhook_survives_sigkill(fake: FakeTelegram, tmp_path: Path) -> None:
    port, log = free_port(), tmp_path / "bot.log"
    env = clean_env(TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_BASE_URL=fake.base_url,
                    WIJKWIJZER_DB=str(tmp_path / "wijkwijzer.sqlite3"), WIJKWIJZER_WEBHOOK_URL=PUBLIC,
                    WIJKWIJZER_WEBHOOK_SECRET=SECRET, WIJKWIJZER_WEBHOOK_PORT=str(port))

    async def start() -> asyncio.subprocess.Process:
        hooks = len(fake.calls("setWebhook"))
        with log.open("ab") as out:
            process = await asyncio.create_subprocess_exec(sys.executable, str(ROOT / "bot.py"), "--webhook", env=env,
                                                           cwd=tmp_path, stdout=out, stderr=asyncio.subprocess.STDOUT)
        await wait_for(lambda: len(fake.calls("setWebhook")) > hooks or process.returncode is not None, "setWebhook")
        assert process.returncode is None, log.read_text()
        return process

    fake.deliver_webhooks_to(f"http://127.0.0.1:{port}/telegram/hook")
    process = await start()
    try:
        eva = fake.user(3001, "Eva", language_code="nl")
        assert "Wijkwijzer" in texts(await say(eva, "/start"))
        assert (await post(f"http://127.0.0.1:{port}/telegram/hook"))[0] == 403
        process.send_signal(signal.SIGKILL)
        await process.wait()
        await eva.taps("eigen woorden")  # while the bot is down: Telegram keeps posting until it gets a 200
        await wait_for(lambda: 0 in fake.webhook_answers, "a post that found nobody")
        process = await start()
        await eva.callback_answered(timeout=20)
        assert "Vertel" in texts(await eva.hears_all(quiet=0.5, timeout=20))
        process.terminate()
        assert await asyncio.wait_for(process.wait(), 20) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    output = log.read_text()
    assert "Traceback" not in output and "listening on 127.0.0.1:" in output
    assert "Eva" not in output and fake.token not in output and SECRET not in output


# -- settings ------------------------------------------------------------------------------------
def test_webhook_settings_are_checked_at_start() -> None:
    with pytest.raises(ConfigError, match="WIJKWIJZER_WEBHOOK_SECRET"):
        Config.from_env({"WIJKWIJZER_WEBHOOK_URL": PUBLIC})
    with pytest.raises(ConfigError, match="https://"):
        Config.from_env({"WIJKWIJZER_WEBHOOK_URL": "http://bot.test/hook", "WIJKWIJZER_WEBHOOK_SECRET": SECRET})
    with pytest.raises(ConfigError, match="only hold"):
        Config.from_env({"WIJKWIJZER_WEBHOOK_URL": PUBLIC, "WIJKWIJZER_WEBHOOK_SECRET": "met spatie"})
    with pytest.raises(ConfigError, match="WIJKWIJZER_WEBHOOK_PORT"):
        Config.from_env({"WIJKWIJZER_WEBHOOK_PORT": "70000"})
    config = Config.from_env({"WIJKWIJZER_WEBHOOK_URL": PUBLIC, "WIJKWIJZER_WEBHOOK_SECRET": SECRET,
                              "WIJKWIJZER_WEBHOOK_LISTEN": "0.0.0.0", "WIJKWIJZER_WEBHOOK_PORT": "8443"})
    assert (config.webhook_path, config.webhook_listen, config.webhook_port) == ("/telegram/hook", "0.0.0.0", 8443)
    assert Config.from_env({}).webhook_url is None, "long polling stays the default"


def test_dash_dash_webhook_without_an_address_is_one_sentence(tmp_path: Path) -> None:
    result = run("--webhook", TELEGRAM_BOT_TOKEN="123:ABC", WIJKWIJZER_DB=str(tmp_path / "db.sqlite3"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("Configuration problem: --webhook needs WIJKWIJZER_WEBHOOK_URL")
    assert os.listdir(tmp_path) == []
