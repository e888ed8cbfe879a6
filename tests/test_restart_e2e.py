"""A real `python bot.py` process, killed with SIGKILL in the middle of the check and started again."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from testing.fakebot import FakeTelegram
from tests.test_resident_e2e import replies, say, story_until_postcode, tap, texts

ROOT = Path(__file__).resolve().parent.parent


class BotProcess:
    """`python bot.py` talking to the fake Bot API, with its output kept for inspection."""

    def __init__(self, fake: FakeTelegram, db: Path, log: Path) -> None:
        self.fake, self.db, self.log = fake, db, log
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WIJKWIJZER_"))}
        env.update(TELEGRAM_BOT_TOKEN=self.fake.token, TELEGRAM_BASE_URL=self.fake.base_url,
                   WIJKWIJZER_DB=str(self.db), WIJKWIJZER_LOG_LEVEL="INFO")
        polls = len(self.fake.calls("getUpdates"))
        with self.log.open("ab") as out:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, str(ROOT / "bot.py"), env=env, cwd=ROOT, stdout=out, stderr=asyncio.subprocess.STDOUT
            )
        for _ in range(300):  # up to 30 s: until it polls
            if len(self.fake.calls("getUpdates")) > polls:
                return
            assert self.process.returncode is None, self.log.read_text()
            await asyncio.sleep(0.1)
        raise AssertionError("the bot did not start polling:\n" + self.log.read_text())

    async def kill(self) -> None:
        """SIGKILL: no clean-up, no flush, nothing."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await asyncio.wait_for(self.process.wait(), 10)

    async def stop(self) -> None:
        if self.process and self.process.returncode is None:
            self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), 15)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()


async def test_sigkill_in_the_middle_of_the_check_loses_nothing(fake: FakeTelegram, tmp_path: Path) -> None:
    bot = BotProcess(fake, tmp_path / "wijkwijzer.sqlite3", tmp_path / "bot.log")
    await bot.start()
    try:
        eva = fake.user(3001, "Eva", language_code="nl")
        await say(eva, "/start")
        await tap(eva, "korte check")
        await tap(eva, "Nee, gaat goed")
        await tap(eva, "Een beetje")
        question_3 = fake.newest_keyboard_message(3001)
        assert "Vraag 3 van 11" in question_3.plain

        await bot.kill()
        await eva.says("ja")  # answered while the bot is down: Telegram keeps it
        await bot.start()

        after_restart = texts(await replies(eva))
        assert "Vraag 3 van 11" not in after_restart
        assert "Wil je in een paar woorden vertellen" in after_restart, "the answer to question 3 counted"
        await tap(eva, "Sla over")
        assert "Vraag 4 van 11" in fake.newest_keyboard_message(3001).plain

        old_button = next(b for b in question_3.inline_buttons() if "zorgen" in b["text"])
        await eva.taps_data(old_button["callback_data"], question_3.message_id)
        assert "oudere vraag" in (await eva.callback_answered(timeout=10)).text
        await replies(eva)

        await bot.kill()
        await bot.start()
        await tap(eva, "Nee, gaat goed")
        assert "Vraag 5 van 11" in fake.newest_keyboard_message(3001).plain
    finally:
        await bot.stop()
    log = (tmp_path / "bot.log").read_text()
    assert "error while handling an update" not in log, log
    assert "Eva" not in log and fake.token not in log
    fake.assert_clean()


async def run_cli(*args: str, env: dict[str, str]) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "bot.py"), *args, env={**os.environ, **env}, cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode, out.decode(), err.decode()


async def test_sigkill_between_storing_and_delivering_delivers_once_after_restart(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    db = tmp_path / "wijkwijzer.sqlite3"
    env = {"TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_BASE_URL": fake.base_url, "WIJKWIJZER_DB": str(db)}
    bot = BotProcess(fake, db, tmp_path / "bot.log")
    await bot.start()
    try:
        code, link, _ = await run_cli("invite", "fatima-el-amrani", env=env)
        assert code == 0 and link.startswith("https://t.me/wijkwijzer_test_bot?start=i-")
        fatima = fake.user(7001, "Fatima", language_code="nl")
        assert "Welkom, Fatima El Amrani" in texts(await say(fatima, "/start " + link.strip().split("start=")[1]))

        amira = fake.user(1001, "Amira", language_code="nl")
        await story_until_postcode(amira, "de deurwaarder staat steeds voor de deur en mijn zoon spijbelt",
                                   "mijn moeder helpt", "iemand die meedenkt")
        await say(amira, "5341")
        await tap(amira, "Ja, geef mijn verhaal door")
        fake.fail_next("sendPhoto", "timeout", hold=30)  # the picture for Fatima will hang
        await tap(amira, "Via een bericht")
        card = await fatima.hears(timeout=15)
        assert "Overdracht #1" in card.plain
        await fake.wait_for(lambda: bool(fake.failed_requests), max_wait=15, what="the picture to hang")
        await bot.kill()  # stored, not delivered

        await bot.start()
        picture = await fatima.hears(timeout=20)
        assert picture.photo is not None
        await asyncio.sleep(1.0)
        sent = fake.sent_to(fatima)
        assert sum(1 for m in sent if m.text and "Overdracht #1</b>" in m.text) == 1, "the card is not sent twice"
        assert sum(1 for m in sent if m.photo) == 1

        code, out, _ = await run_cli("audit", "1", env=env)
        assert code == 0
        assert "de inwoner" in out and "status: verstuurd" in out and "kreeg de overdracht" in out
        assert "Fatima El Amrani (Wijkcoach)" in out and "fatima-el-amrani" not in out and "1001" not in out
        code, _, err = await run_cli("audit", "99", env=env)
        assert code == 1 and "No handoff 99" in err
    finally:
        await bot.stop()
    log = (tmp_path / "bot.log").read_text()
    for secret in ("deurwaarder", "Amira", "Fatima El Amrani", fake.token):
        assert secret not in log
