"""Wijkwijzer: the command line, and the composition root (`assemble`) that wires the floors together once."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("PTB_TIMEDELTA", "1")  # PTB 22's opt-in to timedelta durations (set before PTB loads)

from cli import (  # noqa: E402
    BAD_TOKEN,
    BAD_TOKEN_OR_URL,
    NO_DATABASE,
    NO_KNOWLEDGE,
    NO_TOKEN,
    READS_THE_DATABASE,
    REPORTERS,
    TOKEN_NOT_A_TOKEN,
    TOKEN_SHAPE,
    parser,
)
from config import Config, ConfigError  # noqa: E402
from flows import buttons  # noqa: E402
from flows.accounts import INVITE_DAYS, Accounts, create_invite  # noqa: E402
from flows.conversation import Conversation  # noqa: E402
from flows.delivery import DeliveryWorker  # noqa: E402
from flows.handoff import HandoffStart, Relay, Renderer, Scheduler, StaffActions, StaffCommands  # noqa: E402
from flows.limits import FloodGate  # noqa: E402
from flows.picture import picture  # noqa: E402
from flows.privacy import PrivacyFlow, erase_quiet  # noqa: E402
from flows.professional import HandoffForm, Lookup  # noqa: E402
from flows.reports import ReportFlow  # noqa: E402
from flows.resident import ResidentFlow  # noqa: E402
from flows.router import Router  # noqa: E402
from flows.texts import Texts  # noqa: E402
from knowledge.loader import read_knowledge  # noqa: E402
from knowledge.matcher import Matcher  # noqa: E402
from knowledge.model import KnowledgeBase  # noqa: E402
from knowledge.problems import report  # noqa: E402
from store import Clock, Store, utc_now  # noqa: E402

log = logging.getLogger("wijkwijzer")

def quiet_third_party_loggers(level: str) -> None:
    """httpx logs every URL (with the token), PTB's debug logs carry message text: keep them quieter."""
    for name, floor in (("httpx", logging.WARNING), ("httpcore", logging.WARNING),
                        ("telegram", logging.INFO), ("apscheduler", logging.WARNING)):
        logging.getLogger(name).setLevel(max(floor, logging.getLevelName(level)))


def setup_logging(level: str) -> None:
    """Plain logs without message text, names, phone numbers or the token."""
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=level)
    quiet_third_party_loggers(level)


def knowledge_or_exit(folder: Path | None) -> KnowledgeBase:
    """Load the knowledge base; on errors print the full report and stop."""
    if folder is None:
        print(NO_KNOWLEDGE, file=sys.stderr)
        raise SystemExit(2)
    kb, problems = read_knowledge(folder)
    if kb is None:
        print(report(problems, str(folder)), file=sys.stderr)
        print("\nWijkwijzer does not start on a broken knowledge base.", file=sys.stderr)
        raise SystemExit(1)
    if problems:
        log.warning("the knowledge base has %d warning(s); `python bot.py check-knowledge` lists them", len(problems))
    return kb


# -- the composition root ------------------------------------------------------------------
@dataclass
class Wijkwijzer:
    """Everything one running bot is made of, built once by `assemble` from the configuration."""

    config: Config
    kb: KnowledgeBase
    texts: Texts
    store: Store
    matcher: Matcher
    router: Router
    conversation: Conversation  # what every channel calls: one decision, one commit, replies via the outbox
    renderer: Renderer
    scheduler: Scheduler
    worker: DeliveryWorker  # a channel adds its Sender to worker.senders
    flood: FloodGate

    async def tick(self) -> int:
        """Background work that is due: reminders, escalations, follow-ups, and the retention period."""
        return await self.scheduler.tick() + await erase_quiet(self.store, self.config.retention_days)

    async def close(self) -> None:
        """Close what assemble opened."""
        await self.store.close()


async def assemble(config: Config, kb: KnowledgeBase | None = None, clock: Clock = utc_now) -> Wijkwijzer:
    """The one composition root: Telegram, the console, the command line and the tests all build the bot here."""
    kb = kb or knowledge_or_exit(config.knowledge_dir)
    texts = Texts.load(default=kb.default_language)
    store = await Store.open(config.db_path, clock)
    matcher = Matcher(kb)
    start = HandoffStart(kb, store, texts)
    renderer = Renderer(kb, store, texts, start, picture)
    actions = StaffActions(kb, store, texts, start, renderer, config.followup_days)
    relay = Relay(kb, store, texts)
    resident = ResidentFlow(kb, matcher, store, texts, start, relay, picture)
    reports = ReportFlow(kb, store, texts)
    for kind in (buttons.REPORT_PICK, buttons.REPORT_KIND):  # a report's list: a typed name or kind taps it
        resident.outside[kind] = lambda person, hint, button: reports.press(person, "resident", hint, button)
    router = Router(
        kb=kb, texts=texts, accounts=Accounts(kb, store, texts), resident=resident,
        privacy=PrivacyFlow(resident, config.retention_days),
        staff_actions=actions, staff_commands=StaffCommands(kb, store, texts, renderer, actions), relay=relay,
        lookup=Lookup(kb, matcher, store, texts), form=HandoffForm(kb, matcher, store, texts, start),
        reports=reports,
    )
    return Wijkwijzer(config, kb, texts, store, matcher, router, Conversation(store, router), renderer,
                      Scheduler(kb, store, texts, start), DeliveryWorker(store, renderer, []), FloodGate())


