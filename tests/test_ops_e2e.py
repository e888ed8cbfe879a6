"""Running it: a wrong token, an unreachable Bot API, the demo notice, no silent sample, one base for paths, health."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

from bot import assemble
from config import Config
from flows.handoff import Renderer
from knowledge.loader import SAMPLE, load_knowledge
from testing.fakebot import FakeTelegram
from tests.conftest import RunningBot
from tests.kbfixture import write_kb
from tests.test_handoff_e2e import FATIMA, consent, register
from tests.test_resident_e2e import say, texts

ROOT = Path(__file__).resolve().parent.parent
DEMO_NL = "Dit is een demo met verzonnen hulp en mensen."
DEMO_EN = "This is a demo with invented help and people."
UNREACHABLE = "Telegram's Bot API cannot be reached"


def clean_env(**settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WIJKWIJZER_"))}
    env.update(settings)
    return env


def run(*args: str, cwd: Path = ROOT, **settings: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "bot.py"), *args], capture_output=True, text=True,
                          env=clean_env(**settings), cwd=cwd, timeout=60)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def wait_for(check, what: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        await asyncio.sleep(0.1)


# -- starting ---------------------------------------------------------------------------------
async def test_a_wrong_token_is_one_sentence_and_exit_2(fake: FakeTelegram, tmp_path: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "bot.py"), cwd=tmp_path, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=clean_env(TELEGRAM_BOT_TOKEN="999:WRONG", TELEGRAM_BASE_URL=fake.base_url,
                      WIJKWIJZER_DB=str(tmp_path / "db.sqlite3")))
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 2
    stderr = err.decode()
    assert "Traceback" not in stderr and "999:WRONG" not in stderr, stderr
    ours = [line for line in stderr.splitlines() if " WARNING " not in line and " INFO " not in line]
    assert ours == ["Telegram does not accept the token in TELEGRAM_BOT_TOKEN, or TELEGRAM_BASE_URL is not a Bot API "
                    "server: check both."], stderr
    assert [method for method, _ in fake.requests] == ["getMe"], "it asked once and stopped"


async def test_an_unreachable_bot_api_is_tried_again_with_back_off_then_it_runs(tmp_path: Path) -> None:
    port, log, db = free_port(), tmp_path / "bot.log", tmp_path / "db.sqlite3"
    with log.open("wb") as out:
        process = await asyncio.create_subprocess_exec(
            sys.executable, str(ROOT / "bot.py"), cwd=tmp_path, stdout=out, stderr=asyncio.subprocess.STDOUT,
            env=clean_env(TELEGRAM_BOT_TOKEN="123:ABC", TELEGRAM_BASE_URL=f"http://127.0.0.1:{port}/bot",
                          WIJKWIJZER_DB=str(db)))
    try:
        await wait_for(lambda: log.read_text().count(UNREACHABLE) >= 2, "two attempts while Telegram is down")
        assert run("health", WIJKWIJZER_DB=str(db)).returncode == 1, "not healthy before it runs"
        async with FakeTelegram(token="123:ABC", port=port) as fake:  # Telegram is back
            await wait_for(lambda: bool(fake.calls("getUpdates")), "polling after Telegram came back")
            amira = fake.user(1001, "Amira", language_code="nl")
            welcome = texts(await say(amira, "/start"))
            assert "Wijkwijzer" in welcome and DEMO_NL in welcome
            await wait_for(lambda: run("health", WIJKWIJZER_DB=str(db)).returncode == 0, "the first tick", 20)
            process.terminate()
            assert await asyncio.wait_for(process.wait(), 20) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    lines = log.read_text().splitlines()
    attempts = [line for line in lines if UNREACHABLE in line]
    assert "Traceback" not in log.read_text()
    assert "attempt 1: " in attempts[0] and "trying again in 1 s" in attempts[0]
    assert "attempt 2: " in attempts[1] and "trying again in 2 s" in attempts[1]
    assert all("123:ABC" not in line for line in lines)


def test_health_says_why_it_is_unhealthy(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    missing = run("health", WIJKWIJZER_DB=str(db))
    assert missing.returncode == 1 and "database does not answer" in missing.stderr and not db.exists()
    run("invite", "fatima-el-amrani", WIJKWIJZER_DB=str(db), WIJKWIJZER_BOT_USERNAME="b")  # a real database
    assert "not ticked yet" in run("health", WIJKWIJZER_DB=str(db)).stderr
    tick = db.with_name(db.name + ".tick")
    tick.touch()
    healthy = run("health", WIJKWIJZER_DB=str(db))
    assert healthy.returncode == 0 and healthy.stdout.startswith("ok: the database answers")
    os.utime(tick, (time.time() - 600, time.time() - 600))
    stale = run("health", WIJKWIJZER_DB=str(db))
    assert stale.returncode == 1 and re.fullmatch(r"unhealthy: the last tick was 6\d\d s ago \(more than 90 s\)\n",
                                                  stale.stderr), stale.stderr


# -- demo ---------------------------------------------------------------------------------------
async def test_the_sample_says_it_is_a_demo_in_every_welcome_and_on_every_card(bot: RunningBot) -> None:
    amira = bot.fake.user(1001, "Amira", language_code="nl")
    assert DEMO_NL in texts(await say(amira, "/start"))
    john = bot.fake.user(1002, "John", language_code="en")
    assert DEMO_EN in texts(await say(john, "/start"))
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    await consent(bot, amira)
    card = await fatima.hears(timeout=10)
    assert card.plain.startswith("Overdracht #1") and card.plain.endswith("\n🧪 " + DEMO_NL), card.plain
    assert "<i>" + DEMO_NL + "</i>" in card.text
    await fatima.hears_all(quiet=0.3, timeout=10)  # the picture
    (again,) = [m for m in await say(fatima, "/open 1") if m.plain.startswith("Overdracht #1")]
    assert again.plain.endswith(DEMO_NL), "the card shown again too"


async def test_a_long_card_is_cut_before_the_demo_notice(tmp_path: Path, sample_kb) -> None:
    from flows.card import Card, Concern
    from store import Handoff

    house = await assemble(Config(None, None, SAMPLE, tmp_path / "db.sqlite3"), sample_kb)
    try:
        card = Card(concerns=tuple(Concern(d, 1, "woorden " * 60) for d in ("finances", "housing") * 6),
                    story="verhaal " * 200, going_well="goed " * 200, would_help="hulp " * 200)
        handoff = Handoff(id=7, resident=None, member_id="fatima-el-amrani", team_id="wijkteam-noord", status="sent",
                          urgent=False, source="resident", card=card.to_dict(), created_at=house.store.now(),
                          updated_at=house.store.now())
        text = str(house.renderer.card(handoff).text)
        assert len(text) <= 4000 and text.endswith("…\n🧪 " + DEMO_NL)
    finally:
        await house.close()


async def test_a_real_knowledge_base_has_no_demo_notice(tmp_path: Path) -> None:
    kb = load_knowledge(write_kb(tmp_path / "kb"))
    assert not kb.municipality.demo and load_knowledge(SAMPLE).municipality.demo
    house = await assemble(Config(None, None, tmp_path / "kb", tmp_path / "db.sqlite3"), kb)
    try:
        for language in ("nl", "en"):
            assert "demo" not in house.texts.template(language, "start.welcome")
        assert house.renderer.card.__func__ is Renderer.card, "the card is not wrapped"
    finally:
        await house.close()


def test_check_knowledge_accepts_demo_and_refuses_a_demo_that_is_not_true_or_false(tmp_path: Path) -> None:
    good = write_kb(tmp_path / "good", municipality=("name: Teststad", "name: Teststad\ndemo: true"))
    assert run("check-knowledge", str(good)).returncode == 0
    bad = write_kb(tmp_path / "bad", municipality=("name: Teststad", "name: Teststad\ndemo: misschien"))
    result = run("check-knowledge", str(bad))
    assert result.returncode == 1 and "'demo' moet true of false zijn" in result.stdout


# -- no silent sample in the image ------------------------------------------------------------
def test_where_a_knowledge_base_is_required_it_is_asked_for_in_one_sentence(tmp_path: Path) -> None:
    image = {"WIJKWIJZER_REQUIRE_KNOWLEDGE": "1", "WIJKWIJZER_DB": str(tmp_path / "db.sqlite3")}
    sentence = ("No knowledge base: set WIJKWIJZER_KNOWLEDGE to your municipality's knowledge-base folder "
                "(or to 'sample' for the fictional Voorbeeldstad demo).")
    for args in ((), ("console",), ("check-knowledge",)):
        result = run(*args, TELEGRAM_BOT_TOKEN="123:ABC", **image)
        assert result.returncode == 2 and result.stderr.strip() == sentence, (args, result.stderr)
    assert not (tmp_path / "db.sqlite3").exists()
    chosen = run("check-knowledge", WIJKWIJZER_KNOWLEDGE="sample", **image)
    assert chosen.returncode == 0 and "voorbeeldstad" in chosen.stdout
    assert run("check-knowledge", **{"WIJKWIJZER_DB": str(tmp_path / "db.sqlite3")}).returncode == 0, \
        "from the source tree the sample stays the default"


# -- one base for relative paths ------------------------------------------------------------------
def test_relative_paths_are_taken_from_wijkwijzer_home_not_the_working_directory(tmp_path: Path) -> None:
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    settings = {"WIJKWIJZER_HOME": str(home), "WIJKWIJZER_DB": "data/wijkwijzer.sqlite3"}
    refused = run("reports", cwd=elsewhere, **settings)
    assert refused.returncode == 1 and "There is no database at " + str(home / "data/wijkwijzer.sqlite3") \
        in refused.stderr and "does not create it" in refused.stderr
    assert not (home / "data").exists() and not (elsewhere / "data").exists(), "no empty database was made"
    assert run("audit", "1", cwd=elsewhere, **settings).returncode == 1
    made = run("invite", "fatima-el-amrani", cwd=home, WIJKWIJZER_BOT_USERNAME="b", **settings)
    assert made.returncode == 0 and (home / "data/wijkwijzer.sqlite3").is_file()
    found = run("reports", cwd=elsewhere, **settings)
    assert found.returncode == 0 and found.stdout.strip() == "No open reports."
    assert not (elsewhere / "data").exists()
    (home / "kb").mkdir()
    write_kb(home / "kb")
    assert Config.from_env({"WIJKWIJZER_HOME": str(home), "WIJKWIJZER_KNOWLEDGE": "kb"}).knowledge_dir == home / "kb"
    assert run("check-knowledge", cwd=elsewhere, WIJKWIJZER_HOME=str(home), WIJKWIJZER_KNOWLEDGE="kb").returncode == 0


def test_the_default_home_is_the_project_folder() -> None:
    config = Config.from_env({})
    assert config.home == ROOT and config.db_path == ROOT / "data/wijkwijzer.sqlite3"
    assert config.knowledge_dir == SAMPLE and config.webhook_url is None


# -- the image ------------------------------------------------------------------------------------
def test_the_dockerfile_installs_dependencies_before_the_code_and_runs_as_a_user_with_a_health_check() -> None:
    lines = [line.strip() for line in (ROOT / "Dockerfile").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    steps = [line.split()[0] for line in lines if line.split()[0].isupper()]
    first_code = next(i for i, line in enumerate(lines) if line.startswith("COPY bot.py"))
    installs = [i for i, line in enumerate(lines) if "pip install" in line]
    assert installs and max(installs) < first_code, "the dependency layer comes before the code"
    assert "COPY . ." not in lines and "COPY pyproject.toml ./" in lines
    assert "WIJKWIJZER_REQUIRE_KNOWLEDGE=1" in "".join(lines) and "WIJKWIJZER_KNOWLEDGE=" not in "".join(lines)
    assert steps.index("USER") < steps.index("CMD") and "USER wijkwijzer" in lines
    (health,) = [line for line in lines if line.startswith("HEALTHCHECK")]
    assert health.endswith('CMD ["python", "bot.py", "health"]')
    assert lines[-1] == 'CMD ["python", "bot.py"]', "exec form"
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".git", ".venv", "data", "*.sqlite3*", "__pycache__", ".pytest_cache", ".hypothesis", "tests"} <= ignored
