"""Many residents at once: every tap answered well within Telegram's time-out, every next question delivered.

One resident's burst must not stall the others (issue 11): buttons are answered at once, outside the
message pace, and a 429 for one chat pauses only that chat.
"""

from __future__ import annotations

import asyncio
import time

from testing.fakebot import FakeUser
from tests.conftest import RunningBot

RESIDENTS = 120
ANSWER_WITHIN = 10.0  # seconds; Telegram shows an error to the resident after about 15


async def _to_the_choice(user: FakeUser) -> None:
    await user.says("/start")
    await user.fake.wait_for(lambda: any(m.inline_buttons() for m in user.fake.sent_to(user)), max_wait=60,
                             what=f"the choice for {user.first_name}")


async def test_a_crowd_pressing_at_once_is_answered_in_time_and_each_gets_the_next_question(
        bot: RunningBot) -> None:
    crowd = [bot.fake.user(30_000 + n, f"Bewoner{n}", language_code="nl") for n in range(RESIDENTS)]
    await asyncio.gather(*(_to_the_choice(user) for user in crowd))
    burster = crowd[0]
    bot.fake.fail_next("sendMessage", "429", count=3, retry_after=5, chat_id=burster.id)  # one chat is throttled
    started = time.monotonic()
    queries = await asyncio.gather(*(user.taps("eigen woorden") for user in crowd))
    answers = await asyncio.gather(*(bot.fake.wait_for_answer(q, ANSWER_WITHIN) for q in queries))
    assert all(a is not None for a in answers), f"{sum(a is None for a in answers)} taps were never answered"
    assert time.monotonic() - started < ANSWER_WITHIN, "every tap answered in time"
    for user in crowd[1:]:  # the others are not held up by the throttled chat
        await bot.fake.wait_for(
            lambda u=user: any("Vertel maar wat er speelt" in (m.text or "") for m in bot.fake.sent_to(u)),
            max_wait=ANSWER_WITHIN, what=f"the story question for {user.first_name}")
    await bot.fake.wait_for(  # the throttled one gets it too, after retry_after, once
        lambda: any("Vertel maar wat er speelt" in (m.text or "") for m in bot.fake.sent_to(burster)),
        max_wait=40, what="the story question after the 429s")
    for user in crowd:
        asked = [m for m in bot.fake.sent_to(user) if "Vertel maar wat er speelt" in (m.text or "")]
        assert len(asked) == 1, f"{user.first_name} got the question {len(asked)} times"
    bot.fake.assert_clean()
