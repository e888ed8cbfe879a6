"""The HTTP layer and Telegram's content rules: auth, encodings, uploads, HTML, limits, edits."""

from __future__ import annotations

import json

import httpx
import pytest
from telegram.error import (
    BadRequest,
)

from testing.fakebot import EntityParseError, FakeTelegram, make_png, parse_formatted
from testing.fakebot.tests.helpers import (
    AMIRA,
    BOT_USERNAME,
    TOKEN,
    build_app,
    keyboard,
)


async def test_auth_unknown_methods_and_parameter_encodings(
    fake: FakeTelegram, client: httpx.AsyncClient
) -> None:
    amira = fake.user(AMIRA, "Amira")
    async with httpx.AsyncClient() as anonymous:
        wrong = await anonymous.post(f"{fake.base_url}999:WRONG/getMe")
    assert (wrong.status_code, wrong.json()) == (
        401,
        {"ok": False, "error_code": 401, "description": "Unauthorized"},
    )
    missing = await client.post("sendTelepathy")
    assert missing.json() == {"ok": False, "error_code": 404, "description": "Not Found"}

    me = (await client.get("getMe")).json()["result"]
    assert me["is_bot"] is True and me["username"] == BOT_USERNAME
    assert me["can_read_all_group_messages"] is False

    inline = {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
    by_json = await client.post(
        "SENDMESSAGE", json={"chat_id": AMIRA, "text": "json", "reply_markup": inline}
    )
    result = by_json.json()["result"]
    assert (result["message_id"], result["chat"]["id"], result["from"]["is_bot"]) == (
        1,
        AMIRA,
        True,
    )
    assert result["reply_markup"] == inline

    contact_keyboard = {"keyboard": [[{"text": "Deel nummer", "request_contact": True}]]}
    form = {"chat_id": str(AMIRA), "text": "form", "reply_markup": json.dumps(contact_keyboard)}
    by_form = (await client.post("sendMessage", data=form)).json()["result"]
    assert by_form["message_id"] == 2 and "reply_markup" not in by_form
    assert fake.calls("sendMessage")[1]["chat_id"] == AMIRA
    assert fake.sent_to(AMIRA)[1].reply_markup == contact_keyboard
    assert amira.reply_keyboard() == ["Deel nummer"]

    reaction = await client.post(
        "setMessageReaction", data={"chat_id": str(AMIRA), "message_id": "1"}
    )
    assert reaction.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
    assert len(fake.violations) == 3
    assert "Unauthorized" in fake.violations[0] and "Not Found" in fake.violations[1]
    assert "the fake knows (testing/fakebot/botapi.json)" in fake.violations[2]


async def test_multipart_uploads_keep_bytes_and_filenames(
    fake: FakeTelegram, client: httpx.AsyncClient
) -> None:
    fake.user(AMIRA, "Amira")
    png = make_png(40, 30)
    caption = "<b>Kaart</b> van de wijk"
    form = {"chat_id": str(AMIRA), "caption": caption, "parse_mode": "HTML"}
    photo = await client.post(
        "sendPhoto", data=form, files={"photo": ("kaart.png", png, "image/png")}
    )
    sent_photo = photo.json()["result"]
    assert sent_photo["caption"] == "Kaart van de wijk" and sent_photo["photo"][0]["width"] == 40
    document = await client.post(
        "sendDocument",
        data={"chat_id": str(AMIRA), "document": "attach://part1"},
        files={"part1": ("brief.txt", b"Beste Amira", "text/plain")},
    )
    assert document.json()["result"]["document"]["file_name"] == "brief.txt"
    bogus = await client.post(
        "sendPhoto",
        data={"chat_id": str(AMIRA)},
        files={"photo": ("x.png", b"no image", "image/png")},
    )
    assert bogus.status_code == 400 and "IMAGE_PROCESS_FAILED" in bogus.json()["description"]
    file_id = sent_photo["photo"][0]["file_id"]
    again = await client.post("sendPhoto", data={"chat_id": str(AMIRA), "photo": file_id})
    assert again.json()["ok"] is True

    photo_msg, doc_msg, resent = fake.sent_to(AMIRA)
    assert (photo_msg.photo, photo_msg.text, photo_msg.plain) == (png, caption, "Kaart van de wijk")
    assert (doc_msg.document, doc_msg.filename) == (b"Beste Amira", "brief.txt")
    assert resent.photo == png
    file_path = (await client.post("getFile", data={"file_id": file_id})).json()["result"][
        "file_path"
    ]
    async with httpx.AsyncClient() as downloader:
        download = await downloader.get(f"{fake.base_file_url}{TOKEN}/{file_path}")
    assert download.content == png
    assert len(fake.violations) == 1 and "IMAGE_PROCESS_FAILED" in fake.violations[0]


@pytest.mark.parametrize(
    ("source", "plain"),
    [
        ("<b>vet</b> &amp; <i>schuin</i>", "vet & schuin"),
        ('<a href="https://example.org">link</a> &lt;3 &#33;&#x21;', "link <3 !!"),
        ('<span class="tg-spoiler">geheim</span><tg-spoiler>ook</tg-spoiler>', "geheimook"),
        ('<pre><code class="language-python">x = 1</code></pre>', "x = 1"),
        ("<blockquote expandable>citaat</blockquote> 1 > 0", "citaat 1 > 0"),
        ('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "👍"),
    ],
)
def test_valid_html_is_parsed_like_telegram(source: str, plain: str) -> None:
    assert parse_formatted(source, "HTML").text == plain


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("<b>open", 'start tag "b"'),
        ("<b><i>x</b></i>", 'expected "</i>", found "</b>"'),
        ("regel<br>regel", 'Unsupported start tag "br"'),
        ("a < b", 'Unexpected "<"'),
        ("Tom & Jerry", 'unescaped "&"'),
        ("&nbsp;", "Unsupported HTML entity"),
        ("<span>x</span>", 'must have class "tg-spoiler"'),
        ("tekst</b>", 'Unexpected end tag "</b>"'),
    ],
)
def test_invalid_html_is_refused(source: str, problem: str) -> None:
    with pytest.raises(EntityParseError, match=problem):
        parse_formatted(source, "HTML")


