"""SIGKILL at the two worst moments: a batch received but not handled, and a decision committed but not sent.

A real `python bot.py` against the fake Bot API (as in test_restart_e2e.py). A message may reach a
resident twice only when Telegram made it and its answer was lost (the bot died after the fake
created the message, before the bot could note it as delivered); everything else arrives once.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from testing.fakebot import FakeTelegram, FakeUser, command_entities
from tests.test_restart_e2e import BotProcess

WELCOME, HOW = "Hoi! Ik ben Wijkwijzer", "Hoe wil je beginnen?"


def shows(message, needle: str) -> bool:
    """The text or one of the buttons of a message."""
    return needle in message.plain or any(needle in label for label in message.button_labels())


def count(fake: FakeTelegram, user: FakeUser, needle: str) -> int:
    return sum(1 for m in fake.sent_to(user) if shows(m, needle))


async def test_killed_while_the_confirming_poll_is_held_every_update_of_the_batch_is_handled_once(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    bot = BotProcess(fake, tmp_path / "wijkwijzer.sqlite3", tmp_path / "bot.log")
    await bot.start()
    try:
        residents = [fake.user(4001 + n, f"Bewoner{n}", language_code="nl") for n in range(10)]
        fake.fail_next("getUpdates", "timeout", hold=60)  # the call that would confirm the batch hangs
        for resident in residents:  # without yielding in between: the bot's running poll gets all ten at once
            fake.post_user_message(resident, resident.chat, {"text": "/start", "entities": command_entities("/start")})
        await fake.wait_for(lambda: any(f.method == "getUpdates" for f in fake.failed_requests), max_wait=15,
                            what="the confirming getUpdates")
        await bot.kill()  # the batch is stored, not confirmed; some updates handled, some not
        sent_before = {r.id: count(fake, r, WELCOME) for r in residents}
        assert len(fake.pending_updates()) == 10, "Telegram still has the whole batch"
        with closing(sqlite3.connect(bot.db)) as db:
            assert db.execute("SELECT count(*) FROM inbox").fetchone()[0] == 10, "stored before it is confirmed"

        await bot.start()  # Telegram brings the batch again; the inbox knows what was handled
        for resident in residents:
            await fake.wait_for(lambda r=resident: count(fake, r, HOW) >= 1, max_wait=20,
                                what=f"the welcome for {resident.first_name}")
        await fake.all_confirmed(max_wait=15)
        await fake.idle(quiet=0.5, max_wait=15)
    finally:
        await bot.stop()
    for resident in residents:
        welcomes, questions = count(fake, resident, WELCOME), count(fake, resident, HOW)
        made_before_the_kill = sent_before[resident.id] == 1
        assert welcomes == 1 or (welcomes == 2 and made_before_the_kill), f"{resident.first_name}: {welcomes}"
        assert questions == 1 or (questions == 2 and made_before_the_kill), f"{resident.first_name}: {questions}"
    log = (tmp_path / "bot.log").read_text()
    assert "error while handling an update" not in log, log
    fake.assert_clean()


STEPS = [  # (what the resident does, what the bot must answer)
    ("say", "/start", HOW),
    ("tap", "eigen woorden", "Vertel maar wat er speelt"),
    ("say", "de deurwaarder staat steeds voor de deur", "Klopt dat?"),
    ("tap", "Klopt", "Nee, ga verder"),
]


async def test_killed_between_the_commit_and_the_send_every_reply_arrives_once(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    bot = BotProcess(fake, tmp_path / "wijkwijzer.sqlite3", tmp_path / "bot.log")
    await bot.start()
    noor = fake.user(4101, "Noor", language_code="nl")
    try:
        for action, arg, answer in STEPS:
            held = len(fake.failed_requests)
            fake.fail_next("sendMessage", "timeout", hold=60, chat_id=noor.id)  # the reply's send hangs
            if action == "say":
                await noor.says(arg)
            else:
                await noor.taps(arg)
                await noor.callback_answered(timeout=10)
            await fake.wait_for(lambda held=held: len(fake.failed_requests) > held, max_wait=15,
                                what=f"the reply to {arg!r} to be on its way")
            await bot.kill()  # the decision is committed, its reply is in the outbox, not at Telegram
            assert count(fake, noor, answer) == 0
            await bot.start()
            await fake.wait_for(lambda answer=answer: count(fake, noor, answer) >= 1,
                                max_wait=20, what=f"the answer to {arg!r} after the restart")
        await fake.idle(quiet=0.5, max_wait=15)
    finally:
        await bot.stop()
    heard = [m.plain for m in fake.sent_to(noor)]
    for _, arg, answer in STEPS:
        assert count(fake, noor, answer) == 1, f"the answer to {arg!r} once: {heard}"
    assert count(fake, noor, WELCOME) == 1
    log = (tmp_path / "bot.log").read_text()
    assert "error while handling an update" not in log, log
    assert "deurwaarder" not in log
    fake.assert_clean()
