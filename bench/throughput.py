"""Throughput: a bare PTB echo bot and Wijkwijzer, side by side, on the same stream of residents.

Run:  .venv/bin/python bench/throughput.py [--residents 40] [--messages 6] [--rounds 3] [--single 10] [--paced]
                                           [--echo-transport httpx|aiohttp] [--profile FILE]

Both bots run in this process, each against its own instance of the project's fake Bot API (testing/fakebot,
no rate limits): (a) a bare python-telegram-bot Application (PTB's default httpx client) with one MessageHandler
that echoes the text and one CallbackQueryHandler that answers, (b) Wijkwijzer's real Application
(handlers.app.build_application + serve, with its aiohttp client, bot.assemble on a temporary database file, the
sample knowledge base). --echo-transport aiohttp gives the echo bot Wijkwijzer's HTTP client, to compare the rest
like with like. Each gets N residents at once, each sending
the same first M updates of one conversation (typed messages and taps: /start, the story, its confirmation, ...);
a resident sends the next one when the bot has answered the previous one in full. The crowd runs alternate between
the bots, R rounds each, and the figures are the rounds' medians (other work on the machine moves one run by
±30%). Then K residents one after another: the latency of a single resident.

What is counted. Each fake and its simulated residents run on their own thread with their own event loop; the bots
run on the main thread (and aiosqlite's threads). CPU per update = the process's CPU time (time.process_time) over
a crowd run minus the fakes' threads' CPU time (their pthread CPU clocks), divided by the updates handled: the
bot's own work (PTB, its HTTP client, handlers, SQLite), not the fake's. The idle bot meanwhile waits in a long
poll (Wijkwijzer's 5-second delivery tick is a few queries). Wijkwijzer's own overall pace (30 messages a second,
handlers/ratelimit.py) is lifted unless --paced: it would measure the setting, not the work. The flood gate
(20 messages in 20 s per person) stays; the script is shorter.

Latency: from the moment the fake queues the update to the first reply it receives for that chat (a message, or
the answer to a tap); "full": until the last message of the bot's answer to that update (Wijkwijzer's come
through its outbox).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import logging
import os
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from unittest import mock

os.environ.setdefault("PTB_TIMEDELTA", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from telegram import Update  # noqa: E402
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters  # noqa: E402

from bot import assemble  # noqa: E402
from config import Config  # noqa: E402
from handlers import app as wijkwijzer_app  # noqa: E402
from handlers.common import KEY  # noqa: E402
from handlers.ratelimit import ChannelRateLimiter  # noqa: E402
from handlers.transport import AiohttpRequest  # noqa: E402
from knowledge.loader import SAMPLE, load_knowledge  # noqa: E402
from testing.fakebot import FakeTelegram  # noqa: E402

# One resident's conversation, as in tests/test_resident_e2e.py: ("say", text) or ("tap", button label).
SCRIPT: list[tuple[str, str]] = [
    ("say", "/start"),
    ("tap", "eigen woorden"),
    ("say", "de deurwaarder staat steeds voor de deur en mijn zoon spijbelt"),
    ("tap", "Klopt"),
    ("tap", "Nee, ga verder"),
    ("say", "mijn moeder helpt met de kinderen"),
    ("say", "iemand die met me meedenkt over de rekeningen"),  # the picture (matplotlib) and the postcode question
    ("say", "5341"),  # the services and the offer
    ("tap", "Ja, geef mijn verhaal door"),  # a handoff: the card goes to the wijkteam member
    ("tap", "Via een bericht"),
]
TOKEN = "123:ABC"
LATE = "schreef je voor mijn nieuwste vraag"  # flows/texts/nl.yaml common.late and common.late_kept


# -- the fake, on its own thread ---------------------------------------------------------------------
class TimedFake(FakeTelegram):
    """The fake Bot API, noting when the first reply to each chat's newest update arrives."""

    def __init__(self) -> None:
        super().__init__(token=TOKEN, bot_username="bench_bot")
        self.pushed_at: dict[int, float] = {}  # chat -> when its update was queued, until the first reply
        self.first_reply: dict[int, float] = {}

    def mark(self, chat_id: int) -> None:
        self.pushed_at[chat_id] = time.perf_counter()
        self.first_reply.pop(chat_id, None)

    def _replied(self, chat_id: int) -> None:
        if chat_id in self.pushed_at and chat_id not in self.first_reply:
            self.first_reply[chat_id] = time.perf_counter()

    def _publish(self, message):  # every sendMessage / sendPhoto / sendDocument
        self._replied(message.chat_id)
        return super()._publish(message)

    async def _answer_callback_query(self, params):
        record = self._callbacks.get(str(params.get("callback_query_id")))
        result = await super()._answer_callback_query(params)
        if record is not None:
            self._replied(record.chat_id)
        return result


