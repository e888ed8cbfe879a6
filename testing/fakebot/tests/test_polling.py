"""Round trips with real PTB Applications, and updates that are redelivered until confirmed."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time

import httpx

from testing.fakebot import FakeTelegram
from testing.fakebot.tests.helpers import (
    AMIRA,
    TOKEN,
    echo_app,
    polling,
    recording_app,
    spawn_bot,
)


async def test_echo_bot_round_trip_with_real_application(fake: FakeTelegram) -> None:
    amira = fake.user(user_id=AMIRA, first_name="Amira", language_code="nl")
    async with polling(echo_app(fake)):
        await amira.says("/start")
        welcome = await amira.hears()
        await amira.says("hallo")
        reply = await amira.hears()
        assert amira.buttons() == ["Nog eens", "Website"]
        query_id = await amira.taps("nog")
        answer = await amira.callback_answered()
        await fake.idle()

    assert welcome.plain == "Welkom bij Wijkwijzer & co"
    assert welcome.parse_mode == "HTML"
    assert welcome.entities == [{"type": "bold", "offset": 0, "length": 6}]
    assert (reply.message_id, reply.chat_id) == (4, AMIRA)
    assert answer.text == "Gedaan" and answer.query_id == query_id
    assert amira.last_answer() == "Gedaan"
    assert fake.callback(query_id).data == "again"
    assert reply.edited and reply.text == "Klaar" and reply.reply_markup is None
    assert reply.history[0].text == "Echo: hallo"
    assert [m.message_id for m in fake.sent_to(amira)] == [2, 4]
    assert {"getMe", "deleteWebhook", "getUpdates"} <= {method for method, _ in fake.requests}
    assert fake.unanswered_callbacks() == []
    fake.assert_clean()


async def test_updates_are_redelivered_until_confirmed(
    fake: FakeTelegram, client: httpx.AsyncClient
) -> None:
    amira = fake.user(AMIRA, "Amira")
    assert fake.last_update_id == 0
    first = await amira.says("/start@wijkwijzer_test_bot extra")
    await amira.says("hoi")

    updates = (await client.post("getUpdates", data={"timeout": "0"})).json()["result"]
    assert [u["update_id"] for u in updates] == [1, 2] and fake.last_update_id == 2
    assert [u["message"]["message_id"] for u in updates] == [first, first + 1]
    command = {"type": "bot_command", "offset": 0, "length": len("/start@wijkwijzer_test_bot")}
    assert updates[0]["message"]["entities"] == [command]
    assert "entities" not in updates[1]["message"]
    assert (await client.get("getUpdates")).json()["result"] == updates

    started = time.monotonic()
    confirm = await client.post("getUpdates", json={"offset": 3, "timeout": 1})
    assert confirm.json() == {"ok": True, "result": []}
    assert time.monotonic() - started >= 0.9
    assert fake.pending_updates() == []

    poll = asyncio.create_task(client.post("getUpdates", data={"offset": "3", "timeout": "5"}))
    await asyncio.sleep(0.1)
    assert not poll.done()
    pushed = await amira.says("nu wel")
    woken = (await asyncio.wait_for(poll, 2)).json()["result"]
    assert [u["message"]["message_id"] for u in woken] == [pushed]


async def test_unconfirmed_updates_reach_the_next_application(
    fake: FakeTelegram, client: httpx.AsyncClient
) -> None:
    amira = fake.user(AMIRA, "Amira")
    await amira.says("eerste")
    crashed = (await client.post("getUpdates", data={"timeout": "0"})).json()["result"]
    assert [u["message"]["text"] for u in crashed] == ["eerste"]

    seen_a: list[str] = []
    async with polling(recording_app(fake, seen_a)):
        assert (await amira.hears()).text == "Gezien: eerste"
    assert seen_a == ["eerste"]
    assert fake.pending_updates() == []

    await amira.says("tweede")
    seen_b: list[str] = []
    async with polling(recording_app(fake, seen_b)):
        assert (await amira.hears()).text == "Gezien: tweede"
    assert seen_b == ["tweede"]
    fake.assert_clean()


async def test_killed_poller_is_harmless_and_overlapping_polls_conflict(
    fake: FakeTelegram, client: httpx.AsyncClient
) -> None:
    amira = fake.user(AMIRA, "Amira")
    async with httpx.AsyncClient(base_url=f"{fake.base_url}{TOKEN}/") as doomed:
        task = asyncio.create_task(doomed.post("getUpdates", data={"timeout": "5"}))
        await asyncio.sleep(0.1)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    await asyncio.sleep(0.05)
    await amira.says("na de crash")
    result = (await client.post("getUpdates", data={"timeout": "1"})).json()["result"]
    assert [u["message"]["text"] for u in result] == ["na de crash"]
    assert fake.conflicts == []

    offset = str(result[-1]["update_id"] + 1)
    older = asyncio.create_task(client.post("getUpdates", data={"offset": offset, "timeout": "5"}))
    await asyncio.sleep(0.1)
    newer = asyncio.create_task(client.post("getUpdates", data={"offset": offset, "timeout": "5"}))
    terminated = await asyncio.wait_for(older, 2)
    assert terminated.status_code == 409
    assert "terminated by other getUpdates" in terminated.json()["description"]
    await amira.says("nog een")
    assert [u["message"]["text"] for u in (await newer).json()["result"]] == ["nog een"]
    assert len(fake.conflicts) == 1
    assert fake.violations == []


async def test_update_unconfirmed_by_a_sigkilled_bot_process_is_redelivered(
    fake: FakeTelegram,
) -> None:
    amira = fake.user(AMIRA, "Amira")
    first = await spawn_bot(fake, "A")
    try:
        await amira.says("hallo")
        assert (await amira.hears(timeout=10)).text == "A: hallo"
        await fake.all_confirmed()
        # A's long poll is now waiting; the poll after it (which would confirm "een") hangs.
        fake.fail_next("getUpdates", "timeout", hold=30)
        await amira.says("een")
        assert (await amira.hears()).text == "A: een"
        await fake.wait_for(lambda: fake.failed_requests, what="A's confirming poll")
    finally:
        first.kill()
        await first.communicate()
    assert [update["message"]["text"] for update in fake.pending_updates()] == ["een"]

    await amira.says("twee")
    second = await spawn_bot(fake, "B")
    try:
        assert (await amira.hears(timeout=10)).text == "B: een"
        assert (await amira.hears()).text == "B: twee"
        await fake.all_confirmed()
    finally:
        second.kill()
        _, errors = await second.communicate()

    assert first.returncode == -signal.SIGKILL
    assert b"Traceback" not in errors
    assert [(f.method, f.kind) for f in fake.failed_requests] == [("getUpdates", "timeout")]
    assert fake.conflicts == []
    fake.assert_clean()
