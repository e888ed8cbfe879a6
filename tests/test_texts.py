"""Every sentence exists in every language, fits Telegram, and its markup renders to valid Telegram HTML."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from flows.lifecycle import TRANSITIONS
from flows.markup import render_template
from flows.texts import Texts
from handlers.send import to_html
from knowledge.domains import BOT_LANGUAGES, CRISIS_KINDS, DOMAIN_IDS
from testing.fakebot import parse_formatted

FLOWS = Path(__file__).resolve().parent.parent / "flows"
TEXTS = Texts.load(default="nl")
LITERAL_KEY = re.compile(r"""(?:voice|\.plain|\.get\([^,]+,)\s*\(?\s*["']([a-z_]+(?:\.[a-z_]+)+)["']""")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def keys_used_in_code() -> set[str]:
    used = set()
    for path in FLOWS.rglob("*.py"):
        used |= set(LITERAL_KEY.findall(path.read_text()))
    return used


def keys_built_in_code() -> set[str]:
    """Keys the flows build from ids: one per domain, crisis kind, status, ..."""
    keys = {f"domain.{d}" for d in DOMAIN_IDS} | {f"check.question.{d}" for d in DOMAIN_IDS}
    keys |= {f"crisis.{k}" for k in CRISIS_KINDS}
    keys |= {f"status.{s}" for s in TRANSITIONS if s}
    keys |= {f"language.{lang}" for lang in BOT_LANGUAGES}
    keys |= {f"unreadable.{k}" for k in ("voice", "sticker", "photo", "video", "document", "location", "edited",
                                          "other")}
    keys |= {f"check.answer.{a}" for a in ("fine", "bit", "worry", "heavy")}
    keys |= {f"daypart.{p}" for p in ("morning", "afternoon", "evening", "any")}
    keys |= {f"done.how.{k}" for k in ("message", "phone", "self")}
    keys |= {f"mydata.{k}" for k in ("going_well", "would_help")}
    return keys


def test_the_languages_have_the_same_keys() -> None:
    assert set(TEXTS.languages) == set(BOT_LANGUAGES)
    reference = set(TEXTS.by_language["nl"])
    for language in BOT_LANGUAGES:
        difference = set(TEXTS.by_language[language]) ^ reference
        assert not difference, f"{language}: {difference}"


def test_every_key_the_code_uses_exists_in_every_language() -> None:
    used = keys_used_in_code() | keys_built_in_code()
    assert len(used) > 100
    for language in BOT_LANGUAGES:
        missing = sorted(k for k in used if k not in TEXTS.by_language[language])
        assert missing == [], f"{language} misses {missing}"


@pytest.mark.parametrize("language", BOT_LANGUAGES)
def test_placeholders_match_the_dutch_text(language: str) -> None:
    for key, text in TEXTS.by_language[language].items():
        assert fields(text) == fields(TEXTS.by_language["nl"][key]), key


@pytest.mark.parametrize("language", BOT_LANGUAGES)
def test_every_text_is_valid_telegram_html_within_the_limits(language: str) -> None:
    for key, template in TEXTS.by_language[language].items():
        assert template.count("**") % 2 == 0 and template.count("__") % 2 == 0, f"{key}: unbalanced markup"
        filled = to_html(render_template(template, {name: "<x & y>" for name in fields(template)}))
        if not filled.strip():
            continue
        parsed = parse_formatted(filled, "HTML")
        assert len(parsed.text) <= 1024 if key.startswith("summary.") else len(parsed.text) <= 4096, key


@pytest.mark.parametrize("language", BOT_LANGUAGES)
def test_button_labels_are_short(language: str) -> None:
    labels = [k for k in TEXTS.by_language[language] if k.startswith(("start.way_", "offer.accept", "check.answer."))]
    for key in labels:
        assert len(TEXTS.by_language[language][key]) <= 40, key
