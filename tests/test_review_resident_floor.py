"""A reviewer's findings as a resident, at the flows floor: dayparts in sentences, what goes well, story domains
never shown as scores, every topic of a story kept, /privacy complete, no picture heading without a picture,
the check's numbering after a story, and the console in the resident's language."""

from __future__ import annotations

import json

import pytest

from flows.privacy import PrivacyFlow
from flows.replies import Reply
from flows.resident import Step
from flows.texts import Texts
from flows.voice import Voice
from handlers.console import Console, console_person
from knowledge.domains import DOMAIN_IDS
from tests.floor import Town, consent, text

DAYPARTS = ("morning", "afternoon", "evening", "any")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_daypart_reads_as_a_sentence_in_both_languages(language: str) -> None:
    voice = Voice(Texts.load(default="nl"), language)
    sentences = {part: voice.plain("done.how.phone", daypart=voice.plain(f"daypart_phrase.{part}"))
                 for part in DAYPARTS}
    for part, sentence in sentences.items():
        label = voice.plain(f"daypart.{part}").lower()
        assert part == "any" or f"in de {label}" in sentence or f"in the {label}" in sentence, sentence
    assert "in de" not in sentences["any"] and "in the" not in sentences["any"], sentences["any"]
    assert len(set(sentences.values())) == len(DAYPARTS)
    assert "maakt niet uit" not in sentences["any"].lower() and "any time." not in sentences["any"].lower()


async def test_any_time_is_said_as_any_time_when_the_resident_chooses_it(noord: Town) -> None:
    amira = noord.resident("d1")
    await amira.says("/start")
    await amira.taps("eigen woorden")
    await amira.says("ik heb schulden en mijn zoon spijbelt")
    await amira.taps("Klopt")
    await amira.taps("Nee, ga verder")
    await amira.says("sla over")
    await amira.says("sla over")
    await amira.says("5341")
    await amira.taps("Ja, geef mijn verhaal door")
    await amira.taps("Bel mij")
    await amira.says("06 12345678")
    done = text(await amira.taps("Maakt niet uit"))
    assert "het liefst op elk moment" in done and "in de maakt niet uit" not in done


async def check_answers(town: Town, name: str, typed: list[str]):
    """The short check typed, then the two open questions skipped: the summary."""
    ilse = town.resident(name)
    await ilse.says("/start")
    await ilse.taps("korte check")
    for words in typed:
        await ilse.says(words)
    await ilse.says("sla over")  # what goes well
    return ilse, await ilse.says("sla over")  # what would help: the summary


async def test_only_going_well_counts_as_going_well_and_a_bit_of_worry_does_not(noord: Town) -> None:
    # finances: a bit; work: a bit; housing: fine; relationships: worry (then its follow-up skipped); rest skipped
    typed = ["Een beetje", "een beetje", "Nee, gaat goed", "Ja, zorgen", "sla over"] + ["sla over"] * 7
    ilse, summary = await check_answers(noord, "g1", typed)
    said = text(summary)
    assert "Wat goed gaat: wonen." in said, said
    assert "geld" not in said.split("Wat goed gaat")[1].split("\n")[0].lower()


async def test_no_picture_heading_without_a_picture(noord: Town) -> None:
    few, summary = await check_answers(noord, "p1", ["Ja, zorgen", "sla over"] + ["sla over"] * 10)
    [shown] = [r for r in summary if "zwaarst" in str(r.text) or "plaatje" in str(r.text)]
    assert shown.picture is None and "Jouw plaatje" not in str(shown.text)
    many, summary = await check_answers(noord, "p2", ["Ja, zorgen", "sla over", "Een beetje", "Nee, gaat goed"]
                                        + ["sla over"] * 8)
    [drawn] = [r for r in summary if r.picture]
    assert "Jouw plaatje" in str(drawn.text)


async def test_story_domains_show_as_heard_never_as_scores_in_mijngegevens_and_the_file(noord: Town) -> None:
    amira = noord.resident("m1")
    await consent(amira)
    mine = await amira.says("/mijngegevens")
    shown = str(mine[0].text)
    assert "Geld en schulden: genoemd in je verhaal" in shown
    for score in "123":
        assert f": {score}\n" not in shown + "\n", shown
    exported = json.loads(mine[1].document[1])
    answers = exported["resident"]["progress"]["answers"]
    assert answers and set(answers.values()) == {"genoemd in je verhaal"}
    concerns = exported["handoffs"][0]["card"]["concerns"]
    assert concerns and {c["score"] for c in concerns} == {"genoemd in je verhaal"}
    stored = (await noord.store.residents.get(amira.person)).progress["answers"]
    assert set(stored.values()) <= {1, 2, 3}, "the working scores stay for routing"


async def test_a_story_with_many_topics_keeps_every_topic_heard(noord: Town) -> None:
    ann = noord.resident("s1", "en")
    await ann.says("/start")
    await ann.taps("own words")
    story = "I have debts and I lost my job and my son skips school. I feel low. Sometimes my husband hits me."
    heard = noord.house.matcher.match(story).domain_ids
    assert len(heard) > 4 and {"finances", "mental_health"} <= set(heard)
    said = text(await ann.says(story))
    for domain in heard:
        assert Voice(noord.house.texts, "en").domain(domain).lower() in said.lower(), domain
    assert (await noord.store.residents.get(ann.person)).progress["domains"] == list(heard)


@pytest.mark.parametrize("days, language, expected", [(90, "nl", "90 dagen"), (30, "en", "30 days")])
async def test_privacy_names_everything_kept_and_the_real_retention(noord: Town, days: int, language: str,
                                                                    expected: str) -> None:
    privacy = PrivacyFlow(noord.house.router.resident, days)
    said = text(await privacy.privacy(noord.resident(f"r{days}").person, language))
    assert expected in said
    assert ("telefoonnummer" in said and "gebeld" in said) if language == "nl" else (
        "phone number" in said and "called" in said)


async def test_the_check_after_a_story_counts_only_the_questions_asked(noord: Town) -> None:
    amira = noord.resident("c1")
    await amira.says("/start")
    await amira.taps("eigen woorden")
    await amira.says("ik heb schulden en mijn zoon spijbelt")
    await amira.taps("Klopt")
    heard = len((await noord.store.residents.get(amira.person)).progress["domains"])
    total = len(DOMAIN_IDS) - heard
    assert f"Vraag 1 van {total}" in text(await amira.taps("Ja, doe de check"))
    for number in range(2, total + 1):
        assert f"Vraag {number} van {total}" in text(await amira.says("Nee, gaat goed"))
    assert "Wat gaat er goed" in text(await amira.says("Nee, gaat goed"))
    assert (await noord.store.residents.get(amira.person)).progress["step"] == Step.GOING_WELL


async def test_the_console_speaks_the_residents_language(noord: Town, tmp_path, capsys) -> None:
    console = Console(noord.house, tmp_path, console_person("resident"))
    noord.house.worker.senders.insert(0, console)
    await console.handle("/start")
    await console.handle("/taal en")
    capsys.readouterr()
    console.show([Reply("x", picture=b"png", ask_contact="share"), Reply("y", removes=7)])
    shown = capsys.readouterr().out
    assert "[picture:" in shown and "(type your phone number" in shown and "[message 7 taken away]" in shown
    assert "plaatje" not in shown and "telefoonnummer" not in shown
    assert console.say("console.bye") == "Goodbye!"