class FakeThread:
    """A thread with its own event loop that runs the fake and the simulated residents."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._run, name="bench-fake", daemon=True)
        self.thread.start()
        self.fake: TimedFake = self.call(self._start()).result()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    async def _start(self) -> TimedFake:
        return await TimedFake().__aenter__()

    def call(self, coroutine: Awaitable[Any]):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    async def run(self, coroutine: Awaitable[Any]) -> Any:
        """Run a coroutine on the fake's loop and wait for it from the bot's loop."""
        return await asyncio.wrap_future(self.call(coroutine))

    def cpu(self) -> float:
        """CPU seconds this thread has used."""
        return time.clock_gettime(time.pthread_getcpuclockid(self.thread.ident))

    def close(self) -> None:
        self.call(self.fake.stop()).result()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()


# -- the residents (on the fake's loop) ----------------------------------------------------------------
@dataclass
class Expect:
    messages: int  # how many messages the bot answers to one update
    answered: bool  # whether it answers the tap


@dataclass
class Samples:
    first: list[tuple[str, float]] = field(default_factory=list)  # (say|tap, seconds to the first reply)
    full: list[float] = field(default_factory=list)  # seconds until the whole answer arrived
    updates: int = 0
    late: int = 0  # answers that took the next message as written before the question arrived (a race, not real)


async def send(fake: TimedFake, user, kind: str, text: str, echo: bool) -> str | None:
    fake.mark(user.id)
    if kind == "say":
        await user.says(text)
        return None
    if echo:
        return await user.taps_data(f"tap:{text}"[:64])
    return await user.taps(text)


async def resident(fake: TimedFake, user_id: int, steps: list[tuple[str, str]], expects: list[Expect],
                   echo: bool, samples: Samples) -> None:
    """One resident: each update, then wait until the bot's answer is complete."""
    user = fake.user(user_id, f"Inwoner {user_id}", language_code="nl")
    messages = fake._bot_messages.setdefault(user.id, [])
    for (kind, text), expect in zip(steps, expects, strict=True):
        before = len(messages)
        query = await send(fake, user, kind, text, echo)
        record = fake._callbacks.get(query) if query else None
        started = fake.pushed_at[user.id]

        def complete(before=before, expect=expect, record=record) -> bool:
            return len(messages) >= before + expect.messages and (not expect.answered or record.answer is not None)

        await fake.wait_for(complete, 30.0, f"the answer to {kind} {text!r} for resident {user_id}")
        samples.full.append(time.perf_counter() - started)
        samples.first.append((kind, fake.first_reply.get(user.id, time.perf_counter()) - started))
        samples.updates += 1
        samples.late += sum(LATE in m.plain for m in messages[before:])


async def calibrate(fake: TimedFake, user_id: int, steps: list[tuple[str, str]], echo: bool) -> list[Expect]:
    """One resident, waiting for quiet after each update: how many messages each update gets (also a warm-up)."""
    user = fake.user(user_id, "Proef", language_code="nl")
    expects = []
    for kind, text in steps:
        before = len(fake._bot_messages.get(user.id, []))
        query = await send(fake, user, kind, text, echo)
        await fake.idle(quiet=0.3 if len(expects) < 6 else 2.0, max_wait=30)  # 7 on: the picture takes a while
        record = fake._callbacks.get(query) if query else None
        expects.append(Expect(len(fake._bot_messages.get(user.id, [])) - before,
                              record is not None and record.answer is not None))
    return expects


# -- the two bots (on the main thread) -------------------------------------------------------------------
@contextlib.asynccontextmanager
async def echo_bot(base_url: str, folder: Path, transport: str = "httpx"):
    async def echo_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text(update.effective_message.text)

    async def echo_tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.callback_query.answer()

    builder = Application.builder().token(TOKEN).base_url(base_url)
    if transport == "aiohttp":  # not the default: the same HTTP client as Wijkwijzer, for comparison only
        builder = builder.request(AiohttpRequest()).get_updates_request(AiohttpRequest(connection_pool_size=1))
    app = builder.build()
    app.add_handler(MessageHandler(filters.TEXT, echo_text))
    app.add_handler(CallbackQueryHandler(echo_tap))
    async with app:
        await app.updater.start_polling(poll_interval=0, timeout=10)
        await app.start()
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()


