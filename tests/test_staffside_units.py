"""Pure pieces of the staff side: plurals in texts, cutting at a word, the help from the command table, local time."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from flows import commands
from flows.markup import counted, render_template, shorten
from flows.texts import Texts
from flows.trail import moment
from flows.voice import Voice

TEXTS = Texts.load(default="nl")


@pytest.mark.parametrize(("count", "expected"), [(1, "binnen 1 werkdag."), (2, "binnen 2 werkdagen."),
                                                 (0, "binnen 0 werkdagen.")])
def test_a_count_gets_the_right_word(count: int, expected: str) -> None:
    assert str(render_template("binnen {days:werkdag|werkdagen}.", {"days": count})) == expected
    assert counted(count, "werkdag", "werkdagen") == expected[7:-1]


def test_a_counted_value_in_bold_stays_bold_and_plain() -> None:
    rich = render_template("**{n:melding|meldingen}**", {"n": 3})
    assert [(s.text, s.style) for s in rich.spans] == [("3 meldingen", "b")]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_text_hedges_a_plural(language: str) -> None:
    for key, text in TEXTS.by_language[language].items():
        assert not re.search(r"\w\((en|s|e|n)\)", text), f"{key}: {text}"


def test_shorten_cuts_between_words_with_an_ellipsis() -> None:
    text = "Snap je een brief van de overheid niet, of weet je niet waar je recht op hebt?"
    for limit in range(10, len(text)):
        cut = shorten(text, limit)
        assert len(cut) <= limit and cut.endswith("…")
        kept = cut[:-1]
        assert text.startswith(kept) and text[len(kept)] in " ,?", (limit, cut)
        assert not kept.endswith((",", " "))
    assert shorten(text, len(text)) == text
    assert shorten("  twee   woorden ", 40) == "twee woorden"
    assert shorten("onafhankelijkheidsverklaring", 10) == "onafhanke…", "one long word: cut inside it"


@pytest.mark.parametrize(("role", "shown", "hidden"), [
    (commands.STAFF, ("mijn", "open", "sluit", "team", "meldingen", "zoek", "wie", "overdracht", "wiebenik"), ()),
    (commands.PROFESSIONAL, ("zoek", "wie", "overdracht", "wiebenik"), ("mijn", "meldingen", "team")),
])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_help_is_made_from_the_command_table(role: str, shown: tuple, hidden: tuple, language: str) -> None:
    help_text = str(commands.help_text(Voice(TEXTS, language), role))
    listed = re.findall(r"^/(\w+)", help_text, re.M)
    assert listed == [c.name for c in commands.for_role(role)]
    assert set(shown) <= set(listed) and not set(hidden) & set(listed)
    assert "/open " + ("nummer" if language == "nl" else "number") + ":" in help_text or role != commands.STAFF


def test_a_moment_is_told_in_the_municipalitys_time_zone() -> None:
    at = datetime(2026, 11, 30, 13, 5, tzinfo=UTC)
    assert moment(Voice(TEXTS, "nl"), at, "Europe/Amsterdam") == "maandag 30 november om 14:05"
    assert moment(Voice(TEXTS, "en"), at, "Europe/Amsterdam") == "Monday 30 November at 14:05"
    summer = datetime(2026, 7, 5, 22, 30, tzinfo=UTC)
    assert moment(Voice(TEXTS, "nl"), summer, "Europe/Amsterdam") == "maandag 6 juli om 00:30"
