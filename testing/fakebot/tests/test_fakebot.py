"""Self-tests of the fake Telegram Bot API in ``testing/fakebot``.

The fake is exercised with plain httpx (to see the wire format) and with small, real
python-telegram-bot Applications (to see that PTB understands every answer), so the bot's
end-to-end tests can trust it.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import signal
import sys
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MenuButtonCommands,
    Update,
)
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from testing.fakebot import EntityParseError, FakeTelegram, make_png, parse_formatted

TOKEN = "123:ABC"
BOT_USERNAME = "wijkwijzer_test_bot"
AMIRA = 1001

BOT_PROCESS = """
import sys
from telegram.ext import ApplicationBuilder, MessageHandler, filters

token, base_url, base_file_url, label = sys.argv[1:5]

async def reply(update, context):
    await update.effective_message.reply_text(f"{label}: {update.effective_message.text}")

app = ApplicationBuilder().token(token).base_url(base_url).base_file_url(base_file_url).build()
app.add_handler(MessageHandler(filters.TEXT, reply))
app.run_polling(poll_interval=0, timeout=10)
"""


# --------------------------------------------------------------------------- fixtures, helpers


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


def build_app(
    fake: FakeTelegram, *handlers: BaseHandler, rate_limiter: AIORateLimiter | None = None
) -> Application:
    """A fresh PTB Application talking to the fake."""
    builder = (
        ApplicationBuilder()
        .token(fake.token)
        .base_url(fake.base_url)
        .base_file_url(fake.base_file_url)
    )
    if rate_limiter is not None:
        builder = builder.rate_limiter(rate_limiter)
    app = builder.build()
    for handler in handlers:
        app.add_handler(handler)
    return app


@contextlib.asynccontextmanager
async def polling(app: Application) -> AsyncIterator[Application]:
    """Run ``app`` with long polling for the duration of the block, then stop it cleanly."""
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()


def keyboard(*buttons: tuple[str, str]) -> InlineKeyboardMarkup:
    """One row of callback buttons from (label, callback_data) pairs."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=d) for t, d in buttons]])


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start: an HTML welcome."""
    if update.effective_message:
        await update.effective_message.reply_text(
            "<b>Welkom</b> bij Wijkwijzer &amp; co", parse_mode="HTML"
        )


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Echo text with an inline callback button and a URL button."""
    message = update.effective_message
    if message and message.text:
        markup = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton("Nog eens", callback_data="again"),
                    InlineKeyboardButton("Website", url="https://example.org/wijk"),
                ]
            ]
        )
        await message.reply_text(f"Echo: {message.text}", reply_markup=markup)


async def again(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the callback query and replace the message (dropping its keyboard)."""
    if update.callback_query:
        await update.callback_query.answer("Gedaan")
        await update.callback_query.edit_message_text("Klaar")


def echo_app(fake: FakeTelegram) -> Application:
    """The small echo bot used by the round-trip test."""
    return build_app(
        fake,
        CommandHandler("start", start),
        MessageHandler(filters.TEXT & ~filters.COMMAND, echo),
        CallbackQueryHandler(again, pattern="^again$"),
    )


def recording_app(fake: FakeTelegram, seen: list[str]) -> Application:
    """A bot that records every text it gets and confirms it to the user."""

    async def record(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message and message.text:
            seen.append(message.text)
            await message.reply_text(f"Gezien: {message.text}")

    return build_app(fake, MessageHandler(filters.TEXT, record))


# --------------------------------------------------------------------------- round trips


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
    first = await amira.says("/start@wijkwijzer_test_bot extra")
    await amira.says("hoi")

    updates = (await client.post("getUpdates", data={"timeout": "0"})).json()["result"]
    assert [u["update_id"] for u in updates] == [1, 2]
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


async def spawn_bot(fake: FakeTelegram, label: str) -> asyncio.subprocess.Process:
    """Start a separate bot process (PTB run_polling) that answers "<label>: <text>"."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        BOT_PROCESS,
        fake.token,
        fake.base_url,
        fake.base_file_url,
        label,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )


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


# --------------------------------------------------------------------------- HTTP layer


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


# --------------------------------------------------------------------------- content rules


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


# --------------------------------------------------------------------------- callbacks