# -- commands ------------------------------------------------------------------------------
def cmd_check_knowledge(args: argparse.Namespace, config: Config) -> int:
    """Validate a knowledge base and print every problem; exit 1 on errors."""
    folder = Path(args.folder) if args.folder else config.knowledge_dir
    if folder is None:
        print(NO_KNOWLEDGE, file=sys.stderr)
        return 2
    kb, problems = read_knowledge(folder)
    print(report(problems, str(folder)))
    return 1 if kb is None else 0


def cmd_run(args: argparse.Namespace, config: Config) -> int:
    """Run the bot on Telegram: long polling, or a webhook with --webhook / WIJKWIJZER_WEBHOOK_URL."""
    if not config.token:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    if not TOKEN_SHAPE.fullmatch(config.token):
        print(TOKEN_NOT_A_TOKEN, file=sys.stderr)
        return 2
    if getattr(args, "webhook", False) and not config.webhook_url:
        print("Configuration problem: --webhook needs WIJKWIJZER_WEBHOOK_URL (the public https:// address Telegram "
              "posts to) and WIJKWIJZER_WEBHOOK_SECRET.", file=sys.stderr)
        return 2
    kb = knowledge_or_exit(config.knowledge_dir)
    from telegram.error import InvalidToken  # PTB is only imported where it is needed

    from handlers.app import StartupError, build_application, run

    try:
        run(build_application(config, lambda: assemble(config, kb)), config)
    except InvalidToken:
        print(BAD_TOKEN_OR_URL if config.base_url else BAD_TOKEN, file=sys.stderr)
        return 2
    except StartupError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


def cmd_console(args: argparse.Namespace, config: Config) -> int:
    """Chat with the bot in the terminal: the same flows, no token."""
    kb = knowledge_or_exit(config.knowledge_dir)
    from handlers.console import run_console

    return run_console(lambda: assemble(config, kb), config.db_path.parent, args.as_user)


def with_house(config: Config, work: Callable[[Wijkwijzer], Awaitable[int]]) -> int:
    """Run one command-line job on the assembled bot, and close it."""

    async def run() -> int:
        house = await assemble(config)
        try:
            return await work(house)
        finally:
            await house.close()

    return asyncio.run(run())


def cmd_invite(args: argparse.Namespace, config: Config) -> int:
    """Print a one-time registration link for a wijkteam member or a professional."""

    async def make(house: Wijkwijzer) -> int:
        kb = house.kb
        members = {m.id for t in kb.teams for m in t.members}
        # a professional may be listed in professionals.yaml or be a member of a team (knowledge.md)
        known = members if args.role == "staff" else members | {p.id for p in kb.professionals}
        if args.person_id not in known:
            print(f"'{args.person_id}' is not a {'member of a team' if args.role == 'staff' else 'professional'}"
                  f"{'' if args.role == 'staff' else ' or a member of a team'} "
                  f"in {config.knowledge_dir}.", file=sys.stderr)
            return 1
        code = await create_invite(house.store, args.person_id, args.role)
        from handlers.app import invite_link

        print(invite_link(await bot_username(config), code))
        print(f"One-time link for {args.person_id} ({args.role}), valid for {INVITE_DAYS} days. Send it privately.",
              file=sys.stderr)
        return 0

    return with_house(config, make)


async def bot_username(config: Config) -> str:
    """The bot's @username from Telegram (getMe), or WIJKWIJZER_BOT_USERNAME, or a placeholder."""
    if os.environ.get("WIJKWIJZER_BOT_USERNAME"):
        return os.environ["WIJKWIJZER_BOT_USERNAME"].lstrip("@")
    if not config.token:
        return "<your_bot>"
    from telegram import Bot

    from handlers.app import file_url

    bot = Bot(config.token, base_url=config.base_url or "https://api.telegram.org/bot",
              base_file_url=file_url(config.base_url) if config.base_url else "https://api.telegram.org/file/bot")
    async with bot:
        return bot.username


def cmd_audit(args: argparse.Namespace, config: Config) -> int:
    """Print who did what with a handoff, and when."""

    async def read(house: Wijkwijzer) -> int:
        from flows.trail import Trail
        from flows.voice import Voice

        trail = Trail(house.kb, house.store, Voice(house.texts, house.kb.default_language))
        steps = await trail.steps(args.handoff_id)
        if not steps:
            print(f"No handoff {args.handoff_id} in {config.db_path}.", file=sys.stderr)
            return 1
        zone = ZoneInfo(house.kb.municipality.timezone)
        for step in steps:  # names and the municipality's time, never internal ids or UTC
            print(f"{step.at.astimezone(zone).strftime('%Y-%m-%d %H:%M:%S')}  {step.who:<40} {step.what}")
        return 0

    return with_house(config, read)


