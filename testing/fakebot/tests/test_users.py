"""The simulated people: media they send, groups and privacy mode, waiting, commands and blocking."""

from __future__ import annotations

import httpx
import pytest
from telegram import (
    BotCommand,
    MenuButtonCommands,
    Update,
)
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
)

from testing.fakebot import FakeTelegram
from testing.fakebot.tests.helpers import (
    AMIRA,
    build_app,
)


async def test_user_media_updates_parse_in_ptb(
    fake: FakeTelegram, client: httpx.AsyncClient
) -> None:
    amira = fake.user(AMIRA, "Amira", last_name="Bakker", language_code="nl")
    await amira.shares_contact("+31612345678")
    await amira.sends_sticker()
    await amira.sends_voice()
    await amira.sends_photo(caption="kapotte lantaarn")
    await amira.sends_location(52.37, 4.89)
    await amira.sends_document(b"inhoud", filename="brief.txt", mime_type="text/plain")
    typo = await amira.says("typfout")
    await amira.edits(typo, "verbeterd")
    raw = (await client.post("getUpdates")).json()["result"]

    async with build_app(fake) as app:
        updates = [Update.de_json(data, app.bot) for data in raw]
        messages = [update.message for update in updates[:-2]]
        assert all(m is not None and m.from_user and m.from_user.id == AMIRA for m in messages)
        contact, sticker, voice, photo, location, document = messages
        assert contact and contact.contact and contact.contact.user_id == AMIRA
        assert contact.contact.phone_number == "+31612345678"
        assert sticker and sticker.sticker and sticker.sticker.emoji == "👍"
        assert voice and voice.voice and voice.voice.mime_type == "audio/ogg"
        assert photo and photo.photo[-1].width == 64 and photo.caption == "kapotte lantaarn"
        assert location and location.location and location.location.latitude == 52.37
        assert document and document.document and document.document.file_name == "brief.txt"
        file = await app.bot.get_file(document.document.file_id)
        assert await file.download_as_bytearray() == bytearray(b"inhoud")
        edited = updates[-1].edited_message
        assert edited and edited.text == "verbeterd" and edited.message_id == typo

    assert [update["update_id"] for update in raw] == list(range(1, 9))
    assert typo == 7


async def test_group_privacy_mode_and_replies(
    fake: FakeTelegram, client: httpx.AsyncClient
) -> None:
    amira = fake.user(AMIRA, "Amira")
    group = fake.group_chat(chat_id=-100123, title="Buurt")
    await amira.says("hallo allemaal", chat=group)
    await amira.says("/start@een_andere_bot", chat=group)
    await amira.says("/help@wijkwijzer_test_bot", chat=group)
    delivered = (await client.post("getUpdates")).json()["result"]
    assert [u["message"]["text"] for u in delivered] == ["/help@wijkwijzer_test_bot"]
    assert delivered[0]["message"]["chat"] == {
        "id": -100123,
        "type": "supergroup",
        "title": "Buurt",
    }
    assert len(fake.withheld) == 2

    async with build_app(fake) as app:
        sent = await app.bot.send_message(group.id, "Waarmee kan ik helpen?")
    assert (await amira.hears(chat=group)).text == "Waarmee kan ik helpen?"
    await amira.says("met een lantaarn", chat=group, reply_to=sent.message_id)
    offset = str(delivered[-1]["update_id"] + 1)
    reply = (await client.post("getUpdates", data={"offset": offset})).json()["result"]
    assert reply[0]["message"]["reply_to_message"]["message_id"] == sent.message_id == 4


async def test_idle_hears_all_and_chat_actions(fake: FakeTelegram) -> None:
    amira = fake.user(AMIRA, "Amira")
    async with build_app(fake) as app:
        for text in ("een", "twee", "drie"):
            await app.bot.send_message(AMIRA, text)
        assert await app.bot.send_chat_action(AMIRA, "typing") is True
        await fake.idle(quiet=0.1)
        assert [m.text for m in await amira.hears_all(quiet=0.1)] == ["een", "twee", "drie"]
        assert await amira.hears_all(quiet=0.1) == []
        with pytest.raises(AssertionError, match="heard nothing"):
            await amira.hears(timeout=0.1)
        with pytest.raises(BadRequest, match="(?i)wrong parameter action"):
            await app.bot.send_chat_action(AMIRA, "dancing")
    await amira.says("niemand luistert")
    with pytest.raises(AssertionError, match="not fetched yet"):
        await fake.idle(quiet=0.05, max_wait=0.3)


async def test_commands_menu_webhook_chat_and_blocking(fake: FakeTelegram) -> None:
    amira = fake.user(AMIRA, "Amira")
    async with build_app(fake) as app:
        bot = app.bot
        assert await bot.set_my_commands([BotCommand("start", "Begin"), BotCommand("hulp", "Hulp")])
        assert await bot.set_my_commands([BotCommand("start", "Beginnen")], language_code="nl")
        assert [c.command for c in await bot.get_my_commands()] == ["start", "hulp"]
        assert fake.commands(language_code="nl") == [
            {"command": "start", "description": "Beginnen"}
        ]
        with pytest.raises(BadRequest, match="(?i)BOT_COMMAND_INVALID"):
            await bot.set_my_commands([BotCommand("Start", "Hoofdletter")])
        assert await bot.set_chat_menu_button(chat_id=AMIRA, menu_button=MenuButtonCommands())
        assert (await bot.get_chat(AMIRA)).first_name == "Amira"
        assert await bot.set_webhook("https://example.org/hook")
        with pytest.raises(Conflict, match="webhook is active"):
            await bot.get_updates()
        assert await bot.delete_webhook()
        assert (await bot.get_webhook_info()).url == ""
        await amira.blocks_bot()
        with pytest.raises(Forbidden, match="blocked by the user"):
            await bot.send_message(AMIRA, "hallo?")

    assert [(e.method, e.code) for e in fake.errors] == [
        ("setMyCommands", 400),
        ("getUpdates", 409),
        ("sendMessage", 403),
    ]
    assert len(fake.violations) == 1
    assert fake.pending_updates()[-1]["my_chat_member"]["new_chat_member"]["status"] == "kicked"