@contextlib.asynccontextmanager
async def wijkwijzer_bot(base_url: str, folder: Path, paced: bool = False):
    config = Config(token=TOKEN, base_url=base_url, knowledge_dir=SAMPLE, db_path=folder / "wijkwijzer.sqlite3")
    kb = load_knowledge(SAMPLE)
    limiter = ChannelRateLimiter if paced else partial(ChannelRateLimiter, overall_per_second=1e9)
    with mock.patch.object(wijkwijzer_app, "ChannelRateLimiter", limiter):
        app = wijkwijzer_app.build_application(config, lambda: assemble(config, kb))
    stop = asyncio.Event()
    serving = asyncio.create_task(wijkwijzer_app.serve(app, stop))  # the same start, intake and stop as bot.py
    while KEY not in app.bot_data or not app.running:
        if serving.done():
            serving.result()
        await asyncio.sleep(0.01)
    for thread in threading.enumerate():  # the matcher reads its dictionaries in the background: not measured
        if thread.name == "wijkwijzer-dictionaries":
            thread.join()
    try:
        yield app
    finally:
        stop.set()
        await serving


# -- the measurement ------------------------------------------------------------------------------------
@dataclass
class Round:
    """One crowd run of one bot."""

    updates: int
    wall: float
    cpu_process: float
    cpu_fake: float  # the fakes' threads (the simulated residents included)
    cpu_main: float  # the main thread: the bot's Python (PTB, HTTP, handlers); the rest of cpu_bot is SQLite's threads
    samples: Samples
    requests: Counter  # Bot API calls the fake received, by method

    @property
    def cpu_bot(self) -> float:
        return self.cpu_process - self.cpu_fake


@dataclass
class Bot:
    name: str
    side: FakeThread
    expects: list[Expect] = field(default_factory=list)
    rounds: list[Round] = field(default_factory=list)
    single: Samples = field(default_factory=Samples)

    echo = property(lambda self: self.name == "echo")

    def median(self, value: Callable[[Round], float]) -> float:
        return statistics.median(value(r) for r in self.rounds)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else float("nan")


async def crowd(bot: Bot, sides: list[FakeThread], first_id: int, residents: int, steps: list[tuple[str, str]],
                profile: cProfile.Profile | None) -> Round:
    """N residents at once; CPU from process_time minus every fake thread's CPU clock."""
    fake = bot.side.fake
    await bot.side.run(fake.idle(quiet=0.2, max_wait=30))
    samples = Samples()
    if profile is not None:
        profile.enable()
    first_request = len(fake.requests)
    cpu0, fakes0, main0, wall0 = time.process_time(), sum(f.cpu() for f in sides), time.thread_time(), time.monotonic()

    async def everyone() -> None:
        await asyncio.gather(*(resident(fake, first_id + i, steps, bot.expects, bot.echo, samples)
                               for i in range(residents)))

    await bot.side.run(everyone())
    wall = time.monotonic() - wall0
    await bot.side.run(fake.idle(quiet=0.2, max_wait=30))  # trailing work (a tap's keyboard edit) counts
    cpu, fakes, main = time.process_time() - cpu0, sum(f.cpu() for f in sides) - fakes0, time.thread_time() - main0
    if profile is not None:
        profile.disable()
    requests = Counter(method for method, _ in fake.requests[first_request:])
    return Round(samples.updates, wall, cpu, fakes, main, samples, requests)


async def measure(args: argparse.Namespace, profile: cProfile.Profile | None) -> list[Bot]:
    """Both bots at once, each on its own fake; crowd rounds alternate between them, then single residents."""
    steps = SCRIPT[: args.messages]
    bots = [Bot("echo", FakeThread()), Bot("wijkwijzer", FakeThread())]
    sides = [bot.side for bot in bots]
    try:
        with tempfile.TemporaryDirectory(prefix="wijkwijzer-bench-") as folder:
            async with (echo_bot(bots[0].side.fake.base_url, Path(folder), args.echo_transport),
                        wijkwijzer_bot(bots[1].side.fake.base_url, Path(folder), paced=args.paced)):
                for bot in bots:  # also the warm-up
                    bot.expects = await bot.side.run(calibrate(bot.side.fake, 1, steps, bot.echo))
                for number in range(args.rounds):
                    for bot in bots:
                        bot.rounds.append(await crowd(bot, sides, 1000 * (number + 1), args.residents, steps,
                                                      None if bot.echo else profile))
                for bot in bots:
                    for i in range(args.single):
                        await bot.side.run(resident(bot.side.fake, 100_000 + i, steps, bot.expects, bot.echo,
                                                    bot.single))
                    if bot.side.fake.violations:
                        raise SystemExit(f"the fake saw rule breaches: {bot.side.fake.violations[:3]}")
    finally:
        for side in sides:
            side.close()
    return bots