def cmd_reports(args: argparse.Namespace, config: Config) -> int:
    """List the problems residents and professionals reported, oldest first; or close one (--close ID)."""

    async def read(house: Wijkwijzer) -> int:
        from flows.reports import close_report

        if args.close is not None:
            closed = await close_report(house.store, args.close, "cli")
            if closed is None:
                print(f"No report #{args.close} in {config.db_path}.", file=sys.stderr)
                return 1
            print(f"Report #{args.close} {'is now closed' if closed else 'was already closed'}.")
            return 0
        rows = await house.store.reports.listing(closed_too=args.all)
        if not rows:
            print("No reports." if args.all else "No open reports.")
        zone = ZoneInfo(house.kb.municipality.timezone)
        for row, handled_at in rows:
            closed_at = f"  closed {handled_at.astimezone(zone).strftime('%Y-%m-%d %H:%M')}" if handled_at else ""
            print(f"#{row.id}  {row.at.astimezone(zone).strftime('%Y-%m-%d %H:%M')}  {row.target:<32} "
                  f"{row.kind:<13} (from {REPORTERS.get(row.reporter, row.reporter)}){closed_at}")
        return 0

    return with_house(config, read)


def cmd_match(args: argparse.Namespace, config: Config) -> int:
    """Show what the matcher and the routing rule make of one sentence."""
    from knowledge.explain import as_json, as_text, explain

    kb = knowledge_or_exit(config.knowledge_dir)
    match, contact = explain(kb, Matcher(kb), args.text, args.postcode, args.language or kb.default_language)
    if args.json:
        print(json.dumps(as_json(match, contact), ensure_ascii=False))
    else:
        print(as_text(kb, match, contact, args.postcode))
    return 0


def cmd_health(args: argparse.Namespace, config: Config) -> int:
    """Exit 0 when the database answers and the running bot ticked recently (a Docker HEALTHCHECK)."""
    from handlers.health import check

    health = check(config.db_path, config.health_stale_seconds)
    print(health.sentence(), file=sys.stdout if health.ok else sys.stderr)
    return 0 if health.ok else 1


def cmd_backup(args: argparse.Namespace, config: Config) -> int:
    """Copy the database with SQLite's online backup API (safe while the bot runs)."""
    from store.backup import BackupError, backup

    try:
        copy = backup(config.db_path, args.path)  # as typed: a trailing / means a folder
    except (BackupError, OSError) as exc:
        print(f"No backup made: {exc}", file=sys.stderr)
        return 1
    print(f"Backup of {config.db_path} written to {copy.path.resolve()} ({copy.size} bytes, schema version "
          f"{copy.schema_version}, integrity ok).")
    return 0


def cmd_insight(args: argparse.Namespace, config: Config) -> int:
    """Anonymous figures for the municipality from the aggregate table: heatmaps, CSV files, a summary."""
    from datetime import date

    from flows.insight import report
    from flows.insight.coordinator import min_count
    from flows.voice import Voice

    try:
        first, last = (date.fromisoformat(d) if d else None for d in (args.date_from, args.date_to))
        minimum = min_count()
    except ValueError as exc:
        print(f"insight: {exc}", file=sys.stderr)
        return 2
    kb = knowledge_or_exit(config.knowledge_dir)

    async def run() -> int:
        store = await Store.open(config.db_path)
        try:
            today = store.now().astimezone(ZoneInfo(kb.municipality.timezone))
            period = report.period_of(first, last, await store.figures.months(), today.date())
            figures = await store.figures.between(period.first, period.last)
            insight = report.build(figures, kb, period, minimum)
            voice = Voice(Texts.load(default=kb.default_language), kb.default_language)
            written = report.write(insight, kb, voice, Path(args.out), today)
        finally:
            await store.close()
        for path in written:
            print(path)
        return 0

    return asyncio.run(run())


COMMANDS = {
    None: cmd_run,
    "run": cmd_run,
    "console": cmd_console,
    "check-knowledge": cmd_check_knowledge,
    "match": cmd_match,
    "invite": cmd_invite,
    "audit": cmd_audit,
    "reports": cmd_reports,
    "health": cmd_health,
    "backup": cmd_backup,


    "insight": cmd_insight,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the command."""
    args = parser().parse_args(argv)
    try:
        config = Config.from_env()
    except ConfigError as exc:
        print(f"Configuration problem: {exc}", file=sys.stderr)
        return 2
    setup_logging(config.log_level)
    if args.command in READS_THE_DATABASE and not config.db_path.is_file():
        print(NO_DATABASE.format(path=config.db_path, home=config.home), file=sys.stderr)
        return 1
    try:
        return COMMANDS[args.command](args, config)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())

