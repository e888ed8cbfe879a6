"""Random updates of every kind through the real PTB Application and the fake Bot API: nothing crashes.

Hypothesis builds raw update dicts the way Telegram sends them (messages with random text,
commands, media, contacts and locations; edits; channel posts; inline queries; callback queries
with random and forged data, with and without a message; payments; polls; membership changes;
join requests; business messages; reactions; boosts; a kind from a future Bot API), in private
chats, groups, supergroups and channels. 50 examples of 200 updates: 10,000 updates. After each
batch: no record at ERROR, no Bot API violation, every callback query answered; after every tenth
batch (and the last) a new resident is still served (/start, then the first question of the story).
"""

from __future__ import annotations

import itertools
import json
import logging
import time

import pytest
from aiolimiter import AsyncLimiter
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from flows import commands
from flows.limits import FloodGate
from handlers.send import person as tg
from testing.fakebot import FakeTelegram
from tests.conftest import RunningBot
from tests.test_resident_e2e import texts

USERS = tuple(range(610_001, 610_031))
GROUP, SUPERGROUP, CHANNEL = -610_001, -1_000_000_610_002, -1_000_000_610_003
EXAMPLES, BATCH = 50, 200
CANARY_EVERY = 10  # examples; the last example always has one
CANARIES = itertools.count(620_001)
FUZZED: list[int] = []

LANGUAGES = st.sampled_from([None, "nl", "en", "de", "pt-br", "ar", "tr", "pl", "uk", "xx"])
SHORT = st.text(min_size=1, max_size=30)
TEXT = st.one_of(
    st.text(min_size=1, max_size=120),
    st.sampled_from(["ja", "nee", "1", "2", "3", "4", "skip", "Sla over", "5341", "1234 AB", "0612345678",
                     "ik wil niet meer leven", "de deurwaarder komt", "<b>x</b>", "&amp;", "/", "@", "🙂" * 40]),
    st.builds(lambda t, n: (t * 4096)[:n], st.text(alphabet="abc <>&\"'|/é🙂", min_size=1, max_size=9),
              st.integers(1000, 4096)),  # long texts, up to Telegram's 4096 characters
)
DATA = st.one_of(
    st.sampled_from(["h|1|acc", "h|1|acc|x", "h|99|no", "rp|99", "rp|1,2,3", "rk|1|0|closed", "rk|x|y",
                     "forget|yes", "forget|no", "forget|maybe", "f|1|yes", "f|2|no", "o|1", "o|",
                     "0|story", "1|own", "1|check", "2|fine", "3|worried", "99|yes", "|", "||||", "h", "h||",
                     "-1|x", "1|" + "ü" * 20, "x" * 64, "x" * 300]),
    st.text(max_size=64),
    st.from_regex(r"[a-z0-9]{0,3}(\|[a-z0-9,\-]{0,6}){0,4}", fullmatch=True),
)
COMMAND = st.builds(
    lambda name, mention, args: f"/{name}{'@wijkwijzer_test_bot' if mention else ''}{' ' + args if args else ''}",
    st.one_of(st.sampled_from(sorted(commands.names())), st.from_regex(r"[a-z_]{1,20}", fullmatch=True)),
    st.booleans(),
    st.one_of(st.just(""), SHORT, st.sampled_from(["i-abc", "i-" + "x" * 40, "p-1", "12345"])),
)


def user(uid: int, language: str | None, name: str) -> dict:
    payload = {"id": uid, "is_bot": False, "first_name": name}
    if language is not None:
        payload["language_code"] = language
    return payload


USER = st.builds(user, st.sampled_from(USERS), LANGUAGES, st.sampled_from(["Amira", "Ö", "<b>", "🙂", "x" * 64]))
FILE = st.builds(lambda n: {"file_id": f"FUZZ-{n}", "file_unique_id": f"UF{n}"}, st.integers(0, 10_000))


def with_file(extra: dict):
    return FILE.map(lambda f: {**f, **extra})


POLL = {"id": "p1", "question": "?", "options": [{"text": "a", "voter_count": 0, "persistent_id": "o1"}],
        "total_voter_count": 0, "is_closed": False, "is_anonymous": True, "type": "regular",
        "allows_multiple_answers": False, "allows_revoting": False, "members_only": False}