def report(bots: list[Bot], args: argparse.Namespace) -> None:
    ms = 1000.0
    print(f"{args.residents} residents at once, {args.messages} updates each, {args.rounds} rounds per bot "
          f"(medians of the rounds); single resident: {args.single} residents one after another; "
          f"echo bot's HTTP client: {args.echo_transport}")
    print(f"{'bot':<11} {'upd/s':>7} {'CPU ms/upd':>10} {'(+fakes)':>8} {'rounds CPU ms/upd':>22} "
          f"{'median':>7} {'p95':>7} {'full med':>8} {'full p95':>8} {'single med':>10} {'single full':>11}")
    for bot in bots:
        first = [s for r in bot.rounds for _, s in r.samples.first]
        full = [s for r in bot.rounds for s in r.samples.full]
        single = [s for _, s in bot.single.first]
        spread = " ".join(f"{r.cpu_bot / r.updates * ms:.2f}" for r in bot.rounds)
        print(f"{bot.name:<11} {bot.median(lambda r: r.updates / r.wall):>7.1f} "
              f"{bot.median(lambda r: r.cpu_bot / r.updates) * ms:>10.2f} "
              f"{bot.median(lambda r: r.cpu_process / r.updates) * ms:>8.2f} {spread:>22} "
              f"{statistics.median(first) * ms:>7.1f} {percentile(first, 0.95) * ms:>7.1f} "
              f"{statistics.median(full) * ms:>8.1f} {percentile(full, 0.95) * ms:>8.1f} "
              f"{statistics.median(single) * ms:>10.1f} {statistics.median(bot.single.full) * ms:>11.1f}")
    echo, ours = bots

    def ratio(value: Callable[[Round], float]) -> float:
        return ours.median(value) / echo.median(value)

    print(f"Wijkwijzer / echo: CPU per update {ratio(lambda r: r.cpu_bot / r.updates):.2f}x "
          f"(process total with the fakes: {ratio(lambda r: r.cpu_process / r.updates):.2f}x), "
          f"updates per second {ratio(lambda r: r.updates / r.wall):.2f}x")
    for bot in bots:
        by_kind = {kind: [s for k, s in bot.single.first if k == kind] for kind in ("say", "tap")}
        parts = [f"{kind} {statistics.median(v) * ms:.1f} ms" for kind, v in by_kind.items() if v]
        print(f"single resident, first reply, {bot.name}: " + ", ".join(parts))
    for bot in bots:
        main = bot.median(lambda r: r.cpu_main / r.updates) * ms
        late = sum(r.samples.late for r in bot.rounds) + bot.single.late
        print(f"CPU ms/upd, {bot.name}: main thread {main:.2f}, "
              f"other threads (SQLite) {bot.median(lambda r: r.cpu_bot / r.updates) * ms - main:.2f}; late: {late}")
    for bot in bots:
        requests = sum((r.requests for r in bot.rounds), Counter())
        updates = sum(r.updates for r in bot.rounds)
        calls = ", ".join(f"{method} {count / updates:.2f}" for method, count in requests.most_common())
        print(f"Bot API calls per update, {bot.name}: {calls}")
    print("CPU ms/upd: process CPU minus the fakes' threads, per update; (+fakes): the process total. "
          "median/p95: to the first reply; full: until the whole answer arrived (ms).")


async def main(args: argparse.Namespace) -> None:
    logging.getLogger("apscheduler").setLevel(logging.ERROR)  # "job missed" while the knowledge base loads
    profile = cProfile.Profile(time.thread_time) if args.profile else None  # CPU time of the main thread
    report(await measure(args, profile), args)
    if profile is not None:
        profile.dump_stats(args.profile)
        print(f"profile of Wijkwijzer's crowd runs (CPU time of the main thread; SQLite runs in aiosqlite's "
              f"threads): {args.profile}")


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--residents", type=int, default=40, help="residents at once (default 40)")
    parser.add_argument("--messages", type=int, default=6, choices=range(1, len(SCRIPT) + 1), metavar="M",
                        help=f"updates per resident: the first M of the conversation, 1-{len(SCRIPT)} (default 6: "
                             "up to the answer about what goes well; 7 adds the picture, 9 the handoff)")
    parser.add_argument("--rounds", type=int, default=3, help="crowd runs per bot, alternating (default 3)")
    parser.add_argument("--single", type=int, default=10, help="residents one after another, for latency (10)")
    parser.add_argument("--paced", action="store_true", help="keep Wijkwijzer's overall pace of 30 messages/s")
    parser.add_argument("--echo-transport", choices=("httpx", "aiohttp"), default="httpx",
                        help="the echo bot's HTTP client: PTB's default httpx (the bare echo bot, default), or the "
                             "aiohttp client Wijkwijzer uses (handlers/transport.py), to compare like with like")
    parser.add_argument("--profile", metavar="FILE", help="cProfile Wijkwijzer's crowd runs into FILE")
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse()))
