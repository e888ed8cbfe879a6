"""In-memory test double of the Telegram Bot API for Wijkwijzer's end-to-end tests.

Start the fake in the test process and point python-telegram-bot at it::

    async with FakeTelegram(token="123:ABC", bot_username="wijkwijzer_test_bot") as fake:
        app = (
            Application.builder()
            .token(fake.token)
            .base_url(fake.base_url)
            .base_file_url(fake.base_file_url)
            .build()
        )
        amira = fake.user(user_id=1001, first_name="Amira", language_code="nl")
        await amira.says("/start")
        welcome = await amira.hears()
        await amira.taps("Afspraak")
        await amira.callback_answered()
        fake.assert_clean()

All state lives in the memory of the test process, so a bot process that is killed and
started again receives the updates it never confirmed once more (``fake.pending_updates()``,
``await fake.all_confirmed()``; ``fail_next("getUpdates", "timeout")`` holds the confirming
poll so a crash test can kill the bot at exactly that moment). ``await fake.idle()`` waits
until the bot is quiet and ``await fake.wait_for(predicate)`` until anything else holds;
``fake.last_update_id`` lets an in-process bot's tests wait until it has handled every update.

Every request is checked against the facts in ``botapi.json`` (the methods the bot and the
tests use, their parameters and object types, Telegram's limits; regenerate it with
``python tools/botapi_facts.py PATH/TO/api.json``) and against Telegram's documented content
rules (text length after entity parsing, HTML that Telegram accepts, inline keyboards,
callback answers). A request that breaks a rule gets the error answer Telegram would give and
is listed in ``fake.violations``.
"""

from .formatting import EntityParseError, FormattedText, command_entities, parse_formatted
from .media import StoredFile, image_size, make_png
from .records import BotMessage, CallbackAnswer, CallbackRecord, ErrorRecord, FailedRequest, MessageVersion
from .server import FakeTelegram
from .spec import ApiError, ApiSpec, UploadedFile
from .users import FakeChat, FakeUser

__all__ = [
    "ApiError",
    "ApiSpec",
    "BotMessage",
    "CallbackAnswer",
    "CallbackRecord",
    "EntityParseError",
    "ErrorRecord",
    "FailedRequest",
    "FakeChat",
    "FakeTelegram",
    "FakeUser",
    "FormattedText",
    "MessageVersion",
    "StoredFile",
    "UploadedFile",
    "command_entities",
    "image_size",
    "make_png",
    "parse_formatted",
]
