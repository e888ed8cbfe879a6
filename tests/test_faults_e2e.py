"""Telegram failing at every step of the resident's conversation: every question still arrives, in order, once.

For each path (the story path and the check path) one resident first walks it without faults:
that is the reference, step by step. Then four residents walk the same path at the same time,
one per fault kind (429, 502, a dropped connection, a time-out). Before every step, the next
sendMessage to that resident's chat fails with its kind (sendPhoto at the step whose answer
starts with the picture). After every step the resident must hear exactly what the reference
heard at that step, in the same order; the fault must have been used. The cards to the wijkteam
member fail too (each kind once across the two paths). At the end every card arrives exactly
once, nobody got one message more than the reference, nothing was logged at ERROR, and the fake
saw no Bot API violation.

The four residents run at the same time, so every (step, fault kind) pair of both paths is
tested (the full cross product: 10 steps x 4 kinds on the story path, 21 x 4 on the check path),
while the retry waits (Telegram's retry_after, the outbox's back-off) overlap instead of adding up.
The flood gate is widened: a test walks 21 steps faster than a person can (the gate has its own test).
"""

from __future__ import annotations

import asyncio
import logging
import re

import pytest

from flows.limits import FloodGate
from testing.fakebot import FakeUser
from tests.conftest import RunningBot
from tests.test_handoff_e2e import register

KINDS = ("429", "502", "drop", "timeout")
HOLD = 0.5  # seconds a "timeout" fault holds the request before dropping it
FATIMA, MEHMET = 7001, 7003

ENDING = [("postcode", "say", "5341"), ("consent", "tap", "Ja, geef mijn verhaal door")]
STORY_PATH = [
    ("start", "say", "/start"),
    ("own words", "tap", "eigen woorden"),
    ("story", "say", "de deurwaarder staat steeds voor de deur en mijn zoon spijbelt"),
    ("confirm", "tap", "Klopt"),
    ("check offer", "tap", "Nee, ga verder"),
    ("going well", "say", "mijn moeder helpt met de kinderen"),
    ("would help", "say", "iemand die met me meedenkt over de rekeningen"),
    *ENDING,
    ("preference", "tap", "Via een bericht"),
]
CHECK_PATH = [
    ("start", "say", "/start"),
    ("check", "tap", "korte check"),
    ("question 1", "tap", "Nee, gaat goed"),
    ("question 2", "tap", "Een beetje"),
    ("question 3", "tap", "zorgen"),
    ("follow-up", "say", "de huur is weer omhoog"),
    ("question 4", "say", "1"),
    ("question 5", "say", "sla over"),
    ("question 6", "say", "nee"),
    ("question 7", "say", "een beetje"),
    ("question 8", "say", "1"),
    ("question 9", "say", "1"),
    ("question 10", "say", "nee"),
    ("question 11", "say", "1"),
    ("going well", "tap", "Sla over"),
    ("would help", "say", "hulp met de verhuurder"),
    *ENDING,
    ("preference", "tap", "Bel mij"),
    ("phone", "contact", "+31612345678"),
    ("daypart", "tap", "Ochtend"),
]
PATHS = {"story": STORY_PATH, "check": CHECK_PATH}
# Faults on the staff's chat hit the first card and then its retries (one chat, in order; the back-off
# doubles), so each kind fails a card once across the two paths rather than four times in a row.
CARD_FAULTS = {"story": ("429", "timeout"), "check": ("502", "drop")}


def seen(message) -> tuple[str, str, tuple[str, ...]]:
    """What the resident sees of a message (handoff numbers differ between residents)."""
    return message.method, re.sub(r"#\d+", "#N", message.plain), tuple(message.button_labels())


async def act(user: FakeUser, kind: str, arg: str) -> None:
    if kind == "say":
        await user.says(arg)
    elif kind == "tap":
        await user.taps(arg)
        await user.callback_answered(timeout=10)
    else:
        await user.shares_contact(arg)


async def reference(bot: RunningBot, path: list) -> list[list[tuple]]:
    """What a resident hears at each step when Telegram never fails."""
    user = bot.fake.user(1000, "Ref", language_code="nl")
    heard = []
    for _, kind, arg in path:
        await act(user, kind, arg)
        await bot.settled()
        messages = await user.hears_all(quiet=0, timeout=1)
        assert messages, f"the reference heard nothing after {arg!r}"
        heard.append([seen(m) for m in messages])
    return heard


def cards(bot: RunningBot, chat_id: int) -> list[int]:
    """The handoff numbers of the cards (text messages) the wijkteam member got, in order."""
    return [int(found.group(1)) for m in bot.fake.sent_to(chat_id)
            if m.kind == "text" and (found := re.search(r"Overdracht #(\d+)</b>", m.text or ""))]


def faults_on(bot: RunningBot, chat_id: int) -> int:
    return sum(1 for f in bot.fake.failed_requests if str(f.params.get("chat_id")) == str(chat_id))


async def walk_with_faults(bot: RunningBot, user: FakeUser, kind: str, path: list, expected: list) -> None:
    """Walk the path; before every step the next message to this resident fails with `kind`."""
    for (step, action, arg), wanted in zip(path, expected, strict=True):
        before = faults_on(bot, user.id)
        method = "sendPhoto" if wanted[0][0] == "sendPhoto" else "sendMessage"
        bot.fake.fail_next(method, kind, hold=HOLD, chat_id=user.id)
        await act(user, action, arg)
        got = [seen(await user.hears(timeout=20)) for _ in wanted]
        assert got == wanted, f"{kind} at step {step!r}: heard {got}, expected {wanted}"
        assert faults_on(bot, user.id) == before + 1, f"the {kind} fault at step {step!r} was not used"


@pytest.mark.parametrize("path_name", PATHS)
async def test_every_question_arrives_in_order_whatever_telegram_does(
    bot: RunningBot, caplog: pytest.LogCaptureFixture, path_name: str
) -> None:
    caplog.set_level(logging.WARNING)
    bot.house.flood = FloodGate(burst=100, window=20)
    path = PATHS[path_name]
    staff = {FATIMA: await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani"),
             MEHMET: await register(bot, MEHMET, "mehmet-yilmaz", "Mehmet Yilmaz")}
    expected = await reference(bot, path)
    await bot.settled()
    [staff_id] = [i for i in staff if cards(bot, i) == [1]]
    for kind in CARD_FAULTS[path_name]:  # the cards to the wijkteam member fail too
        bot.fake.fail_next("sendMessage", kind, hold=HOLD, chat_id=staff_id)

    residents = {kind: bot.fake.user(1001 + n, f"Bewoner{n}", language_code="nl") for n, kind in enumerate(KINDS)}
    await asyncio.gather(*(walk_with_faults(bot, user, kind, path, expected) for kind, user in residents.items()))

    await bot.fake.wait_for(lambda: faults_on(bot, staff_id) == len(CARD_FAULTS[path_name]), max_wait=20,
                            what="the card faults")
    await bot.fake.wait_for(lambda: len(cards(bot, staff_id)) >= 1 + len(KINDS), max_wait=20, what="every card")
    await bot.settled()
    numbers = sorted(cards(bot, staff_id))
    assert numbers == list(range(1, 2 + len(KINDS))), f"each card exactly once: {numbers}"
    total = sum(len(step) for step in expected)
    for kind, user in residents.items():
        assert len(bot.fake.sent_to(user)) == total, f"{kind}: a message more or less than the reference"
    assert not any(bot.fake._faults.values()), "every injected fault was used"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    bot.fake.assert_clean()
