"""Reading typed text as a button: the real labels of the bot, in Dutch and English, many phrasings."""

from __future__ import annotations

import pytest

from flows.resident.choosing import SYNONYMS
from flows.resident.steps import Step
from flows.resident.typed import Option, is_skip, read
from flows.texts import Texts

TEXTS = Texts.load(default="nl")


def labels(*pairs: tuple[str, str]) -> list[Option]:
    """Options for (choice, text key) in both languages, as the flow builds them."""
    return [Option(choice, TEXTS.template(lang, key)) for lang in ("nl", "en") for choice, key in pairs]


CHECK = labels(*((a, f"check.answer.{a}") for a in ("fine", "bit", "worry", "heavy")), ("skip", "common.skip"))
OFFER = labels(("yes", "offer.accept"), ("no", "offer.decline"))
CONFIRM = labels(("ok", "story.right"), ("fix", "story.not_quite"))
PREFERENCE = labels(("message", "preference.message"), ("phone", "preference.phone"), ("self", "preference.self"))
DAYPART = labels(*((d, f"daypart.{d}") for d in ("morning", "afternoon", "evening", "any")))
WELCOME = [Option(c, TEXTS.template(lang, key).replace("{total}", "11")) for lang in ("nl", "en")
           for c, key in (("story", "start.way_story"), ("check", "start.way_check"))]


@pytest.mark.parametrize(("typed", "choice"), [
    ("Een beetje", "bit"), ("een beetje", "bit"), ("EEN BEETJE!!", "bit"), ("beetje", "bit"), ("beetj", "bit"),
    ("🙂 Een beetje", "bit"), ("a little", "bit"), ("A little.", "bit"), ("little", "bit"), ("2", "bit"),
    ("zwaar", "heavy"), ("heel zwaar", "heavy"), ("Ja, het is heel zwaar", "heavy"), ("ja zwaar", "heavy"),
    ("zwar", "heavy"), ("very hard", "heavy"), ("yes it's very hard", "heavy"), ("4", "heavy"),
    ("ja", "worry"), ("Ja!", "worry"), ("yes", "worry"), ("zorgen", "worry"), ("ik maak me zorgen", "worry"),
    ("Yes, I'm worried", "worry"), ("worried", "worry"), ("zorgn", "worry"),
    ("nee", "fine"), ("Nee.", "fine"), ("no", "fine"), ("gaat goed", "fine"), ("nee gaat goed", "fine"),
    ("No, it's fine", "fine"), ("fine", "fine"), ("goed", "fine"),
    ("geen kinderen", "skip"), ("I don't have children", "skip"),
])
def test_the_check_answers_typed(typed: str, choice: str) -> None:
    assert read(typed, CHECK, synonyms=SYNONYMS[Step.CHECK]).chosen == choice


@pytest.mark.parametrize(("options", "synonyms", "typed", "choice"), [
    (OFFER, Step.OFFER, "ja", "yes"), (OFFER, Step.OFFER, "Ja graag", "yes"), (OFFER, Step.OFFER, "yes", "yes"),
    (OFFER, Step.OFFER, "geef mijn verhaal door", "yes"), (OFFER, Step.OFFER, "pass on my story", "yes"),
    (OFFER, Step.OFFER, "nee", "no"), (OFFER, Step.OFFER, "liever niet", "no"), (OFFER, Step.OFFER, "no", "no"),
    (CONFIRM, Step.STORY_CONFIRM, "klopt", "ok"), (CONFIRM, Step.STORY_CONFIRM, "ja", "ok"),
    (CONFIRM, Step.STORY_CONFIRM, "that's right", "ok"), (CONFIRM, Step.STORY_CONFIRM, "nee", "fix"),
    (CONFIRM, Step.STORY_CONFIRM, "niet helemaal", "fix"), (CONFIRM, Step.STORY_CONFIRM, "klopt niet", "fix"),
    (PREFERENCE, None, "bel mij", "phone"), (PREFERENCE, None, "Call me", "phone"),
    (PREFERENCE, None, "via een bericht", "message"), (PREFERENCE, None, "bericht", "message"),
    (PREFERENCE, None, "ik neem zelf contact op", "self"), (PREFERENCE, None, "I'll contact them myself", "self"),
    (PREFERENCE, None, "zelf", "self"),
    (DAYPART, None, "ochtend", "morning"), (DAYPART, None, "s middags", "afternoon"),
    (DAYPART, None, "avnd", "evening"),
    (DAYPART, None, "maakt niet uit", "any"), (DAYPART, None, "any time", "any"), (DAYPART, None, "Évening", "evening"),
    (WELCOME, None, "eigen woorden", "story"), (WELCOME, None, "korte check", "check"),
    (WELCOME, None, "check", "check"), (WELCOME, None, "in my own words", "story"),
])
def test_other_questions_typed(options, synonyms, typed: str, choice: str) -> None:
    assert read(typed, options, synonyms=SYNONYMS.get(synonyms) if synonyms else None).chosen == choice


@pytest.mark.parametrize(("options", "typed", "choices"), [
    (DAYPART, "ochtend of middag", {"morning", "afternoon"}),
    (DAYPART, "morning or evening", {"morning", "evening"}),
    (CHECK, "een beetje of zwaar", {"bit", "heavy"}),
    (PREFERENCE, "bel mij of een bericht", {"phone", "message"}),
])
def test_two_buttons_named_at_once_are_ambiguous_never_a_choice(options, typed: str, choices: set[str]) -> None:
    reading = read(typed, options)
    assert reading.ambiguous and reading.chosen is None and set(reading.choices) == choices


@pytest.mark.parametrize(("options", "typed"), [
    (CHECK, "ik"), (CHECK, "het is"), (CHECK, "ja ik maak me zorgen over geld en over mijn zoon"),
    (DAYPART, "niet"), (DAYPART, "no"), (OFFER, "misschien"), (PREFERENCE, "weet je wat"),
    (WELCOME, "ik heb schulden"), (CHECK, "7"), (CHECK, "🙂"), (CHECK, ""),
])
def test_words_that_are_no_button(options, typed: str) -> None:
    assert read(typed, options).choices == ()


def test_at_a_free_text_question_only_a_whole_label_is_a_button() -> None:
    postcode = labels(("none", "postcode.rather_not"))
    assert read("Zeg ik liever niet", postcode, partial=False).chosen == "none"
    assert read("zeg ik liever niet!", postcode, partial=False).chosen == "none"
    assert read("liever", postcode, partial=False).chosen is None
    skip = labels(("skip", "common.skip"))
    assert read("mijn kinderen", skip, partial=False).chosen is None
    assert read("1", skip, partial=False).chosen is None  # a digit is a postcode's or a phone's, not a button


@pytest.mark.parametrize("typed", ["sla over", "Sla over!", "overslaan", "overslan", "skip", "Skip.", "SKIP",
                                   "sla ovr", "ik sla deze over", "weet ik niet", "geen idee", "no idea",
                                   "next question"])
def test_skip_in_many_words(typed: str) -> None:
    assert is_skip(typed)


@pytest.mark.parametrize("typed", ["geld", "sla", "over", "skipping school", "ik sla mijn kind niet over",
                                   "ik weet niet of ik schulden heb", ""])
def test_not_a_skip(typed: str) -> None:
    assert not is_skip(typed)
