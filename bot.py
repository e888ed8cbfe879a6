"""Wijkwijzer: the command line and the one place that wires the floors together."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("PTB_TIMEDELTA", "1")  # PTB 22's opt-in to timedelta durations (set before PTB loads)

from config import Config, ConfigError  # noqa: E402
from knowledge.loader import SAMPLE, read_knowledge  # noqa: E402
from knowledge.model import KnowledgeBase  # noqa: E402
from knowledge.problems import report  # noqa: E402

log = logging.getLogger("wijkwijzer")

NO_TOKEN = """\
Wijkwijzer needs a Telegram bot token to run on Telegram.

  1. Open Telegram, talk to @BotFather and send /newbot; you get a token.
  2. Start the bot with:  TELEGRAM_BOT_TOKEN=<token> python bot.py

No token yet? Try the whole conversation in your terminal:

  python bot.py console
"""


def quiet_third_party_loggers(level: str) -> None:
    """httpx logs every URL (with the token), PTB's debug logs carry message text: keep them quieter."""
    for name, floor in (("httpx", logging.WARNING), ("httpcore", logging.WARNING),
                        ("telegram", logging.INFO), ("apscheduler", logging.WARNING)):
        logging.getLogger(name).setLevel(max(floor, logging.getLevelName(level)))


def setup_logging(level: str) -> None:
    """Plain logs without message text, names, phone numbers or the token."""
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=level)
    quiet_third_party_loggers(level)


def knowledge_or_exit(folder: Path) -> KnowledgeBase:
    """Load the knowledge base; on errors print the full report and stop."""
    kb, problems = read_knowledge(folder)
    if kb is None:
        print(report(problems, str(folder)), file=sys.stderr)
        print("\nWijkwijzer does not start on a broken knowledge base.", file=sys.stderr)
        raise SystemExit(1)
    if problems:
        log.warning("the knowledge base has %d warning(s); `python bot.py check-knowledge` lists them", len(problems))
    return kb


def cmd_check_knowledge(args: argparse.Namespace, config: Config) -> int:
    """Validate a knowledge base and print every problem; exit 1 on errors."""
    folder = Path(args.folder) if args.folder else config.knowledge_dir
    kb, problems = read_knowledge(folder)
    print(report(problems, str(folder)))
    return 1 if kb is None else 0


def cmd_run(args: argparse.Namespace, config: Config) -> int:
    """Run the bot on Telegram with long polling."""
    if not config.token:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    kb = knowledge_or_exit(config.knowledge_dir)
    from handlers.app import build_application  # PTB is only imported where it is needed

    application = build_application(config, kb)
    application.run_polling(allowed_updates=None, drop_pending_updates=False)
    return 0


def cmd_console(args: argparse.Namespace, config: Config) -> int:
    """Chat with the bot in the terminal: the same flows, no token."""
    kb = knowledge_or_exit(config.knowledge_dir)
    from handlers.console import run_console

    return run_console(config, kb)


def cmd_match(args: argparse.Namespace, config: Config) -> int:
    """Show what the matcher and the routing rule make of one sentence."""
    from knowledge.explain import as_json, as_text, explain
    from knowledge.matcher import Matcher

    kb = knowledge_or_exit(config.knowledge_dir)
    match, contact = explain(kb, Matcher(kb), args.text, args.postcode, args.language)
    if args.json:
        print(json.dumps(as_json(match, contact), ensure_ascii=False))
    else:
        print(as_text(kb, match, contact, args.postcode))
    return 0


def parser() -> argparse.ArgumentParser:
    """The command line."""
    top = argparse.ArgumentParser(
        prog="python bot.py",
        description="Wijkwijzer: one named person of the wijkteam instead of five desks. "
        "Without a command, runs the bot on Telegram (needs TELEGRAM_BOT_TOKEN).",
        epilog="Environment: TELEGRAM_BOT_TOKEN, TELEGRAM_BASE_URL, WIJKWIJZER_KNOWLEDGE "
        f"(default {SAMPLE}), WIJKWIJZER_DB (default data/wijkwijzer.sqlite3), WIJKWIJZER_LOG_LEVEL.",
    )
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("run", help="run the bot on Telegram with long polling (the default)")
    commands.add_parser("console", help="chat with the bot in this terminal as a resident (no token needed)")
    check = commands.add_parser("check-knowledge", help="check a knowledge base and list every problem")
    check.add_argument("folder", nargs="?", help="the knowledge-base folder (default: WIJKWIJZER_KNOWLEDGE)")
    match = commands.add_parser("match", help="what the matcher makes of a sentence, and who would get it")
    match.add_argument("text", help="the sentence, in quotes")
    match.add_argument("--postcode", help="the resident's postcode (PC4 or PC6)")
    match.add_argument("--language", default="nl", help="the resident's language (default nl)")
    match.add_argument("--json", action="store_true", help="print a stable JSON object")
    return top


COMMANDS = {
    None: cmd_run,
    "run": cmd_run,
    "console": cmd_console,
    "check-knowledge": cmd_check_knowledge,
    "match": cmd_match,
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
    try:
        return COMMANDS[args.command](args, config)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())

