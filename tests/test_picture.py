"""The resident's picture: only what they told or answered is drawn, large words that never overlap,
a legend for every colour, and the same picture on the staff card (the last test: through PTB)."""

from __future__ import annotations

import itertools

import pytest
from matplotlib.patches import Circle, Rectangle

from flows import picture
from flows.picture import COLOURS, HEARD, MIN_FONT, Words, figure, heaviest, what_to_draw
from flows.texts import Texts
from flows.voice import Voice
from knowledge.domains import DOMAIN_IDS
from testing.fakebot import image_size
from tests.conftest import RunningBot
from tests.test_handoff_e2e import FATIMA, register
from tests.test_resident_e2e import say, tap, texts

TEXTS = Texts.load(default="nl")
FULL = {"finances": 2, "work_education": 4, "housing": 5, "relationships": 3, "parenting": 4, "mental_health": 3,
        "physical_health": 5, "substance_use": 5, "daily_living": 2, "social_contacts": 4, "safety_justice": 1}
SKIPS = {"finances": 3, "work_education": None, "housing": 5, "relationships": None, "parenting": None,
         "mental_health": 2, "physical_health": 4, "substance_use": None, "daily_living": None}
# After a story the flow stores a working score per heard domain (for routing); it is not the resident's.
STORY = {"parenting": 2, "mental_health": 3, "finances": 3}
STORY_HEARD = ("parenting", "mental_health", "finances")
CASES = {
    "story": ("nl", STORY, STORY_HEARD),
    "full check": ("nl", FULL, ()),
    "check with skips": ("nl", SKIPS, ()),
    "english, story and check": ("en", {**STORY, "housing": 5, "daily_living": 2, "work_education": 4}, STORY_HEARD),
    "every domain in a story": ("nl", dict.fromkeys(DOMAIN_IDS, 3), DOMAIN_IDS),
}


def test_after_a_story_only_the_heard_domains_are_drawn_without_scores() -> None:
    drawing = what_to_draw(STORY, STORY_HEARD)
    assert drawing.heard == STORY_HEARD and drawing.answered == ()
    assert drawing.meanings == (HEARD,)


def test_after_the_check_only_answered_domains_with_their_answers_heaviest_first() -> None:
    drawing = what_to_draw(SKIPS)
    assert drawing.heard == ()
    assert drawing.answered == (("mental_health", 2), ("finances", 3), ("physical_health", 4), ("housing", 5))
    assert {d for d, _ in drawing.answered}.isdisjoint({d for d, s in SKIPS.items() if s is None})


def test_story_then_check_draws_the_heard_ones_as_heard_and_the_rest_as_answered() -> None:
    drawing = what_to_draw({**STORY, "housing": 5, "daily_living": 2}, STORY_HEARD)
    assert drawing.heard == STORY_HEARD and drawing.answered == (("daily_living", 2), ("housing", 5))
    assert drawing.meanings == (HEARD, 5, 2)


def test_what_weighs_most_follows_what_the_resident_said() -> None:
    assert heaviest(STORY, STORY_HEARD) == list(STORY_HEARD)  # the matcher's order, not a score
    assert heaviest({**STORY, "daily_living": 2}, STORY_HEARD)[:3] == list(STORY_HEARD)
    assert heaviest(FULL)[:3] == ["safety_justice", "finances", "daily_living"]


def rendered(language: str, answers: dict, heard: tuple) -> tuple:
    voice = Voice(TEXTS, language)
    fig = figure(what_to_draw(answers, heard), Words.of(voice, voice.plain("picture.title")))
    renderer = fig.canvas.get_renderer()
    axes = fig.axes[0]
    texts_ = [t for t in axes.texts if t.get_text()]
    boxes = [t.get_window_extent(renderer) for t in texts_]
    patches = [p.get_window_extent(renderer) for p in axes.patches]
    return fig, axes, texts_, boxes, patches


@pytest.mark.parametrize("case", CASES)
def test_large_words_that_never_overlap_and_stay_inside(case: str) -> None:
    fig, _axes, texts_, boxes, patches = rendered(*CASES[case])
    assert all(t.get_fontsize() >= MIN_FONT for t in texts_)
    for (a, box_a), (b, box_b) in itertools.combinations(zip(texts_, boxes, strict=True), 2):
        assert not box_a.overlaps(box_b), f"{a.get_text()!r} overlaps {b.get_text()!r}"
    for text, box in zip(texts_, boxes, strict=True):
        assert not any(box.overlaps(p) for p in patches), f"{text.get_text()!r} overlaps a bar or a dot"
        assert fig.bbox.contains(box.x0, box.y0) and fig.bbox.contains(box.x1, box.y1), text.get_text()


