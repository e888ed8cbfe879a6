"""The matcher on its own: normalisation, patterns, crisis, services, bad input, the match command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase
from knowledge.normalize import tokens
from knowledge.patterns import PatternSet

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def matcher(sample_kb: KnowledgeBase) -> Matcher:
    return Matcher(sample_kb)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("k heb mn huur nie betaald!!", ["ik", "heb", "mijn", "huur", "niet", "betaald"]),
        ("Één Café 😀", ["een", "cafe"]),
        ("I can't pay my rent", ["i", "can", "not", "pay", "my", "rent"]),
        ("al 3maanden", ["al", "3", "maanden"]),
        ("ff\u200b w8\u0000en", ["even", "wacht", "en"]),
    ],
)
def test_normalisation(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_patterns_words_stems_suffixes_phrases_and_gaps() -> None:
    patterns = PatternSet([("schuld*", "a"), ("*achterstand", "b"), ("geen ... geld", "c"), ("uit huis gezet", "d")])
    found = {str(h.label) for h in patterns.find([(w,) for w in tokens("schuldhulp en een huurachterstand")])}
    assert found == {"a", "b"}
    found = {str(h.label) for h in patterns.find([(w,) for w in tokens("ik heb geen cent meer geld")])}
    assert found == {"c"}
    assert patterns.find([(w,) for w in tokens("geen idee wat ik met mijn geld moet doen")]) == []
    assert [str(h.label) for h in patterns.find([(w,) for w in tokens("ik word uit huis gezet")])] == ["d"]


def test_typos_and_chat_spelling_are_understood(matcher: Matcher, sample_kb: KnowledgeBase) -> None:
    assert matcher.match("de deurwaader stond weer voor de deur").domain_ids[0] == "finances"
    # the lexicon knows the slang "poen"; the domain model hardly does and may put the groceries first
    # (docs/understanding-history.md): both stay in the first two
    lexicon = Matcher(sample_kb, background=False, second_opinion=False)
    assert lexicon.match("k heb geen poen meer voor boodschappen").domain_ids[0] == "finances"
    assert set(matcher.match("k heb geen poen meer voor boodschappen").domain_ids[:2]) == {"daily_living", "finances"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ik zie het niet meer zitten", "suicide"),
        ("ik denk aan zelfmoort", "suicide"),
        ("I want to kill myself", "suicide"),
        ("mijn man slaat me", "domestic_violence"),
        ("mijn moeder is bewusteloos", "medical"),
    ],
)
def test_one_crisis_sentence_is_enough(matcher: Matcher, text: str, kind: str) -> None:
    result = matcher.match(text)
    assert result.crisis.is_crisis and kind in result.crisis.kinds


@pytest.mark.parametrize("text", ["ik ben doodmoe", "ik lach me dood", "die rekening slaat nergens op",
                                  "this debt is killing me", "ik verveel me dood"])
def test_everyday_phrases_do_not_cry_wolf(matcher: Matcher, text: str) -> None:
    assert not matcher.match(text).crisis.is_crisis


def test_crisis_lines_come_first_among_services(matcher: Matcher) -> None:
    services = [s.service for s in matcher.match("ik wil niet meer leven").services]
    assert services[0].crisis and services[0].phone == "0800-0113"
    everyday = [s.service for s in matcher.match("ik heb schulden").services]
    assert everyday and not any(s.crisis for s in everyday)


def test_services_respect_the_area(matcher: Matcher, sample_kb: KnowledgeBase) -> None:
    for area in ("noord", "zuid", None):
        for item in matcher.match("ik voel me eenzaam en heb geen vrienden", area).services:
            assert item.service.serves(area)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "😀🙏🏽💔", "x" * 50_000, "schulden " * 6000, "\u0000\u0007\u001b[31m", "\u202eولا كلمة\u202c",
     "Dzień dobry, nie mam pieniędzy na czynsz i jestem bardzo zmęczona"],
)
def test_bad_input_gets_a_sane_answer(matcher: Matcher, text: str) -> None:
    result = matcher.match(text, "noord")
    assert len(result.services) <= 5


def test_empty_and_unsupported_are_recognised(matcher: Matcher) -> None:
    assert matcher.match("😀🙏🏽").empty
    assert matcher.match("مرحبا، لدي مشاكل كثيرة مع المال").unsupported
    assert matcher.match("Dzień dobry, nie mam pieniędzy na czynsz i jestem bardzo zmęczona").unsupported
    assert not matcher.match("ik heb schulden").unsupported


def run_match(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "bot.py"), "match", *args], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)


def test_match_command_json_is_stable() -> None:
    result = run_match("de deurwaarder staat steeds voor de deur en mijn zoon spijbelt", "--postcode", "5341",
                       "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"domains", "crisis", "services", "contact"}  # stable fields; new ones may be added
    assert {d["id"] for d in data["domains"]} >= {"finances", "parenting"}
    assert all(set(d) == {"id", "score"} for d in data["domains"] + data["services"])
    assert data["crisis"] == {"is_crisis": False, "kind": None}
    assert data["contact"] == {"member_id": "fatima-el-amrani", "team_id": "wijkteam-noord"}


def test_match_command_explains_why() -> None:
    result = run_match("ik wil niet meer leven", "--postcode", "5211")
    assert result.returncode == 0, result.stderr
    assert "Crisis: JA — suicide" in result.stdout and "zelfmoordpreventie-113" in result.stdout
    assert "Contactpersoon:" in result.stdout and "Wijkteam Centrum" in result.stdout
    nothing = run_match("hallo", "--json")
    assert {k: v for k, v in json.loads(nothing.stdout).items() if k != "why"} == {
        "domains": [], "crisis": {"is_crisis": False, "kind": None}, "services": [], "contact": None}
