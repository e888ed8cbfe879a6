"""The command line, run as a person would: a real subprocess each time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.kbfixture import write_kb

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env: dict[str, str] | None = None, stdin: str = "", tmp: Path | None = None):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WIJKWIJZER_"))}
    if tmp is not None:
        environment["WIJKWIJZER_DB"] = str(tmp / "cli.sqlite3")
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, str(ROOT / "bot.py"), *args],
        input=stdin, capture_output=True, text=True, env=environment, timeout=60, cwd=tmp or ROOT,
    )


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("run", "console", "check-knowledge"):
        assert command in result.stdout


def test_without_a_token_it_explains_and_names_console_mode(tmp_path: Path) -> None:
    result = run(tmp=tmp_path)
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr and "python bot.py console" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_knowledge_passes_on_the_sample() -> None:
    result = run("check-knowledge")
    assert result.returncode == 0, result.stdout
    assert "geen fouten" in result.stdout


def test_check_knowledge_fails_with_every_problem_listed(tmp_path: Path) -> None:
    folder = write_kb(tmp_path / "kb", teams=("[finances, housing]", "[finance, housing]"),
                      services=("https://www.teststad.nl/schulden", "teststad"))
    result = run("check-knowledge", str(folder))
    assert result.returncode == 1
    assert "teams.yaml:16: fout [bram]: Onbekend levensdomein 'finance'" in result.stdout
    assert "services.yaml:8: fout [schuldhulp]: Webadres 'teststad' klopt niet" in result.stdout
    assert "2 fouten, geen waarschuwingen." in result.stdout and "(en)" not in result.stdout


def test_check_knowledge_with_only_warnings_exits_0(tmp_path: Path) -> None:
    folder = write_kb(tmp_path / "kb", services=("keywords:", "keywordz:"))
    result = run("check-knowledge", str(folder))
    assert result.returncode == 0
    assert "waarschuwing [schuldhulp]" in result.stdout


def test_a_broken_knowledge_base_stops_the_bot_from_starting(tmp_path: Path) -> None:
    folder = write_kb(tmp_path / "kb", teams=("coordinator: cem", "coordinator: sanne"))
    for args in ((), ("console",)):
        result = run(*args, env={"WIJKWIJZER_KNOWLEDGE": str(folder), "TELEGRAM_BOT_TOKEN": "1:x"}, tmp=tmp_path)
        assert result.returncode == 1
        assert "teams.yaml:21: fout [team-b]: Coördinator 'sanne' is geen lid van dit team" in result.stderr
        assert "Traceback" not in result.stderr


def test_console_starts_and_stops_with_stop(tmp_path: Path) -> None:
    result = run("console", stdin="/stop\n", tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_console_quits_cleanly_on_end_of_input(tmp_path: Path) -> None:
    result = run("console", stdin="", tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text().strip().splitlines()[-1]
    readme = (ROOT / "README.md").read_text()
    assert ci in readme
    assert "bot.py console" in readme