@pytest.mark.parametrize("case", CASES)
def test_every_colour_used_is_in_the_legend_in_plain_words(case: str) -> None:
    language, answers, heard = CASES[case]
    _fig, axes, texts_, _boxes, _patches = rendered(language, answers, heard)
    words = [t.get_text() for t in texts_]
    legend = words.index(TEXTS.template(language, "picture.legend"))
    used = {p.get_facecolor() for p in axes.patches}
    drawing = what_to_draw(answers, heard)
    for meaning in drawing.meanings:
        key = "picture.heard" if meaning == HEARD else f"picture.score_{meaning}"
        assert TEXTS.template(language, key) in words[legend:], key
    from matplotlib.colors import to_rgba

    assert used == {to_rgba(COLOURS[m]) for m in drawing.meanings}, "no colour without its words, none unused"


def test_a_story_draws_no_bars_and_every_heard_domain_by_name() -> None:
    _fig, axes, texts_, _boxes, _patches = rendered(*CASES["story"])
    assert not [p for p in axes.patches if isinstance(p, Rectangle)], "no heights we made up"
    assert len([p for p in axes.patches if isinstance(p, Circle)]) == len(STORY_HEARD) + 1  # one in the legend
    words = " ".join(t.get_text().replace("\n", " ") for t in texts_)
    for domain in STORY_HEARD:
        assert TEXTS.template("nl", f"domain.{domain}") in words
    assert "Wonen" not in words and "gaat goed" not in words


def test_the_check_draws_one_bar_per_answer_longer_when_heavier() -> None:
    _fig, axes, _texts, _boxes, _patches = rendered(*CASES["check with skips"])
    bars = [p for p in axes.patches if isinstance(p, Rectangle) and p.get_height() < 0.3 + 1e-9 and p.get_width() > 0.3]
    widths = [round(b.get_width(), 2) for b in bars]
    assert len(bars) == 4 and widths == sorted(widths, reverse=True)


def test_the_png_is_wide_enough_to_read_on_a_phone() -> None:
    png = picture.picture(Voice(TEXTS, "nl"), FULL, (), "Jouw plaatje")
    width, height = image_size(png)
    assert width == 800 and 800 <= height <= 1400


async def test_the_resident_and_the_staff_card_get_the_same_picture_of_the_story(bot: RunningBot) -> None:
    drawn: list[tuple] = []

    def recording(voice, answers, heard, title):
        drawn.append((what_to_draw(answers, heard), title))
        return picture.picture(voice, answers, heard, title)

    bot.house.router.resident.picture = recording
    bot.house.renderer.picture = recording
    fatima = await register(bot, FATIMA, "fatima-el-amrani", "Fatima El Amrani")
    story = "De rekeningen stapelen zich op en ik heb schulden. Mijn zoon spijbelt en ik voel me somber."
    heard = bot.house.matcher.match(story).domain_ids
    amira = bot.fake.user(3001, "Amira", language_code="nl")
    await say(amira, "/start")
    await tap(amira, "eigen woorden")
    await say(amira, story)
    await tap(amira, "Klopt")
    await tap(amira, "Nee, ga verder")
    await tap(amira, "Sla over")
    messages = await say(amira, "sla over")
    [photo] = [m for m in messages if m.photo]
    first = TEXTS.template("nl", f"domain.{heard[0]}").lower()
    assert f"Wat nu het zwaarst weegt: {first}" in photo.plain, "the story's most prominent domain, not a score"
    await say(amira, "5341")
    await tap(amira, "Ja, geef mijn verhaal door")
    await tap(amira, "Via een bericht")
    card = await fatima.hears(timeout=10)
    first_line = TEXTS.template("nl", f"domain.{heard[0]}")
    assert f"{first_line}: genoemd in het verhaal (geen score gevraagd)" in card.plain, "no score we made up"
    staff_photo = await fatima.hears(timeout=10)
    assert staff_photo.photo is not None and image_size(staff_photo.photo)[0] == 800
    [(resident_drawing, _), (staff_drawing, staff_title)] = drawn
    assert resident_drawing.heard == tuple(heard) and resident_drawing.answered == ()
    assert staff_drawing == resident_drawing and "Overdracht #1" in staff_title
    assert "Geld" in texts([photo]) or first in texts([photo])
    bot.fake.assert_clean()
