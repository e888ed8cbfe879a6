"""What a reviewer found in the command line (issue 12): reporter wording, plurals, backups, a malformed token."""

from __future__ import annotations

import re
from pathlib import Path

from tests.floor import Town
from tests.kbfixture import write_kb
from tests.test_backup import backup
from tests.test_cli import run


async def test_reports_name_who_reported_in_plain_english(noord: Town, tmp_path: Path) -> None:
    async with noord.store.transaction() as tx:
        for reporter in ("staff", "resident", "professional"):
            await noord.store.reports.add(tx, reporter, "schuldhulp-voorbeeldstad", "closed")
    result = run("reports", env={"WIJKWIJZER_DB": str(tmp_path / "floor.sqlite3")})
    assert result.returncode == 0, result.stderr
    assert "(from a wijkteam member)" in result.stdout and "(from a resident)" in result.stdout
    assert "(from a professional)" in result.stdout and "a staff" not in result.stdout


def test_check_knowledge_counts_in_proper_plurals(tmp_path: Path) -> None:
    one = run("check-knowledge", str(write_kb(tmp_path / "one", services=("keywords:", "keywordz:"))))
    assert "geen fouten, 1 waarschuwing." in one.stdout and "(en)" not in one.stdout


def test_a_token_without_a_colon_is_one_sentence_and_exit_2(tmp_path: Path) -> None:
    result = run(env={"TELEGRAM_BOT_TOKEN": "abc", "WIJKWIJZER_KNOWLEDGE": "sample"}, tmp=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == ("TELEGRAM_BOT_TOKEN is not a bot token (it looks like 123456789:AAE...): copy "
                                     "the whole token again from @BotFather (/mybots, API Token).")


def test_a_backup_path_ending_in_a_slash_is_a_new_folder_with_a_utc_marked_name(noord: Town, tmp_path: Path) -> None:
    target = tmp_path / "newdir" / "nested"
    result = backup(tmp_path / "floor.sqlite3", f"{target}/")
    assert result.returncode == 0, result.stderr
    assert target.is_dir(), "a folder, not a file named like one"
    (copy,) = target.iterdir()
    assert re.fullmatch(r"wijkwijzer-\d{8}T\d{6}Z\.sqlite3", copy.name), copy.name
    assert "Z.sqlite3" in result.stdout