def test_entity_offsets_are_utf16_and_only_html_is_known() -> None:
    parsed = parse_formatted("😀 <b>é</b>", "HTML")
    assert parsed.entities == ({"type": "bold", "offset": 3, "length": 1},)
    assert parse_formatted("*geen* opmaak", None).text == "*geen* opmaak"
    for mode in ("MarkdownV2", "Markdown", "BBCode"):
        with pytest.raises(LookupError, match="HTML only"):
            parse_formatted("x", mode)


async def test_content_rule_breaches_are_violations(fake: FakeTelegram) -> None:
    fake.user(AMIRA, "Amira")
    async with build_app(fake) as app:
        bot = app.bot
        await bot.send_message(AMIRA, f"<b>{'a' * 4095}</b>&amp;", parse_mode="HTML")
        await bot.send_message(AMIRA, "64 bytes", reply_markup=keyboard(("ok", "é" * 32)))
        assert fake.violations == []
        with pytest.raises(BadRequest, match="(?i)can't parse entities"):
            await bot.send_message(AMIRA, "<b>vet", parse_mode="HTML")
        with pytest.raises(BadRequest, match="(?i)message is too long"):
            await bot.send_message(AMIRA, "a" * 4097)
        with pytest.raises(BadRequest, match="(?i)BUTTON_DATA_INVALID"):
            await bot.send_message(AMIRA, "65+ bytes", reply_markup=keyboard(("te lang", "é" * 33)))
        with pytest.raises(BadRequest, match="(?i)chat not found"):
            await bot.send_message(4242, "wie?")
        with pytest.raises(BadRequest, match="(?i)caption is too long"):
            await bot.send_photo(AMIRA, make_png(8, 8), caption="x" * 1025)
        with pytest.raises(BadRequest, match="(?i)text buttons are unallowed"):
            await bot.send_message(
                AMIRA, "kaal", reply_markup={"inline_keyboard": [[{"text": "?"}]]}
            )

    assert len(fake.sent_to(AMIRA)) == 2
    assert len(fake.violations) == 6
    assert "can't parse entities" in fake.violations[0]
    assert "4097 characters" in fake.violations[1]
    assert "66 bytes" in fake.violations[2]
    with pytest.raises(AssertionError, match="BUTTON_DATA_INVALID"):
        fake.assert_clean()


async def test_edit_and_delete_follow_telegram(fake: FakeTelegram) -> None:
    amira = fake.user(AMIRA, "Amira")
    said = await amira.says("hallo")
    async with build_app(fake) as app:
        bot = app.bot
        sent = await bot.send_message(AMIRA, "Kies", reply_markup=keyboard(("A", "a")))
        await bot.edit_message_reply_markup(chat_id=AMIRA, message_id=sent.message_id)
        stored = fake.sent_to(AMIRA)[0]
        assert stored.reply_markup is None and stored.history[0].reply_markup is not None
        with pytest.raises(BadRequest, match="(?i)message is not modified"):
            await bot.edit_message_text("Kies", chat_id=AMIRA, message_id=sent.message_id)
        edited = await bot.edit_message_text(
            "<i>Gekozen</i>", chat_id=AMIRA, message_id=sent.message_id, parse_mode="HTML"
        )
        assert isinstance(edited, type(sent)) and edited.text == "Gekozen"
        with pytest.raises(BadRequest, match="(?i)message to edit not found"):
            await bot.edit_message_text("x", chat_id=AMIRA, message_id=99)
        with pytest.raises(BadRequest, match="(?i)message can't be edited"):
            await bot.edit_message_text("x", chat_id=AMIRA, message_id=said)
        assert await bot.delete_message(AMIRA, said) is True
        assert await bot.delete_message(AMIRA, sent.message_id) is True
        with pytest.raises(BadRequest, match="(?i)message to delete not found"):
            await bot.delete_message(AMIRA, sent.message_id)

    assert stored.deleted and stored.plain == "Gekozen" and len(stored.history) == 2
    assert len(fake.violations) == 4