CONTENT = st.one_of(
    TEXT.map(lambda t: {"text": t}),
    COMMAND.map(lambda c: {"text": c, "entities": [{"type": "bot_command", "offset": 0,
                                                     "length": len(c.split(" ")[0].encode("utf-16-le")) // 2}]}),
    st.builds(lambda t, n: {"text": t, "entities": [{"type": "bold", "offset": 0, "length": min(n, len(t))}]},
              st.text(alphabet="abc ", min_size=1, max_size=20), st.integers(1, 5)),
    with_file({"type": "regular", "width": 512, "height": 512, "is_animated": False, "is_video": False,
               "emoji": "👍"}).map(lambda f: {"sticker": f}),
    st.tuples(with_file({"width": 64, "height": 48}), st.one_of(st.none(), TEXT)).map(
        lambda p: {"photo": [p[0]], **({"caption": p[1][:1024]} if p[1] else {})}),
    with_file({"duration": 3}).map(lambda f: {"voice": f}),
    with_file({"duration": 3}).map(lambda f: {"audio": f}),
    with_file({"width": 64, "height": 48, "duration": 3}).map(lambda f: {"video": f}),
    with_file({"length": 64, "duration": 3}).map(lambda f: {"video_note": f}),
    with_file({"width": 64, "height": 48, "duration": 3}).map(lambda f: {"animation": f, "document": f}),
    with_file({"file_name": "brief.pdf", "mime_type": "application/pdf"}).map(lambda f: {"document": f}),
    st.builds(lambda la, lo: {"location": {"latitude": la, "longitude": lo}},
              st.floats(-90, 90), st.floats(-180, 180)),
    st.builds(lambda t: {"venue": {"location": {"latitude": 51.7, "longitude": 5.5}, "title": t, "address": t}},
              SHORT),
    st.builds(lambda phone, own: {"contact": {"phone_number": phone, "first_name": "X", **own}},
              st.one_of(st.sampled_from(["+31612345678", "0612345678", "31612345678", "+1 555 0100"]),
                        st.text(max_size=20)),
              st.sampled_from([{}, {"user_id": 610_001}, {"user_id": 1}])),
    st.builds(lambda v: {"dice": {"emoji": "🎲", "value": v}}, st.integers(1, 6)),
    st.just({"poll": POLL}),
    st.just({"web_app_data": {"data": "{}", "button_text": "open"}}),
    st.just({"write_access_allowed": {}}),
    st.just({"users_shared": {"request_id": 1, "users": [{"user_id": 5}]}}),
    st.just({"chat_shared": {"request_id": 1, "chat_id": 5}}),
    st.just({"new_chat_title": "nieuw"}),
    st.just({"delete_chat_photo": True}),
    st.just({}),  # a message without anything we know
)


def private(uid: int) -> dict:
    return {"id": uid, "type": "private", "first_name": "Fuzz"}


GROUPS = st.sampled_from([{"id": GROUP, "type": "group", "title": "Buurt"},
                          {"id": SUPERGROUP, "type": "supergroup", "title": "Wijk"}])
CHANNEL_CHAT = {"id": CHANNEL, "type": "channel", "title": "Nieuws"}
NOW = int(time.time())


def message(sender: dict, chat: dict, content: dict, **extra) -> dict:
    return {"message_id": 1, "date": NOW, "chat": chat, "from": sender, **content, **extra}


def private_message(sender: dict, content: dict, reply: bool) -> dict:
    extra = {"reply_to_message": message(sender, private(sender["id"]), {"text": "eerder"})} if reply else {}
    return message(sender, private(sender["id"]), content, **extra)


MEMBER = st.sampled_from([{"status": "member"}, {"status": "left"}, {"status": "kicked", "until_date": 0}])
BOT_USER = {"id": 123, "is_bot": True, "first_name": "Wijkwijzer", "username": "wijkwijzer_test_bot"}
SENDER_CHAT = {"sender_chat": CHANNEL_CHAT}


def membership(chat: dict, sender: dict, old: dict, new: dict, target: dict) -> dict:
    return {"chat": chat, "from": sender, "date": NOW, "old_chat_member": {"user": target, **old},
            "new_chat_member": {"user": target, **new}}


REACTION = st.sampled_from([[], [{"type": "emoji", "emoji": "👍"}], [{"type": "emoji", "emoji": "❤"}]])
UPDATE = st.one_of(
    st.builds(lambda u, c, r: {"message": private_message(u, c, r)}, USER, CONTENT, st.booleans()),
    st.builds(lambda u, c, r: {"message": private_message(u, c, r)}, USER, CONTENT, st.booleans()),
    st.builds(lambda u, c, g: {"message": message(u, g, c)}, USER, CONTENT, GROUPS),
    st.builds(lambda c, g: {"message": {"message_id": 2, "date": NOW, "chat": g, **SENDER_CHAT, **c}},
              CONTENT, GROUPS),
    st.builds(lambda u, c: {"edited_message": {**private_message(u, c, False), "edit_date": NOW}}, USER, CONTENT),
    st.builds(lambda c: {"channel_post": {"message_id": 3, "date": NOW, "chat": CHANNEL_CHAT, **SENDER_CHAT, **c}},
              CONTENT),
    st.builds(lambda c: {"edited_channel_post": {"message_id": 3, "date": NOW, "chat": CHANNEL_CHAT,
                                                 "edit_date": NOW, **SENDER_CHAT, **c}}, CONTENT),
    st.builds(lambda u, q: {"inline_query": {"id": "iq1", "from": u, "query": q[:256], "offset": ""}}, USER, TEXT),
    st.builds(lambda u, q: {"chosen_inline_result": {"result_id": "r1", "from": u, "query": q[:256]}}, USER, TEXT),
    st.builds(lambda u, d, pick, where: {"callback_query": {"from": u, "chat_instance": "42", "data": d,
                                                           "_pick": pick, "_where": where}},
              USER, DATA, st.integers(0, 50), st.sampled_from(["private", "private", "none", "inline", "group"])),
    st.builds(lambda u: {"callback_query": {"from": u, "chat_instance": "42", "game_short_name": "spel",
                                            "inline_message_id": "im1"}}, USER),
    st.builds(lambda u: {"shipping_query": {"id": "s1", "from": u, "invoice_payload": "x", "shipping_address": {
        "country_code": "NL", "state": "", "city": "Oss", "street_line1": "Kerkstraat 1", "street_line2": "",
        "post_code": "5341 AA"}}}, USER),
    st.builds(lambda u: {"pre_checkout_query": {"id": "pc1", "from": u, "currency": "EUR", "total_amount": 100,
                                                "invoice_payload": "x"}}, USER),
    st.just({"poll": {**POLL, "is_closed": True, "type": "quiz", "correct_option_ids": [0]}}),
    st.builds(lambda u, ids: {"poll_answer": {"poll_id": "p1", "user": u, "option_ids": ids,
                                              "option_persistent_ids": [str(i) for i in ids]}},
              USER, st.lists(st.integers(0, 3), max_size=2)),
    st.just({"poll_answer": {"poll_id": "p1", "voter_chat": CHANNEL_CHAT, "option_ids": [0],
                             "option_persistent_ids": ["0"]}}),
    st.builds(lambda u, o, n: {"my_chat_member": membership(private(u["id"]), u, o, n, BOT_USER)},
              USER, MEMBER, MEMBER),
    st.builds(lambda u, g, o, n: {"my_chat_member": membership(g, u, o, n, BOT_USER)}, USER, GROUPS, MEMBER, MEMBER),
    st.builds(lambda u, g, o, n: {"chat_member": membership(g, u, o, n, u)}, USER, GROUPS, MEMBER, MEMBER),
    st.builds(lambda u, g: {"chat_join_request": {"chat": g, "from": u, "user_chat_id": u["id"], "date": NOW}},
              USER, GROUPS),
    st.builds(lambda u, c: {"business_message": {**private_message(u, c, False), "business_connection_id": "bc"}},
              USER, CONTENT),
    st.builds(lambda u, c: {"edited_business_message": {**private_message(u, c, False),
                                                        "business_connection_id": "bc", "edit_date": NOW}},
              USER, CONTENT),
    st.builds(lambda u: {"deleted_business_messages": {"business_connection_id": "bc", "chat": private(u["id"]),
                                                       "message_ids": [1, 2]}}, USER),
    st.builds(lambda u, o, n: {"message_reaction": {"chat": private(u["id"]), "message_id": 1, "user": u,
                                                    "date": NOW, "old_reaction": o, "new_reaction": n}},
              USER, REACTION, REACTION),
    st.builds(lambda g: {"message_reaction_count": {"chat": g, "message_id": 1, "date": NOW, "reactions": [
        {"type": {"type": "emoji", "emoji": "👍"}, "total_count": 2}]}}, GROUPS),
    st.builds(lambda u: {"chat_boost": {"chat": CHANNEL_CHAT, "boost": {
        "boost_id": "b1", "add_date": NOW, "expiration_date": NOW + 86400,
        "source": {"source": "premium", "user": u}}}}, USER),
    st.builds(lambda u: {"removed_chat_boost": {"chat": CHANNEL_CHAT, "boost_id": "b1", "remove_date": NOW,
                                                "source": {"source": "premium", "user": u}}}, USER),
    st.builds(lambda x: {"a_kind_from_a_future_bot_api": {"x": x}}, SHORT),
)


class Pusher:
    """Turns generated updates into the fake's updates (callback queries point at real bot messages)."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake
        self.query_ids = itertools.count(1)

    def push(self, update: dict) -> int:
        query = update.get("callback_query")
        if query is not None:
            query = {key: value for key, value in query.items() if not key.startswith("_")}
            query["id"] = f"fuzz-{next(self.query_ids)}"
            where = update["callback_query"].get("_where")
            chat_id = GROUP if where == "group" else query["from"]["id"]
            sent = [m for m in self.fake.sent_to(chat_id) if not m.deleted]
            if where in ("private", "group") and sent:
                picked = sent[update["callback_query"]["_pick"] % len(sent)]
                query["message"] = self.fake._message_payload(picked)
            elif where == "inline":
                query["inline_message_id"] = "im1"
            update = {"callback_query": query}
        return self.fake.push_update(json.loads(json.dumps(update)))


@pytest.fixture
def fuzz_total():
    """How many random updates went through; checked after the last example."""
    FUZZED.clear()
    yield FUZZED
    assert sum(FUZZED) >= EXAMPLES * BATCH, f"only {sum(FUZZED)} random updates went through"


@pytest.mark.filterwarnings("ignore:Generating overly large repr")  # a failing batch of 200 is shown in full
@settings(max_examples=EXAMPLES, deadline=None, database=None, phases=(Phase.generate,),
          suppress_health_check=list(HealthCheck))
@given(batch=st.lists(UPDATE, min_size=BATCH, max_size=BATCH))
async def test_no_update_of_any_kind_crashes_anything(
    bot: RunningBot, caplog: pytest.LogCaptureFixture, fuzz_total: list[int], batch: list[dict]
) -> None:
    fake = bot.fake
    if not FUZZED:  # once per test, not per example
        for uid in USERS:
            fake.user(uid, "Fuzz", language_code="nl")
        fake.group_chat(GROUP, "Buurt")
        fake.group_chat(SUPERGROUP, "Wijk")
        fake.group_chat(CHANNEL, "Nieuws", chat_type="channel")
        bot.house.flood = FloodGate(burst=10**6, window=1)  # the gate has its own test; here every update counts
        bot.app.bot.rate_limiter._overall = AsyncLimiter(10**5, 1)  # the fake has no overall limit
        caplog.set_level(logging.WARNING)
        await bot.store.db._connection.execute("PRAGMA synchronous=OFF")  # durability is another test's subject
    caplog.clear()
    pusher = Pusher(fake)
    for update in batch:
        pusher.push(update)
    await bot.settled(max_wait=60)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR or "could not be" in r.getMessage()]
    assert not errors, "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in errors)
    fake.assert_clean()
    FUZZED.append(len(batch))
    if len(FUZZED) % CANARY_EVERY and len(FUZZED) < EXAMPLES:
        return
    canary = fake.user(next(CANARIES), "Canary", language_code="nl")
    await canary.says("/start")
    await bot.settled()
    assert "Wijkwijzer" in texts(await canary.hears_all(quiet=0, timeout=1))
    await canary.taps("eigen woorden")
    await canary.callback_answered()
    await bot.settled()
    assert "vertel" in texts(await canary.hears_all(quiet=0, timeout=1)).lower()
    fake.assert_clean()


async def test_an_update_this_library_cannot_read_is_skipped_and_the_bot_goes_on(
    bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    fake = bot.fake
    ada = fake.user(630_001, "Ada", language_code="nl")
    unreadable = fake.push_update({"poll": {"id": "p1", "question": "?", "options": [{"text": "a"}]}})
    fake.push_update({"message": {"message_id": 1, "text": "geen chat, geen datum"}})
    await ada.says("/start")
    assert "Wijkwijzer" in (await ada.hears(timeout=10)).plain  # (bot.settled() waits for the skipped ones too)
    await fake.all_confirmed()
    await fake.wait_for(lambda: sum("could not be read" in r.getMessage() for r in caplog.records) == 2,
                        what="both unreadable updates skipped")
    skipped = [r.getMessage() for r in caplog.records if "could not be read" in r.getMessage()]
    assert len(skipped) == 2 and f"update {unreadable} " in skipped[0]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "geen chat" not in caplog.text, "the content of an update is never logged"
    fake.assert_clean()


@pytest.mark.parametrize("kind", ["business_message", "edited_business_message"])
async def test_business_messages_are_ignored_on_purpose(bot: RunningBot, kind: str) -> None:
    """The bot does not connect to business accounts: a customer's message to a business is not a resident's."""
    fake = bot.fake
    bea = fake.user(630_002, "Bea", language_code="nl")
    for text in ("/start", "ik heb schulden"):
        content = {"text": text, **({"entities": [{"type": "bot_command", "offset": 0, "length": 6}]}
                                    if text.startswith("/") else {})}
        extra = {"edit_date": NOW} if kind.startswith("edited") else {}
        fake.push_update({kind: {**message(bea.to_dict(), private(bea.id), content), **extra,
                                 "business_connection_id": "bc"}})
    await bot.settled()
    assert fake.sent_to(bea) == []
    assert await bot.store.residents.get(tg(bea.id)) is None
    fake.assert_clean()