async def test_unanswered_callback_is_reported(fake: FakeTelegram) -> None:
    amira = fake.user(AMIRA, "Amira")

    async def forgetful(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.callback_query:
            await update.callback_query.edit_message_text("Verwerkt")

    async with polling(build_app(fake, CallbackQueryHandler(forgetful))) as app:
        await app.bot.send_message(
            AMIRA, "Kies", reply_markup=keyboard(("Ja", "ja"), ("Ja, graag", "graag"))
        )
        with pytest.raises(AssertionError, match="ambiguous"):
            await amira.taps("j")
        with pytest.raises(AssertionError, match=r"available: message 1: \['Ja', 'Ja, graag'\]"):
            await amira.taps("Nee")
        query_id = await amira.taps("ja")
        await fake.idle()

    assert fake.callback(query_id).data == "ja"
    assert fake.sent_to(AMIRA)[0].plain == "Verwerkt"
    assert fake.unanswered_callbacks() == [query_id]
    assert amira.last_answer() is None
    with pytest.raises(AssertionError, match="was not answered"):
        await amira.callback_answered(timeout=0.1)
    with pytest.raises(AssertionError, match="never answered"):
        fake.assert_clean()


async def test_callback_answers_are_checked(fake: FakeTelegram) -> None:
    amira = fake.user(AMIRA, "Amira")
    async with build_app(fake) as app:
        bot = app.bot
        await bot.send_message(AMIRA, "Kies", reply_markup=keyboard(("Ja", "ja")))
        query_id = await amira.taps("Ja")
        with pytest.raises(BadRequest, match="(?i)MESSAGE_TOO_LONG"):
            await bot.answer_callback_query(query_id, text="x" * 201)
        assert await bot.answer_callback_query(query_id, text="Top") is True
        with pytest.raises(BadRequest, match="(?i)query is too old"):
            await bot.answer_callback_query(query_id)
        with pytest.raises(BadRequest, match="(?i)query is too old"):
            await bot.answer_callback_query("123")
        forged = await amira.taps_data("admin:delete_all")

    assert amira.last_answer() == "Top"
    assert fake.callback(forged).data == "admin:delete_all"
    assert fake.callback(forged).message_id == 1
    assert fake.unanswered_callbacks() == [forged]
    assert len(fake.violations) == 3


# --------------------------------------------------------------------------- fault injection


async def test_429_is_retried_by_aio_rate_limiter(
    fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PTB 22.8 warns about the int-valued RetryAfter.retry_after on every 429 unless the
    # bot opts in to the timedelta API (PTB 23 behaviour).
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    fake.user(AMIRA, "Amira")
    fake.fail_next("sendMessage", "429", retry_after=1)
    app = build_app(fake, rate_limiter=AIORateLimiter(max_retries=2))
    async with app:
        started = time.monotonic()
        message = await app.bot.send_message(AMIRA, "na de flood")
        elapsed = time.monotonic() - started

    assert message.text == "na de flood" and elapsed >= 1.0
    assert [(f.method, f.kind) for f in fake.failed_requests] == [("sendMessage", "429")]
    assert len(fake.calls("sendMessage")) == 1 and len(fake.sent_to(AMIRA)) == 1
    fake.assert_clean()


async def test_429_without_rate_limiter_surfaces_as_retry_after(
    fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    fake.user(AMIRA, "Amira")
    fake.fail_next("sendMessage", "429", retry_after=7)
    async with build_app(fake) as app:
        with pytest.raises(RetryAfter) as flood:
            await app.bot.send_message(AMIRA, "te snel")
        assert flood.value.retry_after == dt.timedelta(seconds=7)
        await app.bot.send_message(AMIRA, "handmatig opnieuw")
    assert [m.text for m in fake.sent_to(AMIRA)] == ["handmatig opnieuw"]


async def test_drop_502_and_timeout_are_recorded(fake: FakeTelegram) -> None:
    fake.user(AMIRA, "Amira")
    fake.fail_next("sendMessage", "drop")
    fake.fail_next("sendMessage", "502")
    fake.fail_next("sendMessage", "timeout", hold=2.0)
    async with build_app(fake) as app:
        bot = app.bot
        assert (await bot.get_me()).username == BOT_USERNAME
        with pytest.raises(
            NetworkError, match=r"httpx\.(RemoteProtocolError|ReadError)"
        ) as dropped:
            await bot.send_message(AMIRA, "drop")
        assert dropped.type is NetworkError
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await bot.send_message(AMIRA, "502")
        with pytest.raises(TimedOut):
            await bot.send_message(AMIRA, "timeout", read_timeout=0.3)
        sent = await bot.send_message(AMIRA, "eindelijk")

    assert [f.kind for f in fake.failed_requests] == ["drop", "502", "timeout"]
    assert [f.params["text"] for f in fake.failed_requests] == ["drop", "502", "timeout"]
    assert [m.text for m in fake.sent_to(AMIRA)] == ["eindelijk"] and sent.message_id == 1
    with pytest.raises(ValueError, match="fault kind"):
        fake.fail_next("sendMessage", "503")
    fake.assert_clean()


# --------------------------------------------------------------------------- users, chats


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
