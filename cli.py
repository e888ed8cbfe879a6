"""The command line's own words and arguments: what `python bot.py` accepts and the sentences it prints
(bot.py runs the commands; the conversation's sentences live in flows/texts)."""

from __future__ import annotations

import argparse
import re

NO_TOKEN = """\
Wijkwijzer needs a Telegram bot token to run on Telegram.

  1. Open Telegram, talk to @BotFather and send /newbot; you get a token.
  2. Start the bot with:  TELEGRAM_BOT_TOKEN=<token> python bot.py

No token yet? Try the whole conversation in your terminal:

  python bot.py console
"""

NO_KNOWLEDGE = ("No knowledge base: set WIJKWIJZER_KNOWLEDGE to your municipality's knowledge-base folder "
                "(or to 'sample' for the fictional Voorbeeldstad demo).")
NO_DATABASE = ("There is no database at {path} (WIJKWIJZER_DB; a relative path is taken from WIJKWIJZER_HOME, now "
               "{home}); this command only reads one, it does not create it.")
BAD_TOKEN = ("Telegram does not accept the token in TELEGRAM_BOT_TOKEN: copy it again from @BotFather "
             "(/mybots, API Token).")
TOKEN_SHAPE = re.compile(r"\d+:\S+")  # what @BotFather gives: the bot's number, a colon, a secret
TOKEN_NOT_A_TOKEN = ("TELEGRAM_BOT_TOKEN is not a bot token (it looks like 123456789:AAE...): copy the whole token "
                     "again from @BotFather (/mybots, API Token).")
BAD_TOKEN_OR_URL = ("Telegram does not accept the token in TELEGRAM_BOT_TOKEN, or TELEGRAM_BASE_URL is not a Bot API "
                    "server: check both.")
READS_THE_DATABASE = ("audit", "reports", "insight", "backup")  # never create an empty database for these
REPORTERS = {"resident": "a resident", "professional": "a professional", "staff": "a wijkteam member"}


def parser() -> argparse.ArgumentParser:
    """The command line."""
    top = argparse.ArgumentParser(
        prog="python bot.py",
        description="Wijkwijzer: one named person of the wijkteam instead of five desks. "
        "Without a command, runs the bot on Telegram (needs TELEGRAM_BOT_TOKEN).",
        epilog="Environment: TELEGRAM_BOT_TOKEN, TELEGRAM_BASE_URL, WIJKWIJZER_HOME (the base of relative paths, "
        "default the project folder), WIJKWIJZER_KNOWLEDGE (default the fictional sample, 'sample' picks it on "
        "purpose), WIJKWIJZER_DB (default data/wijkwijzer.sqlite3), WIJKWIJZER_LOG_LEVEL, WIJKWIJZER_WEBHOOK_URL, "
        "_SECRET, _LISTEN, _PORT. The README lists them all.",
    )
    top.add_argument("--webhook", action="store_true",
                     help="take updates from Telegram on a webhook instead of long polling")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    run = commands.add_parser("run", help="run the bot on Telegram with long polling (the default)")
    run.add_argument("--webhook", action="store_true", default=argparse.SUPPRESS,
                     help="take updates from Telegram on a webhook instead of long polling")
    console = commands.add_parser("console", help="chat with the bot in this terminal (no token needed)")
    console.add_argument("--as", dest="as_user", default="resident", metavar="WHO",
                         help="resident (default), or staff:<member-id> for the wijkteam side; "
                              "run one of each against the same database to play both sides")
    commands.add_parser("health", help="exit 0 when the database answers and the running bot ticked recently")
    backup = commands.add_parser("backup", help="a consistent copy of the database, safe while the bot runs")
    backup.add_argument("path", metavar="PATH", help="the file to write (or a folder: a dated file in it)")
    check = commands.add_parser("check-knowledge", help="check a knowledge base and list every problem")
    check.add_argument("folder", nargs="?", help="the knowledge-base folder (default: WIJKWIJZER_KNOWLEDGE)")
    match = commands.add_parser("match", help="what the matcher makes of a sentence, and who would get it")
    match.add_argument("text", help="the sentence, in quotes")
    match.add_argument("--postcode", help="the resident's postcode (PC4 or PC6)")
    match.add_argument("--language", help="the resident's language (default: the knowledge base's first)")
    match.add_argument("--json", action="store_true", help="print a stable JSON object")
    invite = commands.add_parser("invite", help="a one-time t.me link that registers a member or professional")
    invite.add_argument("person_id", metavar="ID", help="the member's (or professional's) id in the knowledge base")
    invite.add_argument("--role", choices=("staff", "professional"), default="staff")
    reports = commands.add_parser("reports", help="problems with services or contacts reported in the bot, "
                                                   "oldest first; --close ID marks one as handled")
    reports.add_argument("--close", type=int, metavar="ID", help="mark report ID as handled (logged in the audit)")
    reports.add_argument("--all", action="store_true", help="list closed reports too")
    audit = commands.add_parser("audit", help="who did what with a handoff, and when")
    audit.add_argument("handoff_id", type=int, metavar="HANDOFF_ID")
    insight = commands.add_parser("insight", help="anonymous figures for the municipality: heatmaps, CSV, summary")
    insight.add_argument("--from", dest="date_from", metavar="DATE", help="first day (YYYY-MM-DD; its month counts)")
    insight.add_argument("--to", dest="date_to", metavar="DATE", help="last day (YYYY-MM-DD; its month counts)")
    insight.add_argument("--out", default="insight", metavar="DIR", help="folder for the files (default: insight)")
    return top
